// File paths as the reports show them.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `file` relative to `base`, with forward slashes; undefined when it lies outside `base`. */
export function pathInside(base: string, file: string): string | undefined {
  const relative = path.relative(base, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/** How a path is shown to a person: relative to `cwd` (climbing out with `../` if needed). */
export function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  if (relative === '') return '.';
  return path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
}

/** A relative path as a URI reference: each segment percent-encoded. */
export function relativeUri(relative: string): string {
  return relative.split('/').map(encodeURIComponent).join('/');
}

/** A folder as a file: URL with a trailing slash, as SARIF base URIs must be. */
export function folderUrl(folder: string): string {
  const href = pathToFileURL(folder).href;
  return href.endsWith('/') ? href : `${href}/`;
}

export function fileUrl(file: string): string {
  return pathToFileURL(file).href;
}
