// The compiler module inside ts-morph's package: at run time its exports are the `ts` namespace itself (the
// declaration ts-morph ships, lib/typescript.d.ts, describes it as a named export of its common module).
declare module '@ts-morph/common/dist/typescript' {
  import { ts } from '@ts-morph/common';
  export = ts;
}
