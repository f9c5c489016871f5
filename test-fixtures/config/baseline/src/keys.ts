export function mockKeys(): string[] {
  const keys: string[] = [];
  // expect: hardcoded-llm-key
  keys.push('sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu');
  return keys;
}
