import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, contains, enclosingFunction, type FunctionNode, isFunction, isLoop, isPromiseRace, patternIdentifiers, propertyName, unwrap, walkTree } from './ast';
import type { CapMonsterFile, CapRequest } from './index';
import { anyMethod, type CapMethod, isCreateMethod, isResultMethod } from './methods';
import { NOT_READY_CODES, TRANSIENT_CODES } from './codes';
import { getPollSites, type Poll, repeats } from './polls';
import { callbackParameter, fieldReads, resolvedPromise, resultParams, streamChunk, xhrReplies } from './uses';

/**
 * Where each CapMonster response goes and whether its error is looked at before its payload is used,
 * and which `catch` handlers inside a poll swallow errors.
 * OWNER: handle-ban-errors (uncheckedResponse, swallowedError).
 */

/** How a reply tells an error: `errorId`/`errorCode` (JSON), `{ error }` (official `Solve`), `OK|`/`ERROR_` text. */
export type ResponseKind = 'json' | 'text' | 'official';

/** A response whose payload is used without its error being checked. */
export interface UncheckedResponse {
  /** The request the response comes from (a wrapper call when a same-file wrapper returns it raw). */
  request: CapRequest;
  kind: ResponseKind;
  /** The payload use to report: `res.taskId`, `{ solution }`, `text.split('|')`, the `status === 'ready'` test. */
  node: TSESTree.Node;
  /** What is used: `taskId`, `solution`, `status`, `balance`, `request`, `text`. */
  what: string;
  /** When the payload is held in a variable: where to add a check, and the check to add. */
  fix?: { after: TSESTree.Node; text: string; name: string };
}

/** A handler inside a poll that lets the poll go on whatever failed. */
export interface SwallowedError {
  poll: Poll;
  /** Where to report: the `catch` clause, the `.catch` property, or the `if (err)` branch. */
  node: TSESTree.Node;
  kind: 'catch' | 'promiseCatch' | 'callback';
  /** The handler: the catch clause, the `.catch` handler function, or the `if (err)` statement. */
  handler: TSESTree.CatchClause | FunctionNode | TSESTree.IfStatement;
  /** The name of the error variable, when there is one. */
  param?: string;
}

type Role = 'error' | 'ready' | 'presence';

interface Atom {
  /** The boolean expression the test is about. */
  node: TSESTree.Node;
  /** The value of `node` that means the reply is not an error. */
  okWhen: boolean;
  role: Role;
}

interface Guard {
  type: 'inside' | 'after' | 'call';
  node: TSESTree.Node;
  /** For `after`: whether the error branch stops the flow (not only this round, as `continue` does). */
  stops?: boolean;
}

interface Use {
  /** Where to report. */
  node: TSESTree.Node;
  /** Where the value is read (the report node, or the references of the variable it was put in). */
  points: TSESTree.Node[];
  what: string;
  /** Where the payload is taken off the reply into a variable: a check before it covers every later read. */
  taken?: TSESTree.Node;
}

/** Whether a use of the payload is not covered by any of the reply's checks. */
function isUnchecked(u: Use, guards: readonly Guard[], covered: (pt: TSESTree.Node) => boolean = () => false): boolean {
  if (u.taken && guards.some((g) => isGuardedBy(g, u.taken!))) return false;
  return u.points.some((pt) => !guards.some((g) => isGuardedBy(g, pt)) && !covered(pt));
}

interface Holder {
  variable: TSESLint.Scope.Variable;
  decl?: TSESTree.VariableDeclarator;
  /** The path from the variable to the payload: `''` or `.data` / `.body`. */
  path: string;
  /** The variable is an envelope (`.json()`, `.data`, `.body` were taken from it). */
  envelope: boolean;
}

interface Response {
  request: CapRequest;
  kind: ResponseKind;
  method: CapMethod;
  json1: boolean;
  atoms: Atom[];
  /** Calls the response is handed to (unknown validation): everything after them counts as checked. */
  handoffs: TSESTree.Node[];
  /** `switch` cases known to be a success: `case 'ready':` on `status`, `case 0:` on `errorId`. */
  regions: { node: TSESTree.Node; role: Role }[];
  uses: Use[];
  /** Nodes that read the reply in a poll: ready tests, OK tests. */
  reads: TSESTree.Node[];
  returns: { fn: FunctionNode; node: TSESTree.Node }[];
  /** Calls that hand the reply to a callback parameter of a function (`cb(err, data)`): which parameter, at which argument. */
  callbacks: { fn: FunctionNode; param: number; arg: number; node: TSESTree.Node }[];
  holders: Holder[];
  visited: Set<TSESLint.Scope.Variable>;
  /** `state = reply` statements: the variable a reply is assigned to (not declared with). */
  assigns: { variable: TSESLint.Scope.Variable; stmt: TSESTree.Node }[];
}

export interface RawReturn {
  kind: ResponseKind;
  method: CapMethod;
  json1: boolean;
  /** How the wrapper hands the reply back: as its return value, or to a callback parameter (`param`) at argument `arg`. */
  via?: { param: number; arg: number };
}

const MAX_DEPTH = 24;
const ENVELOPE_CALLS = new Set(['json', 'text']);
const ENVELOPE_MEMBERS = new Set(['data', 'body']);
const PASS_THROUGH = new Set(['catch', 'finally', 'toString', 'setEncoding']);
/** Calls whose result is their first argument's value, reshaped: the reply goes on through them. */
const PASSED_ON = new Set(['JSON.parse', 'Buffer.concat', 'Buffer.from', 'String']);
const ERROR_FIELDS = new Set(['errorId', 'errorCode', 'errorDescription']);
const EQUALITY = new Set(['===', '!==', '==', '!=']);
/** An error code or a status word written as a literal: `ERROR_ZERO_BALANCE`, `CAPCHA_NOT_READY`. */
const CODE_TEXT = /^[A-Z][A-Z0-9_]{2,}$/;
const TEXT_TESTS = new Set(['startsWith', 'includes', 'indexOf', 'endsWith', 'match']);
const TEXT_TAKES = new Set(['split', 'slice', 'substring', 'substr', 'replace', 'replaceAll', 'match', 'trim']);
const LOG_OBJECTS = /^(?:console|logger|log|logging|winston|pino|debug)$/i;
const LOG_METHODS = new Set(['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table', 'fatal', 'verbose']);
const HARMLESS_CALLS = new Set(['JSON.stringify', 'String', 'Object.keys', 'Object.entries', 'Array.isArray', 'Boolean', 'Number']);
const EXIT_CALL = /^(?:throw|fail|abort|exit|reject|raise|bail|stop|cancel|assert|handleError|onError|callback|cb|done|next)/i;

/** The outermost property read on a value: `res.solution` in `res.solution?.token.length` → the whole chain. */
function deepestRead(node: TSESTree.Node): TSESTree.Node {
  let e = outer(node);
  for (let i = 0; i < 8 && e.parent?.type === AST_NODE_TYPES.MemberExpression && e.parent.object === e; i++) e = outer(e.parent);
  return e;
}

/** Reads of a text as a number, and tests of the number for NaN. */
const NUMBER_CALLS = new Set(['Number', 'parseFloat', 'parseInt', 'Number.parseFloat', 'Number.parseInt']);
const NAN_TESTS = new Set(['isNaN', 'Number.isNaN', 'isFinite', 'Number.isFinite']);
const ARITHMETIC = new Set(['<', '>', '<=', '>=', '*', '/', '-', '%', '**']);

/** A balance reply in plain text: a number, or an error code where the number should be. */
function isTextBalance(resp: Response): boolean {
  return resp.kind === 'text' && !resp.json1 && resp.method === 'res.php:getbalance';
}

const NO_FIELDS: ReadonlySet<string> = new Set();
const SOLUTION: ReadonlySet<string> = new Set(['solution']);
const TASK_ID: ReadonlySet<string> = new Set(['taskId']);
const BALANCE: ReadonlySet<string> = new Set(['balance']);
const ANY_PAYLOAD: ReadonlySet<string> = new Set(['taskId', 'solution', 'balance']);

/** The payload fields of each method's JSON reply. */
function payloadFields(kind: ResponseKind, method: CapMethod): ReadonlySet<string> {
  if (kind === 'official') return method === 'solve' || method === 'unknown' ? SOLUTION : NO_FIELDS;
  switch (method) {
    case 'createTask':
      return TASK_ID;
    case 'getTaskResult':
      return SOLUTION;
    case 'getBalance':
      return BALANCE;
    case 'solve':
    case 'unknown':
      return ANY_PAYLOAD;
    default:
      return NO_FIELDS;
  }
}

/** Every CapMonster response whose payload is used before its error is checked, once per response. */
export function getUncheckedResponses(file: CapMonsterFile): readonly UncheckedResponse[] {
  return file.memo('responses:unchecked', () => new ResponseAnalysis(file).run());
}

/** Every `catch` inside a poll that lets the poll go on without looking at the error. */
export function getSwallowedErrors(file: CapMonsterFile): readonly SwallowedError[] {
  return file.memo('responses:swallowed', () => findSwallowed(file));
}

/** How a same-file function hands back a CapMonster reply it did not check (its callers must check), if it does. */
export function rawReplyOf(file: CapMonsterFile, fn: FunctionNode): RawReturn | undefined {
  return file.memo('responses:analysis', () => new ResponseAnalysis(file)).rawReturn(fn);
}

