import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, contains, enclosingFunction, type FunctionNode, isFunction, isLogCall, isPromiseRace, isLoop, type LoopNode, propertyName, runsOnce, unwrap } from './ast';
import { delayCall, evalNumber, isAwaited, isGlobalTimer, isWaitName, storedDelay, walk } from './delays';
import { type LibraryClients, type LibraryPollSize, sizeLibraryPoll } from './clients';
import type { CapMonsterFile, CapRequest } from './index';
import { anyMethod, isCreateMethod, isResultMethod } from './methods';

/**
 * One thing that stops a poll: a counter, a deadline, a countable `for…of`, a client package's own limit,
 * or something whose size the source does not show (`kind: 'unknown'`).
 */
export interface PollBound {
  kind: 'counter' | 'deadline' | 'range' | 'library' | 'unknown';
  /** The largest number of result requests it lets through, when statically known. */
  count?: number;
  /** The condition or expression that bounds the poll. */
  node: TSESTree.Node;
  /**
   * For a counter compared with a numeric literal (in the condition, or a same-file `const`): the literal,
   * and the value it must get for the poll to send exactly `max` requests (undefined when none does).
   */
  fix?: { literal: TSESTree.Literal; valueFor(max: number): number | undefined };
  /**
   * For suggestions: the expression that sets the bound's size (the limit a single counter check compares
   * with, a deadline's time budget, the official client's `timeout`), and the value it must have for the
   * poll to send at most `max` result requests (undefined when no value does, or it is not known).
   */
  limit?: { node: TSESTree.Node; valueFor(max: number): number | undefined };
}

/**
 * What happens between two result requests.
 * - `wait`: an awaited delay (or a `setTimeout` that schedules the next call, or the interval's period);
 * - `none`: nothing waits; `immediate`: recursion calls itself at once (also through `setImmediate`);
 * - `unawaited`: a sleep whose promise is not awaited; `scheduled`: a callback `setTimeout` in a loop, which
 *   schedules but does not wait.
 */
export interface PollDelay {
  kind: 'wait' | 'none' | 'immediate' | 'unawaited' | 'scheduled';
  /** Milliseconds between requests, when statically known (the sum of the unconditional waits). */
  ms?: number;
  /** The first wait (or the fake one). */
  node?: TSESTree.Node;
  /** The numeric literal that sets the only wait (in the call, or a same-file `const`): what a fix may change. */
  literal?: TSESTree.Literal;
  /** Milliseconds per unit of the literal (1000 for a package option in seconds); 1 when unset. */
  scale?: number;
}

/** A place that sends result requests for one task again and again. */
export interface Poll {
  kind: 'loop' | 'recursion' | 'interval' | 'library';
  /** The loop statement, the recursive call, the `setInterval(...)` call, or a package's polling call (`client.Solve(...)`). */
  node: TSESTree.Node;
  /** What repeats: the loop body, the recursive function, the interval callback (the call itself for `library`). */
  body: TSESTree.Node;
  /** The function the poll lives in (the recursive function itself for `recursion`). */
  fn: FunctionNode | undefined;
  /** The result requests it repeats. */
  requests: CapRequest[];
  /** Where to report: the loop's first token (`while`, `for`, `do`), else the node. */
  loc: TSESTree.SourceLocation;
  /** Everything that really stops the poll (fake bounds left out). Empty: nothing bounds it. */
  readonly bounds: readonly PollBound[];
  /**
   * The tightest bound: undefined when nothing bounds the poll; a bound without `count` when some bound's
   * size is unknown (then the poll may be well bounded: rules stay silent).
   */
  readonly bound: PollBound | undefined;
  readonly delay: PollDelay;
  /** For suggestions, recursion only: every recursive call, and every reference to the function handed to a timer or `.then`. */
  readonly recursive?: readonly TSESTree.Node[];
  /** For a client package's polling call: how the package's poll is sized for it. */
  readonly library?: LibraryPollSize;
}

/** Whether a request is a single result request (not a call of a wrapper that creates a task or polls by itself). */
export function isSingleResultRequest(r: CapRequest): boolean {
  return !r.polls && anyMethod(r.methods, isResultMethod) && !anyMethod(r.methods, isCreateMethod);
}

/**
 * Whether a poll can send more than one result request. A place whose tightest bound lets one request
 * through at most (`for (let i = 0; i < 1; i++)`, a loop that always breaks) does not repeat.
 */
export function repeats(poll: Poll): boolean {
  const bound = poll.bound;
  return bound?.count === undefined || bound.count > 1;
}

/**
 * Every place that sends result requests for one task again and again, computed once: the loops,
 * recursions, intervals and official `Solve` calls. Their bounds and delays are worked out the first
 * time something reads them, so a rule that only needs the places (and `repeats` for a few of them)
 * does not pay for sizing every poll. Some of them may not repeat at all: see `repeats`.
 */
export function getPollSites(file: CapMonsterFile): readonly Poll[] {
  return file.memo('pollSites', () => {
    try {
      return findPolls(file);
    } catch {
      // An analysis bug must never crash a lint run: no polls is the safe answer.
      return [];
    }
  });
}

/** Every poll in the file (the sites that repeat), with bounds and delays, computed once. */
export function getPolls(file: CapMonsterFile): readonly Poll[] {
  return file.memo('polls', () => getPollSites(file).filter(repeats));
}

type Sizing = { bounds: PollBound[]; delay: PollDelay };

/** Safe answer when sizing a poll fails: one request at most, so no rule reports it. */
function failedSizing(node: TSESTree.Node): Sizing {
  return { bounds: [{ kind: 'range', count: 1, node }], delay: { kind: 'wait' } };
}

type Site = Omit<Poll, 'bounds' | 'bound' | 'delay'>;

/** A poll whose bounds and delay are worked out on first read, once. */
class LazyPoll implements Poll {
  readonly kind: Poll['kind'];
  readonly node: TSESTree.Node;
  readonly body: TSESTree.Node;
  readonly fn: FunctionNode | undefined;
  readonly requests: CapRequest[];
  readonly loc: TSESTree.SourceLocation;
  readonly recursive?: readonly TSESTree.Node[];
  readonly library?: LibraryPollSize;
  private sizing: (Sizing & { bound: PollBound | undefined }) | undefined;
  private size: (() => Sizing) | undefined;

  constructor(site: Site, size: () => Sizing) {
    this.kind = site.kind;
    this.node = site.node;
    this.body = site.body;
    this.fn = site.fn;
    this.requests = site.requests;
    this.loc = site.loc;
    if (site.recursive) this.recursive = site.recursive;
    if (site.library) this.library = site.library;
    this.size = size;
  }

  get sized(): boolean {
    return this.sizing !== undefined;
  }

  private get sizes(): Sizing & { bound: PollBound | undefined } {
    if (this.sizing) return this.sizing;
    let s: Sizing;
    try {
      s = this.size!();
    } catch {
      s = failedSizing(this.node);
    }
    this.size = undefined;
    return (this.sizing = { ...s, bound: tightest(s.bounds) });
  }

  get bounds(): readonly PollBound[] {
    return this.sizes.bounds;
  }

  get bound(): PollBound | undefined {
    return this.sizes.bound;
  }

  get delay(): PollDelay {
    return this.sizes.delay;
  }
}

function lazyPoll(site: Site, size: () => Sizing): Poll {
  return new LazyPoll(site, size);
}

/** Whether a poll's bounds and delay have been worked out yet (the benchmark charges sizing to the rules that asked for it). */
export function isSized(poll: Poll): boolean {
  return !(poll instanceof LazyPoll) || poll.sized;
}

const MAX_SIM = 100_000;

function findPolls(file: CapMonsterFile): Poll[] {
  const singles = file.requests.filter(isSingleResultRequest);
  if (singles.length === 0 && !file.requests.some((r) => r.library?.method.poll)) return [];
  const polls: Poll[] = [];

  // Loops.
  const creates = file.requests.filter((r) => anyMethod(r.methods, isCreateMethod) || r.polls);
  const createLoops = new Set(creates.map((r) => pollLoop(file, r.call).loop));
  const byLoop = new Map<LoopNode, CapRequest[]>();
  const ranges = new Map<LoopNode, number>();
  for (const r of singles) {
    const { loop, range } = pollLoop(file, r.call);
    // A loop that creates a task in each round, or asks about another task each round, is a loop over tasks.
    if (!loop || createLoops.has(loop) || variesIn(file, r, loop)) continue;
    if (range !== undefined) ranges.set(loop, range);
    let list = byLoop.get(loop);
    if (!list) byLoop.set(loop, (list = []));
    list.push(r);
  }
  for (const [loop, requests] of byLoop) polls.push(loopPoll(file, loop, requests, ranges.get(loop)));

  // Self-recursion: only functions that hold a single result request can poll by calling themselves.
  const holders = new Set<FunctionNode>();
  for (const r of singles) {
    for (let fn = enclosingFunction(r.call); fn && !holders.has(fn); fn = enclosingFunction(fn)) holders.add(fn);
  }
  for (const fn of file.functions) {
    if (!holders.has(fn) || file.values.functionName(fn) === undefined) continue;
    const calls = recursiveCalls(file, fn);
    if (calls.length === 0) continue;
    const requests = singles.filter((r) => ownedBy(r.call, fn) && !variesIn(file, r, fn.body) && !idParamMoves(file, r, fn, calls));
    if (requests.length === 0) continue;
    // A function that creates the task and calls itself again retries whole tasks: not a poll.
    if (creates.some((r) => ownedBy(r.call, fn))) continue;
    polls.push(recursionPoll(file, fn, calls, requests));
  }

  // setInterval.
  for (const call of file.calls) {
    if (!isGlobalTimer(file, call, 'setInterval')) continue;
    const a = call.arguments[0] && unwrap(call.arguments[0]);
    if (!a) continue;
    const cb = isFunction(a) ? a : a.type === AST_NODE_TYPES.Identifier ? functionRef(file, a) : undefined;
    if (!cb) continue;
    const requests = singles.filter((r) => ownedBy(r.call, cb) && !variesIn(file, r, cb.body));
    if (requests.length > 0) polls.push(intervalPoll(file, call, cb, requests));
  }

  // The client packages' methods that poll by themselves (the official client's Solve(request, timeouts), …).
  const clients = file.clients;
  for (const r of file.requests) {
    if (!clients || !r.library?.method.poll) continue;
    const poll = libraryPoll(file, clients, r);
    if (poll) polls.push(poll);
  }
  return polls;
}

