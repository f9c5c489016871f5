// Router that runs model-written SQL from ../services/nl-query with Prisma's $queryRawUnsafe.
import { Router } from 'express';
import rateLimit from 'express-rate-limit';
import { PrismaClient } from '@prisma/client';
import { requireAuth } from '../middleware/auth';
import { questionToSql } from '../services/nl-query';

const prisma = new PrismaClient();
const limiter = rateLimit({ windowMs: 60_000, max: 10 });
export const reportsRouter = Router();

reportsRouter.post('/reports/ask', requireAuth, limiter, async (req, res) => {
  const sql = await questionToSql(String(req.body.question));
  // expect: unvalidated-llm-output
  const rows = await prisma.$queryRawUnsafe(sql);
  res.json({ rows });
});
