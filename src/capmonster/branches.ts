import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, contains, enclosingFunction, type FunctionNode, runsOnce, isFunction, isLogCall, isLoop, isPropertyKey, type LoopNode, propertyName, unwrap } from './ast';
import { type Ban, FATAL_CODES, normalizeCode, TRANSIENT_CODES, ZERO_BALANCE_CODE } from './codes';
import type { CapMonsterFile, CapRequest } from './index';
import { anyMethod, type CapMethod, isBalanceMethod, isCreateMethod, isResultMethod } from './methods';

/** Which family of error codes a branch recognises. */
export type CodeClass = 'zeroBalance' | 'proxy' | 'fatal';

/** How a path sends again: `continue`, falling through to the next iteration, calling its own function, a retry helper, or sending the request again in place. */
export type RetryHow = 'continue' | 'next-iteration' | 'recursion' | 'helper' | 'resend';

/** How the branch recognises the code. */
export type HitKind = 'equality' | 'substring' | 'membership' | 'switch' | 'status' | 'balance';

/**
 * A branch that recognises an error code that must stop the flow, and then sends again anyway.
 * OWNER: the retry work (no-retry-on-zero-balance, no-retry-on-bad-proxy, handle-ban-errors' retriesFatalError).
 *
 * `node` is always the smallest expression that recognises the code (the equality, the `includes()` call,
 * the `case` test, the `status === 402` or `balance <= 0` comparison), for every class.
 */
export interface CodeRetry {
  /** Where to report: the expression that recognises the code. */
  node: TSESTree.Node;
  codeClass: CodeClass;
  /** The code recognised, in `ERROR_…` form (`ERROR_PROXY_*` for a prefix or substring test of proxy codes). */
  code: string;
  ban: Ban;
  /** Every code of the class the test recognises, `ERROR_…` form. */
  codes: string[];
  kind: HitKind;
  /** The whole test the hit is part of (the `if` test, the `case` test). */
  test: TSESTree.Node;
  /** The statement whose test recognises the code. */
  branch: TSESTree.IfStatement | TSESTree.SwitchCase | TSESTree.ConditionalExpression;
  /** The branch is taken for codes of this class only (no transient codes, no unrelated conditions). */
  alone: boolean;
  /** What sends again. */
  retry: {
    how: RetryHow;
    /** The `continue`, the statement holding the retry call, or the loop whose next iteration sends. */
    node: TSESTree.Node;
    /** The retry call, for recursion, helpers and resends. */
    call?: TSESTree.CallExpression;
    /** The retrying statement when it is a top-level statement of the branch itself (what an auto-fix may replace). */
    statement?: TSESTree.Statement;
  };
  /** Source text of an expression that is true for this class only, when one can be written safely. */
  check?: string;
  /** Where a `if (check) throw …;` can go: before this statement (an insertion point at the top of the branch). */
  insertBefore?: TSESTree.Node;
  /** The branch is a single statement without braces: wrap it as `{ check; statement }`. */
  wrap?: TSESTree.Statement;
  /** For a branch taken for this class alone that completes normally: its last statement, after which a plain `throw` can go. */
  appendAfter?: TSESTree.Statement;
}

// ---------------------------------------------------------------------------------------------
// Codes

/** Every `ERROR_PROXY_*` code CapMonster documents. */
export const PROXY_CODES: readonly string[] = [
  'ERROR_PROXY_BANNED',
  'ERROR_PROXY_CONNECT_REFUSED',
  'ERROR_PROXY_NOT_AUTHORISED',
  'ERROR_PROXY_READ_TIMEOUT',
  'ERROR_PROXY_MISSING',
  'ERROR_PROXY_CREDENTIALS_INVALID_CHARACTER',
];

/** Documented codes that are neither fatal, zero balance nor proxy codes. */
const OTHER_CODES: readonly string[] = [
  'ERROR_IP_NOT_ALLOWED',
  'ERROR_NO_SUCH_METHOD',
  'ERROR_TASK_NOT_SUPPORTED',
  'ERROR_TASK_ABSENT',
  'ERROR_INVALID_TASK',
  'ERROR_DOMAIN_NOT_ALLOWED',
  'ERROR_RECAPTCHA_INVALID_SITEKEY',
  'ERROR_RECAPTCHA_INVALID_DOMAIN',
  'ERROR_ZERO_CAPTCHA_FILESIZE',
  'ERROR_TOO_BIG_CAPTCHA_FILESIZE',
  'ERROR_WRONG_USERAGENT',
  'ERROR_TOKEN_EXPIRED',
  'ERROR_CAPTCHA_UNSOLVABLE',
  'ERROR_RECAPTCHA_TIMEOUT',
  'ERROR_MAXIMUM_TIME_EXCEED',
  ...TRANSIENT_CODES,
];

const KNOWN_CODES: readonly string[] = [ZERO_BALANCE_CODE, ...PROXY_CODES, ...Object.keys(FATAL_CODES), ...OTHER_CODES];

/** The class of a code, for codes that must stop the flow. */
export function codeClassOf(code: string): CodeClass | undefined {
  if (code === 'HTTP_402') return 'zeroBalance';
  const n = normalizeCode(code);
  if (n === ZERO_BALANCE_CODE) return 'zeroBalance';
  if (n.startsWith('ERROR_PROXY_')) return 'proxy';
  if (FATAL_CODES[n] !== undefined) return 'fatal';
  return undefined;
}

function banOf(cls: CodeClass, code: string): Ban {
  if (cls === 'zeroBalance') return 'ZeroBalance';
  if (cls === 'proxy') return 'BadProxy';
  return FATAL_CODES[normalizeCode(code)] ?? 'KeyDoesntExist';
}

/** Strings that look like error codes: `ERROR_ZERO_BALANCE`, `ZERO_BALANCE`, `ECONNRESET`. */
const CODE_LIKE = /^[A-Z][A-Z0-9_]{2,}$/;
const STATUS_NAME = /status/i;
const BALANCE_NAME = /balance/i;
const ERROR_TYPE_NAMES = new Set(['ErrorType', 'ErrorTypes', 'ErrorCode', 'ErrorCodes', 'CapMonsterError', 'CapmonsterError']);

// ---------------------------------------------------------------------------------------------
// Recognising codes in a test

interface Hit {
  cls: CodeClass;
  code: string;
  codes: string[];
  node: TSESTree.Node;
  kind: HitKind;
  /** The expression that holds the code (for a check text). */
  subject?: TSESTree.Node;
  /** The hit node is an equality that is true exactly for this code (`a === 'X'`), usable as the check. */
  exactCheck?: boolean;
}

