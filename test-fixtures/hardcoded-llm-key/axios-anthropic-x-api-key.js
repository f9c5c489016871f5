// CommonJS: axios call to api.anthropic.com with a literal x-api-key header
const axios = require('axios');

async function extractInvoiceFields(invoiceText) {
  const { data } = await axios.post(
    'https://api.anthropic.com/v1/messages',
    {
      model: 'claude-haiku-4-5',
      max_tokens: 300,
      system: 'Extract vendor, date and total from the invoice as JSON.',
      messages: [{ role: 'user', content: invoiceText }],
    },
    {
      headers: {
        // expect: hardcoded-llm-key
        'x-api-key': 'sk-ant-api03-t7zku60kihSmf43lyt3okcPOHO4Bp-fP2V-QxZ0voKs-6SyRFoFUaqrmjn6sw3d3n3PFbGqwfmnGY-qLcNtsl6n4Ew1c2AA',
        'anthropic-version': '2023-06-01',
        'content-type': 'application/json',
      },
    },
  );
  return data.content[0].text;
}

module.exports = { extractInvoiceFields };
