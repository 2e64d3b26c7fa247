import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';
import {
  arrowWithStatement,
  blockText,
  freeName,
  functionAround,
  indentOf,
  insertAfterStatement,
  insertBeforeStatement,
  oneLine,
  prependStatement,
  quoted,
  safeSuggestions,
  type SourceCode,
  statementOf,
  stopWith,
  styleOf,
  terminated,
  usedNames,
} from '../util/edits';

import { getCapMonster } from '../capmonster';
import { type CodeRetry, findCodeRetries } from '../capmonster/branches';
import { FATAL_CODES, ZERO_BALANCE_CODE } from '../capmonster/codes';
import { isResultMethod } from '../capmonster/methods';
import { getSwallowedErrors, getUncheckedResponses, type SwallowedError, type UncheckedResponse } from '../capmonster/responses';
import { findSwallowedInLoops } from '../capmonster/retries';
import { createRule } from '../capmonster/create-rule';

export type Options = [];
export type MessageIds =
  | 'uncheckedResponse'
  | 'swallowedError'
  | 'swallowedAccountError'
  | 'helperSwallowsAccountError'
  | 'retriesFatalError'
  | 'addErrorCheck'
  | 'addErrorFields'
  | 'storeAndCheck'
  | 'rethrowError'
  | 'rethrowFatalErrors'
  | 'stopOnError'
  | 'rethrowAccountError'
  | 'stopOnFatalCode';

/** What to check, by protocol, in a few words. */
export const CHECK_HINT: Record<UncheckedResponse['kind'] | 'json1' | 'json1Poll' | 'textBalance', string> = {
  json: '`errorId !== 0`',
  official: '`result.error`',
  text: 'the `OK|` prefix',
  json1: '`status === 1`',
  // A plain-text balance has no `OK|` prefix: it is a number, or an error code in its place.
  textBalance: 'that it is a number',
  // A json=1 poll that tests `status === 1` only: status 0 is both "not ready" and an error, told apart by `request`.
  json1Poll: '`request` for errors',
};

/** Which check to name for an unchecked reply. */
function hintOf(u: UncheckedResponse, json1: boolean): keyof typeof CHECK_HINT {
  if (json1) return u.what === 'status' ? 'json1Poll' : 'json1';
  return u.kind === 'text' && u.request.method === 'res.php:getbalance' ? 'textBalance' : u.kind;
}

/** The error codes that stop an account: rethrown first by the handlers this rule fixes. */
const ACCOUNT_ERRORS = '/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/';
/** Every code after which polling again is pointless (FATAL_CODES and zero balance), in both spellings. */
const FATAL_ERRORS = `/${[...new Set([...Object.keys(FATAL_CODES), ZERO_BALANCE_CODE].map((c) => c.replace(/^ERROR_/, '')))].join('|')}/`;

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

