import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';
import {
  arrowWithStatement,
  blockText,
  freeName,
  functionAround,
  inStatementList,
  indentOf,
  innerIndent,
  insertAfterStatement,
  insertAtTop,
  insertBeforeStatement,
  isFunctionNode,
  newError,
  oneLine,
  prependStatement,
  safeSuggestions,
  type SourceCode,
  statementOf,
  stopWith,
  styleOf,
  usedNames,
} from '../util/edits';
import { waitExpression } from '../util/waits';

import { type CapMonsterFile, getCapMonster, propertyName, unwrap } from '../capmonster';
import { getPolls, type Poll, type PollBound } from '../capmonster/polls';
import { evalNumber } from '../capmonster/delays';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ maxAttempts?: number }];
export type MessageIds =
  | 'noAttemptBound'
  | 'boundAboveLimit'
  | 'missingDelay'
  | 'addAttemptBound'
  | 'addAttemptCounter'
  | 'addAttemptParameter'
  | 'addIntervalLimit'
  | 'clearOnGiveUp'
  | 'capLimit'
  | 'setTimeBudget'
  | 'raiseInterval'
  | 'addDelay'
  | 'awaitDelay'
  | 'awaitTimer'
  | 'delayNextCall'
  | 'addIntervalPeriod'
  | 'addRequestsInterval'
  | 'pollsUntilSolved'
  | 'raceDeadline'
  | 'setPollInterval';

const DEFAULT_MAX = 120;
const MIN_INTERVAL = 2000;

