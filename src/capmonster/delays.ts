import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, type FunctionNode, isFunction, propertyName, unwrap, walkTree } from './ast';
import type { CapMonsterFile } from './index';
import { importOf as importOfBinding } from './modules';
import type { Frame } from './values';

/**
 * What a wait looks like, and how long it waits when the source says so.
 *
 * Recognised waits:
 * - `new Promise((r) => setTimeout(r, ms))` (any executor that calls the global `setTimeout`);
 * - `setTimeout(ms)` from `timers/promises` (also `scheduler.wait(ms)`), `util.promisify(setTimeout)`;
 * - `page.waitForTimeout(ms)` / `frame.waitForTimeout(ms)`, and `page.waitFor(ms)` with a number;
 * - delay packages (`delay`, `sleep-promise`, `await-sleep`, `yoctodelay`, bluebird's `.delay(ms)`);
 * - same-file helpers that return or await one of these (`const sleep = (ms) => new Promise(…)`,
 *   `async wait(s) { await sleep(s * 1000) }`), with the length computed from the call's arguments;
 * - names from `settings.capmonster.sleepFunctions` (their configured length, or unknown);
 * - any other call whose name says it waits (`sleep`, `delay`, `wait`, `pause`, `backoff`, …) that is not a
 *   same-file function: a wait of unknown length.
 */
export interface DelayCall {
  /** Milliseconds, when fixed in the source. */
  ms?: number;
  /** The numeric literal that sets `ms`: an argument of the call, or the initialiser of a same-file `const`. */
  literal?: TSESTree.Literal;
  /** False for waits that block without a promise (`sleepSync`, `Atomics.wait`): they need no `await`. */
  async: boolean;
}

/** A number with the literal it comes from, when there is one. */
interface Value {
  ms?: number;
  literal?: TSESTree.Literal;
}

const MAX_DEPTH = 6;

/** Names that say a function waits: `sleep`, `delay`, `waitMs`, `randomDelay`, `pauseFor`, `backoff`, … */
const WAIT_NAME = /(?:^|_)(?:sleep|delay|wait|pause|snooze|nap|backoff)|Sleep|Delay|Wait|Pause|Snooze|Nap|Backoff|^timeout$/;
const SYNC_WAIT_NAME = /^(?:sleepSync|waitSync|msleep|usleep|sleepMs?Sync)$/;
const TIMER_PROMISES = new Set(['timers/promises', 'node:timers/promises']);
const TIMERS = new Set(['timers', 'node:timers']);
const DELAY_PACKAGES = new Set(['delay', 'sleep-promise', 'await-sleep', 'yoctodelay']);
const GLOBAL_OBJECTS = new Set(['global', 'globalThis', 'window', 'self']);

/** Whether a function name says it waits. */
export function isWaitName(name: string): boolean {
  return WAIT_NAME.test(name) && !/^(?:waitFor(?:Result|Task|Solution|Captcha|Token|Answer)|getWait)/i.test(name);
}

/** Where an imported binding comes from (see `modules.importOf`). */
function importOf(file: CapMonsterFile, id: TSESTree.Identifier): { source: string; name: string } | undefined {
  return importOfBinding((x) => file.values.variableOf(x), id);
}

/** Whether an identifier is the global `setTimeout` (not shadowed, e.g. by an import from `timers/promises`). */
function isGlobalName(file: CapMonsterFile, id: TSESTree.Identifier): boolean {
  const v = file.values.variableOf(id);
  return !v || v.defs.length === 0;
}

/** Whether the file can import Node's timers at all (every such module name contains `timers`). */
function mentionsTimers(file: CapMonsterFile): boolean {
  return file.memo('delays:mentionsTimers', () => file.sourceCode.text.includes('timers'));
}

