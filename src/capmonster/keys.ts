import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { contains, enclosingFunction, type FunctionNode, isFunction, isPropertyKey, outerExpression, propertyName, singleReturn, unwrap, unwrapAwait, walkTree } from './ast';
import { isKeyFormat } from './codes';
import type { Field } from './senders';
import type { CapMonsterFile, CapRequest } from './index';
import type { KeySummary } from './modules';
import { everyMethod, isBalanceMethod } from './methods';
import { codePath, inStatementList, initialState, memberPath, type Origin, type OriginState, PARSERS, traceOrigins } from './origins';
import type { ExternalKind } from './origins';

type Variable = TSESLint.Scope.Variable;

/**
 * Where a CapMonster key comes from, and whether it is checked before it is sent.
 * OWNER: the key work (require-key-check, no-hardcoded-client-key).
 */

export type { ExternalKind } from './origins';

/** Why a literal can never be a valid key. */
export type KeyProblem = 'missing' | 'unset' | 'empty' | 'placeholder' | 'example' | 'format';

/** A guard a rule can offer to insert: `if (!subject) throw …`. */
export interface KeyGuardSite {
  /** The expression that holds the key there (`KEY`, `config.apiKey`, `this.key`, `process.env.KEY`). */
  readonly subject: string;
  /** Insert the guard right after this statement (`after`) or right before it (`before`). */
  readonly anchor: TSESTree.Node;
  readonly where: 'after' | 'before';
}

/** One place a key comes from: a literal or an external read, reached by one or more requests. */
export interface KeySource {
  /** Where to report: the literal, the `process.env` read, the config read (for a key of another module: its use here). */
  readonly node: TSESTree.Node;
  /** The module of the project the key comes from (`./config`), when it is another one. */
  readonly from?: string;
  readonly kind: 'literal' | 'external';
  /** Literal only: its text (undefined for `undefined`, `null` and other non-strings). */
  readonly value?: string;
  /** Literal only: the key sits inside a longer string (a URL's `key=` query value). */
  readonly embedded: boolean;
  /** Literal only: it is a fallback (`?? 'x'`, `|| 'x'`, a default value). */
  readonly fallback: boolean;
  /** Literal only: why it can never be valid (undefined for a well-formed key). */
  readonly problem?: KeyProblem;
  /** External only: what it reads. */
  readonly external?: ExternalKind;
  /** Every path from this source to a request is checked (inline, by a guard, or by a first `getBalance`). */
  readonly checked: boolean;
  /** External only: some path gives it a literal fallback (reported as a literal instead). */
  readonly hasLiteralFallback: boolean;
  /** The requests it reaches. */
  readonly requests: readonly CapRequest[];
  /** External only: where a guard could go. */
  readonly guardSite?: KeyGuardSite;
}


/* ------------------------------------------------------------------------------------------------ */
/* Literal values                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** Keys printed in CapMonster's own documentation: copied into code, they never work. */
const EXAMPLE_KEYS = new Set(['67b6bcbb1a728ea8d563de6d169a2057', '00f87cb0f01330d33709ce3339ad0c8c']);

/** Words that make a string a placeholder. Plain substrings: no regular expression, any length is cheap. */
const PLACEHOLDER_WORDS = [
  'your',
  'api_key',
  'apikey',
  'api-key',
  'client_key',
  'clientkey',
  'placeholder',
  'changeme',
  'change_me',
  'insert',
  'replace',
  'xxxx',
  'todo',
  'dummy',
  'example',
  'secret',
  'token',
];

/**
 * A string that is sent as a key at run time but is not one in the source: an expression a tool
 * resolves (`'={{$credentials.apiKey}}'`, `'{{apiKey}}'`, `'${KEY}'` in a plain string).
 */
export function isRunTimeExpression(value: string): boolean {
  const open = value.indexOf('{{');
  if (open >= 0 && value.indexOf('}}', open + 2) > open) return true;
  const dollar = value.indexOf('${');
  return dollar >= 0 && value.indexOf('}', dollar + 2) > dollar;
}

