// Next.js middleware: Clerk protects /api routes and Upstash rate-limits them before any handler runs.
import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
import { NextResponse } from 'next/server';
import { Ratelimit } from '@upstash/ratelimit';
import { Redis } from '@upstash/redis';

const ratelimit = new Ratelimit({ redis: Redis.fromEnv(), limiter: Ratelimit.slidingWindow(20, '1 m') });
const isApiRoute = createRouteMatcher(['/api/(.*)']);

export default clerkMiddleware(async (auth, req) => {
  if (!isApiRoute(req)) return NextResponse.next();
  const { userId } = await auth.protect();
  const { success } = await ratelimit.limit(userId);
  if (!success) return new NextResponse('Too many requests', { status: 429 });
  return NextResponse.next();
});

export const config = { matcher: ['/api/:path*'] };
