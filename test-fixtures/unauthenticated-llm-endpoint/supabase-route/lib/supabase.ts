// Builds a Supabase client that carries the caller's bearer token.
import { createClient } from '@supabase/supabase-js';

export function supabaseForRequest(req: Request) {
  const authorization = req.headers.get('authorization') ?? '';
  return createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!, {
    global: { headers: { Authorization: authorization } },
    auth: { persistSession: false },
  });
}
