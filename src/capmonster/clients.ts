import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { findProperty, propertyName, unwrap, unwrapAwait } from './ast';
import { type Library, LIBRARIES, type LibraryMethod, methodOf, type NumberSource, type PollSpec } from './libraries';
import type { CapMethod } from './methods';
import { importOf, requireSource } from './modules';
import type { Values } from './values';

/**
 * The captcha client packages of `libraries.ts` in one file: where their modules are imported, which clients
 * are made from them, the calls of those clients' methods, where each client's key is given, and the numbers
 * its polls read. Data-driven: nothing here names a package.
 */

/** A construction of a client: `new Solver(key)`, `Factory.Create(options)`; `'module'` for a package that is its own client. */
export type Maker = TSESTree.NewExpression | TSESTree.CallExpression | 'module';

/** What an expression is for a package: (a member of) its module, or one of its clients. */
type Ref = { kind: 'module'; library: Library; path: readonly string[] } | { kind: 'client'; library: Library; maker: Maker };

/** A call of a client package's method. */
export interface LibraryCall {
  readonly library: Library;
  readonly method: LibraryMethod;
  /** The method's name as called. */
  readonly name: string;
  /** The client it is called on; undefined when the call counts by name alone. */
  readonly maker?: Maker;
}

/** A key given to a client package. */
export interface LibraryKey {
  readonly node: TSESTree.Node;
  /** The call, `new` or assignment that gives it. */
  readonly position: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression;
  readonly library: Library;
  readonly maker?: Maker;
}

/** A number a poll of a package reads, where the source sets it. */
export interface OptionValue {
  readonly value?: number;
  /** The expression that sets it (undefined: the package's default). */
  readonly node?: TSESTree.Node;
  readonly literal?: TSESTree.Literal;
}

export interface FileIndexLike {
  readonly calls: readonly TSESTree.CallExpression[];
  readonly news: readonly TSESTree.NewExpression[];
  readonly memberWrites: readonly TSESTree.AssignmentExpression[];
}

const MAX_DEPTH = 10;

/** The packages' names as a module specifier: one scan of the text finds every package a file names. */
const PACKAGE_NAMES = new RegExp(`['"\`](${LIBRARIES.map((l) => l.package.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})['"\`]`, 'g');