/** Why a poll sends back to back, in a few words (the message has room for about 25 characters). */
export const WHY: Record<string, string> = {
  none: 'nothing waits',
  immediate: 'it calls itself at once',
  unawaited: 'its wait is not awaited',
  scheduled: 'setTimeout does not wait',
  library: 'no requestsInterval',
  zero: 'its interval is 0',
};

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;
type Edit = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-polling',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every CapMonster result poll to stop within 120 requests and to wait between requests',
      recommended: 'recommended',
    },
    messages: {
      noAttemptBound:
        'Nothing limits this poll: over 120 result requests per task get the account banned (WrongTaskId); stop after {{max}} attempts.',
      pollsUntilSolved:
        '{{call}} polls until solved, with no limit: over 120 result requests ban the account (WrongTaskId); add a deadline.',
      boundAboveLimit:
        'This poll can send {{count}} result requests per task; over 120 get the account banned (WrongTaskId); lower its bound to {{max}}.',
      missingDelay:
        'Result requests go out back to back ({{why}}), which gets the account banned (WrongTaskId); wait 2 s between them.',
      addAttemptBound: 'Turn the loop into {{max}} attempts and throw after the last.',
      addAttemptCounter: 'Count the rounds in `{{name}}` and {{how}} after {{max}} of them.',
      addAttemptParameter: 'Add a parameter `{{name}} = 1`, pass `{{name}} + 1` when calling again, and {{how}} after {{max}} calls.',
      addIntervalLimit: 'Count the ticks in `{{name}}`; after {{max}} of them clear the interval and {{how}}.',
      clearOnGiveUp: 'Clear the interval in the branch that gives up: insert `clearInterval({{handle}})` before its `{{keyword}}`.',
      capLimit: 'Cap the limit at {{value}}: `{{text}}`.',
      setTimeBudget: 'Set the time budget to `{{text}}` ms: {{max}} requests at one every {{ms}} ms.',
      raiseInterval: 'Set the interval to {{value}} ms: at most {{max}} requests within the time budget.',
      addDelay: 'Insert `{{text}}` before the result request.',
      awaitDelay: 'Await the wait: insert `await` before it.',
      awaitTimer: 'Make the timer a wait: replace it with `{{text}}`.',
      delayNextCall: 'Call {{name}}() again only after a 2-second wait.',
      addIntervalPeriod: 'Pass 2000 ms as the period of setInterval.',
      addRequestsInterval: 'Add `requestsInterval: {{value}}` to the timeouts.',
      raceDeadline: 'Race it against a {{seconds}} s deadline ({{max}} requests at its interval) that rejects.',
      setPollInterval: 'Set the interval to {{value}} ({{ms}} ms).',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxAttempts: {
            type: 'integer',
            minimum: 1,
            maximum: 120,
            description: 'The most result requests a poll may send for one task (CapMonster bans above 120).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxAttempts: DEFAULT_MAX }],
    fixable: 'code',
    hasSuggestions: true,
  },
  defaultOptions: [{ maxAttempts: DEFAULT_MAX }],
  create(context, [options]) {
    const file = getCapMonster(context);
    const max = options.maxAttempts ?? DEFAULT_MAX;
    const isTs = /\.[cm]?tsx?$/.test(context.filename);

    return {
      'Program:exit'() {
        for (const poll of getPolls(file)) {
          const bound = poll.bound;
          if (!bound && poll.kind === 'library') {
            // A client package's method that polls until the task is solved.
            context.report({
              loc: poll.loc,
              messageId: 'pollsUntilSolved',
              data: { call: callName(file, poll.node) },
              suggest: safeSuggestions(raceSuggestions(file, poll, max, isTs)),
            });
          } else if (!bound) {
            context.report({
              loc: poll.loc,
              messageId: 'noAttemptBound',
              data: { max },
              suggest: safeSuggestions(boundSuggestions(file, poll, max)),
            });
          } else if (bound.count !== undefined && bound.count > max) {
            const value = bound.fix?.valueFor(max);
            const literal = bound.fix?.literal;
            const fixable = literal !== undefined && value !== undefined;
            context.report({
              loc: poll.loc,
              messageId: 'boundAboveLimit',
              data: { count: bound.count, max },
              fix: fixable ? (fixer) => fixer.replaceText(literal, String(value)) : null,
              suggest: fixable ? [] : safeSuggestions(limitSuggestions(file, poll, bound, max)),
            });
          }
          if (poll.delay.kind !== 'wait') {
            context.report({
              loc: poll.loc,
              messageId: 'missingDelay',
              data: { why: WHY[poll.kind !== 'library' ? poll.delay.kind : poll.delay.node?.type === AST_NODE_TYPES.ObjectExpression ? 'library' : 'zero'] },
              suggest: safeSuggestions(delaySuggestions(file, poll, max)),
            });
          }
        }
      },
    };
  },
});

function errorText(sourceCode: SourceCode, max: number): string {
  return newError(styleOf(sourceCode), `CapMonster result not ready after ${max} attempts`);
}

const COUNTER_NAMES = ['attempt', 'pollAttempt', 'resultAttempt'];

/* ---------------------------------------------------------------------------------------------- */
/* noAttemptBound                                                                                   */
/* ---------------------------------------------------------------------------------------------- */

function boundSuggestions(file: CapMonsterFile, poll: Poll, max: number): Suggestion[] {
  const sourceCode = file.sourceCode;
  const out: (Suggestion | undefined)[] =
    poll.kind === 'loop'
      ? [endlessLoopBound(sourceCode, poll, max) ?? loopCounter(sourceCode, poll, max)]
      : poll.kind === 'recursion'
        ? [attemptParameter(sourceCode, poll, max)]
        : poll.kind === 'interval'
          ? [clearOnGiveUp(sourceCode, poll), intervalLimit(sourceCode, poll, max)]
          : [];
  return out.filter((s): s is Suggestion => s !== undefined);
}

function isTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (node.value === true || node.value === 1);
}

/** The loop statement with its label, if it has one. */
function labeled(loop: TSESTree.Node): TSESTree.Node {
  return loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
}

