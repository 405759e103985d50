import path from 'node:path';
import ts from 'typescript';
import { WEB_DIR } from './build.ts';

/** Where a code could not be read as a literal: a file and line, for the test's failure. */
export interface UnreadCode {
  at: string;
  text: string;
}

export interface ServerCodes {
  /** Each code with the package that makes it (`kernel`, `community` or `rewards`). */
  codes: Map<string, string>;
  unread: UnreadCode[];
}

const PACKAGES = ['kernel', 'community', 'rewards'] as const;

/**
 * Every problem code the servers can answer, read by the TypeScript checker from their source:
 * wherever a function or constructor of the servers takes a parameter named `code` (`problemOf`,
 * `PlazaError` and its subclasses, factories such as `shelfWindowError`), the argument's type is
 * read, so a literal, a union of literals or a default value is collected. An argument that only
 * passes a code on (a parameter, or another value's `.code`) is counted where that code was made;
 * any other argument is `unread`, so a new way of making codes fails the test instead of hiding.
 */
export function serverProblemCodes(): ServerCodes {
  const root = path.resolve(WEB_DIR, '..', '..');
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('tsconfig.json could not be read');
  const serverDirs = PACKAGES.map((pkg) => path.join(root, 'packages', pkg, 'src') + path.sep);
  const isServer = (file: string) =>
    serverDirs.some((dir) => path.resolve(file).startsWith(dir)) && !/\.test\.ts$/.test(file);
  const program = ts.createProgram(config.fileNames.filter(isServer), config.options);
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => isServer(file.fileName));
  // Asking the checker about every call takes a minute; only calls by a name that some server
  // declaration gives a `code` parameter (and `super`) can make a code, so only those are asked.
  const takers = new Set<string>(['super']);
  for (const file of files) visit(file, (node) => nameTakingCode(node, takers));
  const found: ServerCodes = { codes: new Map(), unread: [] };
  for (const file of files) visit(file, (node) => readCall(node, checker, takers, isServer, found));
  return found;
}

/** The name of a function, method or class whose parameters include `code`. */
function nameTakingCode(node: ts.Node, takers: Set<string>): void {
  if (!ts.isParameter(node) || node.name.getText() !== 'code') return;
  const owner = node.parent;
  const named = ts.isConstructorDeclaration(owner) ? owner.parent : owner;
  if ('name' in named && named.name && ts.isIdentifier(named.name as ts.Node))
    takers.add((named.name as ts.Identifier).text);
  else if (ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name))
    takers.add(owner.parent.name.text);
}

function calleeName(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = node.expression;
  if (callee.kind === ts.SyntaxKind.SuperKeyword) return 'super';
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

function visit(node: ts.Node, each: (node: ts.Node) => void): void {
  each(node);
  ts.forEachChild(node, (child) => visit(child, each));
}

function readCall(
  node: ts.Node,
  checker: ts.TypeChecker,
  takers: ReadonlySet<string>,
  isServer: (file: string) => boolean,
  found: ServerCodes,
): void {
  if (ts.isParameter(node) && node.name.getText() === 'code' && node.initializer) {
    const signature = checker.getSignatureFromDeclaration(node.parent as ts.SignatureDeclaration);
    if (signature && makesProblem(signature.getReturnType(), checker))
      collect(node.initializer, checker, found);
  }
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return;
  if (!takers.has(calleeName(node) ?? '')) return;
  const signature = checker.getResolvedSignature(node);
  const declaration = signature?.getDeclaration();
  if (!signature || !declaration || !isServer(declaration.getSourceFile().fileName)) return;
  // Only calls that make a problem answer: a field issue's code is the field's own
  // (`fieldErrors.*`, checked by its own test), not the code of the whole answer.
  if (!makesProblem(signature.getReturnType(), checker)) return;
  const index = declaration.parameters.findIndex((p) => p.name.getText() === 'code');
  const argument = index >= 0 ? node.arguments?.[index] : undefined;
  if (argument) collect(argument, checker, found);
}

function collect(expression: ts.Expression, checker: ts.TypeChecker, found: ServerCodes): void {
  const type = checker.getTypeAtLocation(expression);
  const parts = type.isUnion() ? type.types : [type];
  if (parts.every((part) => part.isStringLiteral())) {
    const pkg = PACKAGES.find((name) => expression.getSourceFile().fileName.includes(`/packages/${name}/`));
    for (const part of parts) if (part.isStringLiteral()) found.codes.set(part.value, pkg ?? 'kernel');
    return;
  }
  if (passesOn(expression, checker)) return;
  const file = expression.getSourceFile();
  const { line } = file.getLineAndCharacterOfPosition(expression.getStart());
  found.unread.push({ at: `${path.basename(file.fileName)}:${line + 1}`, text: expression.getText() });
}

/**
 * A type that answers as a problem: a `PlazaError` (or a subclass), a `Problem`, an
 * `EventProblem` (answered by `EventRejectedError`), or `never` (a function that throws one,
 * such as the event validator's `refuse`).
 */
function makesProblem(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.flags & ts.TypeFlags.Never) return true;
  const name = type.getSymbol()?.getName();
  if (name === 'PlazaError' || name === 'Problem' || name === 'EventProblem') return true;
  if (
    !(type.flags & ts.TypeFlags.Object) ||
    !((type as ts.ObjectType).objectFlags & ts.ObjectFlags.ClassOrInterface)
  )
    return false;
  return (checker.getBaseTypes(type as ts.InterfaceType) ?? []).some((base) => makesProblem(base, checker));
}

// A parameter, or some value's `.code`: the code was made elsewhere and is collected there.
function passesOn(expression: ts.Expression, checker: ts.TypeChecker): boolean {
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text === 'code';
  if (!ts.isIdentifier(expression)) return false;
  const declarations = checker.getSymbolAtLocation(expression)?.getDeclarations() ?? [];
  return declarations.some((d) => ts.isParameter(d));
}
