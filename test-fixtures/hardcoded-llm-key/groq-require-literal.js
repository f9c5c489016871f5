// CommonJS Discord-style bot helper: a Groq key literal in the constructor
const Groq = require('groq-sdk');

const groq = new Groq({
  // expect: hardcoded-llm-key
  apiKey: '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',
});

async function tldr(text) {
  const chat = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_completion_tokens: 150,
    messages: [
      { role: 'system', content: 'Summarize the conversation in three short bullet points.' },
      { role: 'user', content: text },
    ],
  });
  return chat.choices[0].message.content;
}

module.exports = { tldr };