/** What a test says about error codes. */
export interface Recognition {
  /** True: the test holds for the recognised codes; false: it holds for everything else. */
  positive: boolean;
  hits: Hit[];
  /** Every code (normalised) or `HTTP_<n>` the test compares with, of any class. */
  codes: Set<string>;
  /** The test also depends on conditions other than code comparisons. */
  unrelated: boolean;
  /** Only exact comparisons (no substring tests): a code not in `codes` takes the other path. */
  exact: boolean;
}

function single(positive: boolean, hits: Hit[], codes: Iterable<string>, exact: boolean): Recognition {
  return { positive, hits, codes: new Set(codes), unrelated: false, exact };
}

function hitsFor(
  codes: readonly string[],
  node: TSESTree.Node,
  kind: HitKind,
  subject: TSESTree.Node | undefined,
  exactCheck = false,
): Hit[] {
  const byClass = new Map<CodeClass, string[]>();
  for (const c of codes) {
    const cls = codeClassOf(c);
    if (!cls) continue;
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push(normalizeCode(c));
  }
  return [...byClass].map(([cls, list]) => ({
    cls,
    code: cls === 'proxy' && list.length > 1 ? 'ERROR_PROXY_*' : list[0]!,
    codes: list,
    node,
    kind,
    subject,
    exactCheck,
  }));
}

class Recognizer {
  private readonly cache = new Map<TSESTree.Node, Recognition | null>();

  constructor(private readonly file: CapMonsterFile) {}

  recognize(node: TSESTree.Node): Recognition | undefined {
    const hit = this.cache.get(node);
    if (hit !== undefined) return hit ?? undefined;
    let result: Recognition | undefined;
    try {
      result = this.compute(node, 0);
    } catch {
      result = undefined;
    }
    this.cache.set(node, result ?? null);
    return result;
  }

  private compute(node: TSESTree.Node, depth: number): Recognition | undefined {
    if (depth > 20) return undefined;
    const n = unwrap(node);
    switch (n.type) {
      case AST_NODE_TYPES.UnaryExpression:
        if (n.operator !== '!') return undefined;
        {
          const r = this.compute(n.argument, depth + 1);
          return r && { ...r, positive: !r.positive };
        }
      case AST_NODE_TYPES.LogicalExpression:
        return this.logical(n, depth);
      case AST_NODE_TYPES.BinaryExpression:
        return this.binary(n);
      case AST_NODE_TYPES.CallExpression:
        return this.call(n);
      default:
        return undefined;
    }
  }

  private logical(n: TSESTree.LogicalExpression, depth: number): Recognition | undefined {
    if (n.operator === '??') return undefined;
    const a = this.compute(n.left, depth + 1);
    const b = this.compute(n.right, depth + 1);
    const widening = (r: Recognition): boolean => (n.operator === '||') === r.positive;
    if (a && b) {
      if (a.positive !== b.positive) return undefined;
      return {
        positive: a.positive,
        hits: [...a.hits, ...b.hits],
        codes: new Set([...a.codes, ...b.codes]),
        unrelated: widening(a) ? a.unrelated || b.unrelated : a.unrelated && b.unrelated,
        exact: a.exact && b.exact,
      };
    }
    const r = a ?? b;
    if (!r) return undefined;
    // `code === X || other`: the branch also runs for `other`; `code === X && other` narrows it.
    return widening(r) ? { ...r, unrelated: true, exact: false } : { ...r, exact: false };
  }