function newResponse(request: CapRequest, source: RawReturn): Response {
  return {
    request,
    kind: source.kind,
    method: source.method,
    json1: source.json1,
    atoms: [],
    handoffs: [],
    regions: [],
    uses: [],
    reads: [],
    returns: [],
    callbacks: [],
    holders: [],
    visited: new Set(),
    assigns: [],
  };
}

class ResponseAnalysis {
  private readonly raw = new Map<FunctionNode, RawReturn | null>();
  private readonly inProgress = new Set<FunctionNode>();
  private readonly done = new Map<CapRequest, Response | null>();
  /** Same-file functions being followed with a reply in one of their parameters (`start:index`). */
  private readonly helpers = new Set<string>();

  constructor(private readonly file: CapMonsterFile) {}

  run(): UncheckedResponse[] {
    const out: UncheckedResponse[] = [];
    for (const r of this.file.requests) {
      const resp = this.analyse(r);
      if (!resp) continue;
      const finding = this.judge(resp);
      if (finding) out.push(finding);
    }
    return out;
  }

  /** What a wrapper returns when it hands back a response it did not check. */
  rawReturn(fn: FunctionNode): RawReturn | undefined {
    const cached = this.raw.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(fn)) return undefined;
    this.inProgress.add(fn);
    let result: RawReturn | null = null;
    for (const r of this.file.requests) {
      if (!contains(fn, r.call)) continue;
      const resp = this.analyse(r);
      if (!resp) continue;
      for (const ret of resp.returns) {
        if (ret.fn !== fn) continue;
        if (!this.guarded(resp, ret.node)) {
          result = { kind: resp.kind, method: resp.method, json1: resp.json1 };
          break;
        }
      }
      if (!result) {
        const cb = resp.callbacks.find((c) => c.fn === fn && !this.guarded(resp, c.node));
        if (cb) result = { kind: resp.kind, method: resp.method, json1: resp.json1, via: { param: cb.param, arg: cb.arg } };
      }
      if (result) break;
    }
    this.inProgress.delete(fn);
    this.raw.set(fn, result);
    return result ?? undefined;
  }

  private analyse(r: CapRequest): Response | undefined {
    const cached = this.done.get(r);
    if (cached !== undefined) return cached ?? undefined;
    this.done.set(r, null);
    const source = this.sourceOf(r);
    if (!source) return undefined;
    const resp = newResponse(r, source);
    const via = source.via;
    if (via) {
      // The wrapper hands the reply to the callback this call passes in.
      const cb = r.call.arguments[via.param];
      if (cb) this.deliver(cb, via.arg, r.call, resp, 1);
    } else {
      // A reply handed to a callback, or read off an XHR, is not what the call returns (a request object).
      const params = r.via === 'http' ? resultParams(r.call) : [];
      const xhr = r.via === 'http' ? xhrReplies(this.file.values, r.call) : [];
      for (const p of params) this.trackPattern(p, resp, 1, '');
      for (const node of xhr) this.track(node, resp, 1);
      if (params.length === 0 && xhr.length === 0) this.track(r.call, resp, 0);
    }
    this.done.set(r, resp);
    return resp;
  }

  /** A value handed to `target` at argument `arg`: into an inline or same-file function's parameter, or on to the caller's callback. */
  private deliver(target: TSESTree.Node, arg: number, at: TSESTree.Node, resp: Response, depth: number): void {
    const cb = callbackParameter(this.file.values, target);
    if (cb) {
      resp.callbacks.push({ fn: cb.fn, param: cb.index, arg, node: at });
      return;
    }
    const fn = this.file.values.functionOf(target);
    const param = fn?.params[arg];
    if (param) this.trackPattern(param, resp, depth + 1, '');
  }

  /**
   * A reply handed to a same-file function: a check when the function stops on an error reply; passed
   * on when it returns the reply (or hands it to its own callback) unchecked; a use when it uses it.
   */
  private helper(fn: FunctionNode, arg: number, call: TSESTree.CallExpression | TSESTree.NewExpression, resp: Response, depth: number): void {
    const key = `${fn.range[0]}:${arg}`;
    const param = fn.params[arg];
    if (!param || this.helpers.has(key) || depth > MAX_DEPTH) return;
    this.helpers.add(key);
    try {
      const sub = newResponse(resp.request, resp);
      this.trackPattern(param, sub, depth + 1, '');
      if (sub.json1) resp.json1 = true;
      if (this.stopsOnError(sub)) {
        resp.handoffs.push(call);
        return;
      }
      if (sub.returns.some((r) => r.fn === fn && !this.guarded(sub, r.node))) this.track(call, resp, depth + 1);
      for (const cb of sub.callbacks) {
        if (cb.fn !== fn || this.guarded(sub, cb.node)) continue;
        const a = call.arguments[cb.param];
        if (a) this.deliver(a, cb.arg, call, resp, depth + 1);
      }
      const subGuards = this.guards(sub);
      const used = sub.uses.find((u) => isUnchecked(u, subGuards));
      // Reported at the call: the helper only passes the reply on, the check belongs to the caller.
      if (used) resp.uses.push({ node: call, points: [call], what: used.what });
      resp.reads.push(...sub.reads.map(() => call));
    } finally {
      this.helpers.delete(key);
    }
  }

  private sourceOf(r: CapRequest): RawReturn | undefined {
    if (r.via === 'http') {
      const json = r.fields.get('json')?.text;
      return { kind: r.protocol === 'text' ? 'text' : 'json', method: r.method, json1: r.protocol === 'text' && json === '1' };
    }
    if (r.via === 'library' && r.library) {
      // A package that resolves with `{ error }` (the official client's Solve), or returns a balance error as text.
      const { library, method } = r.library;
      if (r.protocol === 'official') return method.role === 'solve' ? { kind: 'official', method: 'solve', json1: false } : undefined;
      if (method.role === 'balance' && library.balanceErrorAsText) return { kind: 'text', method: 'res.php:getbalance', json1: false };
      return undefined;
    }
    // A function of another module that hands back the reply unchecked.
    if (r.via === 'module') return r.module?.exported.sends?.raw;
    if (r.via === 'wrapper' && r.wrapper) {
      const raw = this.rawReturn(r.wrapper.fn);
      if (!raw) return undefined;
      const method = r.methods.size === 1 && r.method !== 'unknown' ? r.method : raw.method;
      // A generic helper's reply is what this call site asks for: 2captcha text for an in.php/res.php URL.
      const kind = raw.kind === 'official' ? 'official' : r.protocol === 'text' ? 'text' : raw.kind;
      const json1 = raw.json1 || (kind === 'text' && r.fields.get('json')?.text === '1');
      return { kind, method, json1, via: raw.via };
    }
    return undefined;
  }

  /** Follows an expression whose value is the response (its envelope or its payload). */
  private track(expr: TSESTree.Node, resp: Response, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const e = outer(expr);
    const p = e.parent;
    if (!p) return;
    switch (p.type) {
      case AST_NODE_TYPES.ArrayExpression: {
        // Promise.race([request, timeout]): the race settles with the reply.
        const race = p.parent;
        if (race?.type === AST_NODE_TYPES.CallExpression && race.arguments[0] === p && isPromiseRace(race)) this.track(race, resp, depth + 1);
        return;
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (p.object !== e) return;
        this.member(p, resp, depth);
        return;
      }
      case AST_NODE_TYPES.VariableDeclarator:
        if (p.init === e) this.trackPattern(p.id, resp, depth + 1, '', p);
        return;
      case AST_NODE_TYPES.AssignmentExpression:
        if (p.right !== e) return;
        // this.last = reply: read back wherever the field is read.
        if (p.operator === '=' && p.left.type === AST_NODE_TYPES.MemberExpression) {
          for (const read of fieldReads(this.file.values, p.left)) this.track(read, resp, depth + 1);
          return;
        }
        // state = reply, as a statement of its own: remembered for the reads after its check (see assignedChecked).
        if (p.operator === '=' && p.left.type === AST_NODE_TYPES.Identifier && p.parent?.type === AST_NODE_TYPES.ExpressionStatement) {
          const v = this.file.values.variableOf(p.left);
          if (v) resp.assigns.push({ variable: v, stmt: p.parent });
        }
        // body += chunk
        if (p.operator === '=' || p.operator === '+=') this.trackPattern(p.left, resp, depth + 1, '');
        return;
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingFunction(p);
        if (fn) resp.returns.push({ fn, node: e });
        return;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
        if (p.body === e) resp.returns.push({ fn: p, node: e });
        return;
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression: {
        const index = p.arguments.indexOf(e as TSESTree.CallExpressionArgument);
        if (index < 0) return;
        const name = dottedName(p.callee);
        if (p.type === AST_NODE_TYPES.CallExpression && index === 0 && name !== undefined && PASSED_ON.has(name)) {
          // const data = JSON.parse(body): the parsed reply is the payload.
          this.track(p, resp, depth + 1);
          return;
        }
        if (p.type === AST_NODE_TYPES.CallExpression && index === 0 && name !== undefined && isTextBalance(resp)) {
          // A balance that comes back as text, error codes included: read as a number, or tested for one.
          if (NUMBER_CALLS.has(name)) {
            this.numericBalance(p, resp);
            return;
          }
          if (name === 'isNaN') {
            this.addAtom(p, false, 'error', resp);
            resp.reads.push(p);
            return;
          }
        }
        // resolve(body) in `new Promise((resolve) => …)`: the promise holds the reply.
        const promise = resolvedPromise(this.file.values, p.callee);
        if (promise) {
          this.track(promise, resp, depth + 1);
          return;
        }
        // cb(null, data): the callback a caller passes in receives it.
        const cb = callbackParameter(this.file.values, p.callee);
        if (cb) {
          resp.callbacks.push({ fn: cb.fn, param: cb.index, arg: index, node: p });
          return;
        }
        // chunks.push(chunk)
        if (p.type === AST_NODE_TYPES.CallExpression && calleeName(p) === 'push' && p.callee.type === AST_NODE_TYPES.MemberExpression) {
          const holder = unwrap(p.callee.object);
          if (holder.type === AST_NODE_TYPES.Identifier) this.trackPattern(holder, resp, depth + 1, '');
          return;
        }
        const fn = this.file.requestAt(p) ? undefined : this.file.values.calleeOf(p);
        if (fn) {
          this.helper(fn, index, p, resp, depth);
          return;
        }
        if (!isHarmlessCall(p)) resp.handoffs.push(p);
        return;
      }
      case AST_NODE_TYPES.Property:
      case AST_NODE_TYPES.TemplateLiteral:
        // A reply text sent on: as the task id of the next request, built into a URL.
        if (resp.kind === 'text' && !resp.json1 && (p.type === AST_NODE_TYPES.TemplateLiteral || p.value === e)) this.textUse(e, resp);
        return;
      case AST_NODE_TYPES.UnaryExpression:
        if (isTextBalance(resp) && (p.operator === '+' || p.operator === '-')) this.textUse(p, resp);
        return;
      case AST_NODE_TYPES.BinaryExpression:
        if (resp.kind === 'text' && !resp.json1) {
          if (p.operator === '+' || (isTextBalance(resp) && ARITHMETIC.has(p.operator))) this.textUse(e, resp);
          else this.textAtom(e, resp);
        }
        return;
      default:
        return;
    }
  }

  private member(m: TSESTree.MemberExpression, resp: Response, depth: number): void {
    const name = propertyName(m);
    if (name === undefined) return;
    const parent = m.parent;
    const isCallee = parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === m;
    if (isCallee && ENVELOPE_CALLS.has(name)) {
      this.markEnvelope(m.object, resp, '');
      this.track(parent, resp, depth + 1);
      return;
    }
    if (isCallee && (name === 'then' || name === 'done')) {
      const cb = parent.arguments[0];
      if (!cb || !isFunction(cb)) return;
      const before = resp.returns.length;
      if (cb.params[0]) this.trackPattern(cb.params[0], resp, depth + 1, '');
      const mine = resp.returns.slice(before).filter((r) => r.fn === cb);
      resp.returns = [...resp.returns.slice(0, before), ...resp.returns.slice(before).filter((r) => r.fn !== cb)];
      if (mine.some((r) => !this.guarded(resp, r.node))) this.track(parent, resp, depth + 1);
      return;
    }
    if (isCallee && PASS_THROUGH.has(name)) {
      this.track(parent, resp, depth + 1);
      return;
    }
    // res.on('data', (chunk) => body += chunk)
    const chunk = isCallee ? streamChunk(parent) : undefined;
    if (chunk) {
      this.trackPattern(chunk, resp, depth + 1, '');
      return;
    }
    if (!isCallee && ENVELOPE_MEMBERS.has(name)) {
      this.markEnvelope(m.object, resp, `.${name}`);
      this.track(m, resp, depth + 1);
      return;
    }
    this.field(name, m, m, resp);
    if (resp.kind === 'text' && !resp.json1 && isCallee) this.textCall(name, parent, resp);
  }

  /** `h.name` or `{ name } = h`: `node` is what is read (the member or a reference), `report` where to report. */
  private field(name: string, node: TSESTree.Node, report: TSESTree.Node, resp: Response, depth = 0): void {
    const { kind, method } = resp;
    if (kind === 'json' && ERROR_FIELDS.has(name)) {
      if (!this.atom(node, resp, name === 'errorId' ? 'number' : 'string', 'error')) this.copiedCheck(name, node, report, resp, depth);
      return;
    }
    if (kind === 'official' && name === 'error') {
      if (!this.atom(node, resp, 'string', 'error')) this.copiedCheck(name, node, report, resp, depth);
      return;
    }
    if (kind === 'text' && name === 'status') {
      // json=1: `status` is both the error flag and the readiness of a res.php poll.
      if (this.atom(node, resp, 'json1', 'error')) resp.reads.push(node);
      else this.copiedCheck(name, node, report, resp, depth);
      return;
    }
    if (kind === 'text' && name === 'request') {
      resp.json1 = true;
      this.payload(node, report, 'request', resp);
      return;
    }
    if (kind === 'json' && isResultMethod(method) && name === 'status') {
      if (!this.atom(node, resp, 'ready', 'ready')) this.copiedCheck(name, node, report, resp, depth);
      return;
    }
    if (payloadFields(kind, method).has(name)) this.payload(node, report, name, resp);
  }

  /** `const state = reply.status`: the tests of the copy are tests of the reply. */
  private copiedCheck(name: string, node: TSESTree.Node, report: TSESTree.Node, resp: Response, depth: number): void {
    const e = outer(node);
    const p = e.parent;
    let id: TSESTree.Identifier | undefined;
    if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === e && p.id.type === AST_NODE_TYPES.Identifier) id = p.id;
    else if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === e && p.operator === '=' && p.left.type === AST_NODE_TYPES.Identifier) id = p.left;
    if (id && depth < MAX_DEPTH) this.checkFieldReads(id, name, report, resp, depth + 1);
  }

  /** A payload value is taken: find where it is used. */
  private payload(node: TSESTree.Node, report: TSESTree.Node, what: string, resp: Response, onlyOnSuccess = false): void {
    // A presence test (`if (!res.taskId) throw …`) of a value only a good reply has is a check, not a use.
    const presence = onlyOnSuccess || what === 'taskId' || what === 'match' || (what === 'solution' && resp.kind === 'official');
    const ready = what === 'solution' && isResultMethod(resp.method);
    if ((presence || ready) && this.atom(node, resp, 'presence', presence ? 'presence' : 'ready')) return;
    // `if (!res.solution?.token) throw …`: a presence test of a part of it.
    if (presence && this.atom(deepestRead(node), resp, 'presence', 'presence')) return;
    let e = outer(node);
    // `x.match(re) || []`, `res.taskId ?? 0`: the fallback stands for the value.
    while (e.parent?.type === AST_NODE_TYPES.LogicalExpression && e.parent.left === e && e.parent.operator !== '&&') e = outer(e.parent);
    const p = e.parent;
    let points: TSESTree.Node[] = [e];
    if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === e) {
      points = this.patternReads(p.id, resp, presence, ready);
    } else if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === e && p.operator === '=') {
      points = this.patternReads(p.left, resp, presence, ready);
    }
    for (const pt of points) this.notReadyAtom(pt, resp);
    points = points.filter((pt) => !isErrorReport(pt) && !this.isCodeTest(pt));
    if (points.length === 0) return;
    resp.uses.push({ node: report, points, what, taken: e });
    if (ready) resp.reads.push(report);
  }

  /** The reads of the variables a pattern declares (presence tests among them become checks). */
  private patternReads(pattern: TSESTree.Node, resp: Response, presence: boolean, ready: boolean): TSESTree.Node[] {
    const out: TSESTree.Node[] = [];
    for (const id of patternIdentifiers(pattern)) {
      const v = this.file.values.variableOf(id);
      for (const ref of v?.references ?? []) {
        if (!ref.isRead() || ref.identifier === id) continue;
        const node = ref.identifier as TSESTree.Node;
        if ((presence || ready) && this.atom(node, resp, 'presence', presence ? 'presence' : 'ready')) continue;
        if (presence && this.atom(deepestRead(node), resp, 'presence', 'presence')) continue;
        out.push(node);
      }
    }
    return out;
  }

  private trackPattern(
    pattern: TSESTree.Node,
    resp: Response,
    depth: number,
    path: string,
    decl?: TSESTree.VariableDeclarator,
  ): void {
    if (depth > MAX_DEPTH) return;
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier: {
        const v = this.file.values.variableOf(pattern);
        if (!v || resp.visited.has(v)) return;
        resp.visited.add(v);
        resp.holders.push({ variable: v, decl, path, envelope: false });
        for (const ref of v.references) {
          if (!ref.isRead() || ref.identifier === pattern) continue;
          this.track(ref.identifier as TSESTree.Node, resp, depth + 1);
        }
        return;
      }
      case AST_NODE_TYPES.AssignmentPattern:
        this.trackPattern(pattern.left, resp, depth + 1, path);
        return;
      case AST_NODE_TYPES.ObjectPattern:
        for (const prop of pattern.properties) {
          if (prop.type === AST_NODE_TYPES.RestElement) {
            this.trackPattern(prop.argument, resp, depth + 1, '');
            continue;
          }
          const name = propertyName(prop);
          if (name === undefined) continue;
          let value: TSESTree.Node = prop.value;
          if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
          if (ENVELOPE_MEMBERS.has(name)) {
            this.trackPattern(value, resp, depth + 1, '', decl);
            continue;
          }
          if (value.type === AST_NODE_TYPES.Identifier && this.isCheckField(name, resp)) {
            this.checkFieldReads(value, name, prop, resp, depth);
            continue;
          }
          if (this.isPayloadField(name, resp)) {
            const ids = patternIdentifiers(value);
            const presence = name === 'taskId' || (name === 'solution' && resp.kind === 'official');
            const ready = name === 'solution' && isResultMethod(resp.method);
            const points: TSESTree.Node[] = [];
            for (const id of ids) {
              const v = this.file.values.variableOf(id);
              for (const ref of v?.references ?? []) {
                if (!ref.isRead() || ref.identifier === id) continue;
                const node = ref.identifier as TSESTree.Node;
                if ((presence || ready) && this.atom(node, resp, 'presence', presence ? 'presence' : 'ready')) continue;
                points.push(node);
              }
            }
            if (name === 'request') resp.json1 = true;
            const kept = points.filter((pt) => !isErrorReport(pt) && !this.isCodeTest(pt));
            if (kept.length > 0) {
              resp.uses.push({ node: prop, points: kept, what: name, taken: prop });
              if (ready) resp.reads.push(prop);
            }
          }
        }
        return;
      case AST_NODE_TYPES.ArrayPattern:
        return;
      default:
        return;
    }
  }

  /**
   * The reads of a variable that holds an error field (`const { errorId } = data`, `{ status, ...rest }`):
   * tests of it, and same-file functions it is handed to that stop on an error (`throwIfError(status, rest)`).
   */
  private checkFieldReads(id: TSESTree.Identifier, name: string, report: TSESTree.Node, resp: Response, depth: number): void {
    const v = this.file.values.variableOf(id);
    for (const ref of v?.references ?? []) {
      if (!ref.isRead() || ref.identifier === id) continue;
      const node = ref.identifier as TSESTree.Node;
      const call = outer(node).parent;
      const fn = call?.type === AST_NODE_TYPES.CallExpression && !this.file.requestAt(call) ? this.file.values.calleeOf(call) : undefined;
      const index = fn && call?.type === AST_NODE_TYPES.CallExpression ? call.arguments.indexOf(outer(node) as TSESTree.CallExpressionArgument) : -1;
      const param = fn?.params[index];
      if (call?.type === AST_NODE_TYPES.CallExpression && param?.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
        const sub = newResponse(resp.request, resp);
        this.checkFieldReads(param, name, report, sub, depth + 1);
        if (this.stopsOnError(sub)) resp.handoffs.push(call);
        continue;
      }
      this.field(name, node, report, resp, depth);
    }
  }

  private isCheckField(name: string, resp: Response): boolean {
    if (resp.kind === 'json') return ERROR_FIELDS.has(name) || (isResultMethod(resp.method) && name === 'status');
    if (resp.kind === 'official') return name === 'error';
    return name === 'status';
  }

  private isPayloadField(name: string, resp: Response): boolean {
    if (resp.kind === 'text') return name === 'request';
    return payloadFields(resp.kind, resp.method).has(name);
  }

  private markEnvelope(obj: TSESTree.Node, resp: Response, path: string): void {
    const o = unwrap(obj);
    if (o.type !== AST_NODE_TYPES.Identifier) return;
    const v = this.file.values.variableOf(o);
    const h = resp.holders.find((x) => x.variable === v);
    if (h) {
      h.envelope = true;
      if (path && !h.path) h.path = path;
    }
  }

  /** Calls on a 2captcha reply text: tests of its `OK|`/`ERROR_` prefix, or taking the id/answer out of it. */
  private textCall(name: string, call: TSESTree.CallExpression, resp: Response): void {
    const arg = call.arguments[0];
    const lit = arg ? this.file.values.string(arg) : undefined;
    if (TEXT_TESTS.has(name) && lit !== undefined && /^(?:OK|ERROR)/.test(lit)) {
      const ok = lit.startsWith('OK');
      if (name === 'indexOf') {
        const found = indexOfFound(call);
        if (found !== undefined) this.addAtom(outer(call).parent as TSESTree.Node, found === ok, 'error', resp);
      } else {
        this.addAtom(call, ok, 'error', resp);
      }
      resp.reads.push(call);
      return;
    }
    if (name === 'split') {
      // `text.split('|')[0] === 'OK'` is a check; `[1]` and `const [, id] = …` take the payload.
      const e = outer(call);
      const p = e.parent;
      if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === e && propertyName(p) === '0') {
        this.textAtom(p, resp);
        return;
      }
      // Error replies have no `|`: what follows it is there only on success, so a test of its presence is a check.
      const pipe = lit === '|';
      if (pipe && p?.type === AST_NODE_TYPES.MemberExpression && p.object === e && propertyName(p) === '1') {
        this.payload(p, call, 'text', resp, true);
        return;
      }
      if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === e && p.id.type === AST_NODE_TYPES.ArrayPattern) {
        const [first, ...rest] = p.id.elements;
        if (first?.type === AST_NODE_TYPES.Identifier) {
          const v = this.file.values.variableOf(first);
          for (const ref of v?.references ?? []) if (ref.isRead()) this.textAtom(ref.identifier as TSESTree.Node, resp);
        }
        const points = rest.flatMap((el) => (el ? this.patternReads(el, resp, pipe, false) : [])).filter((pt) => !isErrorReport(pt));
        if (points.length > 0) resp.uses.push({ node: call, points, what: 'text' });
        return;
      }
    }
    // text.match(/^OK\|(\d+)$/): null unless the reply is a result, so its captures are tested like a presence.
    if (name === 'match' && arg && okRegex(arg)) {
      this.payload(call, call, 'match', resp);
      return;
    }
    // body.substring(0, 3) === 'OK|', text.slice(0, 6) !== 'ERROR_': a test of the reply's prefix.
    if ((name === 'substring' || name === 'slice' || name === 'substr') && this.file.values.number(call.arguments[0] ?? call) === 0) {
      const e = outer(call);
      const p = e.parent;
      if (p?.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(p.operator)) {
        this.textAtom(call, resp);
        return;
      }
    }
    if (TEXT_TAKES.has(name)) {
      this.payload(call, call, 'text', resp);
    }
  }

  /** `text === 'OK|…'`, `status !== 'OK'`, `text === 'ERROR_ZERO_BALANCE'`. */
  private textAtom(node: TSESTree.Node, resp: Response): void {
    const e = outer(node);
    const p = e.parent;
    if (p?.type !== AST_NODE_TYPES.BinaryExpression) return;
    const other = p.left === e ? p.right : p.left;
    const lit = other.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : this.file.values.string(other);
    if (lit === undefined || !/^(?:OK|ERROR)/.test(lit)) return;
    const eq = p.operator === '===' || p.operator === '==';
    const ne = p.operator === '!==' || p.operator === '!=';
    if (!eq && !ne) return;
    const ok = lit.startsWith('OK');
    this.addAtom(p, eq === ok, 'error', resp);
    resp.reads.push(p);
  }

  /**
   * A read that compares the value with error codes (`request !== 'CAPCHA_NOT_READY'`, `critical.includes(request)`,
   * `switch (data.request)`): part of a test of the reply, not a use of its payload.
   */
  private isCodeTest(node: TSESTree.Node): boolean {
    const e = outer(node);
    const p = e.parent;
    const isCode = (x: TSESTree.Node): boolean => CODE_TEXT.test(this.file.values.string(x) ?? '');
    if (p?.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(p.operator)) {
      const other = p.left === e ? p.right : p.left;
      return other.type !== AST_NODE_TYPES.PrivateIdentifier && isCode(other);
    }
    if (p?.type === AST_NODE_TYPES.SwitchStatement) return p.discriminant === e;
    if (p?.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === e && p.callee.type === AST_NODE_TYPES.MemberExpression) {
      // critical.includes(request), FATAL.has(code)
      if (!/^(?:includes|has|indexOf)$/.test(propertyName(p.callee) ?? '')) return false;
      const list = this.file.values.valueOf(p.callee.object) ?? p.callee.object;
      const arr = unwrap(list);
      const items = arr.type === AST_NODE_TYPES.ArrayExpression ? arr.elements : arr.type === AST_NODE_TYPES.NewExpression && arr.arguments[0] && unwrap(arr.arguments[0]).type === AST_NODE_TYPES.ArrayExpression ? (unwrap(arr.arguments[0]) as TSESTree.ArrayExpression).elements : undefined;
      return items !== undefined && items.length > 0 && items.every((x) => x !== null && x.type !== AST_NODE_TYPES.SpreadElement && isCode(x));
    }
    // request.startsWith('ERROR_')
    if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === e && TEXT_TESTS.has(propertyName(p) ?? '')) {
      const call = p.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === p && call.arguments[0] !== undefined && /^(?:ERROR|CAPC?HA_NOT_READY)/.test(this.file.values.string(call.arguments[0]) ?? '');
    }
    return false;
  }

  /**
   * `data.request !== 'CAPCHA_NOT_READY'`: true for an error reply (or a result), so a branch on it that stops
   * the flow stops on errors.
   */
  private notReadyAtom(pt: TSESTree.Node, resp: Response): void {
    const e = outer(pt);
    const p = e.parent;
    if (p?.type !== AST_NODE_TYPES.BinaryExpression || !EQUALITY.has(p.operator)) return;
    const other = p.left === e ? p.right : p.left;
    if (other.type === AST_NODE_TYPES.PrivateIdentifier || !(NOT_READY_CODES as readonly string[]).includes(this.file.values.string(other) ?? '')) return;
    this.addAtom(p, p.operator === '===' || p.operator === '==', 'error', resp);
  }

  /** `x !== 'CAPCHA_NOT_READY'` (or `===` with `equal`): a test of the not-ready marker. */
  private notReadyTest(node: TSESTree.Node, equal: boolean): boolean {
    const n = unwrapTest(node);
    if (n.type !== AST_NODE_TYPES.BinaryExpression || !EQUALITY.has(n.operator) || n.left.type === AST_NODE_TYPES.PrivateIdentifier) return false;
    if (n.operator.startsWith('=') !== equal) return false;
    return [n.left, n.right].some((x) => (NOT_READY_CODES as readonly string[]).includes(this.file.values.string(x) ?? ''));
  }

  /** The whole reply text used as a value: what it holds is only known to be a result after a check. */
  /** `Number(balance)`: a test when it is tested for NaN at once or through the variable that holds it, else a use. */
  private numericBalance(conv: TSESTree.CallExpression, resp: Response): void {
    const nanTest = (n: TSESTree.Node): boolean => {
      const e = outer(n);
      const p = e.parent;
      if (p?.type !== AST_NODE_TYPES.CallExpression || p.arguments[0] !== e) return false;
      const name = dottedName(p.callee);
      if (name === undefined || !NAN_TESTS.has(name)) return false;
      this.addAtom(p, name.endsWith('isFinite'), 'error', resp);
      resp.reads.push(p);
      return true;
    };
    if (nanTest(conv)) return;
    const holder = outer(conv).parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === outer(conv) && holder.id.type === AST_NODE_TYPES.Identifier) {
      const v = this.file.values.variableOf(holder.id);
      const reads = (v?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Node);
      const tested = reads.filter((r) => nanTest(r));
      const first = reads.find((r) => !tested.includes(r));
      if (first) this.textUse(first, resp);
      return;
    }
    this.textUse(conv, resp);
  }

  private textUse(node: TSESTree.Node, resp: Response): void {
    if (isErrorReport(node)) return;
    resp.uses.push({ node, points: [node], what: 'text' });
  }

  /**
   * Recognises a test of an error field (or a presence / ready test) around `node` and records it.
   * `type` says what the field holds. Returns whether `node` is part of a test.
   */
  private atom(node: TSESTree.Node, resp: Response, type: 'number' | 'string' | 'json1' | 'ready' | 'presence', role: Role): boolean {
    const e = outer(node);
    const p = e.parent;
    if (p?.type === AST_NODE_TYPES.BinaryExpression && (p.left === e || p.right === e)) {
      const other = p.left === e ? p.right : p.left;
      if (other.type === AST_NODE_TYPES.PrivateIdentifier) return false;
      // `status !== 'processing'`: an error reply has no status, so a test for "still working" tells errors apart too.
      if (type === 'ready' && this.file.values.string(other) === 'processing' && EQUALITY.has(p.operator)) {
        this.addAtom(p, p.operator === '===' || p.operator === '==', 'error', resp);
        resp.reads.push(e);
        return true;
      }
      const okWhen = compareOk(type, p.operator, other, this.file);
      if (okWhen === undefined) return type === 'ready' || type === 'number';
      this.addAtom(p, okWhen, role, resp);
      if (role === 'ready') resp.reads.push(e);
      return true;
    }
    if (p?.type === AST_NODE_TYPES.SwitchStatement && p.discriminant === e && (type === 'ready' || type === 'number')) {
      for (const c of p.cases) {
        if (!c.test) continue;
        const v = type === 'ready' ? this.file.values.string(c.test) : this.file.values.number(c.test);
        if (v === (type === 'ready' ? 'ready' : 0)) resp.regions.push({ node: c, role });
      }
      if (role === 'ready') resp.reads.push(e);
      return true;
    }
    if (isTestPosition(e)) {
      if (type === 'ready') return true;
      // Truthiness: an error field set means an error; a payload present, or json=1 `status` 1, means success.
      const okWhen = type === 'presence' || type === 'json1';
      this.addAtom(e, okWhen, role, resp);
      if (role === 'ready') resp.reads.push(e);
      return true;
    }
    return false;
  }

  private addAtom(node: TSESTree.Node, okWhen: boolean, role: Role, resp: Response): void {
    if (!resp.atoms.some((a) => a.node === node)) resp.atoms.push({ node, okWhen, role });
  }

  /** Where each atom makes the reply known to be good: inside a branch, or after an `if` whose error branch leaves. */
  private guards(resp: Response, roles?: ReadonlySet<Role>): Guard[] {
    const out: Guard[] = [];
    for (const atom of resp.atoms) {
      if (roles && !roles.has(atom.role)) continue;
      this.atomGuards(atom.node, atom.okWhen, out, resp, 0);
    }
    for (const r of resp.regions) if (!roles || roles.has(r.role)) out.push({ type: 'inside', node: r.node });
    if (!roles) for (const h of resp.handoffs) out.push({ type: 'call', node: h });
    return out;
  }

  private atomGuards(node: TSESTree.Node, okWhen: boolean, out: Guard[], resp: Response, depth: number): void {
    let cur = node;
    let val = okWhen;
    for (let i = 0; i < 32; i++) {
      const p = cur.parent;
      if (!p) return;
      if (isTransparent(p)) {
        cur = p;
        continue;
      }
      if (p.type === AST_NODE_TYPES.UnaryExpression && p.operator === '!') {
        val = !val;
        cur = p;
        continue;
      }
      if (p.type === AST_NODE_TYPES.LogicalExpression) {
        if (p.operator === '??') return;
        const and = p.operator === '&&';
        if (p.left === cur && val === and) out.push({ type: 'inside', node: p.right });
        // `A && B` true means A true; `A || B` false means A false. And when the other side says the same
        // of the reply (`res.errorId && res.errorId !== 0`), `A && B` false means it too.
        const other = p.left === cur ? p.right : p.left;
        // `!status && data.request !== 'CAPCHA_NOT_READY'`: every error but "not ready yet" (which is no error to stop on).
        if (val === and || resp.atoms.some((a) => a.okWhen === val && a.node === unwrapTest(other)) || this.notReadyTest(other, !and)) {
          cur = p;
          continue;
        }
        return;
      }
      if (p.type === AST_NODE_TYPES.IfStatement && p.test === cur) {
        const okBranch = val ? p.consequent : p.alternate;
        const errBranch = val ? p.alternate : p.consequent;
        if (okBranch) out.push({ type: 'inside', node: okBranch });
        // `continue` leaves this round only: what follows is safe, but a poll goes on (`polls` says it stops).
        if (errBranch && exits(errBranch, this.file)) out.push({ type: 'after', node: p, stops: exits(errBranch, this.file, false, 0, false) });
        return;
      }
      if (p.type === AST_NODE_TYPES.ConditionalExpression && p.test === cur) {
        out.push({ type: 'inside', node: val ? p.consequent : p.alternate });
        return;
      }
      if ((p.type === AST_NODE_TYPES.WhileStatement || p.type === AST_NODE_TYPES.ForStatement) && p.test === cur) {
        if (val) out.push({ type: 'inside', node: p.body });
        return;
      }
      if (p.type === AST_NODE_TYPES.VariableDeclarator && p.init === cur && p.id.type === AST_NODE_TYPES.Identifier && depth < 4) {
        // const failed = res.errorId !== 0; if (failed) throw …
        const v = this.file.values.variableOf(p.id);
        for (const ref of v?.references ?? []) {
          if (ref.isRead() && ref.identifier !== p.id) this.atomGuards(ref.identifier as TSESTree.Node, val, out, resp, depth + 1);
        }
        return;
      }
      return;
    }
  }

  private guarded(resp: Response, node: TSESTree.Node, roles?: ReadonlySet<Role>): boolean {
    return this.guards(resp, roles).some((g) => isGuardedBy(g, node));
  }

  /** Whether the flow stops when the reply is an error: an error test whose error branch leaves, or a hand-off. */
  private stopsOnError(resp: Response): boolean {
    if (resp.handoffs.length > 0) return true;
    for (const atom of resp.atoms) {
      // A presence test of what only a good reply has (`if (!code) throw`, `if (!res.taskId) throw`) tells errors apart too.
      if (atom.role === 'ready') continue;
      const out: Guard[] = [];
      this.atomGuards(atom.node, atom.okWhen, out, resp, 0);
      if (out.some((g) => g.type === 'after' && g.stops !== false)) return true;
      // `if (text.startsWith('OK|')) return …; throw new Error(text)`, `if (r.errorId == 0) return; throw …`: the rest of the block is the error case.
      if (this.okBranchLeaves(atom)) return true;
    }
    return false;
  }

  private okBranchLeaves(atom: Atom): boolean {
    let cur = atom.node;
    let val = atom.okWhen;
    while (cur.parent && (isTransparent(cur.parent) || (cur.parent.type === AST_NODE_TYPES.UnaryExpression && cur.parent.operator === '!'))) {
      if (cur.parent.type === AST_NODE_TYPES.UnaryExpression) val = !val;
      cur = cur.parent;
    }
    const s = cur.parent;
    if (s?.type !== AST_NODE_TYPES.IfStatement || s.test !== cur) return false;
    const okBranch = val ? s.consequent : s.alternate;
    const errBranch = val ? s.alternate : s.consequent;
    if (errBranch && exits(errBranch, this.file, false, 0, false)) return true;
    if (!okBranch || errBranch || !exits(okBranch, this.file)) return false;
    const list = statementList(s);
    if (!list) return false;
    // What follows runs for errors only: a throw, or a return of nothing (`return null`), stops on them.
    return list.slice(list.indexOf(s) + 1).some((stmt) => exits(stmt, this.file, true) || returnsNothing(stmt));
  }

  private judge(resp: Response): UncheckedResponse | undefined {
    const guards = this.guards(resp);
    const covered = this.assignedChecked(resp, guards);
    const unguarded = resp.uses
      .filter((u) => isUnchecked(u, guards, covered))
      .sort((a, b) => a.node.range[0] - b.node.range[0]);
    let finding: { node: TSESTree.Node; what: string } | undefined = unguarded[0];
    if (!finding && (isResultMethod(resp.method) || resp.method === 'res.php') && !this.stopsOnError(resp)) {
      // A poll that only tests for success (`status === 'ready'`, `OK|`) carries on after an error reply.
      const reads = [...resp.reads, ...resp.uses.map((u) => u.node)].sort((a, b) => a.range[0] - b.range[0]);
      const first = reads[0];
      if (first) finding = { node: first, what: resp.kind === 'text' ? (resp.json1 ? 'status' : 'text') : 'status' };
    }
    if (!finding) return undefined;
    return { request: resp.request, kind: resp.kind, node: finding.node, what: finding.what, fix: this.fixFor(resp) };
  }

  /**
   * Reads of a variable every reply is assigned to by a statement that a check stopping on errors follows in
   * the same block (`state = await get(); if (state.errorId !== 0) throw …`): wherever they are, after the
   * loop included, they see a checked reply, or the value the variable started with. Reads between an
   * assignment and its check are judged as usual.
   */
  private assignedChecked(resp: Response, guards: readonly Guard[]): (pt: TSESTree.Node) => boolean {
    if (resp.assigns.length === 0) return () => false;
    const gaps = new Map<TSESLint.Scope.Variable, [number, number][] | null>();
    for (const a of resp.assigns) {
      if (gaps.get(a.variable) === null) continue;
      // A variable declared with the reply too is judged as usual.
      if (resp.holders.some((h) => h.variable === a.variable && h.decl)) {
        gaps.set(a.variable, null);
        continue;
      }
      const list = statementList(a.stmt);
      const i = list ? list.indexOf(a.stmt) : -1;
      let gap: [number, number] | undefined;
      for (let j = i + 1; list && i >= 0 && j < list.length; j++) {
        const s = list[j]!;
        if (guards.some((g) => g.type === 'after' && g.stops !== false && g.node === s)) {
          gap = [a.stmt.range[0], s.range[0]];
          break;
        }
        if (this.mayLeave(s)) break;
      }
      if (!gap) gaps.set(a.variable, null);
      else gaps.set(a.variable, [...(gaps.get(a.variable) ?? []), gap]);
    }
    return (pt) => {
      let root = pt;
      while (root.type === AST_NODE_TYPES.MemberExpression || root.type === AST_NODE_TYPES.ChainExpression) {
        root = root.type === AST_NODE_TYPES.ChainExpression ? root.expression : root.object;
      }
      if (root.type !== AST_NODE_TYPES.Identifier) return false;
      const v = this.file.values.variableOf(root);
      const g = v ? gaps.get(v) : undefined;
      return !!g && !g.some(([from, to]) => from <= pt.range[0] && pt.range[0] < to);
    };
  }

  /** Whether a statement can end its block early: a `break`, `continue`, `return` or `throw` in it (not in a nested function). */
  private mayLeave(stmt: TSESTree.Node): boolean {
    let leaves = false;
    this.file.values.walk(stmt, (n) => {
      if (leaves || isFunction(n)) return false;
      if (n.type === AST_NODE_TYPES.BreakStatement || n.type === AST_NODE_TYPES.ContinueStatement || n.type === AST_NODE_TYPES.ReturnStatement || n.type === AST_NODE_TYPES.ThrowStatement) {
        leaves = true;
        return false;
      }
      return true;
    });
    return leaves;
  }

  /** A check to insert right after the declaration that holds the payload. */
  private fixFor(resp: Response): UncheckedResponse['fix'] {
    const candidates = resp.holders
      .filter((h) => h.decl && (!h.envelope || h.path))
      .sort((a, b) => Number(a.envelope) - Number(b.envelope) || a.decl!.range[0] - b.decl!.range[0]);
    const h = candidates[0];
    const stmt = h?.decl?.parent;
    if (!h || stmt?.type !== AST_NODE_TYPES.VariableDeclaration || !statementList(stmt)) return undefined;
    const x = `${h.variable.name}${h.envelope ? h.path : ''}`;
    // A result reply may say "not ready yet": that one must not throw.
    const poll = isResultMethod(resp.method) || resp.method === 'res.php';
    let text: string;
    if (resp.kind === 'official') text = `if (${x}.error) throw new Error(\`CapMonster \${${x}.error}\`);`;
    else if (resp.kind === 'text' && resp.json1) {
      const notReady = poll ? ` && ${x}.request !== 'CAPCHA_NOT_READY'` : '';
      text = `if (${x}.status !== 1${notReady}) throw new Error(\`CapMonster \${${x}.request}\`);`;
    } else if (resp.kind === 'text') {
      const notReady = poll ? ` && ${x} !== 'CAPCHA_NOT_READY'` : '';
      text = `if (!${x}.startsWith('OK|')${notReady}) throw new Error(\`CapMonster \${${x}}\`);`;
    }
    else text = `if (${x}.errorId !== 0) throw new Error(\`CapMonster \${${x}.errorCode}\`);`;
    return { after: stmt, text, name: x };
  }
}

