// Lexical scopes and the per-call frame of the interpreter.
import { ts } from '../ts';
import type { FnRef, GuardKind, Value } from './values';

export interface Cell {
  value?: Value;
  /** Lazily evaluated declaration (module-level and hoisted bindings). */
  init?: () => Value;
  evaluating?: boolean;
}

export interface ModuleCtx {
  file: string;
  sf: ts.SourceFile;
  scope: Scope;
  /** Resolvers for the module's exports by name ('default' for the default export). */
  exports: Map<string, () => Value>;
  starExports: string[];
  useClient: boolean;
  useServer: boolean;
  evaluated: boolean;
  /** The module constructs an LLM client or sends a prompt (for file-level transport checks). */
  callsLlm: boolean;
}

export interface ToolCtx {
  node: ts.Node;
  approved: boolean;
  reported: boolean;
  name: string;
  /** Sink kinds the tool's code reaches (shell, network, database...). */
  capabilities?: Set<string>;
}

export interface Effects {
  llm: boolean;
  guards: Set<GuardKind>;
}

export interface Frame {
  fn?: FnRef;
  name: string;
  returns: Value[];
  effects: Effects;
  tool?: ToolCtx;
  depth: number;
  /** Functions created while this frame ran (closures, callbacks): analysed when it ends if nothing called them. */
  created?: FnRef[];
  /** A human confirmation step ran in this frame before any action. */
  approved?: boolean;
  /** The function is a React component with state (it is run again when its state changes). */
  usesState?: boolean;
}

export class Scope {
  readonly vars = new Map<string, Cell>();

  constructor(
    readonly parent: Scope | undefined,
    readonly module: ModuleCtx,
    readonly frame: Frame | undefined,
    readonly thisValue?: Value,
  ) {}

  lookup(name: string): Cell | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) {
      const cell = s.vars.get(name);
      if (cell) return cell;
    }
    return undefined;
  }

  /** `this` of the nearest scope that binds it. */
  lookupThis(): Value | undefined {
    for (let s: Scope | undefined = this; s; s = s.parent) if (s.thisValue) return s.thisValue;
    return undefined;
  }

  declare(name: string, cell: Cell): void {
    this.vars.set(name, cell);
  }
}

export function newEffects(): Effects {
  return { llm: false, guards: new Set() };
}

export function mergeEffects(into: Effects, from: Effects): void {
  if (from.llm) into.llm = true;
  for (const g of from.guards) into.guards.add(g);
}