  /** `a === 'CODE'`, `res.status === 402`, `balance <= 0`, `list.indexOf(code) !== -1`. */
  private binary(n: TSESTree.BinaryExpression): Recognition | undefined {
    if (n.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
    const left = n.left;
    const right = n.right;
    const op = n.operator;
    if (op === '===' || op === '==' || op === '!==' || op === '!=') {
      const positive = op === '===' || op === '==';
      for (const [lit, subject] of [
        [right, left],
        [left, right],
      ] as const) {
        const code = this.codeOf(lit);
        if (code !== undefined && this.codeOf(subject) === undefined) {
          const norm = normalizeCode(code);
          return single(positive, hitsFor([code], n, 'equality', subject, positive), [norm], true);
        }
        const num = this.file.values.number(lit);
        if (num !== undefined && this.file.values.number(subject) === undefined) {
          const sName = lastName(subject);
          if (sName !== undefined && STATUS_NAME.test(sName) && Number.isInteger(num) && num >= 100 && num < 600) {
            const hits: Hit[] =
              num === 402
                ? [{ cls: 'zeroBalance', code: ZERO_BALANCE_CODE, codes: [ZERO_BALANCE_CODE], node: n, kind: 'status', subject, exactCheck: positive }]
                : [];
            return single(positive, hits, [`HTTP_${num}`], true);
          }
          if (sName !== undefined && BALANCE_NAME.test(sName) && num === 0) return this.balance(n, positive);
          // list.indexOf(code) !== -1
          if (num === -1) {
            const m = this.membership(subject, 'indexOf');
            if (m) return { ...m, positive: !positive };
          }
        }
      }
      return undefined;
    }
    if (op === '<' || op === '<=' || op === '>' || op === '>=') {
      // balance <= 0, balance < 1, 0 >= balance; list.indexOf(code) >= 0 / > -1
      const lNum = this.file.values.number(left);
      const rNum = this.file.values.number(right);
      const [subject, num, flipped] = rNum !== undefined && lNum === undefined ? [left, rNum, false] : lNum !== undefined && rNum === undefined ? [right, lNum, true] : [undefined, undefined, false];
      if (!subject || num === undefined) return undefined;
      // Normalise to `subject OP num`.
      const o = flipped ? ({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[op] : op;
      const sName = lastName(subject);
      if (sName !== undefined && BALANCE_NAME.test(sName)) {
        if ((o === '<=' && num < 1 && num >= 0) || (o === '<' && num <= 1 && num > 0)) return this.balance(n, true);
        return undefined;
      }
      if ((o === '>=' && num === 0) || (o === '>' && num === -1)) return this.membership(subject, 'indexOf');
      if ((o === '<' && num === 0) || (o === '<=' && num === -1)) {
        const m = this.membership(subject, 'indexOf');
        return m && { ...m, positive: false };
      }
    }
    return undefined;
  }

  private balance(n: TSESTree.Node, positive: boolean): Recognition {
    return single(
      positive,
      [{ cls: 'zeroBalance', code: ZERO_BALANCE_CODE, codes: [ZERO_BALANCE_CODE], node: n, kind: 'balance', exactCheck: positive }],
      [ZERO_BALANCE_CODE],
      true,
    );
  }

  /** `code.includes('PROXY')`, `code.startsWith('ERROR_PROXY')`, `LIST.includes(code)`, `SET.has(code)`, `/ZERO_BALANCE/.test(msg)`. */
  private call(n: TSESTree.CallExpression): Recognition | undefined {
    const callee = unwrap(n.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    const arg = n.arguments[0];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (name === 'includes' || name === 'has') {
      const m = this.membership(n, name);
      if (m) return m;
    }
    if (name === 'includes' || name === 'startsWith' || name === 'endsWith' || name === 'match' || name === 'search') {
      const obj = unwrap(callee.object);
      const re = regexSource(arg);
      const text = re === undefined ? this.file.values.string(arg) : undefined;
      const parts = re ?? (text !== undefined ? [text] : undefined);
      if (!parts) return undefined;
      return this.substrings(parts, n, obj);
    }
    if (name === 'test') {
      const parts = regexSource(callee.object);
      if (!parts) return undefined;
      return this.substrings(parts, n, unwrap(arg));
    }
    return undefined;
  }

  private substrings(parts: readonly string[], node: TSESTree.Node, subject: TSESTree.Node): Recognition | undefined {
    const matched = new Set<string>();
    for (const p of parts) {
      const s = p.toUpperCase().replace(/[\s-]+/g, '_');
      if (s.length < 4) return undefined;
      const found = KNOWN_CODES.filter((c) => c.includes(s) || (s.startsWith('ERROR_') && c.startsWith(s)));
      // A fragment that also matches codes outside the three classes ('ERROR', 'TIMEOUT') says nothing.
      if (found.length === 0 || found.some((c) => codeClassOf(c) === undefined)) return undefined;
      for (const c of found) matched.add(c);
    }
    const codes = [...matched];
    return { positive: true, hits: hitsFor(codes, node, 'substring', subject), codes: new Set(codes), unrelated: false, exact: false };
  }

  /** `LIST.includes(code)` / `SET.has(code)` / `LIST.indexOf(code)` with a same-file list of codes. */
  private membership(node: TSESTree.Node, method: 'includes' | 'has' | 'indexOf'): Recognition | undefined {
    const n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(n.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== method) return undefined;
    const arg = n.arguments[0];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const list = this.listCodes(callee.object, method === 'has', 0);
    if (!list || list.length === 0) return undefined;
    return single(true, hitsFor(list, n, 'membership', arg), list.map(normalizeCode), true);
  }

  private listCodes(node: TSESTree.Node, set: boolean, depth: number): string[] | undefined {
    if (depth > 6) return undefined;
    let n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier || n.type === AST_NODE_TYPES.MemberExpression) {
      const v =
        this.file.values.valueOf(n) ??
        (n.type === AST_NODE_TYPES.MemberExpression && propertyName(n) !== undefined
          ? this.file.values.member(n.object, propertyName(n)!)
          : undefined);
      if (!v) return undefined;
      n = unwrap(v);
    }
    if (set) {
      if (n.type !== AST_NODE_TYPES.NewExpression || calleeName(n) !== 'Set') return undefined;
      const a = n.arguments[0];
      return a && a.type !== AST_NODE_TYPES.SpreadElement ? this.listCodes(a, false, depth + 1) : undefined;
    }
    if (n.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
    const out: string[] = [];
    for (const el of n.elements) {
      if (!el) continue;
      if (el.type === AST_NODE_TYPES.SpreadElement) {
        const inner = this.listCodes(el.argument, false, depth + 1);
        if (!inner) return undefined;
        out.push(...inner);
        continue;
      }
      const code = this.codeOf(el);
      if (code === undefined) return undefined;
      out.push(code);
    }
    return out;
  }

  /** The code an expression is: a code-like string constant, or an `ErrorType.X` member of the official client. */
  codeOf(node: TSESTree.Node): string | undefined {
    const n = unwrap(node);
    if (
      n.type !== AST_NODE_TYPES.Literal &&
      n.type !== AST_NODE_TYPES.TemplateLiteral &&
      n.type !== AST_NODE_TYPES.Identifier &&
      n.type !== AST_NODE_TYPES.MemberExpression
    ) {
      return undefined;
    }
    const s = this.file.values.string(n);
    if (s !== undefined) return CODE_LIKE.test(s.trim()) ? s.trim() : undefined;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const obj = unwrap(n.object);
      const prop = propertyName(n);
      // An enum of a client package whose values are not the API's codes never equals one.
      if (this.file.clients?.misleadingEnum(n)) return undefined;
      if (obj.type === AST_NODE_TYPES.Identifier && ERROR_TYPE_NAMES.has(obj.name) && prop !== undefined && CODE_LIKE.test(prop)) {
        return prop;
      }
    }
    return undefined;
  }

  /**
   * A test for "the response is an error" of any code: `res.errorId` (truthy, `!== 0`, `> 0`, `=== 1`),
   * `res.errorCode`, `result.error`. True when it holds on error, false when it holds on success.
   */
  anyError(node: TSESTree.Node, depth = 0): boolean | undefined {
    if (depth > 8) return undefined;
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === '!') {
      const r = this.anyError(n.argument, depth + 1);
      return r === undefined ? undefined : !r;
    }
    const name = lastName(n);
    if (name === 'errorId' || name === 'errorCode' || name === 'error' || name === 'error_id') return true;
    if (n.type === AST_NODE_TYPES.BinaryExpression && n.left.type !== AST_NODE_TYPES.PrivateIdentifier) {
      const l = lastName(n.left);
      const num = this.file.values.number(n.right);
      if (l === 'errorId' && num !== undefined) {
        if ((n.operator === '!==' || n.operator === '!=') && num === 0) return true;
        if ((n.operator === '===' || n.operator === '==') && num === 0) return false;
        if ((n.operator === '===' || n.operator === '==') && num === 1) return true;
        if (n.operator === '>' && num === 0) return true;
      }
    }
    return undefined;
  }

  /** Equality of a switch discriminant with a case test. */
  caseOf(discriminant: TSESTree.Node, test: TSESTree.Node): Recognition | undefined {
    const code = this.codeOf(test);
    if (code !== undefined) return single(true, hitsFor([code], test, 'switch', discriminant, false), [normalizeCode(code)], true);
    const num = this.file.values.number(test);
    const sName = lastName(discriminant);
    if (num !== undefined && sName !== undefined && STATUS_NAME.test(sName)) {
      const hits: Hit[] =
        num === 402 ? [{ cls: 'zeroBalance', code: ZERO_BALANCE_CODE, codes: [ZERO_BALANCE_CODE], node: test, kind: 'switch', subject: discriminant }] : [];
      return single(true, hits, [`HTTP_${num}`], true);
    }
    return undefined;
  }
}

function lastName(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.MemberExpression) return propertyName(n);
  return undefined;
}

/** The alternatives of a plain regex literal (`/ZERO_BALANCE|NO_FUNDS/i`), when it has no other syntax. */
function regexSource(node: TSESTree.Node): string[] | undefined {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.Literal || !('regex' in n) || !n.regex) return undefined;
  const src = n.regex.pattern;
  if (!/^[\w |]+$/.test(src)) return undefined;
  return src.split('|');
}

