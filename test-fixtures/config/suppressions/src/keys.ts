/* promptward-ignore-file hardcoded-llm-key -- keys of the local mock server, never valid upstream */
export const OPENAI_TEST_KEY = 'sk-proj-jrZi31bjRTcm7lyjbWL2hV30sll3bjR23dyUYFSm2BJ0bmcu';

export const ANTHROPIC_TEST_KEY = 'sk-ant-api03-3FIw9jCJQA4gzf3HG6tnK0vD9lCplimbD72YYxRmqtcbfnZUIF8FsOglmqFjajSLxcRP29_iypfrTfZZ3XNAoRnZcQ3HpAA';