/** Walks up past parentheses-like TS nodes, `await` and optional chains. */
function outer(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  while (cur.parent && (isTransparent(cur.parent) || cur.parent.type === AST_NODE_TYPES.AwaitExpression)) cur = cur.parent;
  return cur;
}

function isTransparent(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSSatisfiesExpression:
    case AST_NODE_TYPES.TSTypeAssertion:
    case AST_NODE_TYPES.ChainExpression:
      return true;
    default:
      return false;
  }
}

function isTestPosition(e: TSESTree.Node): boolean {
  const p = e.parent;
  if (!p) return false;
  switch (p.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
      return 'test' in p && p.test === e;
    case AST_NODE_TYPES.UnaryExpression:
      return p.operator === '!';
    case AST_NODE_TYPES.LogicalExpression:
      // `if (a || b)`, and the guard statement `res.errorId && fail(res)`; a fallback value (`x?.token || ''`) tests nothing.
      return p.operator !== '??' && (isTestPosition(p) || (p.left === e && p.parent?.type === AST_NODE_TYPES.ExpressionStatement));
    default:
      return false;
  }
}

/** The value of a comparison of an error field that means success, or undefined when it is not a full check. */
function compareOk(
  type: 'number' | 'string' | 'json1' | 'ready' | 'presence',
  op: string,
  other: TSESTree.Expression,
  file: CapMonsterFile,
): boolean | undefined {
  const eq = op === '===' || op === '==';
  const ne = op === '!==' || op === '!=';
  const o = unwrap(other);
  const isNullish =
    (o.type === AST_NODE_TYPES.Literal && o.value === null) || (o.type === AST_NODE_TYPES.Identifier && o.name === 'undefined');
  const n = file.values.number(other);
  const s = o.type === AST_NODE_TYPES.Literal && typeof o.value === 'string' ? o.value : undefined;
  switch (type) {
    case 'number':
      // Every non-zero errorId is an error: `=== 1` misses Anti-Captcha-style ids.
      if (n === 0 && (eq || ne)) return eq;
      if (n === 0 && op === '>') return false;
      if (n === 1 && op === '>=') return false;
      if (n === 1 && op === '<') return true;
      if (n === 0 && op === '<=') return true;
      return undefined;
    case 'string':
      if (isNullish && (eq || ne)) return eq;
      if (s !== undefined && (eq || ne)) return ne;
      return undefined;
    case 'json1':
      if (n === 1 && (eq || ne)) return eq;
      if (n === 0 && (eq || ne)) return ne;
      return undefined;
    case 'ready':
      if (s === 'ready' && (eq || ne)) return eq;
      return undefined;
    case 'presence':
      if (isNullish && (eq || ne)) return ne;
      if (n === 0 && (eq || ne)) return ne;
      if (n === 0 && op === '>') return true;
      return undefined;
  }
}

