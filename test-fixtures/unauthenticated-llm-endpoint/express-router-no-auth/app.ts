// Express app mounting the translate router without any auth middleware.
import express from 'express';
import cors from 'cors';
import { translateRouter } from './routes/translate';

const app = express();
app.use(cors());
app.use(express.json());
app.use('/api', translateRouter);
app.listen(3000);