/** Whether some `break` in the body leaves this loop. */
function hasBreak(loop: TSESTree.Node, body: TSESTree.Node, label: string | undefined): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, inner: boolean): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.BreakStatement) {
      if (node.label ? node.label.name === label : !inner) found = true;
      return;
    }
    if (isFunctionNode(node)) return;
    const nested =
      inner ||
      (node !== loop &&
        (node.type === AST_NODE_TYPES.WhileStatement ||
          node.type === AST_NODE_TYPES.DoWhileStatement ||
          node.type === AST_NODE_TYPES.ForStatement ||
          node.type === AST_NODE_TYPES.ForInStatement ||
          node.type === AST_NODE_TYPES.ForOfStatement ||
          node.type === AST_NODE_TYPES.SwitchStatement));
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      const children = Array.isArray(value) ? value : [value];
      for (const c of children) {
        if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node, nested);
      }
    }
  };
  visit(body, false);
  return found;
}

/** `while (true)` / `for (;;)` → a counted loop of `max` rounds and a throw after it. */
function endlessLoopBound(sourceCode: SourceCode, poll: Poll, max: number): Suggestion | undefined {
  const loop = poll.node;
  const endless =
    (loop.type === AST_NODE_TYPES.WhileStatement && isTrue(loop.test)) ||
    (loop.type === AST_NODE_TYPES.ForStatement && !loop.test && !loop.init && !loop.update);
  if (!endless) return undefined;
  const body = loop.body;
  const statement = labeled(loop);
  const label = statement.type === AST_NODE_TYPES.LabeledStatement ? statement.label.name : undefined;
  if (statementOf(statement) !== statement) return undefined;
  const name = freeName(sourceCode, poll.fn ?? sourceCode.ast, COUNTER_NAMES);
  const stop = stopWith(sourceCode, statement, errorText(sourceCode, max));
  if (stop.extra) return undefined;
  const head: [number, number] = [loop.range[0], body.range[0]];
  const data = { max };
  if (!hasBreak(loop, body, label)) {
    return {
      messageId: 'addAttemptBound',
      data,
      fix: (fixer) => [
        fixer.replaceTextRange(head, `for (let ${name} = 0; ${name} < ${max}; ${name}++) `),
        insertAfterStatement(fixer, sourceCode, statement, stop.text),
      ],
    };
  }
  // A `break` leads past the loop to code that expects a result: count inside the loop instead.
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  return {
    messageId: 'addAttemptBound',
    data,
    fix: (fixer) => [
      fixer.replaceTextRange(head, `for (let ${name} = 1; ; ${name}++) `),
      insertAtTop(fixer, sourceCode, body, `if (${name} > ${max}) ${stop.text}`),
    ],
  };
}

/** Any other loop: `let attempt = 0;` before it, `if (++attempt > max) throw …` at the top of its body. */
function loopCounter(sourceCode: SourceCode, poll: Poll, max: number): Suggestion | undefined {
  const loop = poll.node;
  if (
    loop.type !== AST_NODE_TYPES.WhileStatement &&
    loop.type !== AST_NODE_TYPES.DoWhileStatement &&
    loop.type !== AST_NODE_TYPES.ForStatement
  ) {
    return undefined;
  }
  const statement = labeled(loop);
  if (statementOf(statement) !== statement) return undefined;
  const body = loop.body;
  const name = freeName(sourceCode, poll.fn ?? sourceCode.ast, COUNTER_NAMES);
  const stop = stopWith(sourceCode, body, errorText(sourceCode, max));
  const check = `if (++${name} > ${max}) ${stop.text}`;
  return {
    messageId: 'addAttemptCounter',
    data: { name, max, how: stop.how },
    fix: (fixer) => {
      const fixes = [
        insertBeforeStatement(fixer, sourceCode, statement, `let ${name} = 0`),
        ...(body.type === AST_NODE_TYPES.BlockStatement ? [insertAtTop(fixer, sourceCode, body, check)] : prependStatement(fixer, sourceCode, body, check)),
      ];
      if (stop.extra) fixes.push(stop.extra(fixer));
      return fixes;
    },
  };
}