/** For `x.indexOf(s) <op> n`: whether the comparison being true means `s` was found. */
function indexOfFound(call: TSESTree.CallExpression): boolean | undefined {
  const e = outer(call);
  const p = e.parent;
  if (p?.type !== AST_NODE_TYPES.BinaryExpression || p.left !== e) return undefined;
  const r = unwrap(p.right);
  const n =
    r.type === AST_NODE_TYPES.Literal && typeof r.value === 'number'
      ? r.value
      : r.type === AST_NODE_TYPES.UnaryExpression && r.operator === '-' && r.argument.type === AST_NODE_TYPES.Literal
        ? -Number(r.argument.value)
        : undefined;
  if (n === undefined) return undefined;
  if (n === 0) return p.operator === '===' || p.operator === '==' || p.operator === '>=' ? true : p.operator === '!==' || p.operator === '!=' ? false : undefined;
  if (n === -1) return p.operator === '!==' || p.operator === '!=' || p.operator === '>' ? true : p.operator === '===' || p.operator === '==' ? false : undefined;
  return undefined;
}

/** A read that only reports the failure: in a `throw`, an `Error` being built, or a log call. */
function isErrorReport(node: TSESTree.Node): boolean {
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (cur.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (cur.type === AST_NODE_TYPES.NewExpression && /Error$/.test(calleeName(cur) ?? '')) return true;
    if (cur.type === AST_NODE_TYPES.CallExpression && isLoggingCall(cur)) return true;
    // reject(body.request) in a promise executor: the error handed on as the error.
    if (cur.type === AST_NODE_TYPES.CallExpression && calleeName(cur) === 'reject') return true;
    if (isFunction(cur) || cur.type.endsWith('Statement') || cur.type === AST_NODE_TYPES.VariableDeclaration) return false;
  }
  return false;
}

