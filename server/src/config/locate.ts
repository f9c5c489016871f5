// Finding the config: from the scanned folder (a file's folder) upward, stopping after the repository root (the
// folder holding .git) or at the file-system root. In each folder: .promptward.yaml, .promptward.yml, or a
// "promptward" key in package.json; more than one of them in a folder is an error rather than a silent choice.
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { defaultConfig, loadConfigFile, parseConfig, type PromptwardConfig } from './load';
import { YamlFileError } from './located';

export const CONFIG_FILE_NAMES = ['.promptward.yaml', '.promptward.yml'] as const;

/** A mistake about which config to use (not inside one): one line, exit code 2. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface FoundConfig {
  file: string;
  /** The config is the "promptward" key of this package.json. */
  inPackageJson: boolean;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Does this package.json have a "promptward" key? A package.json that is not valid JSON is checked by the loader. */
function packageJsonHasConfig(file: string): boolean {
  if (!isFile(file)) return false;
  const text = readFileSync(file, 'utf8');
  if (!text.includes('"promptward"')) return false;
  try {
    const json = JSON.parse(text) as unknown;
    return typeof json === 'object' && json !== null && !Array.isArray(json) && Object.prototype.hasOwnProperty.call(json, 'promptward');
  } catch {
    return true; // let the loader report where the JSON is malformed
  }
}

/** The config files of one folder. */
function configsIn(dir: string): FoundConfig[] {
  const found: FoundConfig[] = CONFIG_FILE_NAMES.map((name) => path.join(dir, name)).filter(isFile).map((file) => ({ file, inPackageJson: false }));
  const pkg = path.join(dir, 'package.json');
  if (packageJsonHasConfig(pkg)) found.push({ file: pkg, inPackageJson: true });
  return found;
}

/** The nearest config from `startDir` upward, or undefined. Throws YamlFileError when a folder has two. */
export function findConfigFile(startDir: string): FoundConfig | undefined {
  let dir = path.resolve(startDir);
  for (;;) {
    const found = configsIn(dir);
    if (found.length > 1) {
      const names = found.map((f) => (f.inPackageJson ? 'the "promptward" key of package.json' : path.basename(f.file)));
      throw new YamlFileError(found[1]!.file, 1, 1, `more than one Promptward config in this folder (${names.join(' and ')}): keep one`);
    }
    if (found.length === 1) return found[0];
    const parent = path.dirname(dir);
    if (existsSync(path.join(dir, '.git')) || parent === dir) return undefined;
    dir = parent;
  }
}

function startFolder(target: string): string {
  try {
    return statSync(target).isDirectory() ? target : path.dirname(target);
  } catch {
    return path.dirname(target);
  }
}

export interface ConfigChoice {
  /** --config FILE; `false` for --no-config; undefined to look for one. */
  explicit?: string | false;
}

/**
 * The config for a scan of `paths`: the explicit one, or the one found from the scanned paths upward (all paths
 * must find the same one), or the documented defaults (globs relative to `cwd`). Throws YamlFileError for a bad
 * config and ConfigError for a bad choice.
 */
export function resolveConfig(paths: readonly string[], cwd: string, choice: ConfigChoice = {}): PromptwardConfig {
  if (choice.explicit === false) return defaultConfig(cwd);
  if (choice.explicit !== undefined) {
    const file = path.resolve(cwd, choice.explicit);
    if (!isFile(file)) throw new ConfigError(`cannot read config ${choice.explicit}: ${existsSync(file) ? 'not a file' : 'no such file'}`);
    if (path.basename(file) === 'package.json') {
      if (!packageJsonHasConfig(file)) throw new ConfigError(`${choice.explicit} has no "promptward" key`);
      return loadConfigFile(file, true);
    }
    return loadConfigFile(file);
  }
  const found = new Map<string, FoundConfig | undefined>();
  for (const p of paths.length > 0 ? paths : ['.']) {
    const config = findConfigFile(startFolder(path.resolve(cwd, p)));
    found.set(p, config);
  }
  const files = new Set([...found.values()].map((f) => f?.file));
  if (files.size > 1) {
    const list = [...found].map(([p, f]) => `${p} → ${f ? path.relative(cwd, f.file) || f.file : 'no config'}`).join(', ');
    throw new ConfigError(`the scanned paths use different config files (${list}): scan them separately, or choose one with --config`);
  }
  const [config] = found.values();
  return config ? loadConfigFile(config.file, config.inPackageJson) : defaultConfig(cwd);
}