// ---------------------------------------------------------------------------------------------
// Walking the path a recognised code takes

type Outcome =
  | { kind: 'normal' }
  | { kind: 'stop' }
  | { kind: 'break'; target: TSESTree.Node }
  | { kind: 'retry'; how: RetryHow; node: TSESTree.Node; call?: TSESTree.CallExpression; loop?: LoopNode; fn?: FunctionNode };

const NORMAL: Outcome = { kind: 'normal' };
const STOP: Outcome = { kind: 'stop' };

/** What "sends again" means for a class: which methods a retry must send. */
export type SendTest = (methods: ReadonlySet<CapMethod>) => boolean;

export function sendTestFor(cls: CodeClass, ban: Ban): SendTest {
  if (cls === 'zeroBalance' || cls === 'proxy') return (ms) => anyMethod(ms, isCreateMethod);
  if (ban === 'WrongTaskId') return (ms) => anyMethod(ms, isResultMethod) && !anyMethod(ms, isCreateMethod);
  return (ms) => anyMethod(ms, isKnownMethod);
}

const TIMERS = new Set(['setTimeout', 'setImmediate', 'nextTick', 'queueMicrotask']);
const RETRY_NAME = /^(?:(?:do|schedule)?retry(?:later|after|task|solve|request|create|withbackoff|withdelay)?|tryagain|requeue|reschedule)$/i;

/** The walk of one recognised path, for one class; collects what it passes for the proxy analysis. */
export interface PathWalk {
  readonly file: CapMonsterFile;
  readonly sends: SendTest;
  readonly cls: CodeClass | undefined;
  /** The node the path starts at (for "is this function an enclosing one"). */
  readonly origin: TSESTree.Node;
  /** For generic helpers: whether a loop or function sends (calls the function it was given), instead of `sends`. */
  sendsIn?: (node: TSESTree.Node) => boolean;
  /** Names assigned along the path (a loop whose test reads one of them is being stopped by a flag). */
  readonly assigned: Set<string>;
  /** Statements walked. */
  readonly trace: TSESTree.Node[];
  depth: number;
}

export function newWalk(file: CapMonsterFile, sends: SendTest, cls: CodeClass | undefined, origin: TSESTree.Node): PathWalk {
  return { file, sends, cls, origin, assigned: new Set(), trace: [], depth: 0 };
}

const isKnownMethod = (m: CapMethod): boolean => m !== 'unknown';

/** The methods sent by requests inside a node (loop, function, statement), kept per node in the file's memo. */
export function methodsIn(file: CapMonsterFile, node: TSESTree.Node): Set<CapMethod> {
  const byNode = file.memo('branches:methodsIn', () => new Map<TSESTree.Node, Set<CapMethod>>());
  let out = byNode.get(node);
  if (!out) {
    out = new Set<CapMethod>();
    for (const r of file.requests) if (contains(node, r.call)) for (const m of r.methods) out.add(m);
    byNode.set(node, out);
  }
  return out;
}

export function requestsIn(file: CapMonsterFile, node: TSESTree.Node): CapRequest[] {
  return file.requests.filter((r) => contains(node, r.call));
}

function isAncestorFn(fn: FunctionNode, node: TSESTree.Node): boolean {
  for (let cur = enclosingFunction(node); cur; cur = enclosingFunction(cur)) if (cur === fn) return true;
  return false;
}

/** The outermost function around a node (or the program). */
export function outerScope(node: TSESTree.Node): TSESTree.Node {
  let scope: TSESTree.Node = node;
  for (let cur = enclosingFunction(node); cur; cur = enclosingFunction(cur)) scope = cur;
  if (scope === node) {
    let root: TSESTree.Node = node;
    while (root.parent) root = root.parent;
    return root;
  }
  return scope;
}

/** A function a reference names: `solve`, `this.solve`, `this.solve.bind(this)`. */
function functionOfRef(file: CapMonsterFile, node: TSESTree.Node): FunctionNode | undefined {
  let n = unwrap(node);
  if (n.type === AST_NODE_TYPES.CallExpression && calleeName(n) === 'bind' && n.callee.type === AST_NODE_TYPES.MemberExpression) {
    n = unwrap(n.callee.object);
  }
  if (isFunction(n)) return n;
  if (n.type !== AST_NODE_TYPES.Identifier && n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return file.values.functionOf(n);
}


function isProcessExit(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(callee) === 'exit' &&
    unwrap(callee.object).type === AST_NODE_TYPES.Identifier &&
    (unwrap(callee.object) as TSESTree.Identifier).name === 'process'
  );
}

/** The first call in `node` that sends again, and how. */
export function retryCallIn(w: PathWalk, node: TSESTree.Node): { call: TSESTree.CallExpression; how: RetryHow; fn?: FunctionNode } | undefined {
  const { file } = w;
  for (const call of file.values.callsIn(node)) {
    if (isProcessExit(call) || isLogCall(call)) continue;
    const req = file.requestAt(call);
    const target = file.values.calleeOf(call);
    if (req && w.sends(req.methods)) {
      return { call, how: target && isAncestorFn(target, w.origin) ? 'recursion' : 'resend', fn: target };
    }
    if (target && isAncestorFn(target, w.origin) && w.sendsIn?.(target)) return { call, how: 'recursion', fn: target };
    if (target && isAncestorFn(target, w.origin)) {
      const wr = file.wrappers.get(target);
      if (wr && w.sends(wr.methods)) return { call, how: 'recursion', fn: target };
    }
    const name = calleeName(call);
    if (name !== undefined && TIMERS.has(name) && call.arguments[0]) {
      const fn = functionOfRef(file, call.arguments[0]);
      if (fn && !isFunction(unwrap(call.arguments[0]))) {
        const wr = file.wrappers.get(fn);
        if (wr && w.sends(wr.methods)) return { call, how: isAncestorFn(fn, w.origin) ? 'recursion' : 'resend', fn };
      }
    }
    if (name !== undefined && RETRY_NAME.test(name) && w.sends(methodsIn(file, outerScope(w.origin)))) {
      return { call, how: 'helper', fn: target };
    }
  }
  return undefined;
}

/**
 * Names a path sets that may stop a loop (`done = true`, `attempts = MAX`). A counter stepped on the way
 * (`n++`, `tries += 1`) is how a bounded retry counts its rounds, as a `for` update does: no stop.
 */
