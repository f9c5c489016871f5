// JWT auth guard (express-jwt) and its 401 error handler, shared by the routers.
import type { NextFunction, Request, Response } from 'express';
import { expressjwt } from 'express-jwt';

export const requireAuth = expressjwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] });

export function authErrorHandler(err: Error, _req: Request, res: Response, next: NextFunction) {
  if (err.name === 'UnauthorizedError') return res.status(401).json({ error: 'Unauthorized' });
  next(err);
}