function isGuardedBy(g: Guard, node: TSESTree.Node): boolean {
  if (g.type === 'inside') return contains(g.node, node);
  if (g.type === 'call') {
    if (node.range[0] < g.node.range[1]) return false;
    const fn = enclosingFunction(g.node);
    return !fn || contains(fn, node);
  }
  return isAfter(g.node, node);
}

/** Whether `node` runs after statement `stmt` has completed, in the same straight line of code. */
function isAfter(stmt: TSESTree.Node, node: TSESTree.Node): boolean {
  for (let cur: TSESTree.Node | undefined = node; cur?.parent; cur = cur.parent) {
    const list = statementList(cur);
    if (!list) continue;
    const idx = list.indexOf(cur as TSESTree.Statement);
    for (let j = 0; j < idx; j++) if (straightLineContains(list[j]!, stmt)) return true;
  }
  return false;
}

function straightLineContains(s: TSESTree.Node, target: TSESTree.Node, depth = 0): boolean {
  if (s === target) return true;
  if (depth > 8) return false;
  if (s.type === AST_NODE_TYPES.BlockStatement) return s.body.some((c) => straightLineContains(c, target, depth + 1));
  if (s.type === AST_NODE_TYPES.TryStatement) return straightLineContains(s.block, target, depth + 1);
  if (s.type === AST_NODE_TYPES.LabeledStatement) return straightLineContains(s.body, target, depth + 1);
  return false;
}

