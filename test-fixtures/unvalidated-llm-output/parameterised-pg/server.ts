// Express route wiring the classifier output into the parameterised product query.
import express from 'express';
import passport from 'passport';
import rateLimit from 'express-rate-limit';
import { guessCategory } from './lib/classify';
import { findByCategory } from './db/products';

const app = express();
app.use(express.json());

app.post('/api/shop', passport.authenticate('jwt', { session: false }), rateLimit({ windowMs: 60_000, max: 20 }), async (req, res) => {
  const category = await guessCategory(String(req.body.request));
  const products = await findByCategory(category);
  res.json({ category, products });
});

app.listen(3000);
