// Pulls a fenced SQL block out of the reply with RegExp#exec (not child_process) and only returns it.
import OpenAI from 'openai';

const openai = new OpenAI();
const SQL_FENCE = /```sql\n([\s\S]*?)```/;

export async function draftQuery(question: string): Promise<string | null> {
  const completion = await openai.chat.completions.create({
    model: 'gpt-4o-mini',
    max_completion_tokens: 400,
    messages: [
      { role: 'system', content: 'Draft a PostgreSQL query for the question inside a ```sql fence.' },
      { role: 'user', content: question },
    ],
  });
  const reply = completion.choices[0].message.content ?? '';
  // ok: unvalidated-llm-output
  const match = SQL_FENCE.exec(reply);
  console.info('drafted query for review', match?.[1]);
  return match ? match[1] : null;
}