/** The names the task id of a request is made of; `moves` when it calls something (`queue.shift()`, `it.next()`). */
function taskIdVariables(file: CapMonsterFile, r: CapRequest): { vars: TSESLint.Scope.Variable[]; moves: boolean } {
  const vars: TSESLint.Scope.Variable[] = [];
  let moves = false;
  if (!r.taskId) return { vars, moves };
  walk(file, r.taskId, (n) => {
    if (isFunction(n)) return false;
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(n);
      if (name === undefined || !PURE_CALLS.has(name)) moves = true;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const v = file.values.variableOf(n);
      if (v) vars.push(v);
    }
    // `task.id`: the object, not the property name.
    if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) {
      let o = unwrap(n.object);
      while (o.type === AST_NODE_TYPES.MemberExpression && !o.computed) o = unwrap(o.object);
      if (o.type === AST_NODE_TYPES.Identifier) {
        const v = file.values.variableOf(o);
        if (v) vars.push(v);
        return false;
      }
      return o.type !== AST_NODE_TYPES.ThisExpression;
    }
    return true;
  });
  return { vars, moves };
}

/** The request asks about a task id declared or changed inside `scope` (`ids[i]`, `queue.shift()`): another task each round. */
function variesIn(file: CapMonsterFile, r: CapRequest, scope: TSESTree.Node): boolean {
  if (!r.taskId || !contains(scope, r.taskId)) return false;
  const { vars, moves } = taskIdVariables(file, r);
  if (moves) return true;
  for (const v of vars) {
    if (v.defs.some((d) => contains(scope, d.name))) return true;
    if (v.references.some((ref) => ref.isWrite() && !ref.init && contains(scope, ref.identifier))) return true;
  }
  return false;
}

/** Recursion that passes the next task id: `next(i + 1)` where the request asks about `ids[i]`. */
function idParamMoves(file: CapMonsterFile, r: CapRequest, fn: FunctionNode, calls: TSESTree.Node[]): boolean {
  for (const v of taskIdVariables(file, r).vars) {
    const def = v.defs[0];
    if (v.defs.length !== 1 || def?.type !== 'Parameter' || def.node !== fn) continue;
    const index = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
    if (index < 0) continue;
    for (const rc of calls) {
      if (rc.type !== AST_NODE_TYPES.CallExpression) continue;
      const a = rc.arguments[index] && unwrap(rc.arguments[index]);
      if (a?.type !== AST_NODE_TYPES.Identifier || file.values.variableOf(a) !== v) return true;
    }
  }
  return false;
}

/** The innermost loop a request repeats in (through inline callbacks), skipping loops over collections. */
function pollLoop(file: CapMonsterFile, node: TSESTree.Node): { loop?: LoopNode; range?: number } {
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (isFunction(cur) && !isInlineCallback(cur)) break;
    if (!isLoop(cur)) continue;
    if (cur.type === AST_NODE_TYPES.ForOfStatement || cur.type === AST_NODE_TYPES.ForInStatement) {
      // A loop over tasks is not a poll; a loop over `Array(60)` or a list of delays is a counted one.
      const n = cur.type === AST_NODE_TYPES.ForOfStatement ? rangeCount(file, cur.right) : undefined;
      if (n === undefined) continue;
      return { loop: cur, range: n };
    }
    return { loop: cur };
  }
  return {};
}

/**
 * An anonymous function passed straight to a call (`.then(cb)`, `setTimeout(cb)`, `new Promise(cb)`), not to
 * `setInterval`, or called where it is written (`await (async () => { … })()`).
 */
function isInlineCallback(fn: FunctionNode): boolean {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return false;
  let p = fn.parent;
  if (p?.type === AST_NODE_TYPES.CallExpression && p.callee === fn) return true;
  // $.ajax({ url, success(data) { … } }): a callback given in an options object.
  if (p?.type === AST_NODE_TYPES.Property && p.value === fn && p.parent?.type === AST_NODE_TYPES.ObjectExpression) {
    const obj = p.parent;
    p = obj.parent;
    return (p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) && p.arguments.includes(obj);
  }
  return (
    (p?.type === AST_NODE_TYPES.CallExpression || p?.type === AST_NODE_TYPES.NewExpression) &&
    p.arguments.includes(fn) &&
    !(p.type === AST_NODE_TYPES.CallExpression && calleeName(p) === 'setInterval')
  );
}

/** Whether `node` runs as part of `fn`: inside it, reached only through inline callbacks. */
function ownedBy(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let cur = enclosingFunction(node); cur; cur = enclosingFunction(cur)) {
    if (cur === fn) return true;
    if (!isInlineCallback(cur)) return false;
  }
  return false;
}

/** The same-file function an identifier names. */
function functionRef(file: CapMonsterFile, id: TSESTree.Identifier): FunctionNode | undefined {
  return id.type === AST_NODE_TYPES.Identifier ? file.values.functionOf(id) : undefined;
}

/** `Array(60)`, `new Array(60)`, `Array.from({ length: 60 })`, `[...Array(60).keys()]`, an array literal. */
function rangeCount(file: CapMonsterFile, node: TSESTree.Node, depth = 0): number | undefined {
  if (depth > 4) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.ArrayExpression) {
    if (n.elements.length === 1 && n.elements[0]?.type === AST_NODE_TYPES.SpreadElement) {
      return rangeCount(file, n.elements[0].argument, depth + 1);
    }
    return n.elements.some((e) => e?.type === AST_NODE_TYPES.SpreadElement) ? undefined : n.elements.length;
  }
  if ((n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.NewExpression) && n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'Array' && n.arguments.length === 1) {
    return file.values.number(n.arguments[0]!);
  }
  if (n.type === AST_NODE_TYPES.CallExpression && n.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n.callee);
    const obj = unwrap(n.callee.object);
    if (name === 'from' && obj.type === AST_NODE_TYPES.Identifier && obj.name === 'Array' && n.arguments[0]) {
      const length = file.values.member(n.arguments[0], 'length');
      return length ? file.values.number(length) : rangeCount(file, n.arguments[0], depth + 1);
    }
    if (name === 'keys' || name === 'fill' || name === 'entries' || name === 'values') return rangeCount(file, obj, depth + 1);
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const v = file.values.valueOf(n);
    return v ? rangeCount(file, v, depth + 1) : undefined;
  }
  return undefined;
}

/** Calls of `fn` (and references to it handed to timers or `.then`) made from inside `fn`. */
function recursiveCalls(file: CapMonsterFile, fn: FunctionNode): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  // Visit only the calls inside the function's body (binary search over the calls in source order).
  const calls = file.memo('callsBySource', () => [...file.calls].sort((a, b) => a.range[0] - b.range[0]));
  const [start, end] = fn.body.range;
  let lo = 0;
  let hi = calls.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (calls[mid]!.range[0] < start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < calls.length && calls[i]!.range[0] < end; i++) {
    const call = calls[i]!;
    if (!contains(fn.body, call)) continue;
    if (file.values.calleeOf(call) === fn) out.push(call);
    const name = calleeName(call);
    if (name === 'setTimeout' || name === 'setImmediate' || name === 'nextTick' || name === 'then') {
      for (const a of call.arguments) {
        const u = unwrap(a);
        if (u.type === AST_NODE_TYPES.Identifier && functionRef(file, u) === fn) out.push(u);
      }
    }
  }
  return out.sort((a, b) => a.range[0] - b.range[0]);
}

// ---------------------------------------------------------------------------------------------------------
// One iteration: the code that runs between two requests, and what it updates, checks and waits for.

type CounterKey = TSESLint.Scope.Variable | string;

