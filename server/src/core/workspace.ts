// The workspace: the parsed files (from disk, or unsaved editor text), the compiler options of the nearest
// tsconfig/jsconfig (for `paths`), module resolution and the package versions declared in package.json. Files are
// parsed lazily: most never are.
import * as fs from 'fs';
import * as path from 'path';
import { ts } from './ts';

const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  noEmit: true,
  skipLibCheck: true,
  resolveJsonModule: false,
};

function scriptKind(file: string): ts.ScriptKind {
  if (/\.tsx$/.test(file)) return ts.ScriptKind.TSX;
  if (/\.jsx$/.test(file)) return ts.ScriptKind.JSX;
  if (/\.[cm]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const RESOLVABLE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

export class Workspace {
  private readonly overlays = new Map<string, string>();
  private readonly optionsByDir = new Map<string, ts.CompilerOptions>();
  private readonly resolutions = new Map<string, string | undefined>();
  private readonly packageJsonByDir = new Map<string, Record<string, string> | null>();
  private readonly unparsable = new Set<string>();
  private readonly parsed = new Map<string, ts.SourceFile>();

  constructor(readonly root: string) {}

  /** Unsaved editor text for a file wins over the disk. */
  setOverlay(file: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(file);
    else this.overlays.set(file, text);
    this.parsed.delete(file);
    this.unparsable.delete(file);
  }

  readText(file: string): string | undefined {
    const overlay = this.overlays.get(file);
    if (overlay !== undefined) return overlay;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  }

  /**
   * The parsed file, or undefined when it cannot be read. Analysis walks raw compiler nodes, parsed
   * without JSDoc (the measured floor).
   */
  sourceFile(file: string): ts.SourceFile | undefined {
    const existing = this.parsed.get(file);
    if (existing) return existing;
    if (this.unparsable.has(file)) return undefined;
    const text = this.readText(file);
    if (text === undefined || text.includes('\u0000')) {
      this.unparsable.add(file);
      return undefined;
    }
    const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, true, scriptKind(file));
    this.parsed.set(file, sf);
    return sf;
  }

  private compilerOptionsFor(file: string): ts.CompilerOptions {
    const dir = path.dirname(file);
    const cached = this.optionsByDir.get(dir);
    if (cached) return cached;
    let options = BASE_OPTIONS;
    const configFile = this.findUp(dir, ['tsconfig.json', 'jsconfig.json']);
    if (configFile) {
      const read = ts.readConfigFile(configFile, ts.sys.readFile);
      if (!read.error) {
        const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(configFile), undefined, configFile);
        options = { ...BASE_OPTIONS, paths: parsed.options.paths, baseUrl: parsed.options.baseUrl, pathsBasePath: parsed.options.pathsBasePath };
      }
    }
    this.optionsByDir.set(dir, options);
    return options;
  }

  /** Nearest file with one of `names`, looking up from `dir` but not above the workspace root's parent. */
  private findUp(dir: string, names: string[]): string | undefined {
    let current = dir;
    for (;;) {
      for (const name of names) {
        const candidate = path.join(current, name);
        if (fs.existsSync(candidate)) return candidate;
      }
      if (current === this.root || !current.startsWith(this.root)) return undefined;
      const parent = path.dirname(current);
      if (parent === current) return undefined;
      current = parent;
    }
  }

  /** Resolves an import specifier to a workspace source file, or undefined for packages and unknowns. */
  resolveImport(specifier: string, fromFile: string): string | undefined {
    const key = `${fromFile}\u0000${specifier}`;
    if (this.resolutions.has(key)) return this.resolutions.get(key);
    let resolved: string | undefined;
    if (specifier.startsWith('.') || specifier.startsWith('/')) {
      resolved = this.resolveRelative(path.resolve(path.dirname(fromFile), specifier));
    } else {
      const options = this.compilerOptionsFor(fromFile);
      if (options.paths || options.baseUrl) {
        const result = ts.resolveModuleName(specifier, fromFile, options, ts.sys);
        const file = result.resolvedModule?.resolvedFileName;
        if (file && !file.includes(`${path.sep}node_modules${path.sep}`) && !/\.d\.[cm]?ts$/.test(file)) resolved = path.resolve(file);
      }
      // The conventional root aliases (`@/lib`, `~/lib`: Next.js, Nuxt, Vite templates) when no tsconfig maps them.
      if (!resolved && /^[@~]\//.test(specifier) && !options.paths) {
        for (const base of [this.root, path.join(this.root, 'src')]) {
          resolved = this.resolveRelative(path.join(base, specifier.slice(2)));
          if (resolved) break;
        }
      }
    }
    this.resolutions.set(key, resolved);
    return resolved;
  }

  private resolveRelative(base: string): string | undefined {
    const isFile = (f: string) => this.overlays.has(f) || (fs.existsSync(f) && fs.statSync(f).isFile());
    if (RESOLVABLE_EXTENSIONS.some((e) => base.endsWith(e)) && isFile(base)) return base;
    // ESM-style imports name the emitted .js file; the source is .ts.
    const swapped = base.replace(/\.(m|c)?js$/, '.$1ts');
    if (swapped !== base && isFile(swapped)) return swapped;
    const swappedX = base.replace(/\.jsx$/, '.tsx');
    if (swappedX !== base && isFile(swappedX)) return swappedX;
    for (const ext of RESOLVABLE_EXTENSIONS) if (isFile(base + ext)) return base + ext;
    for (const ext of RESOLVABLE_EXTENSIONS) if (isFile(path.join(base, 'index' + ext))) return path.join(base, 'index' + ext);
    return undefined;
  }

  /** Major version of `pkg` as declared in the nearest package.json, if any. */
  packageMajor(fromFile: string, pkg: string): number | undefined {
    let dir = path.dirname(fromFile);
    for (;;) {
      let deps = this.packageJsonByDir.get(dir);
      if (deps === undefined) {
        deps = null;
        const file = path.join(dir, 'package.json');
        if (fs.existsSync(file)) {
          try {
            const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string> | undefined>;
            deps = { ...json.peerDependencies, ...json.devDependencies, ...json.dependencies };
          } catch {
            deps = null;
          }
        }
        this.packageJsonByDir.set(dir, deps);
      }
      if (deps && deps[pkg]) {
        const m = /(\d+)/.exec(deps[pkg]);
        return m ? Number(m[1]) : undefined;
      }
      if (dir === this.root || !dir.startsWith(this.root)) return undefined;
      const parent = path.dirname(dir);
      if (parent === dir) return undefined;
      dir = parent;
    }
  }
}