/** The global callback-style `setTimeout` / `setInterval` / `setImmediate` (also `global.x`, `timers.x`). */
export function isGlobalTimer(file: CapMonsterFile, call: TSESTree.CallExpression, name: string): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name === name && isGlobalName(file, callee)) return true;
    if (!mentionsTimers(file)) return false;
    const imp = importOf(file, callee);
    return imp !== undefined && TIMERS.has(imp.source) && imp.name === name;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === name) {
    const obj = unwrap(callee.object);
    if (obj.type !== AST_NODE_TYPES.Identifier) return false;
    if (GLOBAL_OBJECTS.has(obj.name) && isGlobalName(file, obj)) return true;
    if (!mentionsTimers(file)) return false;
    const imp = importOf(file, obj);
    return imp !== undefined && TIMERS.has(imp.source);
  }
  return false;
}

/** A number fixed in the source and the literal that sets it, read in `frame` (a helper's parameters bound to a call's arguments). */
export function evalNumber(file: CapMonsterFile, node: TSESTree.Node, frame?: Frame): Value {
  const { value, literal } = file.values.numeric(node, frame);
  return { ms: value, literal };
}

/** The wait a call or `new` expression is, if it is one (awaited or not: see {@link isAwaited}). */
export function delayCall(file: CapMonsterFile, node: TSESTree.Node): DelayCall | undefined {
  return delayAt(file, node, undefined, 0);
}

function arg(file: CapMonsterFile, call: TSESTree.CallExpression | TSESTree.NewExpression, i: number, env: Frame | undefined): Value {
  const a = call.arguments[i];
  if (!a || a.type === AST_NODE_TYPES.SpreadElement) return {};
  return evalNumber(file, a, env);
}

function delayAt(file: CapMonsterFile, node: TSESTree.Node, env: Frame | undefined, depth: number): DelayCall | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.AwaitExpression) return delayAt(file, n.argument, env, depth);
  if (n.type === AST_NODE_TYPES.NewExpression) return promiseDelay(file, n, env);
  if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(n.callee);
  const name = calleeName(n);

  // Settings name the sleep helpers of other modules.
  if (name !== undefined && file.settings.sleepFunctions.has(name)) {
    return { ms: file.settings.sleepFunctions.get(name), async: true };
  }

  // A helper of another module of the project that waits: its length, from this call's arguments.
  const imported = callee.type === AST_NODE_TYPES.Identifier || callee.type === AST_NODE_TYPES.MemberExpression ? file.importedExport(callee) : undefined;
  if (imported?.exported.kind === 'function' && !imported.exported.sends) {
    const w = imported.exported.waits;
    if (!w) return undefined;
    if (w.param === undefined) return { ms: w.ms, async: true };
    const a = arg(file, n, w.param, env).ms;
    return { ms: a === undefined ? undefined : a * (w.factor ?? 1) + (w.offset ?? 0), async: true };
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const imp = importOf(file, callee);
    if (imp) {
      if (TIMER_PROMISES.has(imp.source) && imp.name === 'setTimeout') return { ...arg(file, n, 0, env), async: true };
      if (DELAY_PACKAGES.has(imp.source) && (imp.name === 'default' || imp.name === '*')) {
        return { ...arg(file, n, 0, env), async: true };
      }
      // `import { sleep as pause } from './utils'`: the exported name says it waits.
      if (isWaitName(imp.name)) return { async: !SYNC_WAIT_NAME.test(imp.name) };
    }
    // const sleep = util.promisify(setTimeout)
    const value = file.values.valueOf(callee);
    if (value && isPromisifiedTimeout(file, value)) return { ...arg(file, n, 0, env), async: true };
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const obj = unwrap(callee.object);
    if (name === 'waitForTimeout') return { ...arg(file, n, 0, env), async: true };
    if (name === 'waitFor') {
      const v = arg(file, n, 0, env);
      if (v.ms !== undefined) return { ...v, async: true };
    }
    if (obj.type === AST_NODE_TYPES.Identifier) {
      const imp = importOf(file, obj);
      if (imp && TIMER_PROMISES.has(imp.source) && name === 'setTimeout') return { ...arg(file, n, 0, env), async: true };
      if (imp?.source === 'bluebird' && name === 'delay') return { ...arg(file, n, 0, env), async: true };
      if (obj.name === 'scheduler' && name === 'wait') return { ...arg(file, n, 0, env), async: true };
      if (obj.name === 'Atomics' && name === 'wait') return { ...arg(file, n, 3, env), async: false };
    }
  }

  // A same-file helper: what it returns or awaits, with its parameters bound to this call's arguments.
  const fn = file.values.calleeOf(n);
  if (fn) {
    const inner = helperDelay(file, fn, n, env, depth);
    if (inner) return inner;
    return name !== undefined && isWaitName(name) && !fnSendsRequests(file, fn) ? { async: !SYNC_WAIT_NAME.test(name) } : undefined;
  }
  if (name !== undefined && SYNC_WAIT_NAME.test(name)) return { async: false };
  if (name !== undefined && isWaitName(name)) return { async: true };
  return undefined;
}

