// Postgres access: the connection pool plus the few queries shared by several routes.
import { Pool } from "pg";

export const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  idleTimeoutMillis: 30_000,
});

export type Role = "customer" | "agent" | "admin";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
}

export interface Ticket {
  id: number;
  subject: string;
  body: string;
  customerName: string;
  email: string;
  phone: string | null;
  queue: string;
  status: "open" | "pending" | "closed";
}

export async function getTicket(id: number): Promise<Ticket | undefined> {
  const { rows } = await pool.query<Ticket>(
    `SELECT id, subject, body, customer_name AS "customerName", customer_email AS email,
            customer_phone AS phone, queue, status
       FROM tickets
      WHERE id = $1`,
    [id],
  );
  return rows[0];
}

export async function findUserBySessionToken(token: string): Promise<User | undefined> {
  const { rows } = await pool.query<User>(
    `SELECT u.id, u.email, u.display_name AS "displayName", u.role
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = encode(sha256($1::bytea), 'hex') AND s.expires_at > now()`,
    [token],
  );
  return rows[0];
}
