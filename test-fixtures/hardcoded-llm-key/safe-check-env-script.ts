// SAFE: a setup check that only mentions the key *prefix* and an example placeholder
import OpenAI from 'openai';

// ok: hardcoded-llm-key
const EXPECTED_PREFIX = 'sk-';

export function checkEnv(): OpenAI {
  const key = process.env.OPENAI_API_KEY;
  if (!key || !key.startsWith(EXPECTED_PREFIX)) {
    // ok: hardcoded-llm-key
    console.error('Missing OPENAI_API_KEY. Add a line like OPENAI_API_KEY=sk-... to .env.local');
    process.exit(1);
  }
  return new OpenAI({ apiKey: key });
}

if (process.argv[1]?.endsWith('check-env.ts')) {
  checkEnv();
  console.log('OPENAI_API_KEY looks fine');
}
