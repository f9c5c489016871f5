// CommonJS worker: Mistral SDK configured with a plain-http serverURL for an on-prem deployment
const { Mistral } = require('@mistralai/mistralai');

const mistral = new Mistral({
  apiKey: process.env.MISTRAL_API_KEY,
  // expect: insecure-llm-transport
  serverURL: 'http://mistral.onprem.acme.net:8080',
});

async function categorize(ticketText) {
  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 10,
    messages: [
      { role: 'system', content: 'Categorize the ticket as billing, outage, account or other. One word.' },
      { role: 'user', content: ticketText },
    ],
  });
  return res.choices[0].message.content;
}

module.exports = { categorize };