export default createRule<Options, MessageIds>({
  name: 'handle-ban-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every CapMonster response to be checked for errors, and fatal errors to stop the flow',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      uncheckedResponse:
        "This reply's {{what}} is used unchecked: error replies repeat into a ban (WrongTaskId, KeyDoesntExist); check {{check}} first.",
      swallowedError:
        'This handler lets the poll go on after any error, so fatal errors repeat into a ban (WrongTaskId, KeyDoesntExist); rethrow or stop on them.',
      swallowedAccountError:
        'This catch moves on to the next item after any error, so account errors repeat per item (ZeroBalance, KeyDoesntExist); stop on them.',
      helperSwallowsAccountError:
        '{{name}} swallows every error: account errors repeat per item (ZeroBalance, KeyDoesntExist); rethrow them there.',
      retriesFatalError: 'This branch sees {{code}} and sends again anyway, which gets the account banned ({{ban}}); stop instead.',
      addErrorCheck: 'Insert `{{text}}` {{where}}.',
      addErrorFields: 'Also take `{{fields}}` from the reply and {{how}} when it is an error.',
      storeAndCheck: 'Keep the reply in `{{name}}` and {{how}} when it is an error.',
      rethrowError: 'Rethrow `{{name}}` at the end of the handler.',
      rethrowFatalErrors: 'Rethrow `{{name}}` at the top of the handler when it is a fatal CapMonster error (ZERO_BALANCE, KEY_DOES_NOT_EXIST, …).',
      stopOnError: 'On `{{name}}`, {{how}} instead of going on with the poll.',
      rethrowAccountError: 'Rethrow ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED at the top of the handler.',
      stopOnFatalCode: 'On {{code}}, {{how}} before anything is sent again.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const u of getUncheckedResponses(file)) {
          if (reported.has(u.node)) continue;
          reported.add(u.node);
          const json1 = u.kind === 'text' && u.what !== 'text';
          context.report({
            node: u.node,
            messageId: 'uncheckedResponse',
            data: { what: u.what, check: CHECK_HINT[hintOf(u, json1)] },
            suggest: safeSuggestions(errorCheckSuggestions(sourceCode, u)),
          });
        }
        for (const s of getSwallowedErrors(file)) {
          if (reported.has(s.node)) continue;
          reported.add(s.node);
          context.report({ node: s.node, messageId: 'swallowedError', suggest: safeSuggestions(rethrowSuggestion(sourceCode, s)) });
        }
        for (const s of findSwallowedInLoops(file)) {
          if (reported.has(s.node)) continue;
          reported.add(s.node);
          const fix = s.handler ? rethrowAccountErrors(sourceCode, s.handler) : undefined;
          context.report({
            node: s.node,
            messageId: s.helper !== undefined ? 'helperSwallowsAccountError' : 'swallowedAccountError',
            data: { name: s.helper ?? '' },
            suggest: fix ? safeSuggestions([{ messageId: 'rethrowAccountError', fix }]) : [],
          });
        }
        for (const r of findCodeRetries(file)) {
          if (r.codeClass !== 'fatal' || reported.has(r.node)) continue;
          reported.add(r.node);
          context.report({
            node: r.node,
            messageId: 'retriesFatalError',
            data: { code: r.code, ban: r.ban },
            suggest: safeSuggestions(fatalStopSuggestion(sourceCode, r)),
          });
        }
      },
    };
  },
});

/* ---------------------------------------------------------------------------------------------- */
/* uncheckedResponse                                                                                */
/* ---------------------------------------------------------------------------------------------- */

/** Whether an expression can be written twice without doing anything twice: names, `this`, plain members. */
function isPlain(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isPlain(node.object);
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
      return isPlain(node.expression);
    default:
      return false;
  }
}

function stripTs(node: TSESTree.Node): TSESTree.Node {
  let n = node;
  while (n.type === AST_NODE_TYPES.TSNonNullExpression || n.type === AST_NODE_TYPES.TSAsExpression || n.type === AST_NODE_TYPES.ChainExpression) {
    n = n.expression;
  }
  return n;
}

/** The expression that holds the reply where its payload is used: `data` in `data.taskId`, `text` in `text.split('|')`. */
function replyAt(node: TSESTree.Node): TSESTree.Node | undefined {
  const n = stripTs(node);
  if (n.type === AST_NODE_TYPES.MemberExpression) return n.object;
  // A text reply used as it is (`balance < 1`).
  if (n.type === AST_NODE_TYPES.Identifier) return n;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = stripTs(n.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression) return callee.object;
  }
  return undefined;
}

/** The check of a reply held in `x`, and what it stops with: `if (x.errorId !== 0) throw new Error(x.errorCode)`. */
function guardText(sourceCode: SourceCode, u: UncheckedResponse, x: string, at: TSESTree.Node): { text: string; how: string; extra?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } {
  const style = styleOf(sourceCode);
  const method = u.request.method;
  // A result reply may say "not ready yet": that one must not stop the poll.
  const poll = isResultMethod(method) || method === 'res.php';
  let test: string;
  let error: string;
  if (u.kind === 'official') {
    test = `${x}.error`;
    error = `${x}.error`;
  } else if (u.kind === 'text' && u.what !== 'text') {
    test = `${x}.status !== 1${poll ? ` && ${x}.request !== ${quoted(style, 'CAPCHA_NOT_READY')}` : ''}`;
    error = `${x}.request`;
  } else if (u.kind === 'text' && method === 'res.php:getbalance') {
    // A balance in plain text: a number, or an error code in its place.
    test = `Number.isNaN(Number(${x}))`;
    error = `String(${x})`;
  } else if (u.kind === 'text') {
    test = `!${x}.startsWith(${quoted(style, 'OK|')})${poll ? ` && ${x} !== ${quoted(style, 'CAPCHA_NOT_READY')}` : ''}`;
    error = x;
  } else {
    test = `${x}.errorId !== 0`;
    error = `${x}.errorCode`;
  }
  const stop = stopWith(sourceCode, at, `new Error(${error})`);
  return { text: `if (${test}) ${stop.text}`, how: stop.how, extra: stop.extra };
}

