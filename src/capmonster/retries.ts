import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, contains, enclosingFunction, type FunctionNode, isFunction, isLogCall, isLoop, type LoopNode, outerExpression, propertyName, unwrap } from './ast';
import {
  branchNodes,
  continuation,
  methodsIn,
  newWalk,
  recognizer,
  retryCallIn,
  rootsOf,
  sendTestFor,
  walkStatement,
  type PathWalk,
} from './branches';
import type { CapMonsterFile, CapRequest } from './index';
import type { Library } from './libraries';
import { shortSpecifier } from './modules';
import { anyMethod, isCreateMethod } from './methods';

/**
 * A retry around task creation that does not tell zero balance (or any fatal code) apart from other failures.
 * OWNER: the retry work (no-retry-on-zero-balance's `blindRetry`).
 */
export interface BlindRetry {
  /** Where to report: the `catch` clause, the `.catch()` handler, the error test, the `Solve` call, the retry helper call. */
  node: TSESTree.Node;
  kind: 'catch' | 'promiseCatch' | 'errorCheck' | 'officialNoError' | 'retryPackage' | 'retryHelper' | 'swallowingHelper';
  /** The task creation that is retried. */
  request?: CapRequest;
  /** For catch clauses and `.catch()` handlers with a block body: where a rethrow can go. */
  handler?: {
    body: TSESTree.BlockStatement;
    param: TSESTree.Node | null;
    /** Set for a `catch` clause (a missing parameter can be added). */
    clause?: TSESTree.CatchClause;
  };
  /**
   * A test in the handler that looks like a check of the code but can never match: a comparison with a
   * package's enum whose values are not the API's codes (`ErrorCodes.ERROR_ZERO_BALANCE` of `anticaptcha`).
   */
  misleading?: { node: TSESTree.Node; package: string; why: string };
  /** For error tests and official results: an expression true on zero balance, and where to put `if (check) throw`. */
  check?: string;
  insertBefore?: TSESTree.Node;
  insertAfter?: TSESTree.Node;
  wrap?: TSESTree.Statement;
  /** For suggestions, retry packages only: the package (`p-retry`, `async-retry`, …) and the function it retries. */
  pkg?: string;
  retried?: TSESTree.Expression;
  /** For suggestions, calls of a same-file retry helper only: the helper's catch clause that retries. */
  helperClause?: TSESTree.CatchClause;
}

/** Packages that retry a function, and how each lets the caller stop retrying. */
const RETRY_PACKAGES = new Set(['p-retry', 'async-retry', 'promise-retry', 'exponential-backoff', 'ts-retry-promise', 'retry-as-promised']);
/** Options that filter which errors are retried, or abort on some. */
const FILTER_OPTIONS = new Set(['shouldRetry', 'retryIf', 'retry', 'retryCondition', 'onFailedAttempt', 'shouldRetryOnError', 'until', 'match']);

const EQUALITY = new Set(['===', '!==', '==', '!=']);
const NEUTRAL_CALLS = new Set(['String', 'JSON', 'stringify', 'Number', 'Boolean', 'inspect', 'format']);
/** Calls that keep a value in a collection. */
const RECORDING_CALLS = new Set(['push', 'unshift', 'add', 'set', 'append']);

function isCreating(r: CapRequest): boolean {
  return anyMethod(r.methods, isCreateMethod);
}

