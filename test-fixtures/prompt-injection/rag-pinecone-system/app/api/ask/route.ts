// Next.js RAG route: retrieved chunks (other file) go into a SystemMessage; tags do not make a system slot safe
import { ChatOpenAI } from '@langchain/openai';
import { SystemMessage, HumanMessage } from '@langchain/core/messages';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';
import { auth } from '@/auth';
import { retrieveContext } from '../../../lib/retriever';

const model = new ChatOpenAI({ model: 'gpt-4.1-mini', maxTokens: 700 });
const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });

export async function POST(req: Request) {
  const session = await auth();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { success } = await ratelimit.limit(session.user.id);
  if (!success) return new Response('Too many requests', { status: 429 });

  const { question } = await req.json();
  const context = await retrieveContext(question);

  const answer = await model.invoke([
    new SystemMessage(
      // expect: prompt-injection
      `Answer using only the help-center excerpts below. If unsure, say so.\n<context>\n${context}\n</context>`,
    ),
    // ok: prompt-injection
    new HumanMessage(question),
  ]);
  return Response.json({ answer: answer.text });
}
