// Declared types as evidence of personal data: a parameter typed `Customer` whose declaration has
// `email`, `phone`, `dateOfBirth`... holds personal data in those fields, even when nothing reads them
// one by one (JSON.stringify(customer) in a prompt). Purely syntactic: local and imported declarations.
import { ts } from '../ts';
import type { Interpreter } from './interpreter';
import { isPiiName } from './keys';
import { source, type Value } from './values';

function members(interp: Interpreter, type: ts.TypeNode, sf: ts.SourceFile, depth: number): readonly ts.TypeElement[] {
  if (depth > 3) return [];
  if (ts.isTypeLiteralNode(type)) return type.members;
  if (ts.isArrayTypeNode(type)) return members(interp, type.elementType, sf, depth + 1);
  if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) return type.types.flatMap((t) => [...members(interp, t, sf, depth + 1)]);
  if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return [];
  const name = type.typeName.text;
  const found = declarationOf(interp, name, sf, depth);
  if (!found) return [];
  const [decl, declSf] = found;
  if (ts.isInterfaceDeclaration(decl)) return decl.members;
  return members(interp, decl.type, declSf, depth + 1);
}

function declarationOf(interp: Interpreter, name: string, sf: ts.SourceFile, depth: number): [ts.InterfaceDeclaration | ts.TypeAliasDeclaration, ts.SourceFile] | undefined {
  for (const stmt of sf.statements) {
    if ((ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) && stmt.name.text === name) return [stmt, sf];
    if (ts.isImportDeclaration(stmt) && depth < 3 && stmt.importClause?.namedBindings && ts.isNamedImports(stmt.importClause.namedBindings)) {
      const el = stmt.importClause.namedBindings.elements.find((e) => e.name.text === name);
      if (!el) continue;
      const target = interp.ws.resolveImport((stmt.moduleSpecifier as ts.StringLiteral).text, sf.fileName);
      const targetSf = target ? interp.ws.sourceFile(target) : undefined;
      if (targetSf) return declarationOf(interp, (el.propertyName ?? el.name).text, targetSf, depth + 1);
    }
  }
  return undefined;
}

/** A value for a parameter whose declared type has PII-named fields: those fields carry personal data. */
const cache = new WeakMap<ts.ParameterDeclaration, string[]>();

export function typedPiiValue(interp: Interpreter, p: ts.ParameterDeclaration): Value | undefined {
  if (!p.type) return undefined;
  let fields = cache.get(p);
  if (!fields) {
    fields = piiFields(interp, p);
    cache.set(p, fields);
  }
  if (fields.length === 0) return undefined;
  const props = new Map<string, Value>();
  const param = p.name.getText();
  for (const f of fields) props.set(f, { flows: [source('pii', p, `${param}.${f} (personal data declared in its type)`)] });
  return { flows: [], props, openProps: true };
}

function piiFields(interp: Interpreter, p: ts.ParameterDeclaration): string[] {
  const sf = p.getSourceFile();
  const fields = members(interp, p.type!, sf, 0)
    .map((m) => (m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : undefined))
    .filter((n): n is string => !!n && isPiiName(n));
  return fields;
}