/** `const { taskId } = await call(…)`: take `errorId` and `errorCode` too, and check them right after. */
function destructured(sourceCode: SourceCode, u: UncheckedResponse): Suggestion | undefined {
  const prop = u.node;
  const pattern = prop.parent;
  if (prop.type !== AST_NODE_TYPES.Property || pattern?.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const declarator = pattern.parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id !== pattern) return undefined;
  const stmt = declarator.parent;
  if (stmt?.type !== AST_NODE_TYPES.VariableDeclaration || statementOf(stmt) !== stmt || stmt.declarations.length !== 1) return undefined;
  if (u.kind === 'text' || pattern.properties.some((p) => p.type === AST_NODE_TYPES.RestElement)) return undefined;
  const fields = u.kind === 'official' ? ['error'] : ['errorId', 'errorCode'];
  const used = usedNames(sourceCode, functionAround(stmt) ?? sourceCode.ast);
  if (fields.some((f) => used.has(f))) return undefined;
  const last = pattern.properties[pattern.properties.length - 1]!;
  const stop = stopWith(sourceCode, stmt, `new Error(${u.kind === 'official' ? 'error' : 'errorCode'})`);
  const check = `if (${u.kind === 'official' ? 'error' : 'errorId !== 0'}) ${stop.text}`;
  return {
    messageId: 'addErrorFields',
    data: { fields: fields.join(', '), how: stop.how },
    fix: (fixer) => {
      const fixes = [fixer.insertTextAfter(last, `, ${fields.join(', ')}`), insertAfterStatement(fixer, sourceCode, stmt, check)];
      if (stop.extra) fixes.push(stop.extra(fixer));
      return fixes;
    },
  };
}

/**
 * Where the suggested check goes: right after the declaration that holds the reply (the analysis names it),
 * else right before the statement that first uses it, else, for a reply that is not in a variable, into a
 * new variable first.
 */
function errorCheckSuggestions(sourceCode: SourceCode, u: UncheckedResponse): Suggestion[] {
  const subject = replyAt(u.node);
  const fix = u.fix;
  const subjectText = subject && isPlain(subject) ? sourceCode.getText(subject) : undefined;
  if (fix && (subjectText === undefined || subjectText === fix.name) && statementOf(fix.after) === fix.after) {
    const g = guardText(sourceCode, u, fix.name, fix.after);
    return [
      {
        messageId: 'addErrorCheck',
        data: { text: terminated(styleOf(sourceCode), g.text), where: 'right after the reply is received' },
        fix: (fixer) => {
          const fixes = [insertAfterStatement(fixer, sourceCode, fix.after, g.text)];
          if (g.extra) fixes.push(g.extra(fixer));
          return fixes;
        },
      },
    ];
  }
  const d = destructured(sourceCode, u);
  if (d) return [d];
  if (!subject) return [];
  if (subjectText !== undefined) {
    const g = guardText(sourceCode, u, subjectText, u.node);
    const place = placeBefore(sourceCode, u.node);
    if (!place) return [];
    return [
      {
        messageId: 'addErrorCheck',
        data: { text: terminated(styleOf(sourceCode), g.text), where: 'before the reply is first used' },
        fix: (fixer) => {
          const fixes = place(fixer, g.text);
          if (g.extra) fixes.push(g.extra(fixer));
          return fixes;
        },
      },
    ];
  }
  return storeReply(sourceCode, u, subject);
}

type Place = (fixer: TSESLint.RuleFixer, statement: string) => TSESLint.RuleFix[];

/** How to put a statement right before the code that holds `node`: before its statement, or into an arrow's expression body. */
function placeBefore(sourceCode: SourceCode, node: TSESTree.Node): Place | undefined {
  const stmt = statementOf(node);
  if (stmt) return (fixer, text) => prependStatement(fixer, sourceCode, stmt, text);
  const fn = functionAround(node);
  if (fn?.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    return (fixer, text) => arrowWithStatement(fixer, sourceCode, fn, text);
  }
  return undefined;
}

