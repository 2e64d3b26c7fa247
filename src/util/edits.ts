import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './node-types';

/**
 * Small pieces the rules build their fixes and suggestions from: the file's code style, where a statement
 * can go, and how code at some place stops with an error. Every function here only reads the AST and the
 * tokens; nothing re-detects CapMonster requests.
 */

export type SourceCode = Readonly<TSESLint.SourceCode>;
type FunctionNode = TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/** How the file writes code: what inserted code should look like. */
export interface CodeStyle {
  /** The quote most of its strings use. */
  readonly quote: "'" | '"';
  /** `;` when its statements end with a semicolon, `''` when they leave it out. */
  readonly semi: ';' | '';
  /** One level of indentation. */
  readonly indent: string;
}

const styles = new WeakMap<TSESTree.Program, CodeStyle>();

/** How many strings, statements and lines the style is read from: enough to tell, cheap on any file. */
const SAMPLE = 60;

/** The file's quotes, semicolons and indentation, read once per file. */
export function styleOf(sourceCode: SourceCode): CodeStyle {
  const ast = sourceCode.ast;
  let style = styles.get(ast);
  if (!style) {
    style = { quote: quoteOf(sourceCode), semi: semiOf(sourceCode), indent: indentUnitOf(sourceCode) };
    styles.set(ast, style);
  }
  return style;
}

function quoteOf(sourceCode: SourceCode): "'" | '"' {
  let single = 0;
  let double = 0;
  const tokens = sourceCode.ast.tokens;
  for (let i = 0; i < tokens.length && i < 100 * SAMPLE; i++) {
    const t = tokens[i]!;
    if (t.type !== 'String') continue;
    if (t.value.startsWith('"')) double++;
    else single++;
    if (single + double >= SAMPLE) break;
  }
  return double > single ? '"' : "'";
}

const TERMINATED = new Set<string>([
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
  AST_NODE_TYPES.BreakStatement,
  AST_NODE_TYPES.ContinueStatement,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.DoWhileStatement,
]);

function semiOf(sourceCode: SourceCode): ';' | '' {
  let with_ = 0;
  let without = 0;
  const stack: TSESTree.Node[] = [sourceCode.ast];
  let visited = 0;
  while (stack.length > 0 && with_ + without < SAMPLE && visited < 10 * SAMPLE) {
    const node = stack.pop()!;
    visited++;
    if (TERMINATED.has(node.type) && !isForHead(node)) {
      if (sourceCode.getLastToken(node)?.value === ';') with_++;
      else without++;
    }
    const keys = sourceCode.visitorKeys[node.type] ?? [];
    for (let i = keys.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[keys[i]!];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) if (child[j]) stack.push(child[j] as TSESTree.Node);
      } else if (child && typeof child === 'object') stack.push(child as TSESTree.Node);
    }
  }
  return without > with_ ? '' : ';';
}

function isForHead(node: TSESTree.Node): boolean {
  const p = node.parent;
  return (
    (p?.type === AST_NODE_TYPES.ForStatement && p.init === node) ||
    ((p?.type === AST_NODE_TYPES.ForOfStatement || p?.type === AST_NODE_TYPES.ForInStatement) && p.left === node)
  );
}

function indentUnitOf(sourceCode: SourceCode): string {
  let smallest: number | undefined;
  const lines = sourceCode.lines;
  for (let i = 0; i < lines.length && i < 5 * SAMPLE; i++) {
    const line = lines[i]!;
    if (line.startsWith('\t')) return '\t';
    const spaces = line.length - line.trimStart().length;
    if (spaces === 0 || spaces === line.length || line.trimStart().startsWith('*')) continue;
    if (smallest === undefined || spaces < smallest) smallest = spaces;
    if (smallest === 1) break;
  }
  return ' '.repeat(smallest === undefined || smallest > 8 ? 2 : smallest);
}

/** A string literal in the file's quotes. */
export function quoted(style: CodeStyle, text: string): string {
  const q = style.quote;
  let out = '';
  for (const ch of text) out += ch === '\\' ? '\\\\' : ch === q ? `\\${q}` : ch === '\n' ? '\\n' : ch;
  return `${q}${out}${q}`;
}

/** `new Error('…')` in the file's quotes. */
export function newError(style: CodeStyle, message: string): string {
  return `new Error(${quoted(style, message)})`;
}

/** The indentation of the line a node starts on. */
export function indentOf(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, line.length - line.trimStart().length);
}

/** Whether a node or token is the first thing on its line. */
function startsLine(sourceCode: SourceCode, node: TSESTree.Node | TSESTree.Token): boolean {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return line.slice(0, node.loc.start.column).trim() === '';
}