/** The statement list a statement sits in directly. */
function statementList(node: TSESTree.Node): readonly TSESTree.Node[] | undefined {
  const p = node.parent;
  if (!p) return undefined;
  switch (p.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return p.body as readonly TSESTree.Node[];
    case AST_NODE_TYPES.SwitchCase:
      return p.consequent;
    default:
      return undefined;
  }
}


function isLoggingCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const obj = unwrap(callee.object);
    const objName =
      obj.type === AST_NODE_TYPES.Identifier
        ? obj.name
        : obj.type === AST_NODE_TYPES.MemberExpression
          ? propertyName(obj)
          : undefined;
    const name = propertyName(callee);
    if (objName !== undefined && LOG_OBJECTS.test(objName)) return true;
    if (name !== undefined && LOG_METHODS.has(name) && objName !== undefined && /log/i.test(objName)) return true;
    return false;
  }
  return callee.type === AST_NODE_TYPES.Identifier && /^(?:log|debug)$/.test(callee.name);
}

function dottedName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const o = dottedName(n.object);
    const p = propertyName(n);
    return o !== undefined && p !== undefined ? `${o}.${p}` : undefined;
  }
  return undefined;
}

function isHarmlessCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (isLoggingCall(call)) return true;
  const name = dottedName(call.callee);
  return name !== undefined && HARMLESS_CALLS.has(name);
}