function namesAssignedIn(file: CapMonsterFile, node: TSESTree.Node, into: Set<string>): void {
  file.values.someNode(node, (n) => {
    if (n.type === AST_NODE_TYPES.AssignmentExpression && n.operator !== '+=' && n.operator !== '-=') {
      const name = lastName(n.left);
      if (name !== undefined) into.add(name);
    }
    return false;
  });
}

function testReads(file: CapMonsterFile, test: TSESTree.Node | null | undefined, names: ReadonlySet<string>): boolean {
  if (!test || names.size === 0) return false;
  return file.values.someNode(test, (n) => {
    if (n.type === AST_NODE_TYPES.Identifier && names.has(n.name)) return true;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      return name !== undefined && names.has(name);
    }
    return false;
  });
}

function loopTest(loop: LoopNode): TSESTree.Node | null | undefined {
  return loop.type === AST_NODE_TYPES.ForInStatement || loop.type === AST_NODE_TYPES.ForOfStatement ? null : loop.test;
}

/** The next iteration of `loop`: a retry when the loop sends and no flag set on the path stops it. */
function nextIteration(w: PathWalk, loop: LoopNode, node: TSESTree.Node, how: RetryHow): Outcome {
  // A loop whose body leaves in its first round never gets to a second one.
  if (runsOnce(loop)) return STOP;
  if (w.sendsIn ? !w.sendsIn(loop) : !w.sends(methodsIn(w.file, loop))) return STOP;
  if (testReads(w.file, loopTest(loop), w.assigned)) return STOP;
  return { kind: 'retry', how, node, loop };
}

function loopTarget(stmt: TSESTree.ContinueStatement | TSESTree.BreakStatement): TSESTree.Node | undefined {
  const label = stmt.label?.name;
  for (let cur: TSESTree.Node | undefined = stmt.parent; cur; cur = cur.parent) {
    if (isFunction(cur)) return undefined;
    if (label !== undefined) {
      if (cur.type === AST_NODE_TYPES.LabeledStatement && cur.label.name === label) return cur.body;
      continue;
    }
    if (isLoop(cur)) return cur;
    if (stmt.type === AST_NODE_TYPES.BreakStatement && cur.type === AST_NODE_TYPES.SwitchStatement) return cur;
  }
  return undefined;
}

function combine(a: Outcome, b: Outcome): Outcome {
  if (a.kind === 'retry') return a;
  if (b.kind === 'retry') return b;
  if (a.kind === 'break') return a;
  if (b.kind === 'break') return b;
  if (a.kind === 'normal' || b.kind === 'normal') return NORMAL;
  return STOP;
}

export function walkStatement(w: PathWalk, s: TSESTree.Node, rec: Recognizer): Outcome {
  if (w.depth++ > 300) return STOP;
  w.trace.push(s);
  switch (s.type) {
    case AST_NODE_TYPES.ThrowStatement:
      return STOP;
    case AST_NODE_TYPES.ReturnStatement: {
      const rc = s.argument ? retryCallIn(w, s.argument) : undefined;
      return rc ? { kind: 'retry', how: rc.how, node: s, call: rc.call, fn: rc.fn } : STOP;
    }
    case AST_NODE_TYPES.ContinueStatement: {
      const target = loopTarget(s);
      return target && isLoop(target) ? nextIteration(w, target, s, 'continue') : STOP;
    }
    case AST_NODE_TYPES.BreakStatement: {
      const target = loopTarget(s);
      return target?.type === AST_NODE_TYPES.SwitchStatement ? { kind: 'break', target } : STOP;
    }
    case AST_NODE_TYPES.ExpressionStatement:
    case AST_NODE_TYPES.VariableDeclaration: {
      const exit = w.file.values.callsIn(s).some(isProcessExit);
      if (exit) return STOP;
      const rc = retryCallIn(w, s);
      if (rc) return { kind: 'retry', how: rc.how, node: s, call: rc.call, fn: rc.fn };
      namesAssignedIn(w.file, s, w.assigned);
      return NORMAL;
    }
    case AST_NODE_TYPES.BlockStatement:
      return walkList(w, s.body, 0, rec);
    case AST_NODE_TYPES.IfStatement:
      return walkIf(w, s, rec);
    case AST_NODE_TYPES.SwitchStatement: {
      const o = walkSwitch(w, s, rec);
      return o.kind === 'break' && o.target === s ? NORMAL : o;
    }
    case AST_NODE_TYPES.TryStatement: {
      let o = walkStatement(w, s.block, rec);
      if (o.kind === 'stop' && s.handler) o = walkStatement(w, s.handler.body, rec);
      return o;
    }
    case AST_NODE_TYPES.LabeledStatement: {
      const o = walkStatement(w, s.body, rec);
      return o.kind === 'break' && o.target === s.body ? NORMAL : o;
    }
    default:
      return NORMAL;
  }
}

function walkList(w: PathWalk, list: readonly TSESTree.Node[], from: number, rec: Recognizer): Outcome {
  for (let i = from; i < list.length; i++) {
    const o = walkStatement(w, list[i]!, rec);
    if (o.kind !== 'normal') return o;
  }
  return NORMAL;
}

/** Which way the path of class `cls` goes at a nested test: 'yes', 'no' or both. */
function direction(r: Recognition | undefined, cls: CodeClass | undefined): 'yes' | 'no' | 'both' {
  if (!r || !cls) return 'both';
  if (r.hits.some((h) => h.cls === cls)) return r.positive ? 'yes' : 'no';
  // `code.startsWith('ERROR_PROXY')`: a family of codes that holds none of this class.
  if (!r.unrelated && r.hits.length > 0 && r.hits.every((h) => h.codes.every((c) => codeClassOf(c) !== cls))) return r.positive ? 'no' : 'yes';
  if (r.exact && !r.unrelated && r.codes.size > 0 && [...r.codes].every((c) => !c.startsWith('HTTP_'))) return r.positive ? 'no' : 'yes';
  return 'both';
}

function walkIf(w: PathWalk, s: TSESTree.IfStatement, rec: Recognizer): Outcome {
  let d = direction(rec.recognize(s.test), w.cls);
  if (d === 'both' && w.cls) {
    const e = rec.anyError(s.test);
    if (e !== undefined) d = e ? 'yes' : 'no';
  }
  if (d === 'yes') return walkStatement(w, s.consequent, rec);
  if (d === 'no') return s.alternate ? walkStatement(w, s.alternate, rec) : NORMAL;
  const a = walkStatement(w, s.consequent, rec);
  const b = s.alternate ? walkStatement(w, s.alternate, rec) : NORMAL;
  return combine(a, b);
}