interface Atom {
  node: TSESTree.Node;
  /** The poll stops when the atom evaluates to this. */
  exitWhen: boolean;
  /** Execution order within one iteration. */
  order: number;
  /** The stop takes effect at the end of the iteration (a flag read by the loop test). */
  deferred?: boolean;
}

interface Update {
  node: TSESTree.Node;
  delta: number | undefined;
  order: number;
  /** `c += step` (or `c = c + step`) with a step of unknown size: a counter all the same. */
  stepUnknown?: boolean;
}

interface Iteration {
  file: CapMonsterFile;
  kind: Poll['kind'];
  /** The loop, the recursive function, or the interval callback. */
  root: TSESTree.Node;
  /** Code of one iteration with its phase: a `for` loop runs its test, body, then update. */
  parts: { node: TSESTree.Node; phase: number }[];
  /** The function whose frame the loop runs in (loops only). */
  owner?: FunctionNode;
  requests: CapRequest[];
  recursive: TSESTree.Node[];
  /** The recursive function's depth parameters (recursion only): index → delta passed on each call. */
  nodes: TSESTree.Node[];
}

function orderOf(it: Iteration, node: TSESTree.Node): number {
  for (const p of it.parts) if (contains(p.node, node)) return p.phase * 1e9 + node.range[0];
  return node.range[0];
}

/** Every node of the iteration: into inline callbacks, not into other functions. */
function iterationNodes(file: CapMonsterFile, parts: { node: TSESTree.Node }[]): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const p of parts) {
    walk(file, p.node, (n) => {
      if (isFunction(n) && n !== p.node && !isInlineCallback(n)) return false;
      out.push(n);
      return true;
    });
  }
  return out;
}

interface Context {
  guards: { test: TSESTree.Node; when: boolean }[];
  /** On an error path: a `catch` clause or a `.catch()` callback. */
  inCatch: boolean;
  /** Inside an inline callback below the iteration's frame. */
  nested: boolean;
  /** Some guard between the node and the root (if, ternary, `&&`, switch case). */
  conditional: boolean;
  /** A `throw` that a `try` inside the iteration catches without leaving. */
  swallowed: boolean;
}

function contextOf(it: Iteration, node: TSESTree.Node): Context {
  const ctx: Context = { guards: [], inCatch: false, nested: false, conditional: false, swallowed: false };
  const frame = it.kind === 'loop' ? it.owner : (it.root as FunctionNode);
  let prev: TSESTree.Node = node;
  for (let cur = node.parent; cur && cur !== it.root; prev = cur, cur = cur.parent) {
    switch (cur.type) {
      case AST_NODE_TYPES.IfStatement:
        if (prev === cur.consequent) ctx.guards.push({ test: cur.test, when: true });
        else if (prev === cur.alternate) ctx.guards.push({ test: cur.test, when: false });
        if (prev !== cur.test) ctx.conditional = true;
        break;
      case AST_NODE_TYPES.ConditionalExpression:
        if (prev === cur.consequent) ctx.guards.push({ test: cur.test, when: true });
        else if (prev === cur.alternate) ctx.guards.push({ test: cur.test, when: false });
        if (prev !== cur.test) ctx.conditional = true;
        break;
      case AST_NODE_TYPES.LogicalExpression:
        if (prev === cur.right) {
          if (cur.operator === '&&') ctx.guards.push({ test: cur.left, when: true });
          else if (cur.operator === '||') ctx.guards.push({ test: cur.left, when: false });
          ctx.conditional = true;
        }
        break;
      case AST_NODE_TYPES.SwitchCase:
        ctx.conditional = true;
        break;
      case AST_NODE_TYPES.CatchClause:
        ctx.inCatch = true;
        break;
      case AST_NODE_TYPES.TryStatement:
        if (prev === cur.block && node.type === AST_NODE_TYPES.ThrowStatement && !ctx.nested && cur.handler && !leaves(cur.handler.body)) {
          ctx.swallowed = true;
        }
        break;
      default:
        if (isFunction(cur) && cur !== frame) {
          ctx.nested = true;
          const p = cur.parent;
          if (p?.type === AST_NODE_TYPES.CallExpression && calleeName(p) === 'catch') ctx.inCatch = true;
          if (p?.type === AST_NODE_TYPES.CallExpression && calleeName(p) === 'then' && p.arguments[1] === cur) ctx.inCatch = true;
        }
    }
  }
  return ctx;
}

/** Whether a block always leaves by `throw` or `return` (a `catch` that rethrows). */
function leaves(block: TSESTree.BlockStatement): boolean {
  return block.body.some((s) => s.type === AST_NODE_TYPES.ThrowStatement || s.type === AST_NODE_TYPES.ReturnStatement);
}

/** Splits a condition into atoms; `!`, `&&` and `||` are looked through (each atom is taken as able to stop the poll). */
function atomsOf(node: TSESTree.Node, exitWhen: boolean, order: number, out: Atom[], deferred = false, depth = 0): void {
  const n = unwrap(node);
  if (depth > 20) return;
  if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    atomsOf(n.argument, !exitWhen, order, out, deferred, depth + 1);
    return;
  }
  if (n.type === AST_NODE_TYPES.LogicalExpression && n.operator !== '??') {
    atomsOf(n.left, exitWhen, order, out, deferred, depth + 1);
    atomsOf(n.right, exitWhen, order, out, deferred, depth + 1);
    return;
  }
  out.push({ node: n, exitWhen, order, deferred });
}

/** Whether a `break` leaves the poll loop. */
function breaksLoop(brk: TSESTree.BreakStatement, loop: TSESTree.Node): boolean {
  if (brk.label) {
    const name = brk.label.name;
    for (let cur: TSESTree.Node | undefined = brk.parent; cur; cur = cur.parent) {
      if (cur.type === AST_NODE_TYPES.LabeledStatement && cur.label.name === name) return contains(cur, loop);
      if (isFunction(cur)) return false;
    }
    return false;
  }
  for (let cur: TSESTree.Node | undefined = brk.parent; cur; cur = cur.parent) {
    if (cur === loop) return true;
    if (isLoop(cur) || cur.type === AST_NODE_TYPES.SwitchStatement || isFunction(cur)) return false;
  }
  return false;
}

/** The atoms of every condition that can stop the poll. */
function exitAtoms(it: Iteration): Atom[] {
  const atoms: Atom[] = [];
  const loop = it.kind === 'loop' ? (it.root as LoopNode) : undefined;
  const flags = new Map<TSESLint.Scope.Variable, boolean>(); // loop-test variable → it stops the loop when truthy
  if (loop && 'test' in loop && loop.test) {
    const testAtoms: Atom[] = [];
    atomsOf(loop.test, false, orderOf(it, loop.test), testAtoms);
    for (const a of testAtoms) {
      atoms.push(a);
      if (a.node.type === AST_NODE_TYPES.Identifier) {
        const v = it.file.values.variableOf(a.node);
        if (v) flags.set(v, a.exitWhen);
      }
    }
  }
  const addGuarded = (node: TSESTree.Node, ctx: Context, deferred = false): void => {
    for (const g of ctx.guards) atomsOf(g.test, g.when, orderOf(it, node), atoms, deferred);
  };
  for (const n of it.nodes) {
    if (loop) {
      if (n.type === AST_NODE_TYPES.BreakStatement && breaksLoop(n, loop)) {
        const ctx = contextOf(it, n);
        if (!ctx.inCatch && !ctx.nested) addGuarded(n, ctx);
      } else if (n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) {
        const ctx = contextOf(it, n);
        if (!ctx.inCatch && !ctx.nested && !ctx.swallowed) addGuarded(n, ctx);
      } else if (n.type === AST_NODE_TYPES.AssignmentExpression && n.operator === '=' && n.left.type === AST_NODE_TYPES.Identifier) {
        const v = it.file.values.variableOf(n.left);
        const stopsWhenTruthy = v ? flags.get(v) : undefined;
        if (stopsWhenTruthy === undefined) continue;
        const ctx = contextOf(it, n);
        if (ctx.inCatch) continue;
        const right = unwrap(n.right);
        if (right.type === AST_NODE_TYPES.Literal) {
          if (Boolean(right.value) === stopsWhenTruthy) addGuarded(n, ctx, true);
        } else {
          atomsOf(right, stopsWhenTruthy, orderOf(it, n), atoms, true);
        }
      }
    } else if (it.kind === 'recursion') {
      if (n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) {
        if (n.argument && it.recursive.some((rc) => contains(n.argument!, rc))) continue;
        const ctx = contextOf(it, n);
        if (!ctx.inCatch && !ctx.swallowed) addGuarded(n, ctx);
      }
    } else if (it.kind === 'interval') {
      if (n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === 'clearInterval') {
        const ctx = contextOf(it, n);
        if (!ctx.inCatch) addGuarded(n, ctx);
      }
    }
  }
  // Recursion continues only where its guards hold: each guard of a recursive call can stop it.
  for (const rc of it.recursive) {
    const ctx = contextOf(it, rc);
    for (const g of ctx.guards) atomsOf(g.test, !g.when, orderOf(it, rc), atoms);
  }
  return atoms;
}

// ---------------------------------------------------------------------------------------------------------
// Classifying an atom.