/**
 * A function that calls itself again: a parameter `attempt = 1` (its callers need not change), `attempt + 1`
 * passed on every recursive call, and a check at the top of the function.
 */
function attemptParameter(sourceCode: SourceCode, poll: Poll, max: number): Suggestion | undefined {
  const fn = poll.fn;
  const calls = poll.recursive;
  if (!fn || !calls || calls.length === 0) return undefined;
  const params = fn.params;
  if (params.some((p) => p.type === AST_NODE_TYPES.RestElement || p.type === AST_NODE_TYPES.TSParameterProperty)) return undefined;
  const used = usedNames(sourceCode, fn);
  if (used.has('arguments')) return undefined;
  const name = COUNTER_NAMES.find((n) => !used.has(n));
  if (!name) return undefined;
  const edits: Edit[] = [];
  for (const rc of calls) {
    if (rc.type === AST_NODE_TYPES.CallExpression) {
      const args = rc.arguments;
      if (args.length > params.length || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return undefined;
      // `poll(id)` for `poll(id, tries = 0)`: the parameters it leaves out keep their defaults.
      const passed = [...Array<string>(params.length - args.length).fill('undefined'), `${name} + 1`].join(', ');
      const last = args[args.length - 1];
      const close = sourceCode.getLastToken(rc)!;
      edits.push(last ? (fixer) => fixer.insertTextAfter(last, `, ${passed}`) : (fixer) => fixer.insertTextBefore(close, passed));
    } else if (rc.type === AST_NODE_TYPES.Identifier && params.length === 0) {
      // `setTimeout(tick, 2000)`: the timer calls it with no arguments.
      const text = sourceCode.getText(rc);
      edits.push((fixer) => fixer.replaceText(rc, `() => ${text}(${name} + 1)`));
    } else {
      return undefined;
    }
  }
  const lastParam = params[params.length - 1];
  if (lastParam) {
    const first = params[0]!;
    const parenthesised = sourceCode.getTokenBefore(first)?.value === '(';
    edits.push(
      parenthesised
        ? (fixer) => fixer.insertTextAfter(lastParam, `, ${name} = 1`)
        : (fixer) => fixer.replaceText(first, `(${sourceCode.getText(first)}, ${name} = 1)`),
    );
  } else {
    const open = sourceCode.getFirstToken(fn, { filter: (t) => t.value === '(' });
    if (!open) return undefined;
    edits.push((fixer) => fixer.insertTextAfter(open, `${name} = 1`));
  }
  const stop = stopWith(sourceCode, fn, errorText(sourceCode, max));
  const check = `if (${name} > ${max}) ${stop.text}`;
  const body = fn.body;
  edits.push(
    body.type === AST_NODE_TYPES.BlockStatement
      ? (fixer) => insertAtTop(fixer, sourceCode, body, check)
      : (fixer) => arrowWithStatement(fixer, sourceCode, fn as TSESTree.ArrowFunctionExpression, check),
  );
  if (stop.extra) edits.push(stop.extra);
  return {
    messageId: 'addAttemptParameter',
    data: { name, max, how: stop.how },
    fix: (fixer) => edits.flatMap((e) => e(fixer)),
  };
}

/**
 * The name of an interval, and the edit that gives it one when its handle is not kept: `setInterval(…);`
 * becomes `const timer = setInterval(…);`.
 */
function namedInterval(sourceCode: SourceCode, call: TSESTree.Node): { handle: string; edit?: (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix } | undefined {
  const handle = intervalHandle(sourceCode, call);
  if (handle !== undefined) return { handle };
  if (call.parent?.type !== AST_NODE_TYPES.ExpressionStatement || !inStatementList(call.parent)) return undefined;
  const name = freeName(sourceCode, functionAround(call) ?? sourceCode.ast, ['timer', 'pollTimer', 'resultTimer']);
  return { handle: name, edit: (fixer) => fixer.insertTextBefore(call, `const ${name} = `) };
}

/** The text that names an interval: `const timer = setInterval(…)` → `timer`, `this.t = setInterval(…)` → `this.t`. */
function intervalHandle(sourceCode: SourceCode, call: TSESTree.Node): string | undefined {
  const p = call.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === call && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
  if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === call && p.operator === '=') return sourceCode.getText(p.left);
  return undefined;
}

/** `setInterval`: a tick counter next to it, and at the top of its callback a check that clears it and stops. */
function intervalLimit(sourceCode: SourceCode, poll: Poll, max: number): Suggestion | undefined {
  const call = poll.node;
  const cb = poll.body;
  if (call.type !== AST_NODE_TYPES.CallExpression || !isFunctionNode(cb) || call.arguments[0] !== cb) return undefined;
  const named = namedInterval(sourceCode, call);
  const statement = statementOf(call);
  if (!named || !statement) return undefined;
  const handle = named.handle;
  const name = freeName(sourceCode, functionAround(call) ?? sourceCode.ast, COUNTER_NAMES);
  const style = styleOf(sourceCode);
  const stop = stopWith(sourceCode, cb, errorText(sourceCode, max));
  const body = cb.body;
  return {
    messageId: 'addIntervalLimit',
    data: { name, max, how: stop.how },
    fix: (fixer) => {
      const fixes = [insertBeforeStatement(fixer, sourceCode, statement, `let ${name} = 0`)];
      if (body.type === AST_NODE_TYPES.BlockStatement) {
        const indent = innerIndent(sourceCode, body);
        const check = `if (++${name} > ${max}) ${blockText(style, indent, [`clearInterval(${handle})`, stop.text])}`;
        fixes.push(insertAtTop(fixer, sourceCode, body, check));
      } else {
        const check = `if (++${name} > ${max}) { clearInterval(${handle}); ${oneLine(stop.text)} }`;
        fixes.push(...arrowWithStatement(fixer, sourceCode, cb as TSESTree.ArrowFunctionExpression, check));
      }
      if (stop.extra) fixes.push(stop.extra(fixer));
      if (named.edit) fixes.push(named.edit(fixer));
      return fixes;
    },
  };
}

/**
 * An interval whose callback already gives up after some count (`if (++n > 30) return reject(…)`) but goes
 * on ticking: that branch clears the interval too.
 */
function clearOnGiveUp(sourceCode: SourceCode, poll: Poll): Suggestion | undefined {
  const call = poll.node;
  const cb = poll.body;
  if (call.type !== AST_NODE_TYPES.CallExpression || !isFunctionNode(cb) || cb.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const handle = intervalHandle(sourceCode, call);
  if (handle === undefined) return undefined;
  for (const s of cb.body.body) {
    if (s.type !== AST_NODE_TYPES.IfStatement || s.alternate || !isCount(s.test)) continue;
    const stop = s.consequent;
    if (stop.type !== AST_NODE_TYPES.ReturnStatement && stop.type !== AST_NODE_TYPES.ThrowStatement) continue;
    const keyword = stop.type === AST_NODE_TYPES.ReturnStatement ? 'return' : 'throw';
    const text = `clearInterval(${handle})`;
    return {
      messageId: 'clearOnGiveUp',
      data: { handle, keyword },
      fix: (fixer) => prependStatement(fixer, sourceCode, stop, text),
    };
  }
  return undefined;
}

/** `++n > 30`, `n >= MAX`, `count++ === limit`: a comparison that counts. */
function isCount(test: TSESTree.Node): boolean {
  if (test.type !== AST_NODE_TYPES.BinaryExpression || !['<', '<=', '>', '>=', '===', '=='].includes(test.operator)) return false;
  return [test.left, test.right].some((side) => side.type === AST_NODE_TYPES.UpdateExpression);
}

/* ---------------------------------------------------------------------------------------------- */
/* boundAboveLimit without a literal                                                                */
/* ---------------------------------------------------------------------------------------------- */

function limitSuggestions(file: CapMonsterFile, poll: Poll, bound: PollBound, max: number): Suggestion[] {
  const sourceCode = file.sourceCode;
  const out: Suggestion[] = [];
  const limit = bound.limit;
  const value = limit?.valueFor(max);
  // A time budget: the number of requests is the budget over the interval (the official client's timeout).
  const budget = value !== undefined && poll.delay.ms !== undefined && value === max * poll.delay.ms;
  if (limit && value !== undefined) {
    if (bound.kind === 'counter' || (bound.kind === 'library' && !budget)) {
      const text = `Math.min(${sourceCode.getText(limit.node)}, ${value})`;
      out.push({ messageId: 'capLimit', data: { value, text }, fix: (fixer) => fixer.replaceText(limit.node, text) });
    } else if (poll.delay.ms !== undefined && value === max * poll.delay.ms) {
      const text = `${max} * ${poll.delay.ms}`;
      out.push({ messageId: 'setTimeBudget', data: { text, max, ms: poll.delay.ms }, fix: (fixer) => fixer.replaceText(limit.node, text) });
    }
  }
  // The client's interval or the interval's period, raised so that the time budget holds `max` requests.
  const delayNode = poll.delay.node;
  const ms = poll.delay.ms;
  const timed = poll.kind === 'interval' || (poll.kind === 'library' && budget && (poll.delay.scale ?? 1) === 1);
  if (timed && bound.kind !== 'counter' && delayNode && ms !== undefined && bound.count !== undefined) {
    const raised = Math.max(MIN_INTERVAL, Math.ceil((bound.count * ms) / max / 100) * 100);
    // A client's short timeout would give up on slow tasks: there a longer interval comes first.
    const raise: Suggestion = { messageId: 'raiseInterval', data: { value: raised, max }, fix: (fixer) => fixer.replaceText(delayNode, String(raised)) };
    if (poll.kind === 'library') out.unshift(raise);
    else out.push(raise);
  }
  return out;
}

/* ---------------------------------------------------------------------------------------------- */
/* missingDelay                                                                                     */
/* ---------------------------------------------------------------------------------------------- */

function delaySuggestions(file: CapMonsterFile, poll: Poll, max: number): Suggestion[] {
  const s =
    poll.kind === 'loop'
      ? loopDelay(file, poll)
      : poll.kind === 'recursion'
        ? recursionDelay(file, poll)
        : poll.kind === 'interval'
          ? intervalPeriod(poll)
          : poll.delay.node?.type === AST_NODE_TYPES.ObjectExpression
            ? officialInterval(file, poll, max)
            : zeroInterval(poll);
  return s ? [s] : [];
}

/** A client package's interval option set to 0: the shortest allowed, in the option's unit. */
function zeroInterval(poll: Poll): Suggestion | undefined {
  const node = poll.delay.node;
  if (!node) return undefined;
  const value = MIN_INTERVAL / (poll.delay.scale ?? 1);
  return { messageId: 'setPollInterval', data: { value, ms: MIN_INTERVAL }, fix: (fixer) => fixer.replaceText(node, String(value)) };
}

/** How a message names a call: `solver.recaptcha()`, or its method alone when the callee is long. */
function callName(file: CapMonsterFile, call: TSESTree.Node): string {
  if (call.type !== AST_NODE_TYPES.CallExpression) return 'This call';
  const callee = unwrap(call.callee);
  const text = file.sourceCode.getText(callee);
  if (text.length <= 24 && !/\s/.test(text)) return `${text}()`;
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
  return name !== undefined && name.length <= 24 ? `${name}()` : 'This call';
}

/** `Promise.race([call, deadline])`: a deadline of `max` requests at the package's interval (2 s when unknown). */
function raceSuggestions(file: CapMonsterFile, poll: Poll, max: number, ts: boolean): Suggestion[] {
  const call = poll.node;
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const sourceCode = file.sourceCode;
  const ms = max * Math.max(poll.delay.ms ?? MIN_INTERVAL, 1);
  const seconds = Math.round(ms / 100) / 10;
  const style = styleOf(sourceCode);
  const never = ts ? '<never>' : '';
  const error = newError(style, `Captcha task not solved in ${seconds} s`);
  const deadline = `new Promise${never}((_, reject) => setTimeout(() => reject(${error}), ${ms}))`;
  const text = `Promise.race([${sourceCode.getText(call)}, ${deadline}])`;
  return [{ messageId: 'raceDeadline', data: { seconds, max }, fix: (fixer) => fixer.replaceText(call, text) }];
}

/** The loop body's statement that holds `node`, when `node` is in the body. */
function bodyStatement(body: TSESTree.BlockStatement, node: TSESTree.Node): TSESTree.Statement | undefined {
  return body.body.find((s) => s.range[0] <= node.range[0] && node.range[1] <= s.range[1]);
}

/** In an async function's loop: await the unawaited wait, or insert a 2-second wait before the result request. */
function loopDelay(file: CapMonsterFile, poll: Poll): Suggestion | undefined {
  const sourceCode = file.sourceCode;
  const fn = poll.fn;
  const body = poll.body;
  if (!fn?.async || body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const pending = poll.delay.node;
  if (poll.delay.kind === 'unawaited' && pending && functionAround(pending) === fn) {
    return { messageId: 'awaitDelay', fix: (fixer) => fixer.insertTextBefore(pending, 'await ') };
  }
  // `setTimeout(() => {}, 2000);` in an async loop schedules nothing useful: it becomes an awaited wait.
  if (poll.delay.kind === 'scheduled' && pending?.type === AST_NODE_TYPES.CallExpression && functionAround(pending) === fn) {
    const [cb, ms] = pending.arguments;
    const empty = cb && isFunctionNode(cb) && cb.body.type === AST_NODE_TYPES.BlockStatement && cb.body.body.length === 0;
    if (empty && ms && ms.type !== AST_NODE_TYPES.SpreadElement && pending.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      const text = `await new Promise((resolve) => setTimeout(resolve, ${sourceCode.getText(ms)}))`;
      return { messageId: 'awaitTimer', data: { text }, fix: (fixer) => fixer.replaceText(pending, text) };
    }
  }
  const request = poll.requests[0]?.call;
  const before = request ? bodyStatement(body, request) : undefined;
  const wait = waitExpression(file, before ?? body, MIN_INTERVAL);
  if (wait === undefined) return undefined;
  const text = `await ${wait}`;
  return {
    messageId: 'addDelay',
    data: { text: `${text}${styleOf(sourceCode).semi}` },
    fix: (fixer) => (before ? insertBeforeStatement(fixer, sourceCode, before, text) : insertAtTop(fixer, sourceCode, body, text)),
  };
}

const IMMEDIATE = new Set(['setImmediate', 'nextTick', 'queueMicrotask']);

/** The timer call a function or reference is handed to, by name: `setImmediate(() => poll())` → `setImmediate`. */
function scheduler(node: TSESTree.Node): { call: TSESTree.CallExpression; name: string } | undefined {
  const arg = isFunctionNode(node) ? node : node.type === AST_NODE_TYPES.Identifier ? node : undefined;
  const p = arg?.parent;
  if (p?.type !== AST_NODE_TYPES.CallExpression || p.arguments[0] !== arg) return undefined;
  const callee = p.callee;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier
        ? callee.property.name
        : undefined;
  return name === undefined ? undefined : { call: p, name };
}

/**
 * Recursion without a pause: each call again goes through a 2-second wait. A call handed to `setImmediate`
 * becomes a `setTimeout` of 2000 ms; a call whose value is used waits first (`wait.then(() => poll())`); a
 * call made for its effect is scheduled (`setTimeout(() => poll(), 2000)`).
 */
function recursionDelay(file: CapMonsterFile, poll: Poll): Suggestion | undefined {
  const sourceCode = file.sourceCode;
  const calls = poll.recursive ?? [];
  const edits: Edit[] = [];
  for (const rc of calls) {
    const around = rc.type === AST_NODE_TYPES.Identifier ? rc : functionAround(rc);
    const timer = around ? scheduler(around) : undefined;
    if (timer?.name === 'setTimeout') continue;
    if (timer && IMMEDIATE.has(timer.name) && timer.call.arguments.length === 1) {
      const { call } = timer;
      const callback = call.arguments[0]!;
      edits.push((fixer) => fixer.replaceTextRange([call.range[0], callback.range[0]], 'setTimeout('));
      edits.push((fixer) => fixer.insertTextAfter(callback, `, ${MIN_INTERVAL}`));
      continue;
    }
    if (rc.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const text = sourceCode.getText(rc);
    if (rc.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
      edits.push((fixer) => fixer.replaceText(rc, `setTimeout(() => ${text}, ${MIN_INTERVAL})`));
    } else {
      const wait = waitExpression(file, rc, MIN_INTERVAL);
      if (wait === undefined) return undefined;
      edits.push((fixer) => [fixer.insertTextBefore(rc, `${wait}.then(() => `), fixer.insertTextAfter(rc, ')')]);
    }
  }
  if (edits.length === 0) return undefined;
  const name = poll.fn && 'id' in poll.fn && poll.fn.id ? poll.fn.id.name : calleeText(sourceCode, poll.node);
  return { messageId: 'delayNextCall', data: { name }, fix: (fixer) => edits.flatMap((e) => e(fixer)) };
}

function calleeText(sourceCode: SourceCode, node: TSESTree.Node): string {
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const callee = node.callee;
    if (callee.type === AST_NODE_TYPES.MemberExpression && callee.property.type === AST_NODE_TYPES.Identifier) return callee.property.name;
    return sourceCode.getText(callee);
  }
  return sourceCode.getText(node);
}

/** `setInterval(fn)` with no period: the period 2000. */
function intervalPeriod(poll: Poll): Suggestion | undefined {
  const call = poll.node;
  if (call.type !== AST_NODE_TYPES.CallExpression || call.arguments.length !== 1) return undefined;
  const cb = call.arguments[0]!;
  return { messageId: 'addIntervalPeriod', fix: (fixer) => fixer.insertTextAfter(cb, `, ${MIN_INTERVAL}`) };
}

/** The official client's timeouts without `requestsInterval`: one long enough for `max` requests in the timeout. */
function officialInterval(file: CapMonsterFile, poll: Poll, max: number): Suggestion | undefined {
  const sourceCode = file.sourceCode;
  const obj = poll.delay.node;
  if (obj?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const timeout = poll.bound?.limit?.node;
  const ms = timeout ? evalNumber(file, timeout).ms : undefined;
  const value = Math.max(MIN_INTERVAL, ms === undefined ? 0 : Math.ceil(ms / max / 100) * 100);
  const last = obj.properties[obj.properties.length - 1];
  const property = `requestsInterval: ${value}`;
  return {
    messageId: 'addRequestsInterval',
    data: { value },
    fix: (fixer) => {
      if (!last) return fixer.replaceText(obj, `{ ${property} }`);
      const after = sourceCode.getTokenAfter(last)!;
      const comma = after.value === ',';
      if (last.loc.start.line !== obj.loc.start.line) {
        const indent = indentOf(sourceCode, last);
        return comma ? fixer.insertTextAfter(after, `\n${indent}${property},`) : fixer.insertTextAfter(last, `,\n${indent}${property}`);
      }
      return comma ? fixer.insertTextAfter(after, ` ${property},`) : fixer.insertTextAfter(last, `, ${property}`);
    },
  };
}