function walkCases(w: PathWalk, s: TSESTree.SwitchStatement, from: number, rec: Recognizer): Outcome {
  for (let i = from; i < s.cases.length; i++) {
    const o = walkList(w, s.cases[i]!.consequent, 0, rec);
    if (o.kind !== 'normal') return o;
  }
  return NORMAL;
}

function walkSwitch(w: PathWalk, s: TSESTree.SwitchStatement, rec: Recognizer): Outcome {
  const entries: number[] = [];
  let exactAll = true;
  let hasDefault = false;
  s.cases.forEach((c, i) => {
    if (!c.test) {
      hasDefault = true;
      return;
    }
    const r = rec.caseOf(s.discriminant, c.test);
    if (r && w.cls && r.hits.some((h) => h.cls === w.cls)) entries.push(i);
    if (!r) exactAll = false;
  });
  let targets: number[];
  if (entries.length > 0) targets = [entries[0]!];
  else if (exactAll && w.cls) targets = s.cases.flatMap((c, i) => (c.test ? [] : [i]));
  else targets = s.cases.map((_c, i) => i);
  if (targets.length === 0) return NORMAL;
  let out: Outcome | undefined;
  for (const t of targets) {
    const o = walkCases(w, s, t, rec);
    out = out ? combine(out, o) : o;
  }
  if (out && out.kind === 'stop' && entries.length === 0 && !hasDefault) return NORMAL;
  return out ?? NORMAL;
}

/** Where the path goes once `from` completes normally: the rest of its block, after its `if`/`try`, the next iteration. */
export function continuation(w: PathWalk, from: TSESTree.Node, rec: Recognizer): Outcome {
  let cur: TSESTree.Node = from;
  for (let steps = 0; steps < 200; steps++) {
    const p = cur.parent;
    if (!p) return STOP;
    let o: Outcome;
    switch (p.type) {
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.Program:
      case AST_NODE_TYPES.StaticBlock: {
        const idx = (p.body as TSESTree.Node[]).indexOf(cur);
        o = walkList(w, p.body, idx + 1, rec);
        if (o.kind === 'normal' && isFunction(p.parent)) return STOP;
        break;
      }
      case AST_NODE_TYPES.SwitchCase: {
        const sw = p.parent;
        const idx = p.consequent.indexOf(cur as TSESTree.Statement);
        o = walkList(w, p.consequent, idx + 1, rec);
        if (o.kind === 'normal' && sw?.type === AST_NODE_TYPES.SwitchStatement) {
          const ci = sw.cases.indexOf(p);
          o = walkCases(w, sw, ci + 1, rec);
        }
        if (o.kind === 'normal' && sw) {
          cur = sw;
          continue;
        }
        break;
      }
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.TryStatement:
      case AST_NODE_TYPES.CatchClause:
      case AST_NODE_TYPES.LabeledStatement:
        cur = p;
        continue;
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
        return p.body === cur ? nextIteration(w, p, p, 'next-iteration') : STOP;
      default:
        return STOP;
    }
    if (o.kind === 'normal') {
      cur = p;
      continue;
    }
    if (o.kind === 'break') {
      cur = o.target;
      continue;
    }
    return o;
  }
  return STOP;
}

// ---------------------------------------------------------------------------------------------
// Finding the branches

interface Branches {
  ifs: TSESTree.IfStatement[];
  switches: TSESTree.SwitchStatement[];
  conditionals: TSESTree.ConditionalExpression[];
  tries: TSESTree.TryStatement[];
}

/** If statements, switches, conditionals and try statements of the file, collected once. */
export function branchNodes(file: CapMonsterFile): Branches {
  return file.branches;
}

/** The shared recogniser of a file. */
export function recognizer(file: CapMonsterFile): Recognizer {
  return file.memo('retryRecognizer', () => new Recognizer(file));
}

export type { Recognizer };

/** Every code-recognising branch that retries, computed once per file. */
export function findCodeRetries(file: CapMonsterFile): readonly CodeRetry[] {
  return file.memo('codeRetries', () => {
    if (!file.isCapMonster || file.requests.length === 0) return [] as CodeRetry[];
    try {
      return computeCodeRetries(file);
    } catch {
      return [] as CodeRetry[];
    }
  });
}

