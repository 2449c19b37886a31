import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { ROOT } from './source-files';

/** Workspace packages resolve to their sources, as jest and tsconfig.test.json map them. */
const WORKSPACE_ENTRIES: Record<string, string> = {
  '@sanshe/domain-kit': 'packages/domain-kit/src/index.ts',
  '@sanshe/service-kit': 'packages/service-kit/src/index.ts',
  '@sanshe/community-directory': 'packages/community-directory/src/index.ts',
  '@sanshe/seed-fixtures': 'packages/seed-fixtures/src/index.ts',
  '@sanshe/graph-client': 'packages/graph-client/src/index.ts',
  '@sanshe/schemas': 'schemas/index.js',
};
const WORKSPACE_PREFIXES: Array<[RegExp, string]> = [
  [/^@sanshe\/(registry|social-orgs|activities|resident-services|credits)\/(.*)$/, 'services/$1/src/$2'],
  [/^@sanshe\/gateway\/(.*)$/, 'gateway/src/$1'],
];

/**
 * The specifiers a file loads at run time: `import type`, `export type` and imports whose every
 * named binding is `type` are erased by the compiler, so they are left out; `require()` and
 * dynamic `import()` count.
 */
export function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const erased =
        clause?.isTypeOnly ||
        (clause &&
          !clause.name &&
          clause.namedBindings &&
          ts.isNamedImports(clause.namedBindings) &&
          clause.namedBindings.elements.length > 0 &&
          clause.namedBindings.elements.every((e) => e.isTypeOnly));
      if (!erased) found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const erased =
        node.isTypeOnly ||
        (node.exportClause &&
          ts.isNamedExports(node.exportClause) &&
          node.exportClause.elements.length > 0 &&
          node.exportClause.elements.every((e) => e.isTypeOnly));
      if (!erased) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      !node.isTypeOnly &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.arguments.length === 1 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require'))
        found.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function resolveFile(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.js`, path.join(base, 'index.ts'), path.join(base, 'index.js')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** A workspace or relative specifier as a file of this repository; null for a third-party or node: module. */
export function resolveLocal(specifier: string, from: string): string | null {
  if (specifier.startsWith('.')) return resolveFile(path.resolve(path.dirname(from), specifier));
  const entry = WORKSPACE_ENTRIES[specifier];
  if (entry) return path.join(ROOT, entry);
  for (const [pattern, target] of WORKSPACE_PREFIXES) {
    if (pattern.test(specifier)) return resolveFile(path.join(ROOT, specifier.replace(pattern, target)));
  }
  return null;
}

/** The package a bare specifier names (`@apollo/server/x` → `@apollo/server`, `mongoose/lib` → `mongoose`). */
export const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * Walks what `start` loads at run time through local files and reports every third-party package
 * reached (or `unresolved <specifier>`), each with one chain of files that leads to it.
 */
export function runtimePackagesReached(start: string, cache = new Map<string, string[]>()): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const seen = new Set<string>([start]);
  const queue: Array<{ file: string; chain: string[] }> = [{ file: start, chain: [start] }];
  while (queue.length > 0) {
    const { file, chain } = queue.shift()!;
    let specifiers = cache.get(file);
    if (!specifiers) cache.set(file, (specifiers = runtimeSpecifiers(file)));
    for (const specifier of specifiers) {
      if (specifier.startsWith('node:')) continue;
      const local = resolveLocal(specifier, file);
      if (local) {
        if (!seen.has(local)) {
          seen.add(local);
          queue.push({ file: local, chain: [...chain, local] });
        }
      } else {
        // A local specifier that resolves to nothing is reported, so the walk can never stop short in silence.
        const name = specifier.startsWith('.') || specifier.startsWith('@sanshe/') ? `unresolved ${specifier}` : packageOf(specifier);
        if (!reached.has(name)) reached.set(name, chain);
      }
    }
  }
  return reached;
}