/**
 * Whether a branch leaves the flow somewhere: `throw`, `return`, `break`, `continue`, or a call that stops
 * or hands the error on (`reject(…)`, `process.exit()`, a same-file function that throws). With `strict`,
 * only `throw` and stopping calls count (used for what follows a success test).
 */
/** `return;`, `return null`, `return undefined`, `return false`: a return that hands back no reply. */
function returnsNothing(stmt: TSESTree.Node): boolean {
  if (stmt.type !== AST_NODE_TYPES.ReturnStatement) return false;
  const a = stmt.argument && unwrap(stmt.argument);
  return !a || (a.type === AST_NODE_TYPES.Literal && (a.value === null || a.value === false)) || (a.type === AST_NODE_TYPES.Identifier && a.name === 'undefined');
}

function exits(node: TSESTree.Node, file: CapMonsterFile, strict = false, depth = 0, continueExits = true): boolean {
  if (depth > 12) return false;
  switch (node.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.BreakStatement:
      return !strict;
    case AST_NODE_TYPES.ContinueStatement:
      return !strict && continueExits;
    case AST_NODE_TYPES.BlockStatement:
      return node.body.some((s) => exits(s, file, strict, depth + 1, continueExits));
    case AST_NODE_TYPES.IfStatement: {
      const cons = exits(node.consequent, file, strict, depth + 1, continueExits);
      const alt = !!node.alternate && exits(node.alternate, file, strict, depth + 1, continueExits);
      // A branch taken for some codes only leaves for those: `if (code === 'ERROR_CAPTCHA_UNSOLVABLE') return`
      // lets every other error go on; `if (code !== 'CAPCHA_NOT_READY') throw` leaves on every error.
      const only = codeBranch(node.test, file);
      if (only === 'these') return alt;
      if (only === 'notThese') return cons;
      return cons || alt;
    }
    case AST_NODE_TYPES.TryStatement:
      return (
        exits(node.block, file, strict, depth + 1, continueExits) ||
        (!!node.handler && exits(node.handler.body, file, strict, depth + 1, continueExits)) ||
        (!!node.finalizer && exits(node.finalizer, file, strict, depth + 1, continueExits))
      );
    case AST_NODE_TYPES.LabeledStatement:
      return exits(node.body, file, strict, depth + 1, continueExits);
    case AST_NODE_TYPES.SwitchStatement:
      return node.cases.some((c) => c.consequent.some((s) => s.type !== AST_NODE_TYPES.BreakStatement && exits(s, file, strict, depth + 1, continueExits)));
    case AST_NODE_TYPES.ExpressionStatement: {
      let e = unwrap(node.expression);
      if (e.type === AST_NODE_TYPES.AwaitExpression) e = unwrap(e.argument);
      return e.type === AST_NODE_TYPES.CallExpression && isExitCall(e, file);
    }
    default:
      return false;
  }
}

/**
 * For a test that compares a value with error codes: `these` when it holds for the codes named only
 * (`code === 'X'`, `['X', 'Y'].includes(code)`), `notThese` when it holds for every code but a transient
 * one (`code !== 'CAPCHA_NOT_READY'`). Undefined for any other test.
 */
function codeBranch(test: TSESTree.Node, file: CapMonsterFile): 'these' | 'notThese' | undefined {
  const t = unwrapTest(test);
  const code = (x: TSESTree.Node): string | undefined => {
    const v = x.type === AST_NODE_TYPES.PrivateIdentifier ? undefined : file.values.string(x);
    return v !== undefined && CODE_TEXT.test(v) ? v : undefined;
  };
  if (t.type === AST_NODE_TYPES.BinaryExpression && EQUALITY.has(t.operator)) {
    const c = code(t.left as TSESTree.Node) ?? code(t.right);
    if (c === undefined) return undefined;
    if (t.operator.startsWith('=')) return 'these';
    return (TRANSIENT_CODES as readonly string[]).includes(c) ? 'notThese' : undefined;
  }
  if (t.type === AST_NODE_TYPES.CallExpression && t.callee.type === AST_NODE_TYPES.MemberExpression && /^(?:includes|has)$/.test(propertyName(t.callee) ?? '')) {
    const list = unwrap(file.values.valueOf(t.callee.object) ?? t.callee.object);
    if (list.type === AST_NODE_TYPES.ArrayExpression && list.elements.length > 0 && list.elements.every((x) => x && x.type !== AST_NODE_TYPES.SpreadElement && code(x) !== undefined)) {
      return 'these';
    }
  }
  return undefined;
}

function isExitCall(call: TSESTree.CallExpression, file: CapMonsterFile): boolean {
  if (isLoggingCall(call)) return false;
  const name = dottedName(call.callee);
  if (name === 'process.exit') return true;
  const fn = file.values.calleeOf(call);
  if (fn) {
    const body = fn.body;
    return body?.type === AST_NODE_TYPES.BlockStatement && body.body.some((s) => s.type === AST_NODE_TYPES.ThrowStatement);
  }
  const last = calleeName(call);
  return last !== undefined && EXIT_CALL.test(last);
}

// ---------------------------------------------------------------------------------------------------
// swallowedError

/**
 * Whether the file has anything that can be an error handler around a request: a `catch` clause,
 * a `.catch(…)` call, or a request with a callback. Without one there is nothing to find, and the
 * polls are not worked out for it.
 */