export class LibraryClients {
  /** The packages the file names. */
  readonly libraries: readonly Library[];
  readonly calls: { call: TSESTree.CallExpression; use: LibraryCall }[] = [];
  readonly keys: LibraryKey[] = [];
  /** Clients made in the file, by package. */
  readonly makers = new Map<Library, Maker[]>();
  private readonly refs = new Map<TSESTree.Node, Ref | null>();
  /** Whether the file imports or requires each package (asked for every call of a distinctive method). */
  private readonly imported = new Map<Library, boolean>();

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly values: Values,
    private readonly index: FileIndexLike,
  ) {
    const named = new Set<string>();
    for (const m of sourceCode.text.matchAll(PACKAGE_NAMES)) named.add(m[1]!);
    this.libraries = named.size === 0 ? [] : LIBRARIES.filter((l) => named.has(l.package));
    if (this.libraries.length === 0) return;
    this.findMakers();
    this.findCalls();
    this.findKeys();
  }

  /** What an expression is for a client package, if anything. */
  ref(node: TSESTree.Node, depth = 0): Ref | undefined {
    const n = unwrapAwait(node);
    const hit = this.refs.get(n);
    if (hit !== undefined) return hit ?? undefined;
    if (depth > MAX_DEPTH) return undefined;
    this.refs.set(n, null);
    const result = this.computeRef(n, depth);
    this.refs.set(n, result ?? null);
    return result;
  }

  private computeRef(n: TSESTree.Node, depth: number): Ref | undefined {
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const imp = importOf((id) => this.values.variableOf(id), n);
        if (imp) {
          const library = this.libraries.find((l) => l.package === imp.source);
          if (!library) return undefined;
          return this.moduleRef(library, imp.name === '*' || imp.name === 'default' ? [] : [imp.name]);
        }
        const v = this.values.valueOf(n);
        if (v && v !== n) return this.ref(v, depth + 1);
        // A parameter: what every same-file call site passes.
        const param = this.values.parameterOf(n);
        if (param && param.path.length === 0) {
          const sites = this.values.callSites(param.fn);
          let agreed: Ref | undefined;
          for (const site of sites) {
            const a = this.values.argumentsOf(site)[param.index];
            const r = a && a.type !== AST_NODE_TYPES.SpreadElement ? this.ref(a, depth + 1) : undefined;
            if (!r || (agreed && !sameRef(agreed, r))) return undefined;
            agreed = r;
          }
          return agreed;
        }
        return undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (this.values.isThis(n.object)) {
          const v = this.values.valueOf(n);
          return v ? this.ref(v, depth + 1) : undefined;
        }
        const name = propertyName(n);
        const o = name === undefined ? undefined : this.ref(n.object, depth + 1);
        return o?.kind === 'module' ? this.moduleRef(o.library, [...o.path, name!]) : undefined;
      }
      case AST_NODE_TYPES.ImportExpression:
      case AST_NODE_TYPES.CallExpression: {
        const source = requireSource(n);
        if (source !== undefined) {
          const library = this.libraries.find((l) => l.package === source);
          return library ? this.moduleRef(library, []) : undefined;
        }
        if (n.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const callee = this.ref(n.callee, depth + 1);
        if (callee?.kind === 'module' && callee.library.client.kind === 'factory' && makes(callee.library, callee.path)) {
          return { kind: 'client', library: callee.library, maker: n };
        }
        // A same-file function that returns a client: `makeSolver()`.
        const fn = callee ? undefined : this.values.calleeOf(n);
        const returned = fn ? this.values.returnsOf(fn) : [];
        return returned.length === 1 ? this.ref(returned[0]!, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.NewExpression: {
        const callee = this.ref(n.callee, depth + 1);
        if (callee?.kind === 'module' && callee.library.client.kind !== 'module' && makes(callee.library, callee.path)) {
          return { kind: 'client', library: callee.library, maker: n };
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** `default` is the module itself (CommonJS packages seen from ESM); a singleton package's module is its client. */
  private moduleRef(library: Library, path: readonly string[]): Ref {
    const p = path[0] === 'default' ? path.slice(1) : path;
    if (p.length === 0 && library.client.kind === 'module') return { kind: 'client', library, maker: 'module' };
    return { kind: 'module', library, path: p };
  }

  /** The package whose misleading enum a member read belongs to: `ErrorCodes.ERROR_ZERO_BALANCE` of `anticaptcha`. */
  misleadingEnum(node: TSESTree.Node): Library | undefined {
    if (this.libraries.length === 0) return undefined;
    const n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const r = this.ref(n.object);
    return r?.kind === 'module' && r.path.length === 1 && r.library.misleadingEnum?.name === r.path[0] ? r.library : undefined;
  }

  /** The name of the package's class a request argument is made with: `new ImageToTextRequest(…)` (also through a variable). */
  requestClass(node: TSESTree.Node | undefined, library: Library): string | undefined {
    if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
    let n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.NewExpression) {
      const v = this.values.valueOf(n);
      n = v ? unwrap(v) : n;
    }
    if (n.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const r = this.ref(n.callee);
    return r?.kind === 'module' && r.library === library && r.path.length === 1 ? r.path[0] : undefined;
  }

  /** The object literal an expression is or holds. */
  objectOf(node: TSESTree.Node): TSESTree.ObjectExpression | undefined {
    return this.values.object(node);
  }

  /** The client an expression is, if it is one. */
  clientOf(node: TSESTree.Node): { library: Library; maker: Maker } | undefined {
    const r = this.ref(node);
    return r?.kind === 'client' ? r : undefined;
  }

  private findMakers(): void {
    const add = (node: TSESTree.NewExpression | TSESTree.CallExpression): void => {
      const r = this.ref(node);
      if (r?.kind !== 'client' || r.maker !== node || !this.speaks(r.library, node)) return;
      let list = this.makers.get(r.library);
      if (!list) this.makers.set(r.library, (list = []));
      list.push(node);
    };
    for (const n of this.index.news) add(n);
    for (const c of this.index.calls) add(c);
  }

  /** A client that uses the package's own API: a plugin configured for another provider (or its own function) does not. */
  private speaks(library: Library, maker: Maker): boolean {
    if (maker === 'module') return true;
    // A key the package refuses before sending anything: the client never polls.
    for (const place of library.refusedKeys ? library.key : []) {
      const path = place.ctorArg !== undefined ? ([place.ctorArg] as const) : place.ctorOption;
      const key = path ? this.option(maker, path).node : undefined;
      const text = key ? this.values.string(key) : undefined;
      if (text !== undefined && library.refusedKeys!.includes(text)) return false;
    }
    const when = library.client.when;
    if (!when) return true;
    const id = this.option(maker, when.option);
    if (!id.node || this.values.string(id.node) !== when.equals) return false;
    return !when.unless || this.option(maker, when.unless).node === undefined;
  }

  private findCalls(): void {
    for (const call of this.index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = propertyName(callee);
      if (name === undefined) continue;
      for (const library of this.libraries) {
        const method = methodOf(library, name);
        if (!method) continue;
        const client = this.clientOf(callee.object);
        if (client?.library === library) {
          if (client.maker === 'module' || this.makers.get(library)?.includes(client.maker) || !library.client.when) {
            this.calls.push({ call, use: { library, method, name, maker: client.maker } });
          }
          break;
        }
        // A plugin's methods are called on pages; a distinctive name counts in a file that uses the package.
        const plugin = library.client.plugin === true && (this.makers.get(library)?.length ?? 0) > 0;
        if (plugin || (method.distinctive && !client && !library.client.when && this.imports(library))) {
          this.calls.push({ call, use: { library, method, name } });
          break;
        }
      }
    }
  }

  /** Whether the file imports or requires the package. */
  private imports(library: Library): boolean {
    let hit = this.imported.get(library);
    if (hit === undefined) {
      hit =
        this.index.calls.some((c) => requireSource(c) === library.package) ||
        this.sourceCode.ast.body.some((s) => s.type === AST_NODE_TYPES.ImportDeclaration && s.source.value === library.package);
      this.imported.set(library, hit);
    }
    return hit;
  }

  private findKeys(): void {
    const later: LibraryKey[] = [];
    for (const library of this.libraries) {
      for (const place of library.key) {
        if (place.setter) {
          for (const { call, client } of this.setterCalls(library, place.setter)) {
            const a = call.arguments[0];
            if (a && a.type !== AST_NODE_TYPES.SpreadElement) later.push({ node: a, position: call, library, maker: client });
          }
        }
        if (place.property) {
          for (const { write, client } of this.propertyWrites(library, place.property)) {
            later.push({ node: write.right, position: write, library, maker: client });
          }
        }
      }
    }
    // A key set on the client after it is made replaces the one it was made with (`new Solver(''); solver.apikey = KEY`).
    const replaced = new Set(later.map((k) => k.maker));
    for (const [library, makers] of this.makers) {
      for (const maker of makers) {
        if (maker === 'module' || replaced.has(maker)) continue;
        for (const place of library.key) {
          const path = place.ctorArg !== undefined ? ([place.ctorArg] as const) : place.ctorOption;
          if (!path) continue;
          const v = this.option(maker, path);
          if (v.node) this.keys.push({ node: v.node, position: maker, library, maker });
        }
      }
    }
    for (const library of this.libraries) {
      for (const place of library.key) {
        if (place.made) {
          const [name, ...path] = place.made;
          for (const n of this.index.news) {
            const r = this.ref(n.callee);
            if (r?.kind !== 'module' || r.library !== library || r.path.join('.') !== name) continue;
            const v = this.option(n, path as [number, ...string[]]);
            if (v.node) this.keys.push({ node: v.node, position: n, library });
          }
        }
      }
    }
    this.keys.push(...later);
  }

  /** `client.name(…)` calls on clients of a package. */
  setterCalls(library: Library, name: string): { call: TSESTree.CallExpression; client: Maker }[] {
    const out: { call: TSESTree.CallExpression; client: Maker }[] = [];
    for (const call of this.index.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== name) continue;
      const client = this.clientOf(callee.object);
      if (client?.library === library) out.push({ call, client: client.maker });
    }
    return out;
  }

  /** `client.a.b = x` writes on clients of a package. */
  propertyWrites(library: Library, path: readonly string[]): { write: TSESTree.AssignmentExpression; client: Maker }[] {
    const out: { write: TSESTree.AssignmentExpression; client: Maker }[] = [];
    for (const write of this.index.memberWrites) {
      if (write.operator !== '=') continue;
      let target: TSESTree.Node = write.left;
      let ok = true;
      for (let i = path.length - 1; i >= 0; i--) {
        const t = unwrap(target);
        if (t.type !== AST_NODE_TYPES.MemberExpression || propertyName(t) !== path[i]) {
          ok = false;
          break;
        }
        target = t.object;
      }
      if (!ok) continue;
      const client = this.clientOf(target);
      if (client?.library === library) out.push({ write, client: client.maker });
    }
    return out;
  }

  /** An argument (`[i]`) or an option (`[i, 'a', 'b']`) of a call or `new`, looking into `new Options({...})`. */
  option(call: TSESTree.CallExpression | TSESTree.NewExpression, path: readonly [number, ...string[]]): { node?: TSESTree.Node; given: boolean } {
    const [index, ...names] = path;
    const arg = call.arguments[index];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return { given: false };
    if (names.length === 0) return { node: arg, given: true };
    let node: TSESTree.Node = arg;
    for (const name of names) {
      let obj = this.values.object(node);
      if (!obj) {
        // An options class of the package: `new ClientOptions({ clientKey })`.
        const v = unwrap(node);
        const made = v.type === AST_NODE_TYPES.NewExpression ? v : this.values.valueOf(v);
        if (made && unwrap(made).type === AST_NODE_TYPES.NewExpression) {
          const inner = (unwrap(made) as TSESTree.NewExpression).arguments[0];
          obj = inner && inner.type !== AST_NODE_TYPES.SpreadElement ? this.values.object(inner) : undefined;
        }
      }
      if (!obj) return { given: true };
      const prop = findProperty(obj, name);
      if (!prop) {
        const open = obj.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement);
        return { given: !open, node: undefined };
      }
      node = prop.value;
    }
    return { node, given: true };
  }

  /**
   * The value a poll's option has for one call: the call's own argument or option, else a setter or property
   * write on the client, else the client's constructor, else the package's default. `given` is false when the
   * options object the call passes does not name it (then `missing` applies).
   */
  optionValue(call: TSESTree.CallExpression, use: LibraryCall, source: NumberSource): OptionValue & { missing?: boolean; unknown?: boolean } {
    const read = (node: TSESTree.Node | undefined): OptionValue & { unknown?: boolean } => {
      if (!node) return {};
      const { value, literal } = this.values.numeric(node);
      return value !== undefined ? { value, node, literal } : { node, unknown: true };
    };
    if (source.callArg !== undefined) {
      const a = call.arguments[source.callArg];
      if (a && a.type !== AST_NODE_TYPES.SpreadElement) return read(a);
    }
    if (source.callOption) {
      const o = this.option(call, source.callOption);
      if (o.node) return read(o.node);
      if (call.arguments[source.callOption[0]]) return o.given && source.missing !== undefined ? { value: source.missing, missing: true } : { unknown: !o.given };
    }
    const maker = use.maker;
    if (maker !== undefined && source.setter) {
      const calls = this.setterCalls(use.library, source.setter).filter((s) => s.client === maker);
      const a = calls.length === 1 ? calls[0]!.call.arguments[0] : undefined;
      if (calls.length > 1) return { unknown: true };
      if (a && a.type !== AST_NODE_TYPES.SpreadElement) return read(a);
    }
    if (maker !== undefined && source.property) {
      const writes = this.propertyWrites(use.library, source.property).filter((w) => w.client === maker);
      if (writes.length > 1) return { unknown: true };
      if (writes.length === 1) return read(writes[0]!.write.right);
    }
    if (maker !== undefined && maker !== 'module') {
      const path = source.ctorArg !== undefined ? ([source.ctorArg] as const) : source.ctorOption;
      if (path) {
        const o = this.option(maker, path);
        if (o.node) return read(o.node);
        if (!o.given && maker.arguments[path[0]]) return { unknown: true };
      }
    } else if (maker === undefined && (source.ctorArg !== undefined || source.ctorOption || source.property || source.setter)) {
      // The client is out of sight: its settings are unknown.
      return { unknown: true };
    }
    return {};
  }
}

function sameRef(a: Ref, b: Ref): boolean {
  if (a.kind === 'client' && b.kind === 'client') return a.maker === b.maker;
  return a.kind === 'module' && b.kind === 'module' && a.library === b.library && a.path.join('.') === b.path.join('.');
}

/** Whether a module path names a package's client maker (`Solver`, `CapMonsterCloudClientFactory.Create`, the module itself). */
function makes(library: Library, path: readonly string[]): boolean {
  const name = path.length === 0 ? 'default' : path.join('.');
  return library.client.names.includes(name);
}

/** The CapMonster method a package's method sends, in the API the package speaks. */
export function capMethodOf(library: Library, method: LibraryMethod): CapMethod {
  const json = library.api === 'json';
  switch (method.role) {
    case 'solve':
      return 'solve';
    case 'poll':
    case 'result':
      return json ? 'getTaskResult' : 'res.php:get';
    case 'create':
      return json ? 'createTask' : 'in.php';
    case 'balance':
      return json ? 'getBalance' : 'res.php:getbalance';
    case 'report':
      return json ? 'reportIncorrect' : 'res.php:report';
  }
}

/** How a package's poll is sized for one call. */
export interface LibraryPollSize {
  /** Result requests per task: `Infinity` when it polls until solved; undefined when the source does not tell. */
  readonly count?: number;
  /** The option that sets the count, where the source sets it, and the value that allows `max` requests. */
  readonly limit?: { readonly node?: TSESTree.Node; readonly literal?: TSESTree.Literal; valueFor(max: number): number | undefined };
  /** Set when the package's own defaults apply: the request class they are chosen by, and the timeout (ms) they give. */
  readonly defaults?: { readonly request: string; readonly timeoutMs: number };
  /** The wait between two result requests: in ms, and the expression and unit (`scale` ms per unit) it is written in. */
  readonly interval?: { readonly ms?: number; readonly node?: TSESTree.Node; readonly literal?: TSESTree.Literal; readonly scale: number };
}

/** The number of result requests and the interval of one call of a polling method; undefined when the package's defaults apply. */
export function sizeLibraryPoll(clients: LibraryClients, call: TSESTree.CallExpression, use: LibraryCall): LibraryPollSize | undefined {
  const spec = use.method.poll;
  if (!spec) return undefined;
  if (spec.optional !== undefined) {
    const a = call.arguments[spec.optional];
    if (a?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    if (!a) return defaultPoll(clients, call, use, spec);
  }
  const values: Record<string, number> = {};
  const found: Record<string, ReturnType<LibraryClients['optionValue']>> = {};
  let unknown = false;
  for (const [name, source] of Object.entries(spec.options)) {
    const v = clients.optionValue(call, use, source);
    found[name] = v;
    const accepted = spec.accepted?.[name];
    if (v.unknown) unknown = true;
    values[name] = v.value === undefined || (accepted && !accepted(v.value)) ? source.default : v.value;
  }
  const count = unknown ? undefined : spec.maxRequests(values);
  let limit: LibraryPollSize['limit'];
  if (spec.limit) {
    const at = found[spec.limit]!;
    const accepted = spec.accepted?.[spec.limit];
    limit = {
      node: at.node,
      literal: at.literal,
      valueFor(max: number): number | undefined {
        // The largest value the package accepts that allows at most `max` requests (counts grow with the limit).
        let lo = 1;
        let hi = Math.max(1, Math.floor(values[spec.limit!]!));
        const ok = (x: number): boolean => (!accepted || accepted(x)) && (spec.maxRequests({ ...values, [spec.limit!]: x }) ?? Infinity) <= max;
        if (!ok(lo)) return undefined;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (ok(mid)) lo = mid;
          else hi = mid - 1;
        }
        return lo;
      },
    };
  }
  let interval: LibraryPollSize['interval'];
  if (spec.interval) {
    const source = spec.options[spec.interval]!;
    const at = found[spec.interval]!;
    const scale = source.unit === 's' ? 1000 : 1;
    // An options object without the interval: the object is where one goes.
    const arg = at.missing && source.callOption ? call.arguments[source.callOption[0]] : undefined;
    const holder = arg ? (clients.objectOf(arg) ?? arg) : undefined;
    interval = { ms: at.unknown ? undefined : values[spec.interval]! * scale, node: at.node ?? holder, literal: at.literal, scale };
  } else if (spec.fixedIntervalMs !== undefined) {
    interval = { ms: spec.fixedIntervalMs, scale: 1 };
  }
  return { count, limit, interval };
}

/** The package's own timeouts for the request a call passes (`Solve(new ImageToTextRequest(…))` polls every 200 ms). */
function defaultPoll(clients: LibraryClients, call: TSESTree.CallExpression, use: LibraryCall, spec: PollSpec): LibraryPollSize | undefined {
  const name = clients.requestClass(call.arguments[0], use.library);
  const d = name === undefined ? undefined : spec.defaults?.find((x) => x.request.test(name));
  if (!d) return undefined;
  return { count: Math.ceil(d.timeoutMs / d.intervalMs), interval: { ms: d.intervalMs, scale: 1 }, defaults: { request: name!, timeoutMs: d.timeoutMs } };
}

export type { PollSpec };
