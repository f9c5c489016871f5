// Elysia (Bun): an open route that calls the model.
import { Elysia } from 'elysia';
import Groq from 'groq-sdk';

const groq = new Groq();
const ask = (q: string) => groq.chat.completions.create({ model: 'llama-3.1-8b-instant', max_tokens: 200, messages: [{ role: 'user', content: q }] });

const app = new Elysia();

// expect: missing-rate-limit, unauthenticated-llm-endpoint
app.post('/api/ask', async ({ body }) => (await ask(String((body as { q: string }).q))).choices[0].message.content);

app.listen(3000);
