// Public entry point of the analysis core. The CLI, the language server and the tests import only from here.
export * from './types';
export { scan } from './parallel';
export type { ScanOptions, ScanProgress } from './scan';
export { loadRuleMetas, findRulesDir } from './rules';
