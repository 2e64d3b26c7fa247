import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';
import {
  blockText,
  indentOf,
  insertAfterStatement,
  insertBeforeStatement,
  isFunctionNode,
  newError,
  oneLine,
  prependStatement,
  safeSuggestions,
  type SourceCode,
  styleOf,
} from '../util/edits';

import { getCapMonster } from '../capmonster';
import { type CodeRetry, findCodeRetries } from '../capmonster/branches';
import { type BlindRetry, findBlindRetries } from '../capmonster/retries';
import { createRule } from '../capmonster/create-rule';
import { shortSpecifier } from '../capmonster/modules';

export type Options = [];
export type MessageIds =
  | 'retriesZeroBalance'
  | 'blindRetry'
  | 'nextTaskAfterFailure'
  | 'checkNeverMatches'
  | 'throwOnZeroBalance'
  | 'rethrowZeroBalance'
  | 'abortOnFatalError'
  | 'bailOnFatalError'
  | 'filterFatalErrors';

/** The error codes after which creating a task again is pointless and, repeated, gets the account banned. */
const FATAL_TEST = '/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/';

function throwText(sourceCode: SourceCode): string {
  return `throw ${newError(styleOf(sourceCode), 'ERROR_ZERO_BALANCE: top up the CapMonster balance')}`;
}

function what(c: CodeRetry): string {
  if (c.kind === 'status' || (c.kind === 'switch' && c.node.type === 'Literal' && typeof c.node.value === 'number')) return 'HTTP 402 (zero balance)';
  if (c.kind === 'balance') return 'an empty balance';
  return 'ERROR_ZERO_BALANCE';
}

/** `if (check) throw …` placed at the top of the branch (or after the statement that gets the result). */
export function insertCheck(
  sourceCode: SourceCode,
  c: Pick<CodeRetry, 'check' | 'insertBefore' | 'wrap'> & { insertAfter?: TSESTree.Node; appendAfter?: TSESTree.Node },
  stop: string,
): TSESLint.ReportFixFunction | undefined {
  if (c.appendAfter) {
    const last = c.appendAfter;
    return (fixer) => insertAfterStatement(fixer, sourceCode, last, stop);
  }
  if (c.check === undefined) return undefined;
  const stmt = `if (${c.check}) ${stop}`;
  const at = c.insertBefore ?? c.wrap;
  if (at) return (fixer) => prependStatement(fixer, sourceCode, at, stmt);
  if (c.insertAfter) {
    const after = c.insertAfter;
    return (fixer) => insertAfterStatement(fixer, sourceCode, after, stmt);
  }
  return undefined;
}

/** `if (/ERROR_(?:ZERO_BALANCE|…)/.test(String(err))) throw err;` at the top of a catch handler (naming its error when it has none). */
function rethrowFix(sourceCode: SourceCode, h: NonNullable<BlindRetry['handler']>): TSESLint.ReportFixFunction | undefined {
  const body = h.body;
  const param = h.param;
  if (param && param.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = param?.name ?? 'error';
  const check = `if (${FATAL_TEST}.test(String(${name}))) throw ${name}`;
  const first = body.body[0];
  const open = sourceCode.getFirstToken(body);
  if (!open) return undefined;
  if (!param && !h.clause) return undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (!param) fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(h.clause!)!, ` (${name})`));
    if (first) fixes.push(insertBeforeStatement(fixer, sourceCode, first, check));
    else fixes.push(fixer.insertTextAfter(open, ` ${oneLine(check)} `));
    return fixes;
  };
}