/** Why a literal key can never be valid, or undefined when it has the key format and is not a placeholder. */
export function keyProblem(value: string | undefined): KeyProblem | undefined {
  if (value === undefined) return 'missing';
  const v = value.trim();
  if (v === '') return 'empty';
  if (isRunTimeExpression(v)) return undefined;
  const lower = v.length > 512 ? '' : v.toLowerCase();
  if (lower.startsWith('<') || PLACEHOLDER_WORDS.some((w) => lower.includes(w))) return 'placeholder';
  if (!isKeyFormat(v)) return 'format';
  const hex = lower.slice(0, 32);
  if (EXAMPLE_KEYS.has(hex)) return 'example';
  if (hex.startsWith('1234567890') || hex.startsWith('0123456789')) return 'placeholder';
  // A short pattern repeated: '0000…', 'abababab…', '12341234…'.
  for (let p = 1; p <= 16; p++) {
    if (32 % p === 0 && hex.slice(0, p).repeat(32 / p) === hex) return 'placeholder';
  }
  return undefined;
}

/** At most the first and last two characters of a key, for messages. */
export function maskKey(value: string): string {
  return value.length <= 8 ? '…' : `${value.slice(0, 2)}…${value.slice(-2)}`;
}

/* ------------------------------------------------------------------------------------------------ */
/* Tracing                                                                                           */
/* ------------------------------------------------------------------------------------------------ */

/* Checks                                                                                            */
/* ------------------------------------------------------------------------------------------------ */

type StopKind = 'throw' | 'return';

/** A statement that tests values and stops when the test fails. */
interface Guard {
  node: TSESTree.Node;
  vars: Set<Variable>;
  paths: Set<string>;
  /** How its failing side stops; undefined when it does not (an `if` that only guards a branch). */
  stop?: StopKind;
  /** For `if (KEY) { … }`: the branch that only runs when the test passes. */
  passBranch?: TSESTree.Node;
}


const ASSERT_NAMES = new Set(['assert', 'invariant', 'ok', 'ow']);

/** The per-file key analysis. */
class KeyAnalysis {
  private guardList?: Guard[];
  private readonly stopFns = new Map<FunctionNode, boolean>();
  private readonly balanceChecks = new Map<CapRequest, boolean>();
  /** `expand` of a node: asked again for every guard and every source that reaches the same request. */
  private readonly expanded = new Map<TSESTree.Node, readonly TSESTree.Node[]>();

  constructor(readonly file: CapMonsterFile) {}

  /** A same-file function that always throws or exits (`fail('…')`, `die()`). */
  private fnStops(fn: FunctionNode): boolean {
    const cached = this.stopFns.get(fn);
    if (cached !== undefined) return cached;
    this.stopFns.set(fn, false);
    const result =
      fn.body.type === AST_NODE_TYPES.BlockStatement
        ? fn.body.body.some((s) => this.statementStops(s, false) === 'throw')
        : isProcessExit(fn.body);
    this.stopFns.set(fn, result);
    return result;
  }

  /** An expression that never yields a value: `process.exit(1)`, a call of a function that always throws. */
  stopsExpression(node: TSESTree.Node): boolean {
    const n = unwrapAwait(node);
    if (n.type !== AST_NODE_TYPES.CallExpression) return false;
    if (isProcessExit(n)) return true;
    const callee = unwrap(n.callee);
    if (isFunction(callee)) return this.fnStops(callee);
    const fn = this.file.values.calleeOf(n);
    return fn !== undefined && this.fnStops(fn);
  }

  /** How a statement stops the flow, if it does. */
  private statementStops(stmt: TSESTree.Node, loose = true): StopKind | undefined {
    switch (stmt.type) {
      case AST_NODE_TYPES.ThrowStatement:
        return 'throw';
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ContinueStatement:
      case AST_NODE_TYPES.BreakStatement:
        return loose ? 'return' : undefined;
      case AST_NODE_TYPES.ExpressionStatement:
        return this.stopsExpression(stmt.expression) ? 'throw' : undefined;
      case AST_NODE_TYPES.BlockStatement: {
        let kind: StopKind | undefined;
        for (const s of stmt.body) {
          const k = this.statementStops(s, loose);
          if (k === 'throw') return k;
          kind ??= k;
        }
        return kind;
      }
      default:
        return undefined;
    }
  }

