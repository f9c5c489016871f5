// File-system errors the user can do something about, turned into one-line messages.
import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';

/** Bad input (a path that cannot be read, a report that cannot be written): one line, exit code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'a file is in the way',
  ELOOP: 'too many levels of symbolic links',
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
};

export function errorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** "no such file or directory" for ENOENT and its kin; otherwise the error's own message. */
export function reason(err: unknown): string {
  const code = errorCode(err);
  return (code && REASONS[code]) ?? (err instanceof Error ? err.message : String(err));
}

export function isFileSystemError(err: unknown): boolean {
  const code = errorCode(err);
  return code !== undefined && code in REASONS;
}

/** Fails with the path as the user typed it, before any analysis starts. */
export function assertReadable(paths: readonly string[], cwd: string): void {
  for (const p of paths) {
    try {
      accessSync(path.resolve(cwd, p), constants.R_OK);
    } catch (err) {
      throw new InputError(`cannot read ${p}: ${reason(err)}`);
    }
  }
}
