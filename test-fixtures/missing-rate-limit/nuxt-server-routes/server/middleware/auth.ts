// Nuxt server middleware: every /api request needs a signed-in user (nuxt-auth-utils); nothing limits the rate.
export default defineEventHandler(async (event) => {
  if (!event.path.startsWith('/api/')) return;
  const session = await getUserSession(event);
  if (!session.user) throw createError({ statusCode: 401, statusMessage: 'Sign in first' });
});
