// Ops script: a password constant is included in a prompt to a local Ollama model
import ollama from 'ollama';

const SMTP_HOST = 'smtp.acme-mail.net';
const SMTP_USER = 'alerts';
const SMTP_PASSWORD = 'Wint3r!Relay#2024';

async function generateMailerConfig() {
  const res = await ollama.chat({
    model: 'qwen2.5-coder:7b',
    options: { num_predict: 512 },
    messages: [
      {
        role: 'user',
        // expect: secret-in-prompt
        content: `Write a nodemailer transport config for host ${SMTP_HOST}, user ${SMTP_USER}, password ${SMTP_PASSWORD}.`,
      },
    ],
  });
  console.log(res.message.content);
}

generateMailerConfig();
