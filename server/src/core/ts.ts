// The TypeScript compiler API that ts-morph bundles, bound once to a module-level name. In the esbuild
// bundle, `import { ts } from 'ts-morph'` compiles every `ts.X` to a read through CommonJS interop getters
// (esbuild's and ts-morph's own), one of the hottest functions of a scan; a plain binding costs nothing.
import { ts as morphTs } from 'ts-morph';

export import ts = morphTs;