/** Whether a statement sits in a statement list (a block, a program, a `case`, a static block). */
export function inStatementList(node: TSESTree.Node): boolean {
  const p = node.parent;
  switch (p?.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return (p.body as TSESTree.Node[]).includes(node);
    case AST_NODE_TYPES.SwitchCase:
      return p.consequent.includes(node as TSESTree.Statement);
    default:
      return false;
  }
}

export function isFunctionNode(node: TSESTree.Node | undefined | null): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression
  );
}

/**
 * The statement of a statement list that holds `node` (itself when it is one). With `crossFunctions`, the
 * search goes on past functions and classes (a guard before the statement that defines them runs first);
 * without, it stops at the first function and returns undefined.
 */
export function statementOf(node: TSESTree.Node, crossFunctions = false): TSESTree.Node | undefined {
  for (let cur: TSESTree.Node | undefined = node; cur; cur = cur.parent) {
    if (inStatementList(cur)) {
      // `export const x = …`: the statement is the export.
      return cur;
    }
    if (!crossFunctions && cur !== node && isFunctionNode(cur)) return undefined;
  }
  return undefined;
}

/** Tokens that make a line continue the previous one when that one has no semicolon. */
const CONTINUING = new Set(['(', '[', '`', '+', '-', '/', '<']);

/**
 * Inserts a statement right before `stmt` (in a statement list), indented like it. `text` has no
 * terminator: the file's semicolon is added (and one anyway when the next line would continue it).
 */
export function insertBeforeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  stmt: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const style = styleOf(sourceCode);
  // On a line with other code (`{ a(); b(); }`), a semicolon is what separates the statements.
  if (!startsLine(sourceCode, stmt)) return fixer.insertTextBefore(stmt, `${text.endsWith('}') ? text : `${text};`} `);
  const first = sourceCode.getFirstToken(stmt);
  const semi = style.semi || (first && CONTINUING.has(first.value) ? ';' : '');
  const line = text.endsWith('}') ? text : `${text}${semi}`;
  return fixer.insertTextBefore(stmt, `${line}\n${indentOf(sourceCode, stmt)}`);
}

/** Inserts a statement right after `stmt`, on a line of its own, indented like it. */
export function insertAfterStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  stmt: TSESTree.Node,
  text: string,
): TSESLint.RuleFix {
  const style = styleOf(sourceCode);
  const line = text.endsWith('}') ? text : `${text}${style.semi}`;
  // A comment at the end of the statement's line stays with it.
  const trailing = sourceCode.getCommentsAfter(stmt).filter((c) => c.loc.start.line === stmt.loc.end.line);
  const after = trailing[trailing.length - 1] ?? stmt;
  return fixer.insertTextAfter(after, `\n${indentOf(sourceCode, stmt)}${line}`);
}

/** Terminates a statement that shares its line with another: always with a semicolon (a block needs none). */
export function oneLine(text: string): string {
  return text.endsWith('}') ? text : `${text};`;
}

/** Terminates a statement the way the file does (a block needs nothing). */
export function terminated(style: CodeStyle, text: string): string {
  return text.endsWith('}') ? text : `${text}${style.semi}`;
}

/**
 * Inserts a statement at the top of a block (after its `{`), indented like the block's first statement or
 * one level deeper than the block.
 */
export function insertAtTop(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  block: TSESTree.BlockStatement,
  text: string,
): TSESLint.RuleFix {
  const first = block.body[0];
  if (first) return insertBeforeStatement(fixer, sourceCode, first, text);
  const style = styleOf(sourceCode);
  const indent = indentOf(sourceCode, block);
  const open = sourceCode.getFirstToken(block)!;
  if (block.loc.start.line === block.loc.end.line) return fixer.insertTextAfter(open, ` ${oneLine(text)}`);
  return fixer.insertTextAfter(open, `\n${indent}${style.indent}${terminated(style, text)}`);
}

/**
 * A block of statements (each without terminator) on lines of their own, for code inserted at `indent`:
 * `{`, the statements one level deeper, `}`.
 */
export function blockText(style: CodeStyle, indent: string, statements: readonly string[]): string {
  const inner = statements.map((s) => `\n${indent}${style.indent}${terminated(style, s)}`).join('');
  return `{${inner}\n${indent}}`;
}

/** The indentation of a block's statements: its first statement's, or one level deeper than the block. */
export function innerIndent(sourceCode: SourceCode, block: TSESTree.Node): string {
  if (block.type === AST_NODE_TYPES.BlockStatement && block.body[0] && startsLine(sourceCode, block.body[0])) {
    return indentOf(sourceCode, block.body[0]);
  }
  return indentOf(sourceCode, block) + styleOf(sourceCode).indent;
}

