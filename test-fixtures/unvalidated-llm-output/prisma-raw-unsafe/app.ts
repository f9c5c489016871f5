// Express app that mounts the reports router.
import express from 'express';
import { reportsRouter } from './routes/reports';

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '100kb' }));
app.use('/api', reportsRouter);

app.listen(Number(process.env.PORT ?? 3000));