/** `.catch(() => createTask(task))`: the handler rethrows the fatal codes, then retries. */
function arrowCatchFix(sourceCode: SourceCode, handler: TSESTree.Node): TSESLint.ReportFixFunction | undefined {
  if (!isFunctionNode(handler) || handler.body.type === AST_NODE_TYPES.BlockStatement) return undefined;
  const param = handler.params[0];
  if (param && param.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = param?.name ?? 'error';
  const open = handler.params.length === 0 ? sourceCode.getFirstToken(handler, { filter: (t) => t.value === '(' }) : undefined;
  if (!param && !open) return undefined;
  const arrow = sourceCode.getTokenBefore(handler.body, (t) => t.value === '=>');
  if (!arrow) return undefined;
  const style = styleOf(sourceCode);
  const body = sourceCode.text.slice(sourceCode.getTokenAfter(arrow)!.range[0], handler.range[1]);
  const text = ` { if (${FATAL_TEST}.test(String(${name}))) throw ${name}; return ${body}${style.semi} }`;
  return (fixer) => {
    const fixes = [fixer.replaceTextRange([arrow.range[1], handler.range[1]], text)];
    if (open) fixes.push(fixer.insertTextAfter(open, name));
    return fixes;
  };
}

/**
 * The statements from `first` to `last`, one indentation level deeper on every line but the first (lines
 * inside a template literal stay as they are).
 */
function indented(sourceCode: SourceCode, first: TSESTree.Node, last: TSESTree.Node, unit: string): string {
  const keep = new Set<number>();
  for (const t of sourceCode.getTokensBetween(first, last, { includeComments: false })) {
    if (t.type === 'Template' && t.loc.start.line !== t.loc.end.line) {
      for (let l = t.loc.start.line + 1; l <= t.loc.end.line; l++) keep.add(l);
    }
  }
  const start = first.loc.start.line;
  const lines = sourceCode.text.slice(first.range[0], last.range[1]).split('\n');
  return lines.map((line, i) => (i === 0 || keep.has(start + i) || line.trim() === '' ? line : `${unit}${line}`)).join('\n');
}

/** Where a retry package comes from in this file: `import pRetry, { AbortError } from 'p-retry'` or `const pRetry = require('p-retry')`. */
function packageImport(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.ImportDeclaration | 'require' | undefined {
  let callee: TSESTree.Node = call.callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression) callee = callee.object;
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(call);
  for (; scope; scope = scope.upper) {
    const v = scope.set.get(callee.name);
    if (!v) continue;
    const def = v.defs[0];
    if (def?.type === 'ImportBinding' && def.parent?.type === AST_NODE_TYPES.ImportDeclaration) return def.parent;
    if (def?.type === 'Variable') return 'require';
    return undefined;
  }
  return undefined;
}

/**
 * The retried function wrapped so that it stops the package on the fatal codes, in the package's idiom:
 * `throw new AbortError(error)` for p-retry, `return bail(error)` for async-retry.
 */
function retryPackageFix(sourceCode: SourceCode, b: BlindRetry, isTs: boolean): { messageId: MessageIds; fix: TSESLint.ReportFixFunction } | undefined {
  const call = b.node;
  const fn = b.retried;
  if (call.type !== AST_NODE_TYPES.CallExpression || !fn) return undefined;
  const style = styleOf(sourceCode);
  const error = isTs ? 'error as Error' : 'error';
  let stop: string;
  let extra: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined;
  let bail: string | undefined;
  let messageId: MessageIds;
  if (b.pkg === 'p-retry') {
    const source = packageImport(sourceCode, call);
    if (!source) return undefined;
    if (source === 'require') {
      const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : call.callee;
      stop = `throw new ${sourceCode.getText(callee)}.AbortError(${error})`;
    } else {
      const named = source.specifiers.find(
        (s): s is TSESTree.ImportSpecifier =>
          s.type === AST_NODE_TYPES.ImportSpecifier && s.imported.type === AST_NODE_TYPES.Identifier && s.imported.name === 'AbortError',
      );
      stop = `throw new ${named ? named.local.name : 'AbortError'}(${error})`;
      if (!named) {
        const specifiers = source.specifiers.filter((s) => s.type === AST_NODE_TYPES.ImportSpecifier);
        const lastNamed = specifiers[specifiers.length - 1];
        const def = source.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier);
        if (lastNamed) extra = (fixer) => fixer.insertTextAfter(lastNamed, ', AbortError');
        else if (def && source.specifiers.length === 1) extra = (fixer) => fixer.insertTextAfter(def, ', { AbortError }');
        else return undefined;
      }
    }
    messageId = 'abortOnFatalError';
  } else if (b.pkg === 'async-retry') {
    const f = isFunctionNode(fn) ? fn : undefined;
    const first = f?.params[0];
    if (first && first.type !== AST_NODE_TYPES.Identifier) return undefined;
    bail = first?.name ?? 'bail';
    stop = `return ${bail}(${error})`;
    messageId = 'bailOnFatalError';
  } else {
    return undefined;
  }
  const base = indentOf(sourceCode, fn);
  const unit = style.indent;
  const catchBody = [`if (${FATAL_TEST}.test(String(error))) ${stop}`, 'throw error'];
  const catchAt = (indent: string) => `catch (error) ${blockText(style, indent, catchBody)}`;
  let replacement: string;
  if (isFunctionNode(fn) && fn.body.type === AST_NODE_TYPES.BlockStatement) {
    // A function written in place: its body goes into the `try`.
    const inner = fn.body.body;
    if (inner.length === 0) return undefined;
    const first = inner[0]!;
    const last = inner[inner.length - 1]!;
    if (first.loc.start.line === fn.body.loc.start.line) return undefined;
    const reindented = indented(sourceCode, first, last, unit);
    const innerIndent = indentOf(sourceCode, first);
    const tryText = `try {\n${innerIndent}${unit}${reindented}\n${innerIndent}} ${catchAt(innerIndent)}`;
    const head = sourceCode.text.slice(fn.range[0], fn.body.range[0]);
    const param = bail !== undefined && fn.params.length === 0 ? withParam(sourceCode, fn, bail) : head;
    replacement = `${param}{\n${innerIndent}${tryText}\n${base}}`;
    if (!fn.async) replacement = `async ${replacement}`;
  } else {
    // A reference or an arrow with an expression body: called inside a new async arrow.
    let inner: string;
    if (isFunctionNode(fn)) {
      if (fn.params.length > 0) return undefined;
      const arrow = sourceCode.getTokenBefore(fn.body, (t) => t.value === '=>')!;
      inner = sourceCode.text.slice(sourceCode.getTokenAfter(arrow)!.range[0], fn.range[1]);
    } else {
      inner = `${sourceCode.getText(fn)}()`;
    }
    const tryText = `try ${blockText(style, base + unit, [`return await ${inner}`])} ${catchAt(base + unit)}`;
    replacement = `async (${bail ?? ''}) => {\n${base}${unit}${tryText}\n${base}}`;
  }
  return {
    messageId,
    fix: (fixer) => {
      const fixes = [fixer.replaceText(fn, replacement)];
      if (extra) fixes.push(extra(fixer));
      return fixes;
    },
  };
}