type Classified =
  | { kind: 'counter'; key: CounterKey; check: Check }
  | { kind: 'deadline'; budget?: number; budgetNode?: TSESTree.Node }
  | { kind: 'unknown' }
  | { kind: 'once' }
  | { kind: 'none' };

interface Check {
  atom: Atom;
  op: string;
  /** `c + 1 > max`: 1. */
  offset: number;
  /** An update written inside the comparison (`++tries > 60`, `left-- > 0`). */
  embedded?: { node: TSESTree.Node; delta: number; prefix: boolean };
  limit?: number;
  literal?: TSESTree.Literal;
  /** The expression the counter is compared with. */
  limitNode?: TSESTree.Node;
}

const COMPARISONS = new Set(['<', '<=', '>', '>=', '===', '!==', '==', '!=']);
const FLIP: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=', '===': '===', '!==': '!==', '==': '==', '!=': '!=' };
/** Calls that only read what they are given: a test built of them (of the reply's text, say) depends on nothing else. */
const PURE_CALLS = new Set([
  'includes', 'startsWith', 'endsWith', 'toLowerCase', 'toUpperCase', 'trim', 'trimStart', 'trimEnd', 'String', 'Number', 'Boolean',
  'parseInt', 'parseFloat', 'indexOf', 'lastIndexOf', 'test', 'isArray', 'json', 'text', 'substring', 'substr', 'slice', 'split',
  'charAt', 'at', 'match', 'every', 'some',
]);
const CANCEL_WORDS = /^(?:aborted|cancell?ed|isCancellationRequested|stopped|isStopped|running|isRunning|active|isActive)$/;

function counterKey(it: Iteration, node: TSESTree.Node): CounterKey | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return it.file.values.variableOf(n);
  if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) return it.file.sourceCode.getText(n);
  return undefined;
}

function sameKey(it: Iteration, node: TSESTree.Node, key: CounterKey): boolean {
  const k = counterKey(it, node);
  return k !== undefined && k === key;
}

/** `c`, `c++`, `++c`, `c--`, `c + 1`: the counter a comparison side reads. */
function counterSide(
  it: Iteration,
  node: TSESTree.Node,
): { key: CounterKey; offset: number; embedded?: Check['embedded'] } | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.UpdateExpression) {
    const key = counterKey(it, n.argument);
    return key === undefined ? undefined : { key, offset: 0, embedded: { node: n, delta: n.operator === '++' ? 1 : -1, prefix: n.prefix } };
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && (n.operator === '+' || n.operator === '-')) {
    const k = evalNumber(it.file, n.right).ms;
    const inner = k === undefined ? undefined : counterSide(it, n.left);
    if (inner && !inner.embedded && k !== undefined) return { key: inner.key, offset: n.operator === '+' ? k : -k };
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.Identifier || (n.type === AST_NODE_TYPES.MemberExpression && !n.computed)) {
    if (isTime(it.file, n)) return undefined;
    const key = counterKey(it, n);
    if (key === undefined) return undefined;
    // A counter moves: it has an update, or it is a depth parameter.
    return { key, offset: 0 };
  }
  return undefined;
}

function classify(it: Iteration, atom: Atom, updates: (key: CounterKey) => Update[] | undefined): Classified {
  const n = unwrap(atom.node);
  // `do { … } while (false)`, `if (true) break`: stops after one round.
  if (n.type === AST_NODE_TYPES.Literal) return Boolean(n.value) === atom.exitWhen ? { kind: 'once' } : { kind: 'none' };
  if (containsTime(it.file, n)) {
    const budget = deadlineBudget(it.file, n);
    return { kind: 'deadline', budget: budget?.ms, budgetNode: budget?.node };
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(n.operator) && n.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    for (const [side, other, flip] of [
      [n.left, n.right, false],
      [n.right, n.left, true],
    ] as const) {
      const c = counterSide(it, side);
      if (!c) continue;
      const ups = updates(c.key);
      if (ups === undefined) return { kind: 'unknown' };
      // Compared but never moved here: a constant or a reply field (generic), or state moved elsewhere.
      if (ups.length === 0 && !c.embedded) continue;
      // The largest the limit can be: a default, a caller's argument, a conditional's larger branch.
      const limit = evalNumber(it.file, other);
      if (limit.ms === undefined) limit.ms = it.file.values.upperBound(other);
      return {
        kind: 'counter',
        key: c.key,
        check: {
          atom,
          op: flip ? FLIP[n.operator]! : n.operator,
          offset: c.offset,
          embedded: c.embedded,
          limit: limit.ms,
          literal: limit.literal,
          limitNode: other,
        },
      };
    }
  }
  // `while (left--)`, `while (attemptsLeft)`: a counter tested for zero.
  const truthy = counterSide(it, n);
  if (truthy && truthy.offset === 0) {
    const ups = updates(truthy.key);
    if (ups === undefined) return { kind: 'unknown' };
    if (ups.length > 0 || truthy.embedded) {
      return { kind: 'counter', key: truthy.key, check: { atom, op: '!==', offset: 0, embedded: truthy.embedded, limit: 0 } };
    }
  }
  return genericKind(it, n);
}

/** A condition about anything else: a check of the reply (`none`), or of state changed elsewhere (`unknown`). */
function genericKind(it: Iteration, n: TSESTree.Node): Classified {
  let unknown = false;
  walk(it.file, n, (x) => {
    if (unknown) return false;
    if (isFunction(x)) return false;
    if (x.type === AST_NODE_TYPES.CallExpression) {
      if (it.file.requestAt(x)) return false;
      const name = calleeName(x);
      if (name === undefined || !PURE_CALLS.has(name)) unknown = true;
      return !unknown;
    }
    if (x.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(x);
      if (name !== undefined && CANCEL_WORDS.test(name)) unknown = true;
      const obj = unwrap(x.object);
      if (obj.type === AST_NODE_TYPES.ThisExpression && !x.computed) {
        if (thisWrittenElsewhere(it, it.file.sourceCode.getText(x))) unknown = true;
        return false;
      }
      if (!x.computed) {
        walkChild(x.object);
        return false;
      }
      return true;
    }
    if (x.type === AST_NODE_TYPES.Identifier) {
      const v = it.file.values.variableOf(x);
      if (v && v.defs.length > 0 && writtenElsewhere(it, v)) unknown = true;
      return false;
    }
    return true;
  });
  function walkChild(node: TSESTree.Node): void {
    const u = unwrap(node);
    if (u.type === AST_NODE_TYPES.Identifier) {
      const v = it.file.values.variableOf(u);
      if (v && v.defs.length > 0 && writtenElsewhere(it, v)) unknown = true;
    } else if (u.type === AST_NODE_TYPES.MemberExpression || u.type === AST_NODE_TYPES.CallExpression) {
      const k = genericKind(it, u);
      if (k.kind === 'unknown') unknown = true;
    }
  }
  return unknown ? { kind: 'unknown' } : { kind: 'none' };
}

/** Whether a variable is written outside this iteration by another function (a timer callback, another method). */
function writtenElsewhere(it: Iteration, v: TSESLint.Scope.Variable): boolean {
  const declFn = v.scope.variableScope.block;
  for (const ref of v.references) {
    if (!ref.isWrite() || ref.init) continue;
    const id = ref.identifier as TSESTree.Node;
    if (it.parts.some((p) => contains(p.node, id)) && !inOtherFunction(it, id)) continue;
    const fn = enclosingFunction(id) ?? it.file.sourceCode.ast;
    if (fn !== declFn) return true;
  }
  return false;
}

/** Inside the iteration, but in a function that is neither its frame nor an inline callback. */
function inOtherFunction(it: Iteration, node: TSESTree.Node): boolean {
  for (let cur = enclosingFunction(node); cur && contains(it.root, cur) && cur !== it.root; cur = enclosingFunction(cur)) {
    if (!isInlineCallback(cur)) return true;
  }
  return false;
}

function thisWrittenElsewhere(it: Iteration, text: string): boolean {
  for (const n of memberWrites(it.file)) {
    if (it.file.sourceCode.getText(n) === text && !it.parts.some((p) => contains(p.node, n))) return true;
  }
  return false;
}