/** Whether evaluating `node` first, before the rest of its statement, changes nothing: it is not under a condition. */
function evaluatedFirst(node: TSESTree.Node, stmt: TSESTree.Node): boolean {
  for (let cur = node; cur !== stmt; cur = cur.parent!) {
    const p = cur.parent;
    if (!p) return false;
    switch (p.type) {
      case AST_NODE_TYPES.MemberExpression:
        if (p.object !== cur) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        if (p.optional) return false;
        break;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.VariableDeclarator:
      case AST_NODE_TYPES.VariableDeclaration:
        break;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (p !== stmt) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A reply used straight from an expression (`(await r.text()).split('|')`): keep it in a variable, check it, use the variable. */
function storeReply(sourceCode: SourceCode, u: UncheckedResponse, subject: TSESTree.Node): Suggestion[] {
  const stmt = statementOf(subject);
  const fn = functionAround(subject);
  const arrow = !stmt && fn?.type === AST_NODE_TYPES.ArrowFunctionExpression && fn.body.type !== AST_NODE_TYPES.BlockStatement ? fn : undefined;
  const holder = stmt ?? arrow;
  if (!holder || !evaluatedFirst(subject, arrow ?? holder)) return [];
  const name = freeName(sourceCode, fn ?? sourceCode.ast, ['reply', 'capmonsterReply']);
  const g = guardText(sourceCode, u, name, subject);
  const declaration = `const ${name} = ${sourceCode.getText(subject)}`;
  // `(await r.text()).split('|')`: the parentheses go with the expression.
  let range = subject.range;
  if (ASTUtils.isParenthesized(subject, sourceCode)) {
    const open = sourceCode.getTokenBefore(subject)!;
    const close = sourceCode.getTokenAfter(subject)!;
    range = [open.range[0], close.range[1]];
  }
  return [
    {
      messageId: 'storeAndCheck',
      data: { name, how: g.how },
      fix: (fixer) => {
        const fixes: TSESLint.RuleFix[] = [];
        if (stmt) {
          fixes.push(...prependStatement(fixer, sourceCode, stmt, declaration));
          fixes.push(...prependStatement(fixer, sourceCode, stmt, g.text));
        } else {
          fixes.push(...arrowWithStatement(fixer, sourceCode, arrow!, [declaration, g.text]));
        }
        fixes.push(fixer.replaceTextRange(range, name));
        if (g.extra) fixes.push(g.extra(fixer));
        return fixes;
      },
    },
  ];
}

/* ---------------------------------------------------------------------------------------------- */
/* swallowedError, swallowedAccountError                                                            */
/* ---------------------------------------------------------------------------------------------- */

/** `if (/ERROR_(?:ZERO_BALANCE|…)/.test(String(e))) throw e;` at the top of a catch clause (naming its error when it has none). */
export function rethrowAccountErrors(sourceCode: SourceCode, clause: TSESTree.CatchClause): TSESLint.ReportFixFunction | undefined {
  if (clause.param && clause.param.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = clause.param?.name ?? 'error';
  const check = `if (${ACCOUNT_ERRORS}.test(String(${name}))) throw ${name}`;
  const first = clause.body.body[0];
  const open = sourceCode.getFirstToken(clause.body);
  const catchToken = sourceCode.getFirstToken(clause);
  if (!open || !catchToken) return undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (!clause.param) fixes.push(fixer.insertTextAfter(catchToken, ` (${name})`));
    if (first) fixes.push(insertBeforeStatement(fixer, sourceCode, first, check));
    else fixes.push(fixer.insertTextAfter(open, ` ${oneLine(check)} `));
    return fixes;
  };
}

/** The text that names an interval: `const timer = setInterval(…)` → `timer`. */
function intervalHandle(sourceCode: SourceCode, call: TSESTree.Node): string | undefined {
  const p = call.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === call && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
  if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === call && p.operator === '=') return sourceCode.getText(p.left);
  return undefined;
}

/** `if (err) return;` in a reply callback: the branch stops the poll with the error instead (clearing an interval first). */
function callbackStop(sourceCode: SourceCode, s: SwallowedError): Suggestion[] {
  const branch = s.handler;
  if (branch.type !== AST_NODE_TYPES.IfStatement || s.param === undefined) return [];
  const stop = stopWith(sourceCode, branch, s.param);
  if (stop.how === 'throw') return [];
  const statements = [stop.text];
  if (s.poll.kind === 'interval') {
    const handle = intervalHandle(sourceCode, s.poll.node);
    if (handle === undefined) return [];
    statements.unshift(`clearInterval(${handle})`);
  }
  const target = branch.consequent;
  const text =
    statements.length === 1
      ? oneLine(statements[0]!).replace(/;$/, styleOf(sourceCode).semi)
      : target.loc.start.line === target.loc.end.line
        ? `{ ${statements.map(oneLine).join(' ')} }`
        : blockText(styleOf(sourceCode), indentOf(sourceCode, branch), statements);
  return [
    {
      messageId: 'stopOnError',
      data: { name: s.param, how: stop.how },
      fix: (fixer) => {
        const fixes = [fixer.replaceText(target, text)];
        if (stop.extra) fixes.push(stop.extra(fixer));
        return fixes;
      },
    },
  ];
}

/** Adds `throw <error>;` at the end of the handler (and an error parameter when it has none). */
function rethrowSuggestion(sourceCode: SourceCode, s: SwallowedError): Suggestion[] {
  if (s.kind === 'callback') return callbackStop(sourceCode, s);
  const style = styleOf(sourceCode);
  const handler = s.handler;
  const name = s.param ?? 'error';
  const rethrow = `throw ${name}`;
  let body: TSESTree.Node;
  let paramFix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | undefined) | undefined;
  if (handler.type === AST_NODE_TYPES.CatchClause) {
    if (handler.param && handler.param.type !== AST_NODE_TYPES.Identifier) return [];
    body = handler.body;
    if (!handler.param) {
      const catchToken = sourceCode.getFirstToken(handler);
      if (!catchToken) return [];
      paramFix = (fixer) => fixer.insertTextAfter(catchToken, ` (${name})`);
    }
  } else if (handler.type !== AST_NODE_TYPES.IfStatement) {
    if (handler.params[0] && handler.params[0].type !== AST_NODE_TYPES.Identifier) return [];
    body = handler.body;
    if (handler.params.length === 0) {
      const open = sourceCode.getTokenBefore(body, (t) => t.value === '(' && t.range[0] >= handler.range[0]);
      const first = sourceCode.getFirstToken(handler);
      const paren =
        handler.type === AST_NODE_TYPES.ArrowFunctionExpression && first?.value !== '(' && first?.value === 'async'
          ? sourceCode.getTokenAfter(first)
          : handler.type === AST_NODE_TYPES.ArrowFunctionExpression
            ? first
            : open;
      if (!paren || paren.value !== '(') return [];
      paramFix = (fixer) => fixer.insertTextAfter(paren, name);
    }
  } else {
    return [];
  }
  const fn = handler.type === AST_NODE_TYPES.CatchClause ? undefined : handler;
  const fatalCheck = `if (${FATAL_ERRORS}.test(String(${name}))) throw ${name}`;
  const block = body.type === AST_NODE_TYPES.BlockStatement ? body : undefined;
  const arrow = !block && fn?.type === AST_NODE_TYPES.ArrowFunctionExpression ? fn : undefined;
  return [
    {
      // The fatal codes first: the handler keeps going on after the transient ones.
      messageId: 'rethrowFatalErrors',
      data: { name },
      fix(fixer) {
        const fixes: TSESLint.RuleFix[] = [];
        const p = paramFix?.(fixer);
        if (p) fixes.push(p);
        if (block?.body[0]) fixes.push(insertBeforeStatement(fixer, sourceCode, block.body[0], fatalCheck));
        else if (block) fixes.push(fixer.insertTextAfter(sourceCode.getFirstToken(block)!, ` ${oneLine(fatalCheck)} `));
        else if (arrow) fixes.push(...arrowWithStatement(fixer, sourceCode, arrow, fatalCheck));
        return fixes;
      },
    },
    {
      messageId: 'rethrowError',
      data: { name },
      fix(fixer) {
        const fixes: TSESLint.RuleFix[] = [];
        const p = paramFix?.(fixer);
        if (p) fixes.push(p);
        if (body.type === AST_NODE_TYPES.BlockStatement) {
          const last = body.body[body.body.length - 1];
          if (last && (last.type === AST_NODE_TYPES.ContinueStatement || last.type === AST_NODE_TYPES.ReturnStatement)) {
            // `catch (e) { log(e); continue; }`, `catch (e) { return poll(id); }`: the way on becomes the rethrow.
            fixes.push(fixer.replaceText(last, sourceCode.getLastToken(last)?.value === ';' ? `${rethrow};` : rethrow));
          } else if (last) {
            const sameLine = last.loc.start.line === body.loc.start.line;
            if (sameLine) {
              const semi = sourceCode.getLastToken(last)?.value === ';' ? '' : ';';
              fixes.push(fixer.insertTextAfter(last, `${semi} ${rethrow}${style.semi}`));
            } else {
              fixes.push(insertAfterStatement(fixer, sourceCode, last, rethrow));
            }
          } else {
            const indent = indentOf(sourceCode, body);
            fixes.push(fixer.replaceText(body, `{\n${indent}${style.indent}${terminated(style, rethrow)}\n${indent}}`));
          }
        } else if (fn) {
          // `() => null` / `(e) => console.log(e)`: an expression body becomes a block that rethrows.
          const arrow = sourceCode.getTokenBefore(body, (t) => t.value === '=>');
          if (!arrow) return fixes;
          const b = body as TSESTree.Expression;
          // Keep what the handler did (`console.log(e)`); a plain value (`null`, `{}`) is dropped.
          const keep =
            b.type === AST_NODE_TYPES.CallExpression ||
            b.type === AST_NODE_TYPES.AwaitExpression ||
            b.type === AST_NODE_TYPES.AssignmentExpression ||
            b.type === AST_NODE_TYPES.UpdateExpression
              ? `${sourceCode.getText(b)}; `
              : '';
          fixes.push(fixer.replaceTextRange([arrow.range[1], fn.range[1]], ` { ${keep}${oneLine(rethrow)} }`));
        }
        return fixes;
      },
    },
  ];
}

/* ---------------------------------------------------------------------------------------------- */
/* retriesFatalError                                                                                */
/* ---------------------------------------------------------------------------------------------- */

/** A side-effect-free test that is true for the branch's fatal codes only. */
function fatalCheck(sourceCode: SourceCode, r: CodeRetry): string | undefined {
  if (r.check !== undefined) return r.check;
  const style = styleOf(sourceCode);
  const n = stripTs(r.node);
  let subject: TSESTree.Node | undefined;
  if (n.type === AST_NODE_TYPES.CallExpression) {
    const callee = stripTs(n.callee);
    const arg = n.arguments[0];
    // `text.includes('WRONG_CAPTCHA_ID')`: the test itself, when it is true for the fatal code alone.
    if (
      r.kind === 'substring' &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      isPlain(stripTs(callee.object)) &&
      n.arguments.length === 1 &&
      arg?.type === AST_NODE_TYPES.Literal
    ) {
      return sourceCode.getText(n);
    }
    if (r.kind === 'substring' && callee.type === AST_NODE_TYPES.MemberExpression) subject = callee.object;
    else if (r.kind === 'membership' && arg && arg.type !== AST_NODE_TYPES.SpreadElement) subject = arg;
  } else if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === 'in') {
    subject = n.left;
  }
  if (!subject || !isPlain(stripTs(subject))) return undefined;
  const s = sourceCode.getText(subject);
  const codes = [...new Set(r.codes.map((c) => c.replace(/^ERROR_/, '')))];
  if (codes.length === 1) return `String(${s}).includes(${quoted(style, codes[0]!)})`;
  return `/${codes.join('|')}/.test(String(${s}))`;
}

