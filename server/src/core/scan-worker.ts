// The worker side of a parallel scan: load the rules while the main thread reads the files, then claim and
// analyse components of the job it posts, and post back the plain-data results.
import { parentPort, workerData } from 'worker_threads';
import { loadKnowledge } from './knowledge/models';
import { analyseClaimedComponents, type ParallelJob, type WorkerInput, type WorkerResult } from './parallel';

const input = workerData as WorkerInput;
const knowledge = input.knowledge ?? loadKnowledge();
parentPort!.once('message', (job: ParallelJob) => {
  let result: WorkerResult;
  try {
    result = { ok: true, outputs: analyseClaimedComponents(job, knowledge) };
  } catch (e) {
    result = { ok: false, error: (e as Error).message };
  }
  parentPort!.postMessage(result);
});
