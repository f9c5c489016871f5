// Authentication: session tokens issued by Acme SSO, sent as "Authorization: Bearer ..." and checked with passport.
import passport from "passport";
import { Strategy as BearerStrategy } from "passport-http-bearer";
import type { RequestHandler } from "express";
import { findUserBySessionToken, type Role, type User } from "./db";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface User {
      id: string;
      email: string;
      displayName: string;
      role: Role;
    }
  }
}

export function configurePassport(): void {
  passport.use(
    new BearerStrategy(async (token, done) => {
      try {
        const user: User | undefined = await findUserBySessionToken(token);
        return done(null, user ?? false);
      } catch (err) {
        return done(err);
      }
    }),
  );
}

/** Rejects the request with 401 unless it carries a valid session token. */
export const requireAuth: RequestHandler = passport.authenticate("bearer", { session: false });

/** Use after requireAuth: only lets the given roles through. */
export function requireRole(...roles: Role[]): RequestHandler {
  return (req, res, next) => {
    if (!req.user || !roles.includes(req.user.role)) {
      res.status(403).json({ error: "forbidden" });
      return;
    }
    next();
  };
}