function fnSendsRequests(file: CapMonsterFile, fn: FunctionNode): boolean {
  return file.wrappers.has(fn);
}

function isPromisifiedTimeout(file: CapMonsterFile, value: TSESTree.Node): boolean {
  const v = unwrap(value);
  if (v.type !== AST_NODE_TYPES.CallExpression || calleeName(v) !== 'promisify') return false;
  const a = v.arguments[0] && unwrap(v.arguments[0]);
  return a?.type === AST_NODE_TYPES.Identifier && a.name === 'setTimeout' && isGlobalName(file, a);
}

/** `new Promise((resolve) => setTimeout(resolve, ms))`, or any executor that calls the global `setTimeout`. */
function promiseDelay(file: CapMonsterFile, n: TSESTree.NewExpression, env: Frame | undefined): DelayCall | undefined {
  if (n.callee.type !== AST_NODE_TYPES.Identifier || n.callee.name !== 'Promise') return undefined;
  const executor = n.arguments[0] && unwrap(n.arguments[0]);
  if (!isFunction(executor)) return undefined;
  // The timer of an executor, looked for once per file (a poll's delay is read for every frame it is sized in).
  const timers = file.memo('delays:executorTimers', () => new Map<TSESTree.Node, TSESTree.Node | null>());
  let timer = timers.get(executor);
  if (timer === undefined) {
    timer = findNode(file, executor.body, (x) => x.type === AST_NODE_TYPES.CallExpression && isGlobalTimer(file, x, 'setTimeout')) ?? null;
    timers.set(executor, timer);
  }
  if (!timer || timer.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (!timer.arguments[1]) return { ms: 0, async: true };
  return { ...arg(file, timer, 1, env), async: true };
}

/**
 * The wait a call of `fn` with these numeric arguments performs (missing ones take their defaults): how a
 * module summary tells what an exported sleep helper waits for.
 */
export function functionDelay(file: CapMonsterFile, fn: FunctionNode, args: readonly (number | undefined)[]): DelayCall | undefined {
  const literal = (value: number): TSESTree.Literal => ({ type: AST_NODE_TYPES.Literal, value, raw: String(value), range: fn.range, loc: fn.loc, parent: fn }) as unknown as TSESTree.Literal;
  const call = {
    type: AST_NODE_TYPES.CallExpression,
    callee: { type: AST_NODE_TYPES.Identifier, name: '', range: fn.range, loc: fn.loc },
    arguments: args.map((a) => (a === undefined ? undefined : literal(a))),
    optional: false,
    range: fn.range,
    loc: fn.loc,
    parent: fn.parent,
  } as unknown as TSESTree.CallExpression;
  try {
    return helperDelay(file, fn, call, undefined, 0);
  } catch {
    return undefined;
  }
}

/** The wait a same-file function performs: what it returns (arrow body or `return`) or awaits at its top level. */
function helperDelay(
  file: CapMonsterFile,
  fn: FunctionNode,
  call: TSESTree.CallExpression,
  outer: Frame | undefined,
  depth: number,
): DelayCall | undefined {
  const env = file.values.enter(fn, call, outer);
  if (!env) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return delayAt(file, fn.body, env, depth + 1);
  for (const stmt of fn.body.body) {
    let expr: TSESTree.Node | undefined;
    if (stmt.type === AST_NODE_TYPES.ReturnStatement && stmt.argument) expr = stmt.argument;
    else if (stmt.type === AST_NODE_TYPES.ExpressionStatement && unwrap(stmt.expression).type === AST_NODE_TYPES.AwaitExpression) {
      expr = stmt.expression;
    }
    if (!expr) continue;
    const d = delayAt(file, expr, env, depth + 1);
    if (d) return d;
  }
  return undefined;
}

/**
 * A timer promise kept to be awaited later: what `pending[id]` or `nextTick` holds when every write to it
 * (`pending[id] = wait(5)`, `let gate = sleep(1000)`) is a delay.
 */
export function storedDelay(file: CapMonsterFile, node: TSESTree.Node): DelayCall | undefined {
  const n = unwrap(node);
  const root = n.type === AST_NODE_TYPES.MemberExpression ? unwrap(n.object) : n;
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.values.variableOf(root);
  if (!variable) return undefined;
  let found: DelayCall | undefined;
  for (const ref of variable.references) {
    const id = ref.identifier as TSESTree.Node;
    let target: TSESTree.Node = id;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const m = id.parent;
      if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== id) continue;
      target = m;
    }
    const write = target.parent;
    let value: TSESTree.Node | undefined;
    if (write?.type === AST_NODE_TYPES.AssignmentExpression && write.left === target && write.operator === '=') value = write.right;
    else if (write?.type === AST_NODE_TYPES.VariableDeclarator && write.id === target && write.init) value = write.init;
    if (!value) continue;
    const d = delayCall(file, value);
    if (!d) {
      // An initial value that is already settled: `let next = Promise.resolve()`, `= null`.
      if (isSettled(value)) continue;
      return undefined;
    }
    found = d;
  }
  return found;
}

