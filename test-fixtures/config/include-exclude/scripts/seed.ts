// scripts/seed.ts: every file holds a key; the config decides which are scanned.
export const OPENAI_KEY = 'sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu';
