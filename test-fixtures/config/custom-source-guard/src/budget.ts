import type { NextFunction, Request, Response } from 'express';

let spent = 0;

/** Stops a team once it has used its daily request budget. */
export function budgetGate(_req: Request, res: Response, next: NextFunction): void {
  if (spent++ > 1000) {
    res.status(503).end();
    return;
  }
  next();
}