  /** Every statement in the file that tests something and stops when the test fails. */
  guards(): Guard[] {
    if (this.guardList) return this.guardList;
    const list: Guard[] = [];
    const add = (node: TSESTree.Node, tests: TSESTree.Node[], stop: StopKind | undefined, passBranch?: TSESTree.Node): void => {
      const vars = new Set<Variable>();
      const paths = new Set<string>();
      for (const t of tests) this.mentions(t, vars, paths);
      if (vars.size > 0 || paths.size > 0) list.push({ node, vars, paths, stop, passBranch });
    };
    // The shared pass has listed the file's if statements and calls: no walk of the whole file here.
    const found: { node: TSESTree.Node; at: number; tests: TSESTree.Node[]; stop: StopKind | undefined; pass?: TSESTree.Node }[] = [];
    for (const node of this.file.branches.ifs) {
      const cons = this.statementStops(node.consequent);
      const alt = node.alternate ? this.statementStops(node.alternate) : undefined;
      const negated = node.test.type === AST_NODE_TYPES.UnaryExpression && node.test.operator === '!';
      const stop = cons === 'throw' || alt === 'throw' ? 'throw' : (cons ?? alt);
      const pass = negated ? node.alternate : node.consequent;
      if (stop || pass) found.push({ node, at: node.range[0], tests: [node.test], stop, pass: pass ?? undefined });
    }
    for (const call of this.file.calls) {
      if (!isAssertion(call)) continue;
      // `assert(x);`, `await schema.parseAsync(x);`, `const v = schema.parse(x);`
      const parent = outerExpression(call).parent;
      if (parent?.type === AST_NODE_TYPES.ExpressionStatement && unwrapAwait(parent.expression) === call) {
        found.push({ node: parent, at: parent.range[0], tests: call.arguments, stop: 'throw' });
      } else if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.init &&
        unwrapAwait(parent.init) === call &&
        parent.parent?.type === AST_NODE_TYPES.VariableDeclaration
      ) {
        found.push({ node: parent.parent, at: parent.range[0], tests: call.arguments, stop: 'throw' });
      }
    }
    found.sort((a, b) => a.at - b.at);
    for (const f of found) add(f.node, f.tests, f.stop, f.pass);
    this.guardList = list;
    return list;
  }

  private mentions(node: TSESTree.Node, vars: Set<Variable>, paths: Set<string>, depth = 0): void {
    walk(this.file, node, (n) => {
      if (isFunction(n)) return false;
      // `if (!this.ready()) …` with `ready() { return !!this.key; }`: what a same-file function of one return tests.
      if (n.type === AST_NODE_TYPES.CallExpression && n.arguments.length === 0 && depth < 2) {
        const fn = this.file.values.calleeOf(n);
        const ret = fn && singleReturn(fn);
        if (ret) this.mentions(ret, vars, paths, depth + 1);
      }
      if (n.type === AST_NODE_TYPES.Identifier) {
        // A property name (`config.key`) names no variable.
        if (isPropertyKey(n)) return true;
        const v = this.file.values.variableOf(n);
        if (v) vars.add(v);
      } else if (n.type === AST_NODE_TYPES.MemberExpression) {
        const p = memberPath(n);
        if (p !== undefined) paths.add(p);
      }
      return true;
    });
  }

  /* ---- positions ---- */

  /** A node and the same-file call sites of the functions around it (a guard before them runs first). */
  private expand(node: TSESTree.Node): readonly TSESTree.Node[] {
    let out = this.expanded.get(node);
    if (!out) this.expanded.set(node, (out = this.computeExpand(node)));
    return out;
  }

  private computeExpand(node: TSESTree.Node): TSESTree.Node[] {
    const out: TSESTree.Node[] = [node];
    const seen = new Set<TSESTree.Node>([node]);
    for (let i = 0; i < out.length && out.length < 64; i++) {
      for (let fn = enclosingFunction(out[i]!); fn; fn = enclosingFunction(fn)) {
        for (const site of this.file.values.callSites(fn)) {
          if (!seen.has(site)) {
            seen.add(site);
            out.push(site);
          }
        }
      }
    }
    return out;
  }

  /** Whether something at `q` runs before `p` whenever `p` runs (loosely: same function and earlier, or module scope). */
  private before(q: TSESTree.Node, p: TSESTree.Node): boolean {
    const qf = enclosingFunction(q);
    if (!qf) return enclosingFunction(p) !== undefined || q.range[1] <= p.range[0];
    return contains(qf, p) && q.range[1] <= p.range[0];
  }

  private guardCovers(g: Guard, st: OriginState, positions: readonly TSESTree.Node[]): boolean {
    if (g.passBranch && positions.some((p) => contains(g.passBranch!, p))) return true;
    if (!g.stop) return false;
    const gf = enclosingFunction(g.node);
    // In the function that reads the key (a getter, a constructor): before the request if it is there too.
    if (gf && st.reads.some((r) => contains(gf, r))) {
      if (!contains(gf, st.position) || g.node.range[1] <= st.position.range[0]) return true;
    }
    const qs = g.stop === 'throw' ? this.expand(g.node) : [g.node];
    return qs.some((q) => positions.some((p) => this.before(q, p)));
  }

  private index?: { vars: Map<Variable, Guard[]>; paths: Map<string, Guard[]> };

  /** Guards by the variables and member paths they test. */
  private guardIndex(): { vars: Map<Variable, Guard[]>; paths: Map<string, Guard[]> } {
    if (!this.index) {
      const vars = new Map<Variable, Guard[]>();
      const paths = new Map<string, Guard[]>();
      for (const g of this.guards()) {
        for (const v of g.vars) {
          const list = vars.get(v);
          if (list) list.push(g);
          else vars.set(v, [g]);
        }
        for (const p of g.paths) {
          const list = paths.get(p);
          if (list) list.push(g);
          else paths.set(p, [g]);
        }
      }
      this.index = { vars, paths };
    }
    return this.index;
  }

  checked(st: OriginState): boolean {
    if (st.checked) return true;
    const positions = this.expand(st.position);
    const index = this.guardIndex();
    const candidates = new Set<Guard>();
    for (const v of st.vars) for (const g of index.vars.get(v) ?? []) candidates.add(g);
    for (const p of st.paths) for (const g of index.paths.get(p) ?? []) candidates.add(g);
    for (const g of candidates) if (this.guardCovers(g, st, positions)) return true;
    return false;
  }

  /** A first balance request whose error stops the flow: `await client.getBalance()`, or a getBalance reply tested then thrown on. */
  isBalanceCheck(r: CapRequest): boolean {
    const cached = this.balanceChecks.get(r);
    if (cached !== undefined) return cached;
    this.balanceChecks.set(r, false);
    const result = this.computeBalanceCheck(r);
    this.balanceChecks.set(r, result);
    return result;
  }

  private computeBalanceCheck(r: CapRequest): boolean {
    if (r.methods.size === 0 || !everyMethod(r.methods, isBalanceMethod)) return false;
    const awaited = isAwaited(r.call);
    // A package's balance method that throws on an error reply; so does a wrapper whose own balance request stops.
    const throws = r.library !== undefined && !r.library.library.balanceErrorAsText;
    if (throws || (r.wrapper && r.wrapper.requests.some((inner) => this.isBalanceCheck(inner)))) {
      if (awaited && !this.swallowed(r.call)) return true;
    }
    if (throws) return false;
    // const { data } = await axios.post(…/getBalance…); if (data.errorId !== 0) throw …
    const vars = this.resultVariables(r.call);
    if (vars.size === 0) return false;
    const fn = enclosingFunction(r.call);
    return this.guards().some(
      (g) =>
        g.stop !== undefined &&
        enclosingFunction(g.node) === fn &&
        g.node.range[0] >= r.call.range[1] &&
        [...g.vars].some((v) => vars.has(v)),
    );
  }

  /** A call inside a `try` whose `catch` does not stop: its error is swallowed. */
  private swallowed(call: TSESTree.Node): boolean {
    const fn = enclosingFunction(call);
    for (let cur: TSESTree.Node | undefined = call.parent; cur && cur !== fn; cur = cur.parent) {
      if (cur.type === AST_NODE_TYPES.TryStatement && contains(cur.block, call)) {
        return !cur.handler || this.statementStops(cur.handler.body) === undefined;
      }
    }
    return false;
  }

  /** Variables that hold a request's reply, or what is read from it (`res`, `data`, `json`, `{ errorId }`). */
  private resultVariables(call: TSESTree.Node): Set<Variable> {
    const out = new Set<Variable>();
    const bind = (expr: TSESTree.Node, depth: number): void => {
      let cur: TSESTree.Node = expr;
      // Climb through awaits, member reads and method calls on the reply: (await res.json()).data
      for (let i = 0; i < 8; i++) {
        const p: TSESTree.Node | undefined = cur.parent;
        if (!p) return;
        if (
          p.type === AST_NODE_TYPES.AwaitExpression ||
          p.type === AST_NODE_TYPES.ChainExpression ||
          p.type === AST_NODE_TYPES.TSAsExpression ||
          p.type === AST_NODE_TYPES.TSNonNullExpression ||
          (p.type === AST_NODE_TYPES.MemberExpression && p.object === cur) ||
          (p.type === AST_NODE_TYPES.CallExpression && p.callee === cur)
        ) {
          cur = p;
          continue;
        }
        let ids: TSESTree.Node | undefined;
        if (p.type === AST_NODE_TYPES.VariableDeclarator && p.init === cur) ids = p.id;
        else if (p.type === AST_NODE_TYPES.AssignmentExpression && p.right === cur) ids = p.left;
        if (!ids) return;
        for (const v of this.file.sourceCode.scopeManager?.getDeclaredVariables(p) ?? []) add(v, depth);
        if (ids.type === AST_NODE_TYPES.Identifier) {
          const v = this.file.values.variableOf(ids);
          if (v) add(v, depth);
        }
        return;
      }
    };
    const add = (v: Variable, depth: number): void => {
      if (out.has(v)) return;
      out.add(v);
      if (depth >= 2) return;
      for (const ref of v.references) if (ref.isRead()) bind(ref.identifier, depth + 1);
    };
    bind(call, 0);
    return out;
  }

  /* ---- the result ---- */

  sources(): KeySource[] {
    interface Agg {
      node: TSESTree.Node;
      kind: 'literal' | 'external';
      value?: string;
      embedded: boolean;
      fallback: boolean;
      external?: ExternalKind;
      checked: boolean;
      literalFallback: boolean;
      requests: CapRequest[];
      states: OriginState[];
      from?: string;
    }
    const aggs = new Map<TSESTree.Node | string, Agg>();
    const perRequest: { request: CapRequest; origins: Origin[] }[] = [];
    const originsByRequest = new Map<CapRequest, Origin[]>();

    const keyNodes = new Set<TSESTree.Node>();
    for (const r of this.file.requests) {
      if (r.key) keyNodes.add(r.key);
      const origins = this.originsOf(r);
      if (origins.length === 0) continue;
      perRequest.push({ request: r, origins });
      originsByRequest.set(r, origins);
    }
    // Keys given to a client package, or to the constructor of a class of another module whose requests send them.
    for (const sink of this.file.keySinks) {
      if (keyNodes.has(sink.node)) continue;
      const origins = this.trace(sink.node, sink.position);
      const pseudo = { call: sink.position as unknown as TSESTree.CallExpression, methods: new Set(), key: sink.node } as unknown as CapRequest;
      if (origins.length > 0) perRequest.push({ request: pseudo, origins });
    }
    // Wrapper calls without a key of their own reach the sources of their inner requests (for balance checks).
    const reached = (r: CapRequest, depth = 0): Set<TSESTree.Node> => {
      const out = new Set<TSESTree.Node>();
      for (const o of originsByRequest.get(r) ?? []) out.add(o.node);
      if (!r.key && r.wrapper && depth < 6) {
        for (const inner of r.wrapper.requests) for (const n of reached(inner, depth + 1)) out.add(n);
      }
      return out;
    };
    const balanceGuards = this.file.requests
      .filter((r) => this.isBalanceCheck(r))
      .map((r) => ({ request: r, sources: reached(r), positions: this.expand(r.call) }));

    // A checked getBalance is the key check of the requests that come after it, not its own: it is exempt
    // only where it does guard another request (a `balance()` that sends nothing else is still reported).
    const guarded = (request: CapRequest, o: Origin): CapRequest | undefined => {
      const positions = this.expand(o.state.position);
      return balanceGuards.find(
        (b) => b.request !== request && b.sources.has(o.node) && b.positions.some((q) => positions.some((p) => this.before(q, p))),
      )?.request;
    };
    const guarding = new Set<CapRequest>();
    for (const { request, origins } of perRequest) {
      if (this.isBalanceCheck(request)) continue;
      for (const o of origins) {
        const b = this.checked(o.state) ? undefined : guarded(request, o);
        if (b) guarding.add(b);
      }
    }
    for (const { request, origins } of perRequest) {
      const exempt = guarding.has(request);
      for (const o of origins) {
        // A key of another module is one source wherever this file uses it: reported once, at its first use.
        const id = o.from !== undefined ? `${o.from}\u0000${memberPath(o.node) ?? ''}` : o.node;
        let agg = aggs.get(id);
        if (agg && o.from !== undefined && o.node.range[0] < agg.node.range[0]) agg.node = o.node;
        if (!agg) {
          agg = {
            node: o.node,
            kind: o.kind,
            value: o.value,
            embedded: o.embedded,
            fallback: o.state.fallback,
            external: o.external,
            checked: true,
            literalFallback: false,
            requests: [],
            states: [],
            from: o.from,
          };
          aggs.set(id, agg);
        }
        if (!agg.requests.includes(request)) agg.requests.push(request);
        agg.states.push(o.state);
        agg.fallback &&= o.state.fallback;
        if (o.state.literalFallback) agg.literalFallback = true;
        if (exempt || !agg.checked) continue;
        if (!this.checked(o.state) && !guarded(request, o)) agg.checked = false;
      }
    }
    const out: KeySource[] = [...aggs.values()].map((a) => ({
      node: a.node,
      kind: a.kind,
      value: a.value,
      embedded: a.embedded,
      fallback: a.fallback,
      problem: a.kind === 'literal' ? keyProblem(a.value) : undefined,
      external: a.external,
      checked: a.checked,
      hasLiteralFallback: a.literalFallback,
      requests: a.requests,
      guardSite: a.kind === 'external' ? guardSiteOf(a.node, a.states) : undefined,
      from: a.from,
    }));
    // A package that sends its own placeholder key when none is set: reported at its first call.
    for (const u of this.file.unsetKeys) {
      out.push({ node: u.request.call, kind: 'literal', value: u.placeholder, embedded: false, fallback: false, problem: 'unset', checked: false, hasLiteralFallback: false, requests: [u.request], from: u.library });
    }
    // A key a package refuses before sending anything is no ban risk.
    const refused = new Set(this.file.requests.flatMap((r) => r.library?.library.refusedKeys ?? []));
    return refused.size === 0 ? out : out.filter((k) => !(k.kind === 'literal' && k.value !== undefined && refused.has(k.value)));
  }

  /** The sources one request's key comes from. */
  originsOf(r: CapRequest): Origin[] {
    if (!r.key) return [];
    // A wrapper given the key as an argument: its own request reaches that argument through the parameter,
    // and so sees a check the wrapper makes.
    let field: Field | undefined;
    for (const f of r.fields.values()) {
      if (f.node === r.key) {
        field = f;
        break;
      }
    }
    if (r.wrapper && field?.passed && r.wrapper.requests.some((inner) => inner.key)) return [];
    let key: TSESTree.Node = r.key;
    // A key inside a longer string: 'https://api.capmonster.cloud/in.php?key=…&method=…'
    if (field?.part && field.text !== undefined) {
      const own = key.type === AST_NODE_TYPES.TemplateElement ? key.value.cooked : this.file.values.string(key);
      if (own !== undefined && own !== field.text) {
        const literal = embeddingLiteral(this.file, key, field.text);
        const following = literal ? undefined : followingExpression(key, own);
        if (following) key = following;
        else if (literal) {
          return [{ kind: 'literal', node: literal, value: field.text, embedded: true, state: initialState(r.call) }];
        } else return [];
      }
    }
    return this.trace(key, r.call);
  }

  /** Where a key sent at `position` comes from. */
  private trace(key: TSESTree.Node, position: TSESTree.Node): Origin[] {
    return traceOrigins(this.file.values, key, position, (e) => this.stopsExpression(e));
  }
}