function mayHaveHandlers(file: CapMonsterFile): boolean {
  if (file.branches.tries.some((t) => t.handler)) return true;
  for (const call of file.calls) {
    if (call.callee.type === AST_NODE_TYPES.MemberExpression && propertyName(call.callee) === 'catch') return true;
  }
  return file.requests.some((r) => {
    const cb = r.call.arguments[r.call.arguments.length - 1];
    return cb !== undefined && isFunction(cb);
  });
}

/**
 * A `try` around nothing but `fetch` (`try { res = await fetch(…) } catch { … }`): `fetch` throws for transport
 * errors only, an error reply (HTTP 402, 403 or 429 included) is read and checked after the `try`, so the
 * `catch` never sees one. Clients that throw on an HTTP status (axios, got, ky) are not such a `try`.
 */
function transportOnly(file: CapMonsterFile, block: TSESTree.BlockStatement, requests: readonly CapRequest[]): boolean {
  const inside = requests.filter((r) => contains(block, r.call));
  if (inside.length === 0 || inside.some((r) => r.via !== 'http' || calleeName(r.call) !== 'fetch')) return false;
  return !file.values.someNode(block, (n) => {
    if (n.type === AST_NODE_TYPES.ThrowStatement || n.type === AST_NODE_TYPES.IfStatement) return true;
    if (n.type !== AST_NODE_TYPES.CallExpression || file.requestAt(n)) return false;
    // A same-file function called there may check the reply and throw on it.
    return file.values.calleeOf(n) !== undefined;
  });
}

function findSwallowed(file: CapMonsterFile): SwallowedError[] {
  const out: SwallowedError[] = [];
  if (!mayHaveHandlers(file)) return out;
  const seen = new Set<TSESTree.Node>();
  const creates = file.requests.filter((r) => anyMethod(r.methods, isCreateMethod));
  // Poll sites, not sized polls: a poll's bounds are only worked out when it has an error handler.
  for (const poll of getPollSites(file)) {
    // A package polls inside its own method, which may also create the task: a catch around it is a create retry.
    if (poll.kind === 'library') continue;
    const region = poll.body;
    if (creates.some((c) => contains(poll.kind === 'loop' ? poll.node : region, c.call))) continue;
    const calls = poll.requests.map((r) => r.call);
    const inTry = (block: TSESTree.Node): boolean => calls.some((c) => contains(block, c));
    const handlers: SwallowedError[] = [];
    walkTree(region, file.sourceCode.visitorKeys, (n) => {
      if (n.type === AST_NODE_TYPES.TryStatement && n.handler && inTry(n.block) && !transportOnly(file, n.block, poll.requests)) {
        const param = n.handler.param;
        handlers.push({
          poll,
          node: n.handler,
          kind: 'catch',
          handler: n.handler,
          param: param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined,
        });
      } else if (
        n.type === AST_NODE_TYPES.CallExpression &&
        n.callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(n.callee) === 'catch' &&
        inTry(n.callee.object)
      ) {
        const h = n.arguments[0];
        if (h && isFunction(h)) {
          const param = h.params[0];
          handlers.push({
            poll,
            node: n.callee.property,
            kind: 'promiseCatch',
            handler: h,
            param: param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined,
          });
        }
      }
    });
    for (const call of calls) {
      const cb = call.arguments[call.arguments.length - 1];
      if (!cb || !isFunction(cb) || cb.params.length < 2) continue;
      const first = cb.params[0];
      if (first?.type !== AST_NODE_TYPES.Identifier || !/^(?:e|err|error|er)$/i.test(first.name)) continue;
      if (cb.body.type !== AST_NODE_TYPES.BlockStatement) continue;
      for (const s of cb.body.body) {
        if (s.type === AST_NODE_TYPES.IfStatement && testsIdentifier(s.test, first.name)) {
          handlers.push({ poll, node: s, kind: 'callback', handler: s, param: first.name });
          break;
        }
      }
    }
    // A place that sends one request at most (it always breaks, `i < 1`) does not repeat what it swallows.
    if (handlers.length === 0 || !repeats(poll)) continue;
    for (const h of handlers) {
      if (seen.has(h.node)) continue;
      seen.add(h.node);
      if (h.kind === 'catch' && h.handler.type === AST_NODE_TYPES.CatchClause) {
        const tryStmt = h.handler.parent;
        if (tryStmt?.type === AST_NODE_TYPES.TryStatement && creates.some((c) => contains(tryStmt.block, c.call))) continue;
      }
      if (!stops(h, file)) out.push(h);
    }
  }
  return out;
}

function testsIdentifier(test: TSESTree.Node, name: string): boolean {
  const t = unwrap(test);
  if (t.type === AST_NODE_TYPES.Identifier) return t.name === name;
  if (t.type === AST_NODE_TYPES.LogicalExpression && t.operator === '||') return testsIdentifier(t.left, name);
  if (t.type === AST_NODE_TYPES.BinaryExpression && (t.operator === '!=' || t.operator === '!==')) {
    return testsIdentifier(t.left, name);
  }
  return false;
}

/** Whether a handler stops the poll in some case: rethrows, returns, breaks, clears the timer, or hands the error on. */
function stops(h: SwallowedError, file: CapMonsterFile): boolean {
  const body: TSESTree.Node =
    h.handler.type === AST_NODE_TYPES.CatchClause
      ? h.handler.body
      : h.handler.type === AST_NODE_TYPES.IfStatement
        ? h.handler.consequent
        : h.handler.body;
  const poll = h.poll;
  const ownFn = h.handler.type === AST_NODE_TYPES.CatchClause || h.handler.type === AST_NODE_TYPES.IfStatement
    ? enclosingFunction(h.handler)
    : h.handler;
  let found = false;
  walkTree(body, file.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (isFunction(n) && n !== body) return false;
    switch (n.type) {
      case AST_NODE_TYPES.ThrowStatement:
        found = true;
        return false;
      case AST_NODE_TYPES.BreakStatement:
        if (poll.kind === 'loop' && !isInnerBreakTarget(n, body)) found = true;
        return false;
      case AST_NODE_TYPES.ReturnStatement: {
        if (h.kind === 'promiseCatch') {
          if (n.argument && callsWith(n.argument, h.param)) found = true;
          return false;
        }
        if (poll.kind === 'interval') return false;
        if (poll.kind === 'loop' && ownFn !== poll.fn) return false;
        if (!n.argument || !continuesPoll(n.argument, poll, file)) found = true;
        return false;
      }
      case AST_NODE_TYPES.CallExpression: {
        const name = dottedName(n.callee);
        if (name === 'clearInterval' || name === 'clearTimeout' || name === 'process.exit') found = true;
        else if (isHandoff(n, h.param)) found = true;
        else if (name !== undefined && /^(?:reject|abort|stop|cancel)$/i.test(name)) found = true;
        return !found;
      }
      default:
        return true;
    }
  });
  if (!found && h.kind === 'promiseCatch' && isFunction(h.handler) && h.handler.body.type !== AST_NODE_TYPES.BlockStatement) {
    found = callsWith(h.handler.body, h.param);
  }
  return found;
}

function isIdentifierNamed(node: TSESTree.Node, name: string): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Identifier && n.name === name;
}

/** `Promise.reject(e)` / `reject(e)` / `callback(e)`: the error is handed on. */
function callsWith(node: TSESTree.Node, param: string | undefined): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.CallExpression && isHandoff(n, param);
}

/**
 * A call that hands the error on: a plain function given the error (`reject(e)`, `callback(e)`, `done(e)`),
 * `Promise.reject(e)` or `x.emit('error', e)`. Logging it, or pushing it into a list, is not.
 */
function isHandoff(call: TSESTree.CallExpression, param: string | undefined): boolean {
  if (param === undefined || !call.arguments.some((a) => isIdentifierNamed(a, param))) return false;
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return !/^(?:log|debug)$/.test(callee.name);
  const name = dottedName(callee);
  return name === 'Promise.reject' || calleeName(call) === 'emit' || calleeName(call) === 'reject';
}

function isInnerBreakTarget(brk: TSESTree.BreakStatement, body: TSESTree.Node): boolean {
  if (brk.label) return false;
  for (let cur: TSESTree.Node | undefined = brk.parent; cur && cur !== body; cur = cur.parent) {
    if (isLoop(cur) || cur.type === AST_NODE_TYPES.SwitchStatement) return true;
  }
  return false;
}

/** A returned value that keeps the poll going: the recursive call, or a timer that calls again. */
function continuesPoll(node: TSESTree.Node, poll: Poll, file: CapMonsterFile): boolean {
  let found = false;
  walkTree(node, file.sourceCode.visitorKeys, (n) => {
    if (found) return false;
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const name = calleeName(n);
      if (name === 'setTimeout' || name === 'setImmediate' || name === 'nextTick') found = true;
      else if (poll.fn && file.values.calleeOf(n) === poll.fn) found = true;
    }
    return !found;
  });
  return found;
}

/** Visits a subtree (pre-order); `visit` returns false to skip a node's children. */

/** A test's own node: past parentheses-like TS wrappers and `!` is not looked through here. */
function unwrapTest(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  while (isTransparent(cur)) cur = (cur as TSESTree.TSAsExpression).expression;
  return cur;
}

/** A regular expression that only matches a 2captcha result: `/^OK\|(\d+)$/`. */
function okRegex(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return n.type === AST_NODE_TYPES.Literal && 'regex' in n && typeof n.regex?.pattern === 'string' && /^\^OK/.test(n.regex.pattern);
}
