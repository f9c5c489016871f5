// A minimal test runner for the extension host (no mocha): named async tests run in order, each with a
// deadline; results go to the console (which the code-server harness and @vscode/test-electron both capture);
// `runAll` throws when any test failed, which makes the host exit with code 1.

export interface TestCase {
  name: string;
  run: () => Promise<void> | void;
  timeoutMs?: number;
}

export async function runAll(suite: string, tests: readonly TestCase[]): Promise<void> {
  const failures: string[] = [];
  const started = Date.now();
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await withDeadline(Promise.resolve().then(t.run), t.timeoutMs ?? 60_000, t.name);
      console.log(`ok - ${suite}: ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      const detail = err instanceof Error ? err.stack ?? err.message : String(err);
      failures.push(`${t.name}: ${detail}`);
      console.log(`not ok - ${suite}: ${t.name} (${Date.now() - t0} ms)\n${indent(detail)}`);
    }
  }
  console.log(`# ${suite}: ${tests.length - failures.length} of ${tests.length} passed in ${Date.now() - started} ms`);
  if (failures.length) throw new Error(`${failures.length} of ${tests.length} extension-host tests failed:\n${failures.join('\n')}`);
}

function withDeadline<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]);
}

function indent(text: string): string {
  return text.split('\n').map((l) => `    ${l}`).join('\n');
}

/** Polls `check` until it returns a truthy value, or throws `what` at the deadline. */
export async function until<T>(check: () => T | undefined | null | false | Promise<T | undefined | null | false>, what: string, timeoutMs = 30_000, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last instanceof Error ? last.message : String(last)})` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
