/**
 * The public exports of the package and whether their TSDoc has an `@example`: the entry points
 * are read from package.json `exports` (`./dist/x/index.js` ↦ `src/x/index.ts`), their exports
 * resolved with the TypeScript compiler (through re-exports and aliases) to the declarations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** One public export. */
export interface PublicExport {
  /** Subpath of the package (`.`, `./kan`, …). */
  entry: string;
  /** Exported name. */
  name: string;
  /** Source file of the declaration, relative to the repository root. */
  file: string;
  /** Whether some declaration of the symbol carries an `@example` tag. */
  hasExample: boolean;
  /** `'value'` for functions, classes, constants and enums; `'type'` for interfaces and type aliases. */
  kind: 'value' | 'type';
}

/** The source entry point of each subpath in package.json `exports`. */
export function entryPoints(root: string): { entry: string; file: string }[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
  const out: { entry: string; file: string }[] = [];
  for (const [entry, target] of Object.entries(pkg.exports)) {
    const text = JSON.stringify(target);
    const match = /"\.\/dist\/([^"]+?)\.js"/.exec(text);
    if (match === null) continue;
    out.push({ entry, file: join(root, 'src', `${match[1]}.ts`) });
  }
  return out;
}

function hasExampleTag(node: ts.Node): boolean {
  const candidates: ts.Node[] = [node];
  // `export const x = …`: the TSDoc sits on the variable statement
  if (ts.isVariableDeclaration(node) && node.parent !== undefined && node.parent.parent !== undefined) candidates.push(node.parent.parent);
  return candidates.some((n) => ts.getJSDocTags(n).some((tag) => tag.tagName.text === 'example'));
}

/** Every public export of every entry point, with the `@example` check. */
export function publicExports(root: string): PublicExport[] {
  const entries = entryPoints(root);
  const program = ts.createProgram(entries.map((e) => e.file), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: [],
    noEmit: true,
    skipLibCheck: true,
    noResolve: false,
  });
  const checker = program.getTypeChecker();
  const out: PublicExport[] = [];
  for (const { entry, file } of entries) {
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`entry point ${file} not found`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (moduleSymbol === undefined) continue;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      if (declarations.length === 0) continue;
      out.push({
        entry,
        name: exported.name,
        file: declarations[0].getSourceFile().fileName.slice(root.length + 1),
        hasExample: declarations.some(hasExampleTag),
        kind: symbol.flags & ts.SymbolFlags.Value ? 'value' : 'type',
      });
    }
  }
  return out;
}
