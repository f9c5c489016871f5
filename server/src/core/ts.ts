// The TypeScript compiler API, bound once to a module-level name. It is the compiler ts-morph ships
// (@ts-morph/common/dist/typescript.js), loaded on its own: the analysis walks raw compiler nodes (the measured
// floor), so ts-morph's wrapper and the 3 MB of lib .d.ts text in its common module are never needed, and leaving
// them out of the bundles takes ~40% off the bytes the language server compiles at start-up. A plain binding
// also avoids the CommonJS interop getters that `import { ts } from 'ts-morph'` compiles every `ts.X` into (one of
// the hottest functions of a scan). Its types: ./ts-morph-compiler.d.ts.
import compiler = require('@ts-morph/common/dist/typescript');

export import ts = compiler;
