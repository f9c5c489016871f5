// Scan progress on one overwritten line of a terminal; silent when the stream is not a TTY.
import type { ScanProgress } from '../core';

export interface ProgressReporter {
  update(progress: ScanProgress): void;
  clear(): void;
}

const INTERVAL_MS = 100;
const CLEAR_LINE = '\r\u001b[2K';

export function progressReporter(stream: NodeJS.WriteStream): ProgressReporter {
  if (!stream.isTTY) return { update: () => undefined, clear: () => undefined };
  let lastWrite = 0;
  let visible = false;
  return {
    update({ phase, done, total }) {
      const now = Date.now();
      if (now - lastWrite < INTERVAL_MS && done < total) return;
      lastWrite = now;
      const line = `promptward: ${phase} ${done}/${total} files`;
      stream.write(CLEAR_LINE + line.slice(0, Math.max(1, (stream.columns || 80) - 1)));
      visible = true;
    },
    clear() {
      if (visible) stream.write(CLEAR_LINE);
      visible = false;
    },
  };
}