/** Every `this.x` that is assigned or updated in the file. */
function memberWrites(file: CapMonsterFile): TSESTree.MemberExpression[] {
  return file.memo('polls:memberWrites', () => {
    const out: TSESTree.MemberExpression[] = [];
    walk(file, file.sourceCode.ast, (n) => {
      const target =
        n.type === AST_NODE_TYPES.AssignmentExpression ? n.left : n.type === AST_NODE_TYPES.UpdateExpression ? n.argument : undefined;
      if (target?.type === AST_NODE_TYPES.MemberExpression) out.push(target);
      return true;
    });
    return out;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Time.

/** `Date.now()`, `performance.now()`, `new Date()`, `+new Date()`, `x.getTime()`, or a name that holds one. */
function isTime(file: CapMonsterFile, node: TSESTree.Node, depth = 0): boolean {
  if (depth > 4) return false;
  const n = unwrap(node);
  switch (n.type) {
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(n.callee);
      const name = calleeName(n);
      if (callee.type === AST_NODE_TYPES.MemberExpression) {
        const obj = unwrap(callee.object);
        if (name === 'now' && obj.type === AST_NODE_TYPES.Identifier && (obj.name === 'Date' || obj.name === 'performance')) return true;
        if (name === 'getTime' || name === 'valueOf') return isTime(file, obj, depth + 1);
        if (name === 'hrtime' || name === 'bigint') return true;
      }
      return false;
    }
    case AST_NODE_TYPES.NewExpression:
      return n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'Date' && n.arguments.length === 0;
    case AST_NODE_TYPES.UnaryExpression:
      return n.operator === '+' && isTime(file, n.argument, depth + 1);
    case AST_NODE_TYPES.BinaryExpression:
      return (n.operator === '+' || n.operator === '-') && (isTime(file, n.left, depth + 1) || isTime(file, n.right, depth + 1));
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression: {
      const v = file.values.valueOf(n);
      return v !== undefined && isTime(file, v, depth + 1);
    }
    default:
      return false;
  }
}

function containsTime(file: CapMonsterFile, node: TSESTree.Node): boolean {
  let found = false;
  walk(file, node, (x) => {
    if (found || isFunction(x)) return false;
    if (isTime(file, x)) found = true;
    return !found;
  });
  return found;
}

/** The time budget of a deadline comparison, in ms, and the expression B that sets it: `Date.now() - start < B`, `Date.now() < start + B`, `elapsed > B`. */
function deadlineBudget(file: CapMonsterFile, node: TSESTree.Node): { ms: number | undefined; node: TSESTree.Node } | undefined {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.BinaryExpression || !COMPARISONS.has(n.operator) || n.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
  for (const [x, y] of [
    [n.left, n.right],
    [n.right, n.left],
  ] as const) {
    const elapsed = difference(file, x);
    if (elapsed && !isTime(file, y)) return { ms: evalNumber(file, y).ms, node: y };
    if (isTime(file, x) && isTime(file, y)) {
      const sum = plusBudget(file, y);
      if (sum !== undefined) return sum;
    }
  }
  return undefined;
}

/** `now - start` (or a name holding it). */
function difference(file: CapMonsterFile, node: TSESTree.Node, depth = 0): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '-') {
    return isTime(file, n.left) && isTime(file, n.right);
  }
  if (depth < 3 && (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression)) {
    const v = file.values.valueOf(n);
    return v !== undefined && difference(file, v, depth + 1);
  }
  return false;
}

/** `start + B` (or a name holding it): B's value, and B. */
function plusBudget(file: CapMonsterFile, node: TSESTree.Node, depth = 0): { ms: number; node: TSESTree.Node } | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.operator === '+') {
    const b = isTime(file, n.left) && !isTime(file, n.right) ? n.right : isTime(file, n.right) && !isTime(file, n.left) ? n.left : undefined;
    const ms = b && evalNumber(file, b).ms;
    return b && ms !== undefined ? { ms, node: b } : undefined;
  }
  if (depth < 3 && (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression)) {
    const v = file.values.valueOf(n);
    return v ? plusBudget(file, v, depth + 1) : undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Counters: updates, start values, and an exact count by simulation.

/** How an expression changes a counter: `c++`, `c += 2`, `c = c + 1`; `undefined` delta for other writes. */
function updateOf(it: Iteration, n: TSESTree.Node, key: CounterKey): Update | undefined {
  if (n.type === AST_NODE_TYPES.UpdateExpression && sameKey(it, n.argument, key)) {
    return { node: n, delta: n.operator === '++' ? 1 : -1, order: orderOf(it, n) };
  }
  if (n.type === AST_NODE_TYPES.AssignmentExpression && sameKey(it, n.left, key)) {
    let delta: number | undefined;
    let stepped = false;
    if (n.operator === '+=' || n.operator === '-=') {
      stepped = true;
      const k = evalNumber(it.file, n.right).ms;
      if (k !== undefined) delta = n.operator === '+=' ? k : -k;
    } else if (n.operator === '=') {
      const r = unwrap(n.right);
      if (r.type === AST_NODE_TYPES.BinaryExpression && (r.operator === '+' || r.operator === '-')) {
        stepped = sameKey(it, r.left, key) || (r.operator === '+' && sameKey(it, r.right, key));
        const k = sameKey(it, r.left, key) ? evalNumber(it.file, r.right).ms : undefined;
        const k2 = r.operator === '+' && sameKey(it, r.right, key) ? evalNumber(it.file, r.left).ms : undefined;
        if (k !== undefined) delta = r.operator === '+' ? k : -k;
        else if (k2 !== undefined) delta = k2;
      }
    }
    return { node: n, delta, order: orderOf(it, n), stepUnknown: stepped && delta === undefined };
  }
  return undefined;
}

const writeLists = new WeakMap<Iteration, TSESTree.Node[]>();

/** The nodes of an iteration that can update a counter (`++`/`--` and assignments), listed once per iteration. */
function writesOf(it: Iteration): TSESTree.Node[] {
  let list = writeLists.get(it);
  if (!list) {
    list = it.nodes.filter((n) => n.type === AST_NODE_TYPES.UpdateExpression || n.type === AST_NODE_TYPES.AssignmentExpression);
    writeLists.set(it, list);
  }
  return list;
}

/**
 * The counter updates of one iteration; `undefined` when the name is also set to other values in the poll
 * (a reset: size unknown), `[]` when it is not a counter (only set to other values, or never written).
 */
function collectUpdates(it: Iteration, key: CounterKey): Update[] | undefined {
  const out: Update[] = [];
  let plain = false;
  for (const n of writesOf(it)) {
    const u = updateOf(it, n, key);
    if (!u) continue;
    const ctx = contextOf(it, n);
    if (ctx.inCatch) continue; // counting errors is not counting requests
    // `spent += interval` with an interval of unknown size: a counter whose bound cannot be sized.
    if (u.stepUnknown) return undefined;
    if (u.delta === undefined) plain = true;
    else out.push(u);
  }
  if (plain) return out.length > 0 ? undefined : [];
  // A recursion's depth parameter moves with each recursive call.
  if (it.kind === 'recursion' && typeof key !== 'string') {
    const param = paramIndex(it.root as FunctionNode, key);
    if (param !== undefined) {
      let delta: number | undefined;
      for (const rc of it.recursive) {
        if (rc.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const a = rc.arguments[param];
        const d = a ? argDelta(it, a, key) : undefined;
        if (d === undefined || (delta !== undefined && d !== delta)) return undefined;
        delta = d;
      }
      const last = it.recursive[it.recursive.length - 1];
      if (delta !== undefined && last) out.push({ node: last, delta, order: orderOf(it, last) });
    }
  }
  return out;
}

function paramIndex(fn: FunctionNode, v: TSESLint.Scope.Variable): number | undefined {
  const def = v.defs[0];
  if (v.defs.length !== 1 || def?.type !== 'Parameter' || def.node !== fn) return undefined;
  const i = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
  return i < 0 ? undefined : i;
}

/** What a recursive call passes for a depth parameter: `n + 1` → 1, `n - 1` → -1, `++n` → 1, `n` → 0. */
function argDelta(it: Iteration, arg: TSESTree.Node, key: CounterKey): number | undefined {
  const a = unwrap(arg);
  if (sameKey(it, a, key)) return 0;
  if (a.type === AST_NODE_TYPES.UpdateExpression && sameKey(it, a.argument, key)) return a.prefix ? (a.operator === '++' ? 1 : -1) : 0;
  if (a.type === AST_NODE_TYPES.BinaryExpression && (a.operator === '+' || a.operator === '-')) {
    if (sameKey(it, a.left, key)) {
      const k = evalNumber(it.file, a.right).ms;
      return k === undefined ? undefined : a.operator === '+' ? k : -k;
    }
    if (a.operator === '+' && sameKey(it, a.right, key)) return evalNumber(it.file, a.left).ms;
  }
  return undefined;
}

/** The counter's value when the poll starts. */
function startValue(it: Iteration, key: CounterKey): number | undefined {
  const file = it.file;
  if (typeof key === 'string') {
    // this.attempts: a class field or constructor value.
    const member = it.nodes.find((n) => n.type === AST_NODE_TYPES.MemberExpression && file.sourceCode.getText(n) === key);
    return member ? file.values.number(member) : undefined;
  }
  if (it.kind === 'recursion') {
    const fn = it.root as FunctionNode;
    const param = paramIndex(fn, key);
    if (param !== undefined) {
      const p = fn.params[param];
      const fallback = p?.type === AST_NODE_TYPES.AssignmentPattern ? evalNumber(file, p.right).ms : undefined;
      let value: number | undefined;
      let seen = false;
      for (const call of file.calls) {
        if (contains(fn, call) || file.values.calleeOf(call) !== fn) continue;
        const a = call.arguments[param];
        const v = a ? (a.type === AST_NODE_TYPES.SpreadElement ? undefined : evalNumber(file, a).ms) : fallback;
        if (v === undefined || (seen && v !== value)) return undefined;
        value = v;
        seen = true;
      }
      return seen ? value : fallback;
    }
  }
  const writes = key.references.filter((r) => r.isWrite() && !it.parts.some((p) => contains(p.node, r.identifier)));
  if (writes.length !== 1) return undefined;
  const w = writes[0]!;
  const expr = w.writeExpr;
  if (!expr) return undefined;
  // The write must be a plain initialisation or assignment, not `i += 1` outside the poll.
  const parent = (w.identifier as TSESTree.Node).parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.operator !== '=') return undefined;
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return undefined;
  return evalNumber(file, expr).ms ?? file.values.upperBound(expr);
}

type Event =
  | { type: 'req'; order: number }
  | { type: 'inc'; order: number; delta: number }
  | { type: 'chk'; order: number; check: Check; deferred: boolean };

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '===':
    case '==':
      return a === b;
    case '!==':
    case '!=':
      return a !== b;
    default:
      return false;
  }
}