/**
 * Puts `text` (a statement) in front of `stmt` wherever `stmt` is: before it in its statement list, or, for
 * the single-statement body of an `if`, a loop or a label, by making that body a block. Insertions only, so
 * other edits inside `stmt` can go with it.
 */
export function prependStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  stmt: TSESTree.Node,
  text: string,
): TSESLint.RuleFix[] {
  if (inStatementList(stmt)) return [insertBeforeStatement(fixer, sourceCode, stmt, text)];
  return [fixer.insertTextBefore(stmt, `{ ${oneLine(text)} `), fixer.insertTextAfter(stmt, ' }')];
}

/** Names of identifiers used anywhere in a node (tokens, so type annotations and JSX count too). */
export function usedNames(sourceCode: SourceCode, node: TSESTree.Node): Set<string> {
  const out = new Set<string>();
  for (const t of sourceCode.getTokens(node)) if (t.type === 'Identifier' || t.type === 'Keyword') out.add(t.value);
  return out;
}

/** The first of `names` nothing in `node` uses, else the first with a number that is free. */
export function freeName(sourceCode: SourceCode, node: TSESTree.Node, names: readonly string[]): string {
  const used = usedNames(sourceCode, node);
  for (const name of names) if (!used.has(name)) return name;
  for (let i = 2; ; i++) if (!used.has(`${names[0]}${i}`)) return `${names[0]}${i}`;
}

/** The innermost function around a node (not the node itself). */
export function functionAround(node: TSESTree.Node): FunctionNode | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (isFunctionNode(cur)) return cur;
  return undefined;
}

const CALLBACK_NAMES = /^(?:cb|callback|done|next|onDone|onError|reject)$/;

/** The `new Promise(executor)` a function is the executor of. */
function executorOf(fn: FunctionNode): TSESTree.NewExpression | undefined {
  const p = fn.parent;
  return p?.type === AST_NODE_TYPES.NewExpression &&
    p.callee.type === AST_NODE_TYPES.Identifier &&
    p.callee.name === 'Promise' &&
    p.arguments[0] === fn
    ? p
    : undefined;
}

function paramName(p: TSESTree.Parameter | undefined): string | undefined {
  if (p?.type === AST_NODE_TYPES.Identifier) return p.name;
  if (p?.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier) return p.left.name;
  return undefined;
}

/** How code at some place stops with an error, and an edit it needs for that (a `reject` parameter). */
export interface Stop {
  /** The statement, without terminator: `throw e`, `return reject(e)`, `return cb(e)`. */
  text: string;
  /** What it does, for a suggestion's description: `throw`, `reject`, `call cb`. */
  how: string;
  /** An edit the statement needs elsewhere (adding the `reject` parameter to a Promise executor). */
  extra?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix;
}

/**
 * How code at `node` stops with `error` (an expression): in an async function, or where nothing else is
 * known, it throws; in a callback-style function (a `cb`/`callback`/`done`/`next` parameter, here or
 * around) it returns the callback's call with the error; in a Promise executor (or a callback inside one)
 * it returns `reject(error)`, adding the parameter when the executor has only `resolve`.
 */
export function stopWith(sourceCode: SourceCode, node: TSESTree.Node, error: string): Stop {
  const fallback: Stop = { text: `throw ${error}`, how: 'throw' };
  for (let fn = isFunctionNode(node) ? node : functionAround(node); fn; fn = functionAround(fn)) {
    if (fn.generator) return fallback;
    const cb = fn.params.map(paramName).find((n) => n !== undefined && CALLBACK_NAMES.test(n));
    if (cb !== undefined) return { text: `return ${cb}(${error})`, how: cb === 'reject' ? 'reject' : `call ${cb}()` };
    if (executorOf(fn)) {
      const reject = paramName(fn.params[1]);
      if (reject !== undefined) return { text: `return ${reject}(${error})`, how: 'reject' };
      const resolve = fn.params[0];
      if (fn.params.length !== 1 || resolve?.type !== AST_NODE_TYPES.Identifier) return fallback;
      const used = usedNames(sourceCode, fn.body);
      if (used.has('reject')) return fallback;
      const before = sourceCode.getTokenBefore(resolve);
      const extra = before?.value === '('
        ? (fixer: TSESLint.RuleFixer) => fixer.insertTextAfter(resolve, ', reject')
        : (fixer: TSESLint.RuleFixer) => fixer.replaceText(resolve, `(${sourceCode.getText(resolve)}, reject)`);
      return { text: `return reject(${error})`, how: 'reject', extra };
    }
    // A function handed to a call (a reply callback, a timer): its error may belong to a callback or a
    // promise around it; look outside. Anything else throws to its caller.
    if (!isCallback(fn)) return fallback;
  }
  return fallback;
}