/** The string literal (or template part) a query value was written in. */
function embeddingLiteral(file: CapMonsterFile, node: TSESTree.Node, value: string): TSESTree.Node | undefined {
  let cur: TSESTree.Node | undefined = node;
  for (let i = 0; i < 6 && cur; i++) {
    const n = unwrap(cur);
    if (
      (n.type === AST_NODE_TYPES.Literal && typeof n.value === 'string') ||
      n.type === AST_NODE_TYPES.TemplateElement ||
      n.type === AST_NODE_TYPES.TemplateLiteral
    ) {
      // The value itself written there (`?key=&…`, `'…?key=abc'`), not what a substitution or a `+` adds after `key=`.
      const text = file.sourceCode.getText(n);
      const continued = n.parent?.type === AST_NODE_TYPES.BinaryExpression && n.parent.operator === '+' && n.parent.left === n;
      for (let i = text.indexOf(`key=${value}`); i >= 0; i = text.indexOf(`key=${value}`, i + 1)) {
        const next = text[i + 4 + value.length];
        if (next === '&' || next === '#' || ((next === undefined || /['"`]/.test(next)) && !continued)) return n;
      }
      return undefined;
    }
    cur = file.values.valueOf(n);
  }
  return undefined;
}

/**
 * The expression right after a string that ends in `key=`: `` `…?key=${KEY}&…` `` and `'…?key=' + KEY`
 * (the layer names the string when `KEY` is a constant it could read).
 */
function followingExpression(node: TSESTree.Node, text: string | null | undefined): TSESTree.Node | undefined {
  if (!text?.endsWith('key=')) return undefined;
  if (node.type === AST_NODE_TYPES.TemplateElement) {
    const tl = node.parent;
    if (tl?.type !== AST_NODE_TYPES.TemplateLiteral) return undefined;
    return tl.expressions[tl.quasis.indexOf(node)];
  }
  let cur: TSESTree.Node = node;
  for (let i = 0; i < 32; i++) {
    const p: TSESTree.Node | undefined = cur.parent;
    if (p?.type !== AST_NODE_TYPES.BinaryExpression || p.operator !== '+') return undefined;
    if (p.right === cur) {
      cur = p;
      continue;
    }
    let right: TSESTree.Node = p.right;
    while (right.type === AST_NODE_TYPES.BinaryExpression && right.operator === '+') right = right.left;
    return right;
  }
  return undefined;
}

/** Where a guard for an external source fits: after the declaration nearest the read, else before the read's statement. */
function guardSiteOf(node: TSESTree.Node, states: readonly OriginState[]): KeyGuardSite | undefined {
  for (const st of states) {
    for (let i = st.decls.length - 1; i >= 0; i--) {
      const d = st.decls[i]!;
      if (d.exact && d.anchor) return { subject: d.subject, anchor: d.anchor, where: 'after' };
    }
    for (let i = st.decls.length - 1; i >= 0; i--) {
      const d = st.decls[i]!;
      if (d.anchor) return { subject: d.subject, anchor: d.anchor, where: 'after' };
    }
  }
  // No declaration: guard the read itself, right before the statement it is in.
  const subject = codePath(node);
  if (subject === undefined || node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (isFunction(cur) || cur.type === AST_NODE_TYPES.ClassBody) return undefined;
    if (inStatementList(cur)) {
      if (cur.type === AST_NODE_TYPES.ImportDeclaration || cur.type === AST_NODE_TYPES.ReturnStatement) {
        return cur.type === AST_NODE_TYPES.ReturnStatement ? { subject, anchor: cur, where: 'before' } : undefined;
      }
      return { subject, anchor: cur, where: 'before' };
    }
  }
  return undefined;
}

function isProcessExit(node: TSESTree.Node): boolean {
  const n = unwrapAwait(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const p = memberPath(n.callee);
  return p === 'process.exit' || p === 'Deno.exit' || p === 'process.abort';
}

/** `assert(x)`, `assert.ok(x)`, `invariant(x)`, `schema.parse(x)`, `Joi.assert(x, s)`; not `console.assert`. */
function isAssertion(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return ASSERT_NAMES.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const obj = memberPath(callee.object);
  const name = propertyName(callee);
  if (obj === 'console' || name === undefined) return false;
  if (obj === 'assert' || obj === 'assert.strict' || obj === 'strict') return true;
  if (name === 'assert') return true;
  return (name === 'parse' || name === 'parseAsync' || name === 'validateSync') && (obj === undefined || !PARSERS.has(obj));
}

function isAwaited(call: TSESTree.Node): boolean {
  for (let cur: TSESTree.Node = call; cur.parent; cur = cur.parent) {
    const p: TSESTree.Node = cur.parent;
    if (p.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (
      p.type !== AST_NODE_TYPES.ChainExpression &&
      p.type !== AST_NODE_TYPES.TSAsExpression &&
      p.type !== AST_NODE_TYPES.TSNonNullExpression
    ) {
      return false;
    }
  }
  return false;
}

/** Iterative pre-order walk; `visit` returns false to skip a node's children. */
function walk(file: CapMonsterFile, root: TSESTree.Node, visit: (n: TSESTree.Node) => boolean): void {
  walkTree(root, file.sourceCode.visitorKeys, visit, 2_000_000);
}

/* ------------------------------------------------------------------------------------------------ */
/* Public entry points                                                                               */
/* ------------------------------------------------------------------------------------------------ */

/** Every source of every CapMonster key sent in the file, once per source, computed once per file. */
export function getKeySources(file: CapMonsterFile): readonly KeySource[] {
  return file.memo('keySources', () => (file.isCapMonster ? keyAnalysis(file).sources() : []));
}

function keyAnalysis(file: CapMonsterFile): KeyAnalysis {
  return file.memo('keyAnalysis', () => new KeyAnalysis(file));
}

/**
 * What a module's exported value is as a key, for the modules that import it: a literal (its text), or a
 * read from outside the program, checked at the module's top level (or given a literal fallback) or not.
 * Undefined when it is neither.
 */
export function keySummaryOf(file: CapMonsterFile, node: TSESTree.Node): KeySummary | undefined {
  const analysis = keyAnalysis(file);
  // Whatever an importer does with it comes after the module's own top level has run.
  const end = { type: AST_NODE_TYPES.EmptyStatement, range: [file.sourceCode.text.length, file.sourceCode.text.length], parent: file.sourceCode.ast } as unknown as TSESTree.Node;
  let origins: Origin[];
  try {
    origins = traceOrigins(file.values, node, end, (e) => analysis.stopsExpression(e));
  } catch {
    return undefined;
  }
  if (origins.length !== 1) {
    const external = origins.find((o) => o.kind === 'external');
    const literal = origins.find((o) => o.kind === 'literal');
    // process.env.KEY ?? 'fallback': the fallback is what is sent when the read is empty.
    if (external && literal && origins.length === 2) return { literal: true, value: literal.value, checked: false };
    return undefined;
  }
  const o = origins[0]!;
  if (o.kind === 'literal') return { literal: true, value: o.value, checked: false };
  return { literal: false, external: o.external, checked: analysis.checked(o.state) };
}
