// SvelteKit server hooks: a session check and a rate limit guard every endpoint.
import type { Handle } from '@sveltejs/kit';
import { error } from '@sveltejs/kit';
import { getSessionUser } from '$lib/server/session';
import { limiter } from '$lib/server/limiter';

export const handle: Handle = async ({ event, resolve }) => {
  const user = await getSessionUser(event.cookies);
  if (!user) throw error(401, 'sign in first');
  const { success } = await limiter.limit(user.id);
  if (!success) throw error(429, 'slow down');
  event.locals.user = user;
  return resolve(event);
};
