// Bearer-token auth middleware: verifies the JWT and rejects the request with 401 otherwise.
import type { NextFunction, Request, Response } from 'express';
import jwt from 'jsonwebtoken';

export function requireAuth(req: Request, res: Response, next: NextFunction) {
  const token = req.headers.authorization?.replace(/^Bearer /, '');
  try {
    res.locals.user = jwt.verify(token ?? '', process.env.JWT_SECRET!);
    next();
  } catch {
    res.status(401).json({ error: 'Unauthorized' });
  }
}