/** A function written as an argument of a call (or as a property of an object that is one). */
function isCallback(fn: FunctionNode): boolean {
  let p: TSESTree.Node | undefined = fn.parent;
  let arg: TSESTree.Node = fn;
  if (p?.type === AST_NODE_TYPES.Property && p.value === fn && p.parent?.type === AST_NODE_TYPES.ObjectExpression) {
    arg = p.parent;
    p = p.parent.parent;
  }
  return (p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.arguments.includes(arg as TSESTree.Expression);
}

/** A function's block body, or undefined for an arrow with an expression body. */
export function blockBody(fn: FunctionNode): TSESTree.BlockStatement | undefined {
  return fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body : undefined;
}

/**
 * Makes an arrow's expression body a block that runs `statements` first and returns the expression:
 * `() => f()` becomes `() => { check; return f(); }`, or, for a body over several lines, a block over
 * several lines with the body one level deeper. Insertions only (and the whitespace after `=>`), so other
 * edits inside the body can go with it.
 */
export function arrowWithStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  fn: TSESTree.ArrowFunctionExpression,
  statements: string | readonly string[],
): TSESLint.RuleFix[] {
  const list = typeof statements === 'string' ? [statements] : statements;
  const style = styleOf(sourceCode);
  const arrow = sourceCode.getTokenBefore(fn.body, (t) => t.value === '=>')!;
  const start = sourceCode.getTokenAfter(arrow, { includeComments: true })!;
  const end = fn.range[1];
  const endLine = sourceCode.getLastToken(fn)!.loc.end.line;
  if (start.loc.start.line === endLine || start.type === 'Block' || start.type === 'Line') {
    return [fixer.insertTextAfter(arrow, ` { ${list.map(oneLine).join(' ')} return`), fixer.insertTextAfterRange([end, end], `${style.semi} }`)];
  }
  const indent = indentOf(sourceCode, arrow);
  const inner = indent + style.indent;
  const head = list.map((t) => `\n${inner}${terminated(style, t)}`).join('');
  const fixes = [fixer.replaceTextRange([arrow.range[1], start.range[0]], ` {${head}\n${inner}return `)];
  // The body moves from the arrow's line to a line of its own: when it started on the arrow's line, its
  // other lines go one level deeper with it.
  if (start.loc.start.line === arrow.loc.start.line) fixes.push(...indentLines(fixer, sourceCode, start.loc.start.line + 1, endLine, style.indent));
  fixes.push(fixer.insertTextAfterRange([end, end], `${style.semi}\n${indent}}`));
  return fixes;
}

/** Insertions that indent lines `from`..`to` one level deeper (blank lines and lines inside a template literal stay). */
export function indentLines(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, from: number, to: number, unit: string): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  for (let line = from; line <= to; line++) {
    const text = sourceCode.lines[line - 1] ?? '';
    if (text.trim() === '') continue;
    const offset = sourceCode.getIndexFromLoc({ line, column: 0 });
    const token = sourceCode.getTokenByRangeStart(offset + (text.length - text.trimStart().length), { includeComments: true });
    // A line that does not start with a token is inside a template literal (or a block comment): leave it.
    if (!token) continue;
    fixes.push(fixer.insertTextBeforeRange([offset, offset], unit));
  }
  return fixes;
}

/**
 * Merges a suggestion's edits the way ESLint will, but gives up (no suggestion) instead of throwing when two
 * of them overlap: a suggestion that cannot be built must not take the lint run down.
 */
export function safely(fix: TSESLint.ReportFixFunction): TSESLint.ReportFixFunction {
  return (fixer) => {
    const result = fix(fixer);
    if (!result) return null;
    const fixes = (Symbol.iterator in result ? [...(result as Iterable<TSESLint.RuleFix>)] : [result as TSESLint.RuleFix]).sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
    for (let i = 1; i < fixes.length; i++) if (fixes[i]!.range[0] < fixes[i - 1]!.range[1]) return [];
    return fixes;
  };
}

/** The suggestions with every fix merged {@link safely}. */
export function safeSuggestions<T extends { fix: TSESLint.ReportFixFunction }>(suggestions: readonly T[]): T[] {
  return suggestions.map((s) => ({ ...s, fix: safely(s.fix) }));
}
