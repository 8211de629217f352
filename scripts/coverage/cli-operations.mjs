// Which operations the CLI covers, derived from its code by the TypeScript compiler: every call in
// cli/src that resolves to a method of the TypeScript SDK counts for the operations that method
// names in its own body through `op('<operationId>'`. No list is kept by hand: a command that stops
// calling a method (or calls another) changes what the compiler resolves.
import path from 'node:path';
import ts from 'typescript';
import { opLiterals } from './sdk-sources.mjs';

export function cliOperations(repoRoot) {
  const cliDir = path.join(repoRoot, 'cli');
  const sdkSource = path.join(repoRoot, 'sdks', 'typescript', 'src');
  const config = ts.getParsedCommandLineOfConfigFile(path.join(cliDir, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!config) throw new Error('cannot read cli/tsconfig.json');
  // Resolve the SDK to its source, not its build, so each method's body (and its op literal) is there.
  const options = { ...config.options, noEmit: true, baseUrl: cliDir, paths: { '@cloudnexus/sdk': [path.join(sdkSource, 'index.ts')] } };
  const program = ts.createProgram(config.fileNames, options);
  const checker = program.getTypeChecker();
  const covered = new Set();
  const visit = (node) => {
    if (ts.isCallExpression(node)) {
      // The callee's type, not its name: `instances[operation.name](…)` is a union of several methods.
      const callee = checker.getTypeAtLocation(node.expression);
      for (const declaration of (callee.isUnion() ? callee.types : [callee]).flatMap((type) => type.getSymbol()?.declarations ?? [])) {
        if (!ts.isMethodDeclaration(declaration) || !declaration.getSourceFile().fileName.startsWith(sdkSource)) continue;
        for (const operation of opLiterals(declaration.body?.getText() ?? '')) covered.add(operation);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const file of program.getSourceFiles()) {
    if (file.fileName.startsWith(path.join(cliDir, 'src'))) visit(file);
  }
  return covered;
}