/** Every blind retry of task creation in the file, computed once. */
export function findBlindRetries(file: CapMonsterFile): readonly BlindRetry[] {
  return file.memo('blindRetries', () => {
    if (!file.isCapMonster || !file.requests.some(isCreating)) return [] as BlindRetry[];
    try {
      const out = [...catches(file), ...promiseCatches(file), ...errorChecks(file), ...officialLoops(file), ...packages(file), ...helpers(file), ...swallowingCalls(file)];
      const seen = new Set<TSESTree.Node>();
      return out.filter((b) => (seen.has(b.node) ? false : (seen.add(b.node), true)));
    } catch {
      return [] as BlindRetry[];
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Does a handler look at the error?


/**
 * Whether a handler inspects its error: reads it in a test (`if`, `switch`, `?:`, `&&`/`||`, `instanceof`), or hands it
 * to a function that may (anything but logging). Variables derived from the error count as the error.
 */
function inspects(file: CapMonsterFile, body: TSESTree.Node, param: TSESTree.Node | null | undefined, requests: readonly CapRequest[] = []): boolean {
  if (!param) return false;
  const names = rootsOf(file, param);
  if (names.size === 0) return false;
  // Derived variables: const code = err.response?.data?.errorCode
  file.values.someNode(body, (n) => {
    if (n.type === AST_NODE_TYPES.VariableDeclarator && n.init && [...rootsOf(file, n.init)].some((x) => names.has(x))) {
      for (const x of rootsOf(file, n.id)) names.add(x);
    }
    return false;
  });
  const reads = (n: TSESTree.Node | null | undefined): boolean =>
    !!n && [...rootsOf(file, n)].some((x) => names.has(x)) && !misleadingOnly(file, n, { param, requests });
  return file.values.someNode(body, (n) => {
    switch (n.type) {
      case AST_NODE_TYPES.IfStatement:
        // `if (err.response) console.error(err.response.status)`: a test whose branches only log changes nothing.
        return reads(n.test) && !(onlyLogs(n.consequent) && (!n.alternate || onlyLogs(n.alternate)));
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
        return reads(n.test);
      case AST_NODE_TYPES.ForStatement:
        return reads(n.test);
      case AST_NODE_TYPES.SwitchStatement: {
        // `switch (e.code) { case ErrorCodes.ERROR_ZERO_BALANCE: … }`: cases that never match look at nothing.
        const clients = file.clients;
        const tests = n.cases.flatMap((c) => (c.test ? [c.test] : []));
        if (clients && tests.length > 0 && tests.every((t) => clients.misleadingEnum(t))) return false;
        return reads(n.discriminant);
      }
      case AST_NODE_TYPES.LogicalExpression: {
        // `e instanceof X && e.code === ErrorCodes.Y`: the whole condition is judged.
        let root: TSESTree.Node = n;
        while (root.parent?.type === AST_NODE_TYPES.LogicalExpression) root = root.parent;
        return reads(n.left) && !misleadingOnly(file, root, { param, requests });
      }
      case AST_NODE_TYPES.CallExpression: {
        if (isLogCall(n)) return false;
        const name = calleeName(n);
        // Logged, formatted, or recorded in a list (`failed.push({ item, error: e.message })`): not looked at.
        if (name !== undefined && (NEUTRAL_CALLS.has(name) || RECORDING_CALLS.has(name))) return false;
        return n.arguments.some((a) => reads(a));
      }
      default:
        return false;
    }
  });
}

/** A statement that does nothing but log: a log call, a block of them, or nothing. */
function onlyLogs(stmt: TSESTree.Statement): boolean {
  switch (stmt.type) {
    case AST_NODE_TYPES.EmptyStatement:
      return true;
    case AST_NODE_TYPES.BlockStatement:
      return stmt.body.every(onlyLogs);
    case AST_NODE_TYPES.ExpressionStatement: {
      const e = unwrap(stmt.expression);
      const call = e.type === AST_NODE_TYPES.AwaitExpression ? unwrap(e.argument) : e;
      return call.type === AST_NODE_TYPES.CallExpression && isLogCall(call);
    }
    default:
      return false;
  }
}

function createSends(): ReturnType<typeof sendTestFor> {
  return sendTestFor('zeroBalance', 'ZeroBalance');
}

/** The outcome of a handler: its own statements, then what follows `after` when it completes. */
function handlerRetries(file: CapMonsterFile, origin: TSESTree.Node, body: TSESTree.Node, after: TSESTree.Node | undefined, w?: PathWalk): boolean {
  const walk = w ?? newWalk(file, createSends(), undefined, origin);
  const rec = recognizer(file);
  let o = walkStatement(walk, body, rec);
  // A `finally` runs after the handler whatever it does: one that sends again retries (`finally { run(); }`).
  if (o.kind !== 'retry' && after?.type === AST_NODE_TYPES.TryStatement && after.finalizer && walkStatement(walk, after.finalizer, rec).kind === 'retry') return true;
  if (o.kind === 'break') o = continuation(walk, o.target, rec);
  else if (o.kind === 'normal' && after) o = continuation(walk, after, rec);
  return o.kind === 'retry';
}

// ---------------------------------------------------------------------------------------------
// try { createTask } catch { … } in a loop or a recursive function

function creatingRequestsIn(file: CapMonsterFile, node: TSESTree.Node): CapRequest[] {
  return file.requests.filter((r) => isCreating(r) && contains(node, r.call));
}

/** What a handler catches: its parameter, and the task creations of the code it guards. */
interface Caught {
  readonly param: TSESTree.Node | null | undefined;
  readonly requests: readonly CapRequest[];
}

type Misleading = NonNullable<BlindRetry['misleading']>;

/** An error code of the API written out: `'ERROR_ZERO_BALANCE'`. */
const API_CODE = /^ERROR_[A-Z0-9_]+$/;

/** The package whose errors a handler sees, when every task creation it guards is a call of one package that throws the code. */
function thrower(caught: Caught | undefined): Library | undefined {
  if (!caught || caught.requests.length === 0) return undefined;
  const library = caught.requests[0]!.library?.library;
  if (!library || library.errors.how !== 'thrown' || library.errors.lost) return undefined;
  return caught.requests.every((r) => r.library?.library === library) ? library : undefined;
}

/** The property path from the error to an expression: `err.error.errorCode` → `['error', 'errorCode']`, `String(e)` → `[]`. */
function errorPath(node: TSESTree.Node, param: string): string[] | undefined {
  const path: string[] = [];
  let n = unwrap(node);
  if (n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === 'String' && n.arguments[0]) n = unwrap(n.arguments[0]);
  for (let i = 0; i < 8; i++) {
    if (n.type === AST_NODE_TYPES.Identifier) return n.name === param ? path : undefined;
    if (n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(n);
    if (name === undefined) return undefined;
    path.unshift(name);
    n = unwrap(n.object);
  }
  return undefined;
}

/**
 * Comparisons under `root` that look like a check of the code but can never match: with a package's enum
 * whose values are not the API's codes (`ErrorCodes.ERROR_ZERO_BALANCE` of `anticaptcha`), or of a place of
 * the error where the package does not put the code (`e.code` for a package that throws the code as a bare
 * string, `err.code` where it is in `err.err`).
 */
function misleadingComparisons(file: CapMonsterFile, root: TSESTree.Node, caught?: Caught): Misleading[] {
  const clients = file.clients;
  if (!clients || clients.libraries.length === 0) return [];
  const out: Misleading[] = [];
  const library = thrower(caught);
  const p = caught?.param ? unwrap(caught.param) : undefined;
  const param = p?.type === AST_NODE_TYPES.Identifier ? p.name : undefined;
  file.values.someNode(root, (n) => {
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const owner = clients.misleadingEnum(n);
      if (owner?.misleadingEnum) out.push({ node: n, package: owner.package, why: owner.misleadingEnum.why });
    } else if (library && param !== undefined && n.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(n.operator) && n.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const code = (x: TSESTree.Node): boolean => API_CODE.test(file.values.string(x) ?? '');
      const other = code(n.right) ? n.left : code(n.left) ? n.right : undefined;
      const path = other && errorPath(other, param);
      const where = library.errors.path;
      if (path && path.join('.') !== where.join('.')) {
        const at = (x: readonly string[]): string => (x.length === 0 ? param : `${param}.${x.join('.')}`);
        const why = where.length === 0 ? 'the package throws a bare string' : `the code is in ${at(where)}`;
        out.push({ node: other!, package: library.package, why });
      }
    }
    return false;
  });
  return out;
}

/** A test whose only code comparisons can never match: it never tells one code from another. */
function misleadingOnly(file: CapMonsterFile, test: TSESTree.Node, caught?: Caught): boolean {
  const found = misleadingComparisons(file, test, caught);
  if (found.length === 0) return false;
  const misleading = new Set(found.map((m) => m.node));
  // Another comparison with a code (not one of the misleading ones) is a real check.
  return !file.values.someNode(test, (n) => {
    if (n.type !== AST_NODE_TYPES.BinaryExpression || !EQUALITY.has(n.operator) || n.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
    if (misleading.has(n.left) || misleading.has(n.right) || misleading.has(unwrap(n.left)) || misleading.has(unwrap(n.right))) return false;
    return [n.left, n.right].some((x) => /^(?:ERROR_)?[A-Z][A-Z0-9_]{3,}$/.test(file.values.string(x) ?? ''));
  });
}

function catches(file: CapMonsterFile): BlindRetry[] {
  const out: BlindRetry[] = [];
  for (const t of branchNodes(file).tries) {
    const h = t.handler;
    if (!h) continue;
    const created = creatingRequestsIn(file, t.block);
    if (created.length === 0) continue;
    if (inspects(file, h.body, h.param, created)) continue;
    if (!handlerRetries(file, h, h.body, t)) continue;
    const misleading = misleadingComparisons(file, h.body, { param: h.param, requests: created })[0];
    out.push({ node: h, kind: 'catch', request: created[0], handler: { body: h.body, param: h.param, clause: h }, misleading });
  }
  return out;
}

/** `createTask(...).catch(() => solve())`, `await solve().catch(() => null)` inside a retry loop. */
function promiseCatches(file: CapMonsterFile): BlindRetry[] {
  const out: BlindRetry[] = [];
  for (const call of file.calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'catch') continue;
    const handler = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    if (!handler || !isFunction(handler)) continue;
    const created = creatingRequestsIn(file, callee.object);
    if (created.length === 0) continue;
    const param = handler.params[0] ?? null;
    if (inspects(file, handler.body, param, created)) continue;
    // Where the flow goes once the handler returns: the statement the chain is part of.
    let stmt: TSESTree.Node | undefined = outerExpression(call);
    while (stmt?.parent && stmt.parent.type !== AST_NODE_TYPES.BlockStatement && stmt.parent.type !== AST_NODE_TYPES.Program && stmt.parent.type !== AST_NODE_TYPES.SwitchCase) {
      if (isFunction(stmt.parent)) {
        stmt = undefined;
        break;
      }
      stmt = stmt.parent;
    }
    const after = stmt && stmt.type !== AST_NODE_TYPES.ReturnStatement ? stmt : undefined;
    let retries: boolean;
    if (handler.body.type === AST_NODE_TYPES.BlockStatement) {
      retries = handlerRetries(file, handler.body, handler.body, after);
    } else {
      const w = newWalk(file, createSends(), undefined, handler.body);
      retries = retryCallIn(w, handler.body) !== undefined || (after !== undefined && continuation(w, after, recognizer(file)).kind === 'retry');
    }
    if (!retries) continue;
    out.push({
      node: handler,
      kind: 'promiseCatch',
      request: created[0],
      handler: handler.body.type === AST_NODE_TYPES.BlockStatement ? { body: handler.body, param } : undefined,
      misleading: misleadingComparisons(file, handler.body, { param, requests: created })[0],
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// if (data.errorId) { continue; } around createTask

/** The object whose error a test reads, and an expression true on zero balance for it. */
function errorTest(file: CapMonsterFile, test: TSESTree.Node): { positive: boolean; check?: string } | undefined {
  let n = unwrap(test);
  let positive = true;
  while (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
    positive = !positive;
    n = unwrap(n.argument);
  }
  const text = (x: TSESTree.Node): string => file.sourceCode.getText(x);
  const plain = (x: TSESTree.Node): boolean => !file.values.someNode(x, (y) => y.type === AST_NODE_TYPES.CallExpression || y.type === AST_NODE_TYPES.AwaitExpression);
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n);
    const obj = unwrap(n.object);
    if (name === 'errorId' || name === 'errorCode') return { positive, check: plain(obj) ? `${text(obj)}.errorCode === 'ERROR_ZERO_BALANCE'` : undefined };
    if (name === 'error') return { positive, check: plain(obj) ? `String(${text(obj)}.error) === 'ZERO_BALANCE'` : undefined };
    if (name === 'ok') return { positive: !positive, check: plain(obj) ? `${text(obj)}.status === 402` : undefined };
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.BinaryExpression && n.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
    const left = unwrap(n.left);
    if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(left);
    const num = file.values.number(n.right);
    const obj = unwrap(left.object);
    if (num === undefined) return undefined;
    const eq = n.operator === '===' || n.operator === '==';
    const ne = n.operator === '!==' || n.operator === '!=';
    if (name === 'errorId') {
      const check = plain(obj) ? `${text(obj)}.errorCode === 'ERROR_ZERO_BALANCE'` : undefined;
      if ((ne && num === 0) || (eq && num === 1) || (n.operator === '>' && num === 0)) return { positive, check };
      if (eq && num === 0) return { positive: !positive, check };
    }
    // 2captcha json=1: status 1 is success, 0 an error (or, from res.php, not ready yet).
    if (name === 'status' && (num === 0 || num === 1) && (eq || ne)) {
      const check = plain(obj) ? `${text(obj)}.request === 'ERROR_ZERO_BALANCE'` : undefined;
      return { positive: (num === 1) === ne ? positive : !positive, check };
    }
    if (name === 'status' || name === 'statusCode') {
      const check = plain(obj) ? `${text(left)} === 402` : undefined;
      if (ne && num === 200) return { positive, check };
      if (eq && num === 200) return { positive: !positive, check };
      if ((n.operator === '>=' && num === 400) || (n.operator === '>' && num === 399)) return { positive, check };
    }
    return undefined;
  }
  if (n.type === AST_NODE_TYPES.CallExpression) {
    // 2captcha text: text.startsWith('ERROR') / !text.startsWith('OK|')
    const callee = unwrap(n.callee);
    const arg = n.arguments[0];
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const m = propertyName(callee);
    if (m !== 'startsWith' && m !== 'includes') return undefined;
    const s = file.values.string(arg);
    const obj = unwrap(callee.object);
    const check = plain(obj) ? `${text(obj)} === 'ERROR_ZERO_BALANCE'` : undefined;
    if (s === 'ERROR' || s === 'ERROR_') return { positive, check };
    if (s === 'OK' || s === 'OK|') return { positive: !positive, check };
  }
  return undefined;
}

/** Whether the loop (or function) around a node tells zero balance apart somewhere: then it is not blind. */
function handlesZeroBalance(file: CapMonsterFile, node: TSESTree.Node): boolean {
  let scope: TSESTree.Node | undefined;
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (isLoop(cur) || isFunction(cur)) {
      scope = cur;
      break;
    }
  }
  if (!scope) return false;
  const rec = recognizer(file);
  const nodes = branchNodes(file);
  const zero = (r: { hits: { cls: string }[] } | undefined): boolean => !!r && r.hits.some((h) => h.cls === 'zeroBalance');
  return (
    nodes.ifs.some((i) => contains(scope, i) && zero(rec.recognize(i.test))) ||
    nodes.switches.some((sw) => contains(scope, sw) && sw.cases.some((c) => c.test && zero(rec.caseOf(sw.discriminant, c.test))))
  );
}

function errorChecks(file: CapMonsterFile): BlindRetry[] {
  const out: BlindRetry[] = [];
  const rec = recognizer(file);
  for (const s of branchNodes(file).ifs) {
    const e = errorTest(file, s.test);
    if (!e) continue;
    const r = rec.recognize(s.test);
    if (r && r.hits.length > 0) continue; // a code-recognising test: findCodeRetries' business
    const path = e.positive ? s.consequent : s.alternate;
    const w = newWalk(file, createSends(), 'zeroBalance', s.test);
    let o = path ? walkStatement(w, path, rec) : { kind: 'normal' as const };
    if (o.kind === 'normal') o = continuation(w, s, rec);
    else if (o.kind === 'break') o = continuation(w, o.target, rec);
    if (o.kind !== 'retry') continue;
    // A path that tells zero balance apart on the way is findCodeRetries' business (or right).
    const explicit = w.trace.some(
      (t) =>
        (t.type === AST_NODE_TYPES.IfStatement && rec.recognize(t.test)?.hits.some((h) => h.cls === 'zeroBalance')) ||
        (t.type === AST_NODE_TYPES.SwitchStatement && t.cases.some((c) => c.test && rec.caseOf(t.discriminant, c.test)?.hits.some((h) => h.cls === 'zeroBalance'))),
    );
    if (explicit || handlesZeroBalance(file, s)) continue;
    let insertBefore: TSESTree.Node | undefined;
    let wrap: TSESTree.Statement | undefined;
    if (path?.type === AST_NODE_TYPES.BlockStatement) insertBefore = path.body[0];
    else if (path) wrap = path;
    else if (s.parent?.type === AST_NODE_TYPES.BlockStatement) insertBefore = s.parent.body[s.parent.body.indexOf(s) + 1];
    out.push({ node: s.test, kind: 'errorCheck', check: e.check, insertBefore, wrap });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// while (…) { const r = await client.Solve(req); if (r.solution) return r.solution; }

function officialLoops(file: CapMonsterFile): BlindRetry[] {
  const out: BlindRetry[] = [];
  for (const r of file.requests) {
    // A package whose solve method resolves with `{ error }` instead of throwing.
    if (r.via !== 'library' || r.protocol !== 'official' || r.method !== 'solve') continue;
    const fn = enclosingFunction(r.call);
    let loop: LoopNode | undefined;
    for (let cur: TSESTree.Node | undefined = r.call.parent; cur && cur !== fn; cur = cur.parent) {
      if (isLoop(cur)) {
        loop = cur;
        break;
      }
    }
    if (!loop || loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement) continue;
    const holder = outerExpression(r.call).parent;
    let name: string | undefined;
    let decl: TSESTree.Node | undefined;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator) {
      if (holder.id.type === AST_NODE_TYPES.Identifier) name = holder.id.name;
      else if (holder.id.type === AST_NODE_TYPES.ObjectPattern) {
        const keys = holder.id.properties.flatMap((p) => (p.type === AST_NODE_TYPES.Property ? [propertyName(p)] : []));
        if (keys.includes('error') || !keys.includes('solution')) continue;
        name = undefined;
      }
      decl = holder.parent;
    } else if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left.type === AST_NODE_TYPES.Identifier) {
      name = holder.left.name;
      decl = holder.parent;
    } else continue;
    // The official client's codes have no ERROR_ prefix: `result.error === 'ERROR_ZERO_BALANCE'` never matches.
    const library = r.library?.library;
    let misleading: Misleading | undefined;
    const prefixed = (n: TSESTree.MemberExpression): boolean => {
      if (!library || library.errors.prefix) return false;
      const e = outerExpression(n);
      const p = e.parent;
      if (p?.type !== AST_NODE_TYPES.BinaryExpression || !EQUALITY.has(p.operator)) return false;
      const other = p.left === e ? p.right : p.left;
      if (!API_CODE.test(file.values.string(other) ?? '')) return false;
      misleading ??= { node: other, package: library.package, why: "Solve's codes have no ERROR_ prefix" };
      return true;
    };
    // What a test that never matches guards is never reached.
    const dead: TSESTree.Node[] = [];
    file.values.someNode(loop, (n) => {
      if (n.type === AST_NODE_TYPES.IfStatement && !n.alternate) {
        let only = true;
        let any = false;
        file.values.someNode(n.test, (x) => {
          if (x.type === AST_NODE_TYPES.MemberExpression && propertyName(x) === 'error') {
            if (prefixed(x)) any = true;
            else only = false;
          }
          return false;
        });
        if (any && only) dead.push(n);
      }
      return false;
    });
    const readsError = file.values.someNode(loop, (n) => {
      if (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'error') {
        const obj = unwrap(n.object);
        return (name === undefined || (obj.type === AST_NODE_TYPES.Identifier && obj.name === name)) && !prefixed(n) && !dead.some((d) => contains(d, n));
      }
      if (name !== undefined && n.type === AST_NODE_TYPES.CallExpression && !isLogCall(n) && n !== r.call) {
        return n.arguments.some((a) => unwrap(a).type === AST_NODE_TYPES.Identifier && (unwrap(a) as TSESTree.Identifier).name === name);
      }
      return false;
    });
    if (readsError) continue;
    // It retries when there is no solution: the solution is tested in the loop.
    const readsSolution = (x: TSESTree.Node | null | undefined): boolean =>
      !!x &&
      file.values.someNode(x, (n) =>
        (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) === 'solution') ||
        (name === undefined && n.type === AST_NODE_TYPES.Identifier && n.name === 'solution') ||
        (name !== undefined && n.type === AST_NODE_TYPES.Identifier && n.name === name && n.parent?.type !== AST_NODE_TYPES.VariableDeclarator),
      );
    const tested = file.values.someNode(loop, (n) => {
      if (n.type === AST_NODE_TYPES.IfStatement || n.type === AST_NODE_TYPES.ConditionalExpression) return readsSolution(n.test);
      if (n === loop && 'test' in loop) return readsSolution(loop.test);
      return false;
    });
    if (!tested) continue;
    const after = decl && (decl.type === AST_NODE_TYPES.VariableDeclaration || decl.type === AST_NODE_TYPES.ExpressionStatement) ? decl : undefined;
    out.push({
      node: r.call,
      kind: 'officialNoError',
      request: r,
      misleading,
      check:
        name === undefined
          ? undefined
          : r.library?.library.errors.prefix
            ? `String(${name}.error).includes('ERROR_ZERO_BALANCE')`
            : `String(${name}.error) === 'ZERO_BALANCE'`,
      insertAfter: after?.parent?.type === AST_NODE_TYPES.BlockStatement ? after : undefined,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// p-retry, async-retry, promise-retry, exponential-backoff around task creation

function retryPackageNames(file: CapMonsterFile): Map<string, string> {
  const names = new Map<string, string>();
  for (const stmt of file.sourceCode.ast.body) {
    if (stmt.type === AST_NODE_TYPES.ImportDeclaration && RETRY_PACKAGES.has(String(stmt.source.value))) {
      for (const s of stmt.specifiers) names.set(s.local.name, String(stmt.source.value));
    }
  }
  for (const call of file.calls) {
    const arg = call.arguments[0];
    if (
      call.callee.type !== AST_NODE_TYPES.Identifier ||
      call.callee.name !== 'require' ||
      arg?.type !== AST_NODE_TYPES.Literal ||
      typeof arg.value !== 'string' ||
      !RETRY_PACKAGES.has(arg.value)
    ) {
      continue;
    }
    let holder: TSESTree.Node | undefined = call.parent;
    if (holder?.type === AST_NODE_TYPES.MemberExpression) holder = holder.parent; // require('p-retry').default
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator) continue;
    for (const n of rootsOf(file, holder.id)) names.set(n, arg.value);
  }
  return names;
}

/** The function a retry package is given, and whether it creates a task. */
function creatingFunction(file: CapMonsterFile, node: TSESTree.Node): FunctionNode | undefined {
  const n = unwrap(node);
  let fn: FunctionNode | undefined;
  if (isFunction(n)) fn = n;
  else if (n.type === AST_NODE_TYPES.Identifier) {
    const v = file.values.variableOf(n);
    const def = v?.defs[0];
    if (def?.type === 'FunctionName' && isFunction(def.node)) fn = def.node;
    else if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && isFunction(unwrap(def.node.init))) {
      fn = unwrap(def.node.init) as FunctionNode;
    }
  }
  if (!fn) return undefined;
  const w = file.wrappers.get(fn);
  if (w && anyMethod(w.methods, isCreateMethod)) return fn;
  return creatingRequestsIn(file, fn).length > 0 ? fn : undefined;
}

function hasFilter(file: CapMonsterFile, opts: TSESTree.Node | undefined): boolean {
  if (!opts) return false;
  const obj = file.values.object(opts);
  if (!obj) return unwrap(opts).type !== AST_NODE_TYPES.Literal; // options we cannot see: unknown, stay silent
  for (const p of obj.properties) {
    if (p.type === AST_NODE_TYPES.SpreadElement) return true;
    const key = propertyName(p);
    if (key === undefined) return true;
    if (FILTER_OPTIONS.has(key) && filters(file, p.value)) return true;
    if ((key === 'retries' || key === 'numOfAttempts' || key === 'maxAttempts' || key === 'max') && file.values.number(p.value) !== undefined && file.values.number(p.value)! <= 1) {
      return true; // no retry at all
    }
  }
  return false;
}

/**
 * Whether a filter option (`shouldRetry`, `onFailedAttempt`, `retryIf`) can stop on some errors: it throws,
 * bails, or returns a test of the error. One that only logs lets every error be retried. A value that is
 * not a function the source shows is unknown: taken as a filter.
 */
function filters(file: CapMonsterFile, value: TSESTree.Node): boolean {
  const fn = file.values.functionOf(value);
  if (!fn) return true;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
    const b = unwrap(fn.body);
    return !(b.type === AST_NODE_TYPES.CallExpression && isLogCall(b)) && !(b.type === AST_NODE_TYPES.Literal && b.value === true);
  }
  return file.values.someNode(fn.body, (n) => {
    if (isFunction(n) && n !== fn) return false;
    if (n.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
      const a = unwrap(n.argument);
      return !(a.type === AST_NODE_TYPES.Literal && a.value === true);
    }
    return n.type === AST_NODE_TYPES.CallExpression && /^(?:bail|abort|stop)$/i.test(calleeName(n) ?? '');
  });
}

/**
 * Whether a retried function stops retrying on some errors itself: p-retry's `AbortError`, async-retry's
 * `bail`, promise-retry's conditional `retry`, in its body or in the same-file functions it calls.
 */
function stopsItself(file: CapMonsterFile, fn: FunctionNode, pkg: string, depth = 0): boolean {
  const first = fn.params[0];
  const firstName = depth === 0 && first?.type === AST_NODE_TYPES.Identifier ? first.name : undefined;
  const inner: FunctionNode[] = [];
  const stops = file.values.someNode(fn.body, (n) => {
    if (n.type === AST_NODE_TYPES.NewExpression && /Abort/.test(calleeName(n) ?? '')) return true;
    if (firstName !== undefined && pkg === 'async-retry' && n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === firstName) return true;
    if (firstName !== undefined && pkg === 'promise-retry' && n.type === AST_NODE_TYPES.IfStatement) return true;
    if (n.type === AST_NODE_TYPES.CallExpression && depth < 2) {
      const callee = file.values.calleeOf(n);
      if (callee && callee !== fn && !file.wrappers.has(callee)) inner.push(callee);
    }
    return false;
  });
  return stops || inner.some((f) => stopsItself(file, f, pkg, depth + 1));
}

function packages(file: CapMonsterFile): BlindRetry[] {
  const names = retryPackageNames(file);
  if (names.size === 0) return [];
  const out: BlindRetry[] = [];
  for (const call of file.calls) {
    const callee = unwrap(call.callee);
    const local = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.Identifier ? (unwrap(callee.object) as TSESTree.Identifier).name : undefined;
    const pkg = local !== undefined ? names.get(local) : undefined;
    if (!pkg) continue;
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) !== 'default' && propertyName(callee) !== 'backOff' && propertyName(callee) !== 'retry') continue;
    const args = call.arguments.filter((a): a is TSESTree.Expression => a.type !== AST_NODE_TYPES.SpreadElement);
    const fnIndex = args.findIndex((a) => creatingFunction(file, a) !== undefined);
    if (fnIndex < 0) continue;
    const fn = creatingFunction(file, args[fnIndex]!)!;
    const opts = args.find((a, i) => i !== fnIndex && unwrap(a).type !== AST_NODE_TYPES.ArrowFunctionExpression && unwrap(a).type !== AST_NODE_TYPES.FunctionExpression);
    if (hasFilter(file, opts)) continue;
    // The function itself stops on some errors: async-retry's `bail`, p-retry's AbortError, promise-retry's `retry` called conditionally.
    if (stopsItself(file, fn, pkg)) continue;
    out.push({ node: call, kind: 'retryPackage', pkg, retried: args[fnIndex] });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Same-file helpers: async function withRetry(fn, n) { for (…) { try { return await fn(); } catch {} } }

interface Helper {
  fn: FunctionNode;
  param: number;
  clause: TSESTree.CatchClause;
}

function blindHelpers(file: CapMonsterFile): Helper[] {
  return file.memo('blindRetryHelpers', () => {
    const out: Helper[] = [];
    for (const t of branchNodes(file).tries) {
      const h = t.handler;
      const fn = enclosingFunction(t);
      if (!h || !fn) continue;
      const params = fn.params.map((p) => (p.type === AST_NODE_TYPES.Identifier ? p.name : p.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left.name : undefined));
      const called = file.values.callsIn(t.block).find((c) => {
        const ce = unwrap(c.callee);
        return ce.type === AST_NODE_TYPES.Identifier && params.includes(ce.name);
      });
      if (!called) continue;
      const pName = (unwrap(called.callee) as TSESTree.Identifier).name;
      if (inspects(file, h.body, h.param)) continue;
      const callsParam = (n: TSESTree.Node): boolean =>
        file.values.callsIn(n).some((c) => {
          const ce = unwrap(c.callee);
          return ce.type === AST_NODE_TYPES.Identifier && ce.name === pName;
        });
      const w = newWalk(file, createSends(), undefined, h);
      w.sendsIn = callsParam;
      if (!handlerRetries(file, h, h.body, t, w)) continue;
      out.push({ fn, param: params.indexOf(pName), clause: h });
    }
    return out;
  });
}

function helpers(file: CapMonsterFile): BlindRetry[] {
  const hs = blindHelpers(file);
  if (hs.length === 0) return [];
  const out: BlindRetry[] = [];
  for (const call of file.calls) {
    const target = file.values.calleeOf(call);
    const h = target && hs.find((x) => x.fn === target);
    if (!h) continue;
    const arg = call.arguments[h.param];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
    const a = unwrap(arg);
    let creates: boolean;
    if (isFunction(a)) creates = creatingRequestsIn(file, a).length > 0;
    else {
      const fn = creatingFunction(file, a);
      creates = fn !== undefined;
      if (!creates && a.type === AST_NODE_TYPES.MemberExpression) {
        const fake = { ...call, callee: a, arguments: [] } as TSESTree.CallExpression;
        const f = file.values.calleeOf(fake);
        const w = f && file.wrappers.get(f);
        creates = !!w && anyMethod(w.methods, isCreateMethod);
      }
    }
    if (creates) out.push({ node: call, kind: 'retryHelper', helperClause: h.clause });
  }
  return out;
}

/** Loops and functions that `methodsIn` says create tasks: re-exported for rules that need the same test. */
export function createsIn(file: CapMonsterFile, node: TSESTree.Node): boolean {
  return [...methodsIn(file, node)].some(isCreateMethod);
}

// ---------------------------------------------------------------------------------------------
// for (const item of items) { const id = await trySolve(item); if (!id) continue; … }

/**
 * Same-file functions that create a task and turn every failure into `null`, `undefined`, `false` or
 * nothing (a `catch` that does not rethrow and does not look at the error): a caller cannot tell a zero
 * balance from a bad input.
 */
export function swallowingHelpers(file: CapMonsterFile): ReadonlyMap<FunctionNode, TSESTree.CatchClause> {
  return file.memo('swallowingHelpers', () => {
    const out = new Map<FunctionNode, TSESTree.CatchClause>();
    for (const t of branchNodes(file).tries) {
      const h = t.handler;
      const fn = enclosingFunction(t);
      if (!h || !fn || out.has(fn) || creatingRequestsIn(file, t.block).length === 0) continue;
      if (inspects(file, h.body, h.param) || leavesWithError(file, h.body)) continue;
      out.set(fn, h);
    }
    return out;
  });
}

/** Whether a handler rethrows, or returns or hands on anything that is not a plain nothing. */
function leavesWithError(file: CapMonsterFile, body: TSESTree.BlockStatement): boolean {
  return file.values.someNode(body, (n) => {
    if (n.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (n.type === AST_NODE_TYPES.ReturnStatement && n.argument) {
      const a = unwrap(n.argument);
      return !(
        (a.type === AST_NODE_TYPES.Literal && (a.value === null || a.value === false || a.value === '')) ||
        (a.type === AST_NODE_TYPES.Identifier && a.name === 'undefined') ||
        a.type === AST_NODE_TYPES.ArrayExpression ||
        a.type === AST_NODE_TYPES.ObjectExpression
      );
    }
    return n.type === AST_NODE_TYPES.CallExpression && /^(?:reject|bail|abort|exit)$/i.test(calleeName(n) ?? '');
  });
}

/** A loop over work items (`for…of`, `forEach`, an index loop over an array's length) around `node`. */
export function itemLoop(file: CapMonsterFile, node: TSESTree.Node): TSESTree.Node | undefined {
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (cur.type === AST_NODE_TYPES.ForOfStatement || cur.type === AST_NODE_TYPES.ForInStatement) return cur;
    if (cur.type === AST_NODE_TYPES.ForStatement && cur.test && file.values.someNode(cur.test, (x) => x.type === AST_NODE_TYPES.MemberExpression && propertyName(x) === 'length')) return cur;
    if (isFunction(cur)) {
      const p = cur.parent;
      if (p?.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === cur && /^(?:forEach|map|each)$/.test(calleeName(p) ?? '')) return p;
      return undefined;
    }
  }
  return undefined;
}

/**
 * The loop right around a node in its own function that calls it again whatever it returned
 * (`while (true) { await job(); … }`): one that can leave after the call (`if (out === 'blocked') continue;
 * break;`) may be stopping on the failure, and is not counted.
 */
function repeatLoop(file: CapMonsterFile, node: TSESTree.Node): TSESTree.Node | undefined {
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (isLoop(cur)) return leavesAfter(file, cur, node) ? undefined : cur;
    if (isFunction(cur)) return undefined;
  }
  return undefined;
}

/** Whether the body of `loop` has a `break`, `return` or `throw` after `node` that leaves it (not one of an inner loop or function). */
function leavesAfter(file: CapMonsterFile, loop: TSESTree.Node, node: TSESTree.Node): boolean {
  // `do { out = await attempt(); } while (out === 'blocked')`: the loop test reads what the call returned.
  const test = 'test' in loop ? (loop.test as TSESTree.Node | null) : null;
  if (test) {
    if (contains(test, node)) return true;
    const e = outerExpression(node);
    const p = e.parent;
    const id = p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === e ? p.left : p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === e ? p.id : undefined;
    const v = id?.type === AST_NODE_TYPES.Identifier ? file.values.variableOf(id) : undefined;
    if (v && v.references.some((r) => r.isRead() && contains(test, r.identifier))) return true;
  }
  const body = (loop as TSESTree.WhileStatement).body;
  let leaves = false;
  file.values.walk(body, (n) => {
    if (leaves || isFunction(n)) return false;
    // An inner loop's `break` leaves only that loop: looked into only when it holds the call (or is a `for…of`).
    if (n !== body && isLoop(n)) return n.type === AST_NODE_TYPES.ForOfStatement || contains(n, node);
    if ((n.type === AST_NODE_TYPES.BreakStatement || n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) && n.range[0] > node.range[1]) {
      leaves = true;
      return false;
    }
    return true;
  });
  return leaves;
}

/**
 * Calls of a swallowing helper inside a loop: over work items, the loop goes on to the next after every
 * failure; any other loop calls it again, zero balance or not.
 */
function swallowingCalls(file: CapMonsterFile): BlindRetry[] {
  const helpersByFn = swallowingHelpers(file);
  const out: BlindRetry[] = [];
  // A helper of another module that swallows: reported at the call, with no handler here to edit.
  for (const r of file.requests) {
    if (r.via === 'module' && r.module?.exported.swallows && isCreating(r) && (itemLoop(file, r.call) ?? repeatLoop(file, r.call))) out.push({ node: r.call, kind: 'swallowingHelper', request: r });
  }
  if (helpersByFn.size === 0) return out;
  for (const r of file.requests) {
    if (r.via !== 'wrapper' || !r.wrapper || !helpersByFn.has(r.wrapper.fn) || !isCreating(r)) continue;
    if (!(itemLoop(file, r.call) ?? repeatLoop(file, r.call))) continue;
    const h = helpersByFn.get(r.wrapper.fn)!;
    out.push({ node: r.call, kind: 'swallowingHelper', request: r, handler: { body: h.body, param: h.param, clause: h } });
  }
  return out;
}

/** A loop over work items that goes on to the next item whatever failed, account-level errors included. */
export interface SwallowedInLoop {
  /** Where to report: the `catch` clause in the loop, or the call of a helper that swallows. */
  node: TSESTree.Node;
  /** The handler that swallows: the loop's own, or the helper's (none for a helper of another module). */
  handler?: TSESTree.CatchClause;
  /** For a call of a helper: its name as written in messages (`trySolve()`, `trySolve() from ./solve`). */
  helper?: string;
}

/** Every loop over work items whose `catch` (here or one call down) lets account-level errors pass, computed once. */
export function findSwallowedInLoops(file: CapMonsterFile): readonly SwallowedInLoop[] {
  return file.memo('swallowedInLoops', () => {
    const out: SwallowedInLoop[] = [];
    for (const b of findBlindRetries(file)) {
      const clause = b.handler?.clause;
      if (!clause) continue;
      if (b.kind === 'catch' && itemLoop(file, clause)) out.push({ node: clause, handler: clause });
      else if (b.kind === 'swallowingHelper' && itemLoop(file, b.node)) out.push({ node: b.node, handler: clause, helper: `${b.request?.wrapper?.name ?? 'this helper'}()` });
    }
    for (const b of findBlindRetries(file)) {
      const m = b.request?.module;
      if (b.kind === 'swallowingHelper' && !b.handler && m && itemLoop(file, b.node)) out.push({ node: b.node, helper: `${m.name}() from ${shortSpecifier(m.specifier)}` });
    }
    return out;
  });
}
