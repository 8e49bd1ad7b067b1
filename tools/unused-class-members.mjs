#!/usr/bin/env node
// Unused class members: knip 6 checks unused files, exports, types and enum members but no longer class
// members, so a public method nothing calls (KijiStore.isUpToDate was one) passes `knip`. This asks the
// TypeScript language service for the references of every member of every class under src/ and lists
// the members referenced nowhere but in their own declaration (tests count as users). Exit 1 if any.
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const configPath = join(root, 'tsconfig.json');
const parsed = ts.parseJsonConfigFileContent(ts.readConfigFile(configPath, ts.sys.readFile).config, ts.sys, root);
const versions = new Map(parsed.fileNames.map((f) => [f, '0']));
const service = ts.createLanguageService({
  getScriptFileNames: () => parsed.fileNames,
  getScriptVersion: (f) => versions.get(f) ?? '0',
  getScriptSnapshot: (f) => (ts.sys.fileExists(f) ? ts.ScriptSnapshot.fromString(readFileSync(f, 'utf8')) : undefined),
  getCurrentDirectory: () => root,
  getCompilationSettings: () => parsed.options,
  getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
});
const program = service.getProgram();

const unused = [];
for (const source of program.getSourceFiles()) {
  const file = relative(root, source.fileName);
  if (!file.startsWith('src/')) continue;
  const visit = (node) => {
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) {
      const className = node.name?.text ?? '(anonymous class)';
      for (const member of node.members) {
        if (ts.isConstructorDeclaration(member) || ts.isClassStaticBlockDeclaration(member) || ts.isIndexSignatureDeclaration(member)) continue;
        const name = member.name;
        if (!name || ts.isPrivateIdentifier(name)) continue; // #private: tsc itself reports those
        // A member that overrides or implements one declared elsewhere is used through that declaration.
        if (ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Override) continue;
        const refs = service.findReferences(source.fileName, name.getStart(source)) ?? [];
        const used = refs.some((r) => r.references.some((ref) => !ref.isDefinition));
        if (!used) {
          const { line } = source.getLineAndCharacterOfPosition(name.getStart(source));
          unused.push(`${file}:${line + 1}  ${className}.${name.getText(source)}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

if (unused.length > 0) {
  console.log(`Unused class members (${unused.length})\n${unused.join('\n')}`);
  process.exit(1);
}
