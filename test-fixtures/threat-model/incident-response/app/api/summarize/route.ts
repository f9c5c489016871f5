// Summarises a support conversation for the signed-in agent. No rate limit yet (tracked in OPS-212).
import { getServerSession } from 'next-auth';
import { summarise } from '../../../lib/summarise';

export async function POST(req: Request) {
  const session = await getServerSession();
  if (!session) return new Response('Unauthorized', { status: 401 });
  const { customerEmail, transcript } = await req.json();
  const summary = await summarise(String(customerEmail), String(transcript));
  return Response.json({ summary });
}
