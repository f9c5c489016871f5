// CommonJS script: a local Ollama model drafts a migration and better-sqlite3 db.exec() runs it unreviewed.
const Database = require('better-sqlite3');
const { Ollama } = require('ollama');

// ok: insecure-llm-transport
const ollama = new Ollama({ host: 'http://127.0.0.1:11434' });
const db = new Database('app.db');

async function applyMigration(change) {
  const res = await ollama.chat({
    model: 'qwen2.5-coder',
    options: { num_predict: 512, temperature: 0 },
    messages: [
      { role: 'system', content: 'Write SQLite DDL statements for the requested schema change. SQL only.' },
      { role: 'user', content: change },
    ],
  });
  // expect: unvalidated-llm-output
  db.exec(res.message.content);
}

applyMigration(process.argv.slice(2).join(' '));