/** The head of a function (up to its body) with `name` as its only parameter. */
function withParam(sourceCode: SourceCode, fn: TSESTree.FunctionLike, name: string): string {
  const head = sourceCode.text.slice(fn.range[0], fn.body!.range[0]);
  const open = head.indexOf('(');
  return open < 0 ? `(${name}) => ` : `${head.slice(0, open + 1)}${name}${head.slice(open + 1)}`;
}

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-zero-balance',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying CapMonster requests after a zero-balance error',
      recommended: 'recommended',
    },
    messages: {
      retriesZeroBalance:
        'This branch sees {{what}} and creates another task, which gets the account banned (ZeroBalance); stop and top up first.',
      blindRetry:
        'This retry creates the task again after any failure, zero balance included (ZeroBalance); stop on ERROR_ZERO_BALANCE and fatal codes first.',
      nextTaskAfterFailure:
        '{{name}} hides every error: this loop creates tasks after ERROR_ZERO_BALANCE too (ZeroBalance); rethrow it there.',
      checkNeverMatches:
        'This check never matches ({{why}}), so the retry goes on after zero balance (ZeroBalance); fix the check.',
      throwOnZeroBalance: 'Throw on zero balance before anything is sent again.',
      rethrowZeroBalance: 'Rethrow ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED at the top of {{where}}.',
      abortOnFatalError: 'Throw AbortError on ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED so p-retry stops.',
      bailOnFatalError: 'Call {{name}}() on ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED so async-retry stops.',
      filterFatalErrors: 'Rethrow ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED before the handler retries.',
    },
    schema: [],
    fixable: 'code',
    hasSuggestions: true,
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;
    const isTs = /\.[cm]?tsx?$/.test(context.filename);
    return {
      'Program:exit'() {
        // Built on the first report only: most files report nothing.
        let text: string | undefined;
        const stop = (): string => (text ??= throwText(sourceCode));
        for (const c of findCodeRetries(file)) {
          if (c.codeClass !== 'zeroBalance') continue;
          const stmt = c.retry.statement;
          const fixable = c.alone && stmt !== undefined;
          const suggest = fixable ? undefined : insertCheck(sourceCode, c, stop());
          context.report({
            node: c.node,
            messageId: 'retriesZeroBalance',
            data: { what: what(c) },
            fix: fixable
              ? (fixer) => fixer.replaceText(stmt as TSESTree.Node, sourceCode.getLastToken(stmt as TSESTree.Node)?.value === ';' ? `${stop()};` : stop())
              : null,
            suggest: suggest ? safeSuggestions([{ messageId: 'throwOnZeroBalance', fix: suggest }]) : [],
          });
        }
        for (const b of findBlindRetries(file)) {
          context.report({
            node: b.node,
            messageId: b.kind === 'swallowingHelper' ? 'nextTaskAfterFailure' : b.misleading ? 'checkNeverMatches' : 'blindRetry',
            data: {
              name: b.request?.module ? `${b.request.module.name}() from ${shortSpecifier(b.request.module.specifier)}` : `${b.request?.wrapper?.name ?? 'this helper'}()`,
              why: b.misleading?.why ?? '',
            },
            suggest: safeSuggestions(blindRetrySuggestions(sourceCode, b, stop(), isTs)),
          });
        }
      },
    };
  },
});

