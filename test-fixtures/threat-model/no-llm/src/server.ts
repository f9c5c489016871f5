// A status page with no model anywhere.
import express from 'express';

const app = express();
app.get('/status', (_req, res) => {
  res.json({ status: 'ok' });
});
app.listen(3000);
