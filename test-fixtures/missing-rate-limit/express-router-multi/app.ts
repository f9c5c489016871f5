// Express app mounting the catalog router with no rate limiting anywhere.
import express from 'express';
import helmet from 'helmet';
import { catalogRouter } from './routes/catalog';
import { authErrorHandler } from './middleware/auth';

const app = express();
app.use(helmet());
app.use(express.json());
app.use('/api', catalogRouter);
app.use(authErrorHandler);

app.listen(3000);