/** Stop on the fatal code before the branch sends again: the retrying statement becomes the stop, or a check goes first. */
function fatalStopSuggestion(sourceCode: SourceCode, r: CodeRetry): Suggestion[] {
  const error = `new Error(${quoted(styleOf(sourceCode), r.code)})`;
  const at = r.insertBefore ?? r.wrap ?? r.appendAfter ?? r.retry.node;
  const stop = stopWith(sourceCode, at, error);
  const data = { code: r.code, how: stop.how };
  const withExtra = (fix: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[]) => (fixer: TSESLint.RuleFixer) => {
    const fixes = fix(fixer);
    if (stop.extra) fixes.push(stop.extra(fixer));
    return fixes;
  };
  const statement = r.retry.statement;
  if (r.alone && statement) {
    const last = sourceCode.getLastToken(statement)?.value === ';' ? ';' : '';
    return [{ messageId: 'stopOnFatalCode', data, fix: withExtra((fixer) => [fixer.replaceText(statement, `${stop.text}${last}`)]) }];
  }
  if (r.appendAfter) {
    const after = r.appendAfter;
    return [{ messageId: 'stopOnFatalCode', data, fix: withExtra((fixer) => [insertAfterStatement(fixer, sourceCode, after, stop.text)]) }];
  }
  const check = fatalCheck(sourceCode, r);
  if (check === undefined) return [];
  const text = `if (${check}) ${stop.text}`;
  const before = r.insertBefore ?? r.wrap;
  if (!before) return [];
  return [{ messageId: 'stopOnFatalCode', data, fix: withExtra((fixer) => prependStatement(fixer, sourceCode, before, text)) }];
}
