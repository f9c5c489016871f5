// Express server mounting the assist router.
import express from 'express';
import { assistRouter } from './routes/assist';

const app = express();
app.set('trust proxy', 1);
app.use(express.json());
app.use('/api', assistRouter);

app.listen(3000, () => console.log('listening on :3000'));