/** Requests sent before a check stops the poll; Infinity when none ever does. */
function simulate(start: number, events: Event[], limits: Map<Check, number>): number {
  let v = start;
  let requests = 0;
  let perIteration = 0;
  // An iteration that does not stop the poll moves the counter by the same step each time: each check's
  // outcome can flip only where the counter crosses its limit, so the rounds far from every limit are
  // counted at once instead of one by one (a limit of 100,000 is a few rounds, not 100,000).
  let requestsPerRound = 0;
  let spread = 0;
  for (const e of events) {
    if (e.type === 'req') requestsPerRound++;
    else if (e.type === 'inc') spread += Math.abs(e.delta);
    else if (e.check.embedded) spread += Math.abs(e.check.embedded.delta);
  }
  let previous = v;
  for (let iter = 0; iter < MAX_SIM; iter++) {
    if (iter >= 2) {
      const step = v - previous;
      // The same counter at the start of two rounds: every later round is the same, none stops.
      if (step === 0) return Number.POSITIVE_INFINITY;
      if (Number.isInteger(step) && Number.isInteger(v)) {
        let gap = Number.POSITIVE_INFINITY;
        for (const e of events) if (e.type === 'chk') gap = Math.min(gap, Math.abs(limits.get(e.check)! - (v + e.check.offset)));
        const skip = Math.min(Math.floor((gap - spread) / Math.abs(step)) - 2, MAX_SIM - iter);
        if (skip > 0) {
          v += skip * step;
          requests += skip * requestsPerRound;
          iter += skip;
          if (iter >= MAX_SIM) return Number.POSITIVE_INFINITY;
        }
      }
    }
    previous = v;
    let stopping = false;
    for (const e of events) {
      if (e.type === 'req') {
        requests++;
        if (iter === 0) perIteration++;
      } else if (e.type === 'inc') {
        v += e.delta;
      } else if (!stopping) {
        const c = e.check;
        let value = v;
        if (c.embedded) {
          if (c.embedded.prefix) value = v += c.embedded.delta;
          else v += c.embedded.delta;
        }
        const limit = limits.get(c);
        if (limit === undefined) return Number.NaN;
        if (compare(value + c.offset, c.op, limit) === c.atom.exitWhen) {
          if (!e.deferred) return requests;
          stopping = true;
        }
      } else if (e.check.embedded) {
        v += e.check.embedded.delta;
      }
    }
    if (stopping) return requests;
    if (perIteration === 0) return Number.NaN;
  }
  return Number.POSITIVE_INFINITY;
}

function counterBound(it: Iteration, key: CounterKey, checks: Check[], updates: Update[]): PollBound | undefined {
  const start = startValue(it, key);
  const node = checks[0]!.atom.node;
  if (start === undefined || checks.some((c) => c.limit === undefined)) return { kind: 'counter', node };
  const firstRequest = Math.min(...it.requests.map((r) => orderOf(it, r.call)));
  const embedded = new Set(checks.map((c) => c.embedded?.node));
  const events: Event[] = [
    { type: 'req', order: firstRequest } as Event,
    ...updates.filter((u) => !embedded.has(u.node)).map((u): Event => ({ type: 'inc', order: u.order, delta: u.delta! })),
    ...checks.map((c): Event => ({ type: 'chk', order: c.atom.order, check: c, deferred: c.atom.deferred === true })),
  ].sort((a, b) => a.order - b.order || (a.type === 'chk' ? -1 : 1));
  const limits = new Map(checks.map((c) => [c, c.limit!] as const));
  const count = simulate(start, events, limits);
  if (Number.isNaN(count)) return { kind: 'counter', node };
  if (count === Number.POSITIVE_INFINITY) return undefined; // a check that never stops the poll: a fake bound
  const bound: PollBound = { kind: 'counter', count, node };
  const only = checks.length === 1 ? checks[0]! : undefined;
  if (only) {
    const step = Math.max(1, Math.abs(updates[0]?.delta ?? only.embedded?.delta ?? 1));
    const valueFor = (max: number): number | undefined => {
      const guess = only.limit! - (count - max) * step;
      for (let d = 0; d <= 3 * step; d++) {
        for (const cand of d === 0 ? [guess] : [guess - d, guess + d]) {
          if (cand < 0 || !Number.isInteger(cand)) continue;
          if (simulate(start, events, new Map([[only, cand]])) === max) return cand;
        }
      }
      return undefined;
    };
    if (only.literal && only.literal.value === only.limit) bound.fix = { literal: only.literal, valueFor };
    if (only.limitNode) bound.limit = { node: only.limitNode, valueFor };
  }
  return bound;
}

// ---------------------------------------------------------------------------------------------------------
// Delays.

function findDelay(it: Iteration): PollDelay {
  const file = it.file;
  const waits: { node: TSESTree.Node; ms?: number; literal?: TSESTree.Literal; conditional: boolean }[] = [];
  let unawaited: TSESTree.Node | undefined;
  let scheduled: TSESTree.Node | undefined;
  const skip = new Set<TSESTree.Node>();
  for (const n of it.nodes) {
    if (n.type === AST_NODE_TYPES.AwaitExpression) {
      // `await pending[id]` (a timer promise made at the end of the last round), `await gate.next()`: it waits,
      // for a time the source may not show.
      const w = awaitedWait(it, n);
      if (w) {
        const ctx = contextOf(it, n);
        if (!(ctx.inCatch && ctx.nested)) waits.push({ node: n, ms: w.ms, conditional: ctx.conditional || ctx.inCatch });
      }
      continue;
    }
    if (n.type !== AST_NODE_TYPES.CallExpression && n.type !== AST_NODE_TYPES.NewExpression) continue;
    if ([...skip].some((s) => contains(s, n))) continue;
    // `new Promise((resolve) => setTimeout(() => resolve(poll(id)), 3000))`: the timer inside schedules the next round.
    if (n.type === AST_NODE_TYPES.NewExpression && it.kind === 'recursion' && it.recursive.some((rc) => contains(n, rc))) continue;
    const ctx = contextOf(it, n);
    // `setTimeout(poll, 5000)` that schedules the next round waits before it, wherever it is, a `.catch()` callback
    // (`.catch(() => setTimeout(tick, 5000))`) included.
    if (it.kind === 'recursion' && n.type === AST_NODE_TYPES.CallExpression && isGlobalTimer(file, n, 'setTimeout')) {
      const cb = n.arguments[0];
      if (cb && it.recursive.some((rc) => contains(cb, rc))) {
        skip.add(n);
        const ms = n.arguments[1] ? evalNumber(file, n.arguments[1]) : { ms: 0 };
        waits.push({ node: n, ...ms, conditional: ctx.conditional || ctx.inCatch });
        continue;
      }
    }
    // A wait in a `catch` clause of the iteration (`catch (e) { if (e.code !== 'CAPCHA_NOT_READY') throw e; await sleep(5000) }`)
    // waits on that path: a conditional wait. A `.catch()` callback's does not hold the poll.
    if (ctx.inCatch && ctx.nested) continue;
    if (ctx.inCatch) ctx.conditional = true;
    // Any other timer: in a loop, a callback scheduled for later (a recursion's own was taken above).
    if (n.type === AST_NODE_TYPES.CallExpression && isGlobalTimer(file, n, 'setTimeout')) {
      skip.add(n);
      if (it.kind === 'loop') scheduled ??= n;
      continue;
    }
    // redux-saga and co: `yield call(delay, 2000)`.
    if (n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === 'call' && n.arguments[0]?.type === AST_NODE_TYPES.Identifier && isWaitName(n.arguments[0].name) && isAwaited(n)) {
      waits.push({ node: n, conditional: ctx.conditional });
      continue;
    }
    const d = delayCall(file, n);
    if (!d) continue;
    skip.add(n);
    if (!d.async || isAwaited(n) || (it.kind === 'recursion' && chainedToRecursion(it, n))) {
      waits.push({ node: n, ms: d.ms, literal: d.literal, conditional: ctx.conditional });
    } else {
      unawaited ??= n;
    }
  }
  if (waits.length > 0) {
    let ms: number | undefined;
    if (waits.every((w) => w.ms !== undefined)) {
      const always = waits.filter((w) => !w.conditional);
      ms = always.length > 0 ? always.reduce((s, w) => s + w.ms!, 0) : Math.min(...waits.map((w) => w.ms!));
    }
    return { kind: 'wait', ms, node: waits[0]!.node, literal: waits.length === 1 ? waits[0]!.literal : undefined };
  }
  if (unawaited) return { kind: 'unawaited', node: unawaited };
  if (scheduled) return { kind: 'scheduled', node: scheduled };
  return { kind: it.kind === 'recursion' ? 'immediate' : 'none' };
}

