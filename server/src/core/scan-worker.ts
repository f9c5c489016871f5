// The worker side of a parallel scan: analyse one group of candidate files and post the plain-data result.
import { parentPort, workerData } from 'worker_threads';
import { analyseFiles } from './scan';
import type { WorkerInput } from './parallel';

const input = workerData as WorkerInput;
try {
  const output = analyseFiles(input.root, input.files, { knowledge: input.knowledge, perFileBudgetMs: input.perFileBudgetMs, preselected: true });
  parentPort!.postMessage({ ok: true, output });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