function blindRetrySuggestions(
  sourceCode: SourceCode,
  b: BlindRetry,
  stop: string,
  isTs: boolean,
): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
  const handler = b.handler ?? (b.helperClause ? { body: b.helperClause.body, param: b.helperClause.param, clause: b.helperClause } : undefined);
  if (handler) {
    const fix = rethrowFix(sourceCode, handler);
    const clause = b.helperClause ?? (b.kind === 'swallowingHelper' ? b.handler?.clause : undefined);
    const where = clause ? `${helperName(clause)}'s catch` : 'this handler';
    return fix ? [{ messageId: 'rethrowZeroBalance', data: { where }, fix }] : [];
  }
  if (b.kind === 'promiseCatch') {
    const fix = arrowCatchFix(sourceCode, b.node);
    return fix ? [{ messageId: 'filterFatalErrors', fix }] : [];
  }
  if (b.kind === 'retryPackage') {
    const s = retryPackageFix(sourceCode, b, isTs);
    if (!s) return [];
    const fn = b.retried && isFunctionNode(b.retried) ? b.retried.params[0] : undefined;
    const name = fn?.type === AST_NODE_TYPES.Identifier ? fn.name : 'bail';
    return [{ messageId: s.messageId, data: { name }, fix: s.fix }];
  }
  const fix = insertCheck(sourceCode, b, stop);
  return fix ? [{ messageId: 'throwOnZeroBalance', fix }] : [];
}

/** `withRetry()` for the catch clause of `async function withRetry(…)`. */
function helperName(clause: TSESTree.CatchClause): string {
  for (let cur: TSESTree.Node | undefined = clause.parent; cur; cur = cur.parent) {
    if (cur.type === AST_NODE_TYPES.FunctionDeclaration && cur.id) return `${cur.id.name}()`;
    if (isFunctionNode(cur)) {
      const p = cur.parent;
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return `${p.id.name}()`;
      if (p?.type === AST_NODE_TYPES.MethodDefinition && p.key.type === AST_NODE_TYPES.Identifier) return `${p.key.name}()`;
      return 'the helper';
    }
  }
  return 'the helper';
}