/**
 * What an `await` of something that is neither a request nor a known delay waits for: a stored timer
 * promise (`await pending[id]`, `await Promise.all(ids.map((id) => pending[id]))`) waits its length; a call
 * of an unknown function waits an unknown time. Undefined for what surely does not wait (a request, the
 * reply's `.json()`, a log call, a same-file function with no wait in it).
 */
function awaitedWait(it: Iteration, node: TSESTree.AwaitExpression): { ms?: number } | undefined {
  const file = it.file;
  const arg = unwrap(node.argument);
  if (arg.type === AST_NODE_TYPES.Identifier || arg.type === AST_NODE_TYPES.MemberExpression) {
    const stored = storedDelay(file, arg);
    if (stored) return { ms: stored.ms };
    return it.requests.some((r) => contains(arg, r.call)) ? undefined : {};
  }
  if (arg.type !== AST_NODE_TYPES.CallExpression) return undefined;
  // The reply itself (`await fetch(…).then((r) => r.json())`), a known delay, a log line: not an unknown wait.
  if (it.requests.some((r) => contains(arg, r.call)) || file.requestAt(arg) || delayCall(file, arg) || isLogCall(arg)) return undefined;
  const name = calleeName(arg);
  if (name !== undefined && ENVELOPE_READS.has(name)) return undefined;
  // Promise.all([...]) of stored timers or delays
  if (arg.callee.type === AST_NODE_TYPES.MemberExpression && memberName(arg.callee.object) === 'Promise') {
    let ms: number | undefined;
    let found = false;
    walk(file, arg, (x) => {
      if (x.type === AST_NODE_TYPES.MemberExpression || x.type === AST_NODE_TYPES.Identifier) {
        const d = storedDelay(file, x);
        if (d) {
          found = true;
          ms = d.ms;
          return false;
        }
      }
      return true;
    });
    if (found) return { ms };
    return file.values.someNode(arg, (x) => x.type === AST_NODE_TYPES.CallExpression && file.requestAt(x) !== undefined) ? undefined : {};
  }
  if (file.values.calleeOf(arg)) return undefined;
  return {};
}

const ENVELOPE_READS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData', 'buffer']);

function memberName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Identifier ? n.name : undefined;
}

/** `sleep(2000).then(() => poll())`: a delay whose `.then` callback recurses. */
function chainedToRecursion(it: Iteration, n: TSESTree.Node): boolean {
  const member = n.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== n || propertyName(member) !== 'then') return false;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments.some((a) => it.recursive.some((rc) => contains(a, rc)));
}

// ---------------------------------------------------------------------------------------------------------
// Putting it together.

function analyzeBounds(it: Iteration, delay: PollDelay, extra: PollBound[] = []): PollBound[] {
  const bounds: PollBound[] = [...extra];
  const counters = new Map<CounterKey, Check[]>();
  const updateCache = new Map<CounterKey, Update[] | undefined>();
  const updates = (key: CounterKey): Update[] | undefined => {
    if (!updateCache.has(key)) updateCache.set(key, collectUpdates(it, key));
    return updateCache.get(key);
  };
  for (const atom of exitAtoms(it)) {
    const c = classify(it, atom, updates);
    if (c.kind === 'counter') {
      let list = counters.get(c.key);
      if (!list) counters.set(c.key, (list = []));
      list.push(c.check);
    } else if (c.kind === 'deadline') {
      const bound: PollBound = { kind: 'deadline', count: requestsIn(c.budget, delay), node: atom.node };
      if (c.budgetNode) bound.limit = { node: c.budgetNode, valueFor: (max) => timeFor(max, delay) };
      bounds.push(bound);
    } else if (c.kind === 'unknown') {
      bounds.push({ kind: 'unknown', node: atom.node });
    } else if (c.kind === 'once') {
      bounds.push({ kind: 'range', count: 1, node: atom.node });
    }
  }
  for (const [key, checks] of counters) {
    const b = counterBound(it, key, checks, updates(key) ?? []);
    if (b) bounds.push(b);
  }
  return bounds;
}

/**
 * A deadline set on the poll's requests themselves: a `signal` or `cancelToken` made once, outside the poll,
 * that a timer aborts (`AbortSignal.timeout(ms)`, `setTimeout(() => controller.abort(), ms)`,
 * `setTimeout(() => source.cancel(), ms)`), given in the request's options or the client instance's. After it
 * fires no request goes out, so it bounds the poll like a time budget. One made in each round is a timeout
 * of that request, not of the poll.
 */
function abortDeadlines(file: CapMonsterFile, poll: TSESTree.Node, requests: readonly CapRequest[], delay: PollDelay): PollBound[] {
  const out: PollBound[] = [];
  for (const r of requests) {
    if (r.via !== 'http') continue;
    for (const value of abortOptions(file, r.call)) {
      const d = abortTimer(file, value);
      if (!d) {
        // A signal or token the caller hands in (`{ signal }`, `cancel.token` of a parameter): a deadline of unknown length.
        let root = unwrap(value);
        while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
        if (root.type === AST_NODE_TYPES.Identifier && file.values.parameterOf(root)) out.push({ kind: 'unknown', node: value });
        continue;
      }
      if (contains(poll, d.made)) continue;
      const bound: PollBound = { kind: 'deadline', count: requestsIn(d.ms, delay), node: d.timer };
      if (d.msNode) bound.limit = { node: d.msNode, valueFor: (max) => timeFor(max, delay) };
      out.push(bound);
    }
  }
  return out;
}

const ABORT_OPTIONS = ['signal', 'cancelToken'];

/** The `signal` / `cancelToken` a request is sent with: in its own options, or in those its client instance was made with. */
function abortOptions(file: CapMonsterFile, call: TSESTree.CallExpression): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  const read = (obj: TSESTree.Node): void => {
    const shape = file.values.shape(obj);
    for (const k of ABORT_OPTIONS) {
      const slot = shape?.fields.get(k);
      if (slot) out.push(slot.node);
    }
  };
  for (const a of call.arguments) if (a.type !== AST_NODE_TYPES.SpreadElement && !isFunction(a)) read(a);
  // http.post(…) on `const http = axios.create({ cancelToken })`
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const made = file.values.valueOf(callee.object);
    const m = made && unwrap(made);
    if (m?.type === AST_NODE_TYPES.CallExpression && /^(?:create|extend|defaults)$/.test(calleeName(m) ?? '') && m.arguments[0]) read(m.arguments[0]);
  }
  return out;
}

