// SvelteKit server hooks: every request is authenticated (Auth.js), none is rate limited.
import { sequence } from '@sveltejs/kit/hooks';
import { handle as authHandle } from './auth';
import { redirect, type Handle } from '@sveltejs/kit';

const requireSession: Handle = async ({ event, resolve }) => {
  const session = await event.locals.auth();
  if (!session && event.url.pathname.startsWith('/api')) throw redirect(303, '/login');
  return resolve(event);
};

export const handle = sequence(authHandle, requireSession);