function isSettled(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Literal) return n.value === null;
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'undefined';
  return n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === 'resolve' && n.arguments.length === 0;
}

/** Depth-first search below `root` (into nested functions too), bounded. */
export function findNode(
  file: CapMonsterFile,
  root: TSESTree.Node,
  test: (n: TSESTree.Node) => boolean,
): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  walk(file, root, (n) => {
    if (found) return false;
    if (test(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

/**
 * Visits `root` and its descendants in source order; `visit` returns false to skip a node's children.
 * Stops after a large number of nodes so a huge file cannot hang the lint.
 */
export function walk(file: CapMonsterFile, root: TSESTree.Node, visit: (n: TSESTree.Node) => boolean): void {
  walkTree(root, file.sourceCode.visitorKeys, visit, 200_000);
}

/**
 * Whether the promise of `node` is waited for before the code after it runs: under an `await` or `yield`
 * (also through `Promise.all([...])`, `.then()` chains and the like) without leaving its function.
 */
export function isAwaited(node: TSESTree.Node): boolean {
  let prev = node;
  for (let cur: TSESTree.Node | undefined = node.parent; cur; prev = cur, cur = cur.parent) {
    if (cur.type === AST_NODE_TYPES.AwaitExpression || cur.type === AST_NODE_TYPES.YieldExpression) return true;
    // `.then(() => sleep(1000))`: the arrow's value is waited for by the chain.
    if (isFunction(cur)) return cur.body === prev && isThenCallback(cur);
    if (cur.type.endsWith('Statement') || cur.type === AST_NODE_TYPES.VariableDeclaration) {
      // `return sleep(1000)` from a `.then()` callback is waited for by the chain.
      return cur.type === AST_NODE_TYPES.ReturnStatement && isThenCallback(enclosingFn(cur));
    }
  }
  return false;
}

function enclosingFn(node: TSESTree.Node): FunctionNode | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) if (isFunction(cur)) return cur;
  return undefined;
}

/** A function passed to `.then()` / `.finally()`. */
export function isThenCallback(fn: TSESTree.Node | undefined): boolean {
  const parent = fn?.parent;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
    (calleeName(parent) === 'then' || calleeName(parent) === 'finally')
  );
}