function computeCodeRetries(file: CapMonsterFile): CodeRetry[] {
  const rec = recognizer(file);
  const nodes = branchNodes(file);
  const out: CodeRetry[] = [];
  const text = (n: TSESTree.Node): string => file.sourceCode.getText(n);

  const consider = (
    r: Recognition,
    test: TSESTree.Node,
    branch: CodeRetry['branch'],
    run: (w: PathWalk) => Outcome,
    topLevel: (s: TSESTree.Node) => boolean,
    insert: { before?: TSESTree.Node; wrap?: TSESTree.Statement; last?: TSESTree.Statement },
    extraCodes: Iterable<string> = [],
    endingBreak?: TSESTree.BreakStatement,
  ): void => {
    const seen = new Set<CodeClass>();
    for (const hit of r.hits) {
      if (seen.has(hit.cls)) continue;
      seen.add(hit.cls);
      const ban = banOf(hit.cls, hit.code);
      const w = newWalk(file, sendTestFor(hit.cls, ban), hit.cls, test);
      const o = run(w);
      if (o.kind !== 'retry') continue;
      if (hit.kind === 'balance' && ![...methodsIn(file, outerScope(test))].some(isBalanceMethod)) continue;
      const codes = [...new Set(r.hits.filter((h) => h.cls === hit.cls).flatMap((h) => h.codes))];
      const allCodes = [...r.codes, ...extraCodes];
      const alone = !r.unrelated && allCodes.every((c) => codeClassOf(c) === hit.cls);
      let statement = o.how !== 'next-iteration' && topLevel(o.node) ? (o.node as TSESTree.Statement) : undefined;
      // `case X: …; break;` back into the loop: the `break` is what sends again.
      if (!statement && o.how === 'next-iteration' && endingBreak && w.trace.includes(endingBreak)) statement = endingBreak;
      const retry: CodeRetry['retry'] = { how: o.how, node: o.node, call: o.call, statement };
      if (hit.cls === 'proxy' && proxyChanges(file, w, o)) continue;
      out.push({
        node: hit.node,
        codeClass: hit.cls,
        code: hit.cls === 'proxy' && codes.length > 1 ? 'ERROR_PROXY_*' : hit.code,
        ban,
        codes,
        kind: hit.kind,
        test,
        branch,
        alone,
        retry,
        check: checkText(file, hit, text),
        insertBefore: insert.before,
        wrap: insert.wrap,
        appendAfter: alone && r.positive && !statement ? insert.last : undefined,
      });
    }
  };

  for (const s of nodes.ifs) {
    const r = rec.recognize(s.test);
    if (!r || r.hits.length === 0) continue;
    const path = r.positive ? s.consequent : s.alternate;
    const run = (w: PathWalk): Outcome => {
      const o = path ? walkStatement(w, path, rec) : NORMAL;
      if (o.kind === 'normal') return continuation(w, s, rec);
      if (o.kind === 'break') return continuation(w, o.target, rec);
      return o;
    };
    const topLevel = (n: TSESTree.Node): boolean =>
      !!path && (n === path || (path.type === AST_NODE_TYPES.BlockStatement && n.parent === path));
    let insert: { before?: TSESTree.Node; wrap?: TSESTree.Statement; last?: TSESTree.Statement } = {};
    if (path?.type === AST_NODE_TYPES.BlockStatement) insert = path.body[0] ? { before: path.body[0], last: path.body[path.body.length - 1] } : {};
    else if (path) insert = { wrap: path };
    else if (
      s.parent?.type === AST_NODE_TYPES.BlockStatement ||
      s.parent?.type === AST_NODE_TYPES.SwitchCase ||
      s.parent?.type === AST_NODE_TYPES.Program
    ) {
      const list = (s.parent.type === AST_NODE_TYPES.SwitchCase ? s.parent.consequent : s.parent.body) as TSESTree.Node[];
      const next = list[list.indexOf(s) + 1];
      if (next) insert = { before: next };
    }
    consider(r, s.test, s, run, topLevel, insert);
  }

  for (const sw of nodes.switches) {
    const groups: { cases: TSESTree.SwitchCase[]; recs: Recognition[] }[] = [];
    let current: { cases: TSESTree.SwitchCase[]; recs: Recognition[] } = { cases: [], recs: [] };
    for (const c of sw.cases) {
      current.cases.push(c);
      const r = c.test ? rec.caseOf(sw.discriminant, c.test) : undefined;
      if (r) current.recs.push(r);
      if (c.consequent.length > 0) {
        groups.push(current);
        current = { cases: [], recs: [] };
      }
    }
    for (const g of groups) {
      const last = g.cases[g.cases.length - 1]!;
      const hits = g.recs.flatMap((r) => r.hits);
      if (hits.length === 0) continue;
      const merged: Recognition = {
        positive: true,
        hits,
        codes: new Set(g.recs.flatMap((r) => [...r.codes])),
        unrelated: g.cases.some((c) => !c.test) || g.recs.length < g.cases.length,
        exact: true,
      };
      const start = sw.cases.indexOf(last);
      const run = (w: PathWalk): Outcome => {
        const o = walkCases(w, sw, start, rec);
        if (o.kind === 'normal' || (o.kind === 'break' && o.target === sw)) return continuation(w, sw, rec);
        if (o.kind === 'break') return continuation(w, o.target, rec);
        return o;
      };
      const topLevel = (n: TSESTree.Node): boolean => n.parent === last;
      const first = last.consequent[0]!;
      const before = first.type === AST_NODE_TYPES.BlockStatement ? first.body[0] : first;
      const tail = last.consequent[last.consequent.length - 1];
      const endingBreak = tail?.type === AST_NODE_TYPES.BreakStatement && !tail.label ? tail : undefined;
      consider(merged, hits[0]!.node, last, run, topLevel, before ? { before } : {}, [], endingBreak);
    }
  }

  for (const c of nodes.conditionals) {
    const r = rec.recognize(c.test);
    if (!r || r.hits.length === 0) continue;
    const path = r.positive ? c.consequent : c.alternate;
    const run = (w: PathWalk): Outcome => {
      const rc = retryCallIn(w, path);
      return rc ? { kind: 'retry', how: rc.how, node: path, call: rc.call, fn: rc.fn } : STOP;
    };
    consider(r, c.test, c, run, () => false, {});
  }

  // One report per recognising expression and class.
  const unique = new Map<string, CodeRetry>();
  for (const c of out) {
    const k = `${c.node.range[0]}:${c.node.range[1]}:${c.codeClass}`;
    if (!unique.has(k)) unique.set(k, c);
  }
  return [...unique.values()];
}

/** A side-effect-free expression true for the hit's class only. */
function checkText(file: CapMonsterFile, hit: Hit, text: (n: TSESTree.Node) => string): string | undefined {
  if (hit.exactCheck && hit.node.type === AST_NODE_TYPES.BinaryExpression) return text(hit.node);
  const subject = hit.subject;
  if (!subject || file.values.someNode(subject, (n) => n.type === AST_NODE_TYPES.CallExpression || n.type === AST_NODE_TYPES.AwaitExpression || n.type === AST_NODE_TYPES.AssignmentExpression || n.type === AST_NODE_TYPES.UpdateExpression)) {
    return undefined;
  }
  const s = text(subject);
  const wrapped = subject.type === AST_NODE_TYPES.Identifier || subject.type === AST_NODE_TYPES.MemberExpression || subject.type === AST_NODE_TYPES.ChainExpression ? s : `(${s})`;
  if (hit.kind === 'status' || (hit.kind === 'switch' && hit.codes[0] === ZERO_BALANCE_CODE && hit.node.type === AST_NODE_TYPES.Literal && typeof hit.node.value === 'number')) {
    return `${wrapped} === 402`;
  }
  if (hit.cls === 'zeroBalance') return hit.kind === 'substring' ? `String(${s}).includes('ZERO_BALANCE')` : `${wrapped} === '${ZERO_BALANCE_CODE}'`;
  if (hit.cls === 'proxy') return `String(${s}).includes('PROXY')`;
  if (hit.kind === 'switch' || hit.kind === 'equality') return `${wrapped} === ${text(hit.node)}`;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Proxy rotation

const PROXY_FIELDS = new Set(['proxyAddress', 'proxyPort', 'proxyLogin', 'proxyPassword', 'proxyType', 'proxy', 'proxytype']);
const PROXYISH = /prox/i;

/** Identifier names (and `this.x` names) an expression reads. */
export function rootsOf(file: CapMonsterFile, node: TSESTree.Node): Set<string> {
  const out = new Set<string>();
  file.values.someNode(node, (n) => {
    if (n.type === AST_NODE_TYPES.Identifier) {
      if (!isPropertyKey(n)) out.add(n.name);
    }
    if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = propertyName(n);
      if (name !== undefined) out.add(name);
    }
    return false;
  }, 2000);
  return out;
}

