// Onboarding job: text scraped from a customer's website is placed in a Mistral system message
import axios from 'axios';
import { Mistral } from '@mistralai/mistralai';

const mistral = new Mistral({ apiKey: process.env.MISTRAL_API_KEY });

export async function draftWelcomeEmail(websiteUrl: string, contactName: string) {
  const { data: html } = await axios.get<string>(websiteUrl, { responseType: 'text' });
  const about = html.replace(/<[^>]+>/g, ' ').slice(0, 4000);

  const res = await mistral.chat.complete({
    model: 'mistral-small-latest',
    maxTokens: 400,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `You write onboarding emails. Facts about the customer's company: ${about}` },
      { role: 'user', content: `Draft a short welcome email to ${contactName}.` },
    ],
  });
  return res.choices?.[0]?.message?.content;
}
