// NextAuth protects only what the matcher names: the dashboard, not /api.
import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/login' } });

export const config = { matcher: ['/dashboard/:path*', '/settings/:path*'] };