/** The names the proxy of the retried requests comes from. */
function proxyNames(file: CapMonsterFile, requests: readonly CapRequest[]): Set<string> {
  const names = new Set<string>();
  for (const r of requests) {
    if (r.task) {
      const t = unwrap(r.task);
      if (t.type === AST_NODE_TYPES.Identifier) names.add(t.name);
      const obj = file.values.object(r.task);
      if (obj) {
        for (const p of obj.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) for (const n of rootsOf(file, p.argument)) names.add(n);
          else {
            const key = propertyName(p);
            if (key !== undefined && (PROXY_FIELDS.has(key) || PROXYISH.test(key))) for (const n of rootsOf(file, p.value)) names.add(n);
          }
        }
      }
    }
    for (const [key, field] of r.fields) {
      if (PROXY_FIELDS.has(key) || PROXYISH.test(key)) for (const n of rootsOf(file, field.node)) names.add(n);
    }
    if (r.via === 'wrapper' || r.via === 'library') {
      for (const a of r.call.arguments) for (const n of rootsOf(file, a)) names.add(n);
    }
  }
  return names;
}

function proxyish(name: string, names: ReadonlySet<string>): boolean {
  return names.has(name) || PROXYISH.test(name);
}

/** Whether the path changes the proxy (or drops it) before sending again. */
function proxyChanges(file: CapMonsterFile, w: PathWalk, o: Outcome & { kind: 'retry' }): boolean {
  let region: TSESTree.Node | undefined;
  let requests: CapRequest[];
  if (o.loop) {
    region = o.loop;
    requests = requestsIn(file, o.loop);
  } else if (o.how === 'recursion' && o.fn) {
    region = o.fn;
    requests = requestsIn(file, o.fn);
  } else if (o.call) {
    const req = file.requestAt(o.call);
    requests = req ? [req] : requestsIn(file, outerScope(w.origin));
    if (!req) region = outerScope(w.origin);
  } else {
    requests = [];
  }
  const names = proxyNames(file, requests.filter((r) => anyMethod(r.methods, isCreateMethod)));
  const scan: TSESTree.Node[] = [...w.trace, ...(region ? [region] : [])];
  const requestCalls = new Set<TSESTree.Node>(requests.map((r) => r.call));
  if (o.call) requestCalls.add(o.call);

  for (const node of scan) {
    const changed = file.values.someNode(node, (n) => {
      switch (n.type) {
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.UpdateExpression: {
          const target = n.type === AST_NODE_TYPES.AssignmentExpression ? n.left : n.argument;
          for (const name of rootsOf(file, target)) if (proxyish(name, names)) return true;
          const last = lastName(target);
          return last !== undefined && proxyish(last, names);
        }
        case AST_NODE_TYPES.UnaryExpression:
          return n.operator === 'delete' && [...rootsOf(file, n.argument)].some((x) => proxyish(x, names));
        case AST_NODE_TYPES.Literal:
          return typeof n.value === 'string' && /proxyless/i.test(n.value);
        case AST_NODE_TYPES.TemplateElement:
          return /proxyless/i.test(n.value.raw);
        case AST_NODE_TYPES.VariableDeclarator: {
          if (!n.init || !region || !contains(region, n)) return false;
          const declared = n.id.type === AST_NODE_TYPES.Identifier ? [n.id.name] : [...rootsOf(file, n.id)];
          if (!declared.some((x) => proxyish(x, names))) return false;
          return file.values.someNode(n.init, (x) => x.type === AST_NODE_TYPES.CallExpression || x.type === AST_NODE_TYPES.NewExpression || (x.type === AST_NODE_TYPES.MemberExpression && x.computed && x.property.type !== AST_NODE_TYPES.Literal));
        }
        case AST_NODE_TYPES.ForOfStatement:
        case AST_NODE_TYPES.ForInStatement:
          return [...rootsOf(file, n.left)].some((x) => proxyish(x, names));
        case AST_NODE_TYPES.ExpressionStatement: {
          let e = unwrap(n.expression);
          if (e.type === AST_NODE_TYPES.AwaitExpression) e = unwrap(e.argument);
          if (e.type !== AST_NODE_TYPES.CallExpression || requestCalls.has(e) || isLogCall(e)) return false;
          const name = calleeName(e);
          if (name !== undefined && (TIMERS.has(name) || /sleep|delay|wait|pause/i.test(name))) return false;
          const callee = unwrap(e.callee);
          const calleeRoots = callee.type === AST_NODE_TYPES.MemberExpression ? rootsOf(file, callee.object) : new Set<string>();
          if ((name !== undefined && PROXYISH.test(name)) || [...calleeRoots].some((x) => PROXYISH.test(x))) return true;
          return e.arguments.some((a) => [...rootsOf(file, a)].some((x) => proxyish(x, names)));
        }
        default:
          return false;
      }
    });
    if (changed) return true;
  }
  if (o.call && (o.how === 'recursion' || o.how === 'helper')) return argsChange(file, o.call, names, w);
  return false;
}

/** Whether a retry call passes something other than what the function was called with (a new proxy). */
function argsChange(file: CapMonsterFile, call: TSESTree.CallExpression, names: ReadonlySet<string>, w: PathWalk): boolean {
  const target = file.values.calleeOf(call);
  const params = target?.params ?? [];
  for (let i = 0; i < call.arguments.length; i++) {
    const arg = unwrap(call.arguments[i]!);
    const p = params[i];
    const pName =
      p?.type === AST_NODE_TYPES.Identifier ? p.name : p?.type === AST_NODE_TYPES.AssignmentPattern && p.left.type === AST_NODE_TYPES.Identifier ? p.left.name : undefined;
    if (isFunction(arg)) {
      // retry(() => this.solve(task)): look at the call inside.
      for (const inner of file.values.callsIn(arg, 20)) {
        const f = file.values.calleeOf(inner);
        if (f && isAncestorFn(f, w.origin) && argsChange(file, inner, names, w)) return true;
      }
      continue;
    }
    if (arg.type === AST_NODE_TYPES.Identifier) {
      if (arg.name === pName) continue;
      if (proxyish(arg.name, names) || (pName !== undefined && proxyish(pName, names))) return true;
      continue;
    }
    const hasCall = file.values.someNode(arg, (x) => x.type === AST_NODE_TYPES.CallExpression || x.type === AST_NODE_TYPES.NewExpression || x.type === AST_NODE_TYPES.AwaitExpression);
    if (hasCall) return true;
    if (arg.type === AST_NODE_TYPES.MemberExpression) {
      if (arg.computed) return true;
      continue;
    }
    if (
      arg.type === AST_NODE_TYPES.Literal ||
      arg.type === AST_NODE_TYPES.BinaryExpression ||
      arg.type === AST_NODE_TYPES.UnaryExpression ||
      arg.type === AST_NODE_TYPES.UpdateExpression ||
      arg.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      if (pName !== undefined && PROXYISH.test(pName)) return true;
      if ([...rootsOf(file, arg)].some((x) => proxyish(x, names))) return true;
      continue;
    }
    return true;
  }
  return false;
}