/** The timer that aborts a signal or cancels a token, with its length, and where the signal or token is made. */
function abortTimer(file: CapMonsterFile, value: TSESTree.Node): { ms?: number; msNode?: TSESTree.Node; timer: TSESTree.Node; made: TSESTree.Node } | undefined {
  let v = unwrap(value);
  if (v.type === AST_NODE_TYPES.Identifier) v = unwrap(file.values.valueOf(v) ?? v);
  // AbortSignal.timeout(ms)
  if (v.type === AST_NODE_TYPES.CallExpression && v.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(v.callee) === 'timeout') {
    const obj = unwrap(v.callee.object);
    const ms = v.arguments[0];
    if (obj.type === AST_NODE_TYPES.Identifier && obj.name === 'AbortSignal' && ms && ms.type !== AST_NODE_TYPES.SpreadElement) return { ms: evalNumber(file, ms).ms, msNode: ms, timer: v, made: v };
    return undefined;
  }
  // controller.signal / source.token, aborted or cancelled by a timer
  if (v.type !== AST_NODE_TYPES.MemberExpression || (propertyName(v) !== 'signal' && propertyName(v) !== 'token')) return undefined;
  const holder = unwrap(v.object);
  if (holder.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = file.values.variableOf(holder);
  const made = file.values.valueOf(holder);
  if (!variable || !made) return undefined;
  for (const t of file.calls) {
    if (!isGlobalTimer(file, t, 'setTimeout')) continue;
    const cb = t.arguments[0] && unwrap(t.arguments[0]);
    if (!cb || !isFunction(cb)) continue;
    const stops = file.values.callsIn(cb.body).some((c) => {
      const ce = unwrap(c.callee);
      if (ce.type !== AST_NODE_TYPES.MemberExpression || !/^(?:abort|cancel)$/.test(propertyName(ce) ?? '')) return false;
      const o = unwrap(ce.object);
      return o.type === AST_NODE_TYPES.Identifier && file.values.variableOf(o) === variable;
    });
    const ms = t.arguments[1];
    if (stops) return { ms: ms ? evalNumber(file, ms).ms : 0, msNode: ms && ms.type !== AST_NODE_TYPES.SpreadElement ? ms : undefined, timer: t, made };
  }
  return undefined;
}

/** The time budget in which a poll with this delay sends `max` requests. */
function timeFor(max: number, delay: PollDelay): number | undefined {
  return delay.kind === 'wait' && delay.ms !== undefined && delay.ms > 0 ? max * delay.ms : undefined;
}

/** How many requests a poll with this delay sends in a time budget of `ms` (at least one). */
function requestsIn(ms: number | undefined, delay: PollDelay): number | undefined {
  return ms !== undefined && delay.kind === 'wait' && delay.ms !== undefined && delay.ms > 0 ? Math.max(1, Math.ceil(ms / delay.ms)) : undefined;
}

function tightest(bounds: PollBound[]): PollBound | undefined {
  if (bounds.length === 0) return undefined;
  const unknown = bounds.find((b) => b.count === undefined);
  if (unknown) return unknown;
  return bounds.reduce((a, b) => (b.count! < a.count! ? b : a));
}

function makeIteration(
  file: CapMonsterFile,
  kind: Poll['kind'],
  root: TSESTree.Node,
  parts: { node: TSESTree.Node; phase: number }[],
  requests: CapRequest[],
  recursive: TSESTree.Node[] = [],
  owner?: FunctionNode,
): Iteration {
  return { file, kind, root, parts, owner, requests, recursive, nodes: iterationNodes(file, parts) };
}

function loopPoll(file: CapMonsterFile, loop: LoopNode, requests: CapRequest[], range: number | undefined): Poll {
  const parts: { node: TSESTree.Node; phase: number }[] = [];
  switch (loop.type) {
    case AST_NODE_TYPES.ForStatement:
      if (loop.test) parts.push({ node: loop.test, phase: 0 });
      parts.push({ node: loop.body, phase: 1 });
      if (loop.update) parts.push({ node: loop.update, phase: 2 });
      break;
    case AST_NODE_TYPES.WhileStatement:
      parts.push({ node: loop.test, phase: 0 }, { node: loop.body, phase: 1 });
      break;
    case AST_NODE_TYPES.DoWhileStatement:
      parts.push({ node: loop.body, phase: 0 }, { node: loop.test, phase: 1 });
      break;
    default:
      parts.push({ node: loop.body, phase: 0 });
  }
  const owner = enclosingFunction(loop);
  const first = file.sourceCode.getFirstToken(loop);
  const site = { kind: 'loop' as const, node: loop, body: loop.body, fn: owner, requests, loc: first?.loc ?? loop.loc };
  return lazyPoll(site, () => {
    const it = makeIteration(file, 'loop', loop, parts, requests, [], owner);
    const delay = findDelay(it);
    const extra: PollBound[] = range !== undefined ? [{ kind: 'range', count: range, node: loop }] : [];
    // A body that always leaves in its first round (`do { …; return r; } while (true)`) runs once.
    if (runsOnce(loop)) extra.push({ kind: 'range', count: 1, node: loop });
    extra.push(...abortDeadlines(file, loop, requests, delay));
    return { delay, bounds: analyzeBounds(it, delay, extra) };
  });
}

function recursionPoll(file: CapMonsterFile, fn: FunctionNode, calls: TSESTree.Node[], requests: CapRequest[]): Poll {
  const node = calls[0]!;
  return lazyPoll({ kind: 'recursion', node, body: fn, fn, requests, loc: node.loc, recursive: calls }, () => {
    const it = makeIteration(file, 'recursion', fn, [{ node: fn.body, phase: 0 }], requests, calls);
    const delay = findDelay(it);
    return { delay, bounds: analyzeBounds(it, delay, abortDeadlines(file, fn, requests, delay)) };
  });
}

function intervalPoll(file: CapMonsterFile, call: TSESTree.CallExpression, cb: FunctionNode, requests: CapRequest[]): Poll {
  return lazyPoll({ kind: 'interval', node: call, body: cb, fn: cb, requests, loc: call.loc }, () => {
    const it = makeIteration(file, 'interval', cb, [{ node: cb.body, phase: 0 }], requests);
    const msArg = call.arguments[1];
    let delay: PollDelay;
    if (!msArg) delay = { kind: 'none' };
    else {
      const v = evalNumber(file, msArg);
      delay = { kind: 'wait', ms: v.ms, node: msArg, literal: v.literal };
    }
    // A clearInterval elsewhere: in a setTimeout (a deadline), or somewhere the analysis cannot size.
    const extra: PollBound[] = [];
    const handle = intervalHandle(file, call);
    if (handle !== undefined) {
      for (const c of file.calls) {
        if (calleeName(c) !== 'clearInterval' || contains(cb, c)) continue;
        const a = c.arguments[0];
        if (!a || file.sourceCode.getText(a) !== handle) continue;
        const host = enclosingFunction(c);
        const timer = host?.parent;
        if (host && timer?.type === AST_NODE_TYPES.CallExpression && timer.arguments[0] === host && isGlobalTimer(file, timer, 'setTimeout')) {
          const budget = timer.arguments[1] ? evalNumber(file, timer.arguments[1]).ms : 0;
          const bound: PollBound = { kind: 'deadline', count: requestsIn(budget, delay), node: timer };
          const budgetNode = timer.arguments[1];
          if (budgetNode) bound.limit = { node: budgetNode, valueFor: (max) => timeFor(max, delay) };
          extra.push(bound);
        } else {
          extra.push({ kind: 'unknown', node: c });
        }
      }
    }
    return { delay, bounds: analyzeBounds(it, delay, extra) };
  });
}

/** The text that names an interval: `const timer = setInterval(…)` → `timer`, `this.t = setInterval(…)` → `this.t`. */
function intervalHandle(file: CapMonsterFile, call: TSESTree.CallExpression): string | undefined {
  const p = call.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.id.type === AST_NODE_TYPES.Identifier) return p.id.name;
  if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === call) return file.sourceCode.getText(p.left);
  return undefined;
}

/** A package's method that polls by itself, sized from the options the source gives it; undefined when the package's own defaults apply. */
function libraryPoll(file: CapMonsterFile, clients: LibraryClients, r: CapRequest): Poll | undefined {
  const call = r.call;
  const size = sizeLibraryPoll(clients, call, r.library!);
  if (!size) return undefined;
  return lazyPoll({ kind: 'library', node: call, body: call, fn: enclosingFunction(call), requests: [r], loc: call.loc, library: size }, () => {
    const iv = size.interval;
    let delay: PollDelay;
    if (!iv || iv.ms === undefined) delay = { kind: 'wait', node: iv?.node };
    else if (iv.ms <= 0) delay = { kind: 'none', node: iv.node ?? call };
    else delay = { kind: 'wait', ms: iv.ms, node: iv.node, literal: iv.literal, scale: iv.scale };
    const bounds: PollBound[] = [];
    const outside = outsideDeadline(file, call);
    const limit = size.limit;
    // The expression that sets the number of requests (the official client's `timeout`, `joinTaskResult`'s T, …).
    const sets = limit?.node ? { node: limit.node, valueFor: (max: number) => limit.valueFor(max) } : undefined;
    if (outside) bounds.push({ kind: 'unknown', node: outside });
    else if (size.count === undefined) bounds.push({ kind: 'library', node: limit?.node ?? call, limit: sets });
    else if (size.count !== Infinity) {
      const literal = limit?.literal;
      bounds.push({ kind: 'library', count: size.count, node: limit?.node ?? call, fix: literal && limit ? { literal, valueFor: (max) => limit.valueFor(max) } : undefined, limit: sets });
    }
    // Infinity: the package polls until the task is solved; no bound.
    return { delay, bounds };
  });
}

/**
 * A deadline around a call from outside: `Promise.race([call, timeout])`, `pTimeout(call, …)`, also through a
 * variable that holds the call's promise.
 */
function outsideDeadline(file: CapMonsterFile, call: TSESTree.CallExpression, depth = 0): TSESTree.Node | undefined {
  const e = outerPromise(call);
  const p = e.parent;
  if (!p) return undefined;
  if (p.type === AST_NODE_TYPES.ArrayExpression) {
    const c = p.parent;
    if (c?.type === AST_NODE_TYPES.CallExpression && c.arguments[0] === p && isPromiseRace(c)) return c;
  }
  if (p.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === e && DEADLINE_NAME.test(calleeName(p) ?? '')) return p;
  if (depth === 0 && p.type === AST_NODE_TYPES.VariableDeclarator && p.init === e && p.id.type === AST_NODE_TYPES.Identifier) {
    const v = file.values.variableOf(p.id);
    for (const ref of v?.references ?? []) {
      if (ref.isRead()) {
        const found = outsideDeadline(file, ref.identifier as unknown as TSESTree.CallExpression, 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

const DEADLINE_NAME = /timeout|deadline|within/i;

/** The expression that holds a call's promise: past TS wrappers (not past `await`). */
function outerPromise(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  for (let p = cur.parent; p && (p.type === AST_NODE_TYPES.TSAsExpression || p.type === AST_NODE_TYPES.TSNonNullExpression || p.type === AST_NODE_TYPES.ChainExpression); p = cur.parent) cur = p;
  return cur;
}
