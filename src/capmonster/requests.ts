import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import {
  calleeName,
  enclosingFunction,
  forEachNode,
  type FunctionNode,
  isFunction,
  isLoop,
  type LoopNode,
  outerExpression,
  propertyName,
  unwrap,
} from './ast';
import { CAPMONSTER_SIGNAL, classify } from './endpoints';
import { capMethodOf, LibraryClients } from './clients';
import type { BranchNodes, CapMonsterFile, CapRequest, KeySink, UnsetKey, Wrapper } from './index';
import { type ExportSummary, type FunctionExport, importOf, memberOf, moduleCache, type ModuleEnv, relativeSpecifiers, resolveModule, type Summarise } from './modules';
import { anyMethod, type CapMethod, isCreateMethod, isResultMethod } from './methods';
import { type Field, HTTP_MODULES, INSTANCE_FACTORIES, Senders } from './senders';
import type { ResolvedSettings } from './settings';
import { type FileIndex, type Frame, Values } from './values';

/**
 * Finds the file's CapMonster requests: HTTP calls (and any call handed a CapMonster endpoint), the
 * official client's calls, calls named in settings, and the calls of same-file wrappers. A wrapper's
 * call is read with the wrapper's parameters bound to that call's arguments, so a generic helper
 * (`api(method, body)`, `getJson(url)`) is a request with the method and fields of each call site.
 */

export type FileParts = FileIndex;

/** The node types the shared pass collects (see `FileAnalysis.walk`). */
const COLLECTED_TYPES: ReadonlySet<string> = new Set<string>([
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.NewExpression,
  AST_NODE_TYPES.VariableDeclarator,
  AST_NODE_TYPES.AssignmentExpression,
  AST_NODE_TYPES.PropertyDefinition,
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.SwitchStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.TryStatement,
  AST_NODE_TYPES.FunctionDeclaration,
  AST_NODE_TYPES.FunctionExpression,
  AST_NODE_TYPES.ArrowFunctionExpression,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
]);

/** What a wrapper sends from one call site. */
interface Instance {
  methods: Set<CapMethod>;
  protocol: 'json' | 'text' | 'official';
  fields: Map<string, Field>;
}

export class FileAnalysis implements CapMonsterFile {
  /** Set after the requests are found: a file that mentions CapMonster but sends nothing has nothing to report. */
  isCapMonster = true;
  readonly values: Values;
  readonly requests: CapRequest[] = [];
  readonly wrappers = new Map<FunctionNode, Wrapper>();
  readonly functions: FunctionNode[] = [];
  readonly loops: LoopNode[] = [];
  readonly calls: TSESTree.CallExpression[] = [];
  readonly branches: BranchNodes = { ifs: [], switches: [], conditionals: [], tries: [] };
  clients: LibraryClients | undefined;
  readonly unsetKeys: UnsetKey[] = [];

  private readonly news: TSESTree.NewExpression[] = [];
  private readonly memberWrites: TSESTree.AssignmentExpression[] = [];
  private readonly httpNames = new Set<string>();
  private readonly instanceNames = new Set<string>();
  private readonly byCall = new Map<TSESTree.Node, CapRequest>();
  /** Calls whose URL or body comes from the parameters of the function they are in: requests at some call sites. */
  private readonly templates = new Map<FunctionNode, TSESTree.CallExpression[]>();
  /** For a request whose URL comes from its callers: the protocols its call sites send (json, or 2captcha text). */
  private readonly siteProtocols = new Map<CapRequest, Set<'json' | 'text'>>();
  /** HTTP requests whose URL or body comes (partly) from the parameters of the function they are in. */
  private readonly dependent = new Set<TSESTree.CallExpression>();
  private readonly memos = new Map<string, unknown>();
  private readonly senders: Senders;
  readonly keySinks: KeySink[] = [];
  private readonly imports = new Map<TSESTree.Identifier, { specifier: string; name: string; exported: ExportSummary } | null>();

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: ResolvedSettings,
    private readonly fileHasHost: boolean,
    private readonly env?: ModuleEnv,
    private readonly summarise?: Summarise,
  ) {
    this.walk();
    this.values = new Values(sourceCode, {
      calls: this.calls,
      news: this.news,
      functions: this.functions,
      memberWrites: this.memberWrites,
    });
    this.senders = new Senders(this.values, this.httpNames, this.instanceNames);
    this.values.imported = (id) => this.importedExport(id)?.exported;
    this.values.importSource = (id) => this.importedExport(id)?.specifier;
    this.findLibraries();
    this.findDirect();
    this.findImported();
    this.propagate();
    // A generic helper speaks what its callers ask for: 2captcha text when every call site asks for in.php/res.php.
    for (const [r, protocols] of this.siteProtocols) {
      if (r.method === 'unknown' && protocols.size === 1) (r as { protocol: CapRequest['protocol'] }).protocol = [...protocols][0]!;
    }
    this.isCapMonster = this.requests.length > 0 || this.keySinks.length > 0;
  }

  memo<T>(key: string, compute: () => T): T {
    const hit = this.memos.get(key);
    if (hit !== undefined || this.memos.has(key)) return hit as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  requestAt(call: TSESTree.Node): CapRequest | undefined {
    return this.byCall.get(call);
  }

  importedExport(node: TSESTree.Node): { specifier: string; name: string; exported: ExportSummary } | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) return this.importedBinding(n);
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      const obj = name === undefined ? undefined : this.importedExport(n.object);
      const exported = obj && memberOf(obj.exported, name!);
      return obj && exported ? { specifier: obj.specifier, name: `${obj.name}.${name}`, exported } : undefined;
    }
    // new Client(…) of an imported class: its methods.
    if (n.type === AST_NODE_TYPES.NewExpression) return this.importedExport(n.callee);
    return undefined;
  }

  private importedBinding(id: TSESTree.Identifier): { specifier: string; name: string; exported: ExportSummary } | undefined {
    const cached = this.imports.get(id);
    if (cached !== undefined) return cached ?? undefined;
    let result: { specifier: string; name: string; exported: ExportSummary } | undefined;
    const env = this.env;
    if (env && this.summarise) {
      const imp = importOf((x) => this.values.variableOf(x), id);
      const path = imp && resolveModule(env.filename, imp.source);
      const summary = path ? moduleCache(CAPMONSTER_SIGNAL).summary(path, env, this.summarise) : undefined;
      if (imp && summary) {
        const exported: ExportSummary | undefined =
          imp.name === '*' ? { kind: 'object', members: new Map(summary.exports) } : summary.exports.get(imp.name);
        if (exported) result = { specifier: imp.source, name: imp.name === '*' || imp.name === 'default' ? id.name : imp.name, exported };
      } else {
        // A local name that holds an instance of an imported class (`const api = new Api()`).
        const value = this.values.valueOf(id);
        const u = value && unwrap(value);
        if (u?.type === AST_NODE_TYPES.NewExpression) result = this.importedExport(u);
      }
    }
    this.imports.set(id, result ?? null);
    return result;
  }

  /**
   * Calls of functions and methods imported from the project's other modules that send CapMonster requests
   * (what each one sends, with the key and task id it is given here), and keys given to the constructors
   * of imported classes whose requests send them.
   */
  /** Whether an expression comes from a relative import whose module reaches CapMonster (`solve`, `api.get`, `new Api().get`). */
  private fromCapMonsterModule(node: TSESTree.Node, depth = 0): boolean {
    const env = this.env;
    if (!env || depth > 4) return false;
    let n = unwrap(node);
    while (n.type === AST_NODE_TYPES.MemberExpression) n = unwrap(n.object);
    if (n.type === AST_NODE_TYPES.NewExpression) return this.fromCapMonsterModule(n.callee, depth + 1);
    if (n.type !== AST_NODE_TYPES.Identifier) return false;
    const imp = importOf((x) => this.values.variableOf(x), n);
    if (!imp) {
      const v = this.values.valueOf(n);
      return v !== undefined && this.fromCapMonsterModule(v, depth + 1);
    }
    const path = resolveModule(env.filename, imp.source);
    return path !== undefined && moduleCache(CAPMONSTER_SIGNAL).reachesCapMonster(path);
  }

  private findImported(): void {
    if (!this.env || !this.summarise || !/\b(?:import|require)\b/.test(this.sourceCode.text)) return;
    for (const call of this.calls) {
      if (this.byCall.has(call)) continue;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier && callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      // Only modules that name CapMonster (or import one that does) can send: others are not summarised for this.
      if (!this.fromCapMonsterModule(callee)) continue;
      const imp = this.importedExport(callee);
      const fn = imp?.exported.kind === 'function' ? imp.exported : undefined;
      const sends = fn?.sends;
      if (!imp || !fn || !sends) continue;
      const arg = (i: number | undefined): TSESTree.Node | undefined => {
        const a = i === undefined ? undefined : call.arguments[i];
        return a && a.type !== AST_NODE_TYPES.SpreadElement ? a : undefined;
      };
      const methods = new Set(sends.methods);
      const ms = [...methods];
      this.addRequest({
        call,
        method: ms.find(isCreateMethod) ?? (ms.length === 1 ? ms[0]! : (ms.find(isResultMethod) ?? 'unknown')),
        methods,
        protocol: sends.protocol,
        via: 'module',
        fields: new Map(),
        key: arg(sends.keyParam),
        taskId: arg(sends.taskIdParam),
        polls: sends.polls,
        module: { specifier: imp.specifier, name: imp.name, exported: fn as FunctionExport },
      });
    }
    for (const n of this.news) {
      const imp = this.importedExport(n.callee);
      const index = imp?.exported.kind === 'object' ? imp.exported.ctorKeyParam : undefined;
      const key = index === undefined ? undefined : n.arguments[index];
      if (imp && key && key.type !== AST_NODE_TYPES.SpreadElement) this.keySinks.push({ node: key, position: n, from: imp.specifier });
    }
  }

  /** One pass over the tree: functions, loops, calls, branches, member writes and HTTP imports. */
  private walk(): void {
    forEachNode(this.sourceCode, (node) => {
      // Most nodes (identifiers, literals, members, properties) are none of these: one look-up skips them.
      if (!COLLECTED_TYPES.has(node.type)) return;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression:
          this.calls.push(node);
          if (isRequireOf(node, HTTP_MODULES)) this.addRequireNames(node);
          break;
        case AST_NODE_TYPES.NewExpression:
          this.news.push(node);
          break;
        case AST_NODE_TYPES.VariableDeclarator:
          if (node.id.type === AST_NODE_TYPES.Identifier && node.init && isFactoryCall(node.init)) {
            this.instanceNames.add(node.id.name);
          }
          break;
        case AST_NODE_TYPES.AssignmentExpression:
        case AST_NODE_TYPES.PropertyDefinition: {
          const target = node.type === AST_NODE_TYPES.AssignmentExpression ? node.left : node;
          const value = node.type === AST_NODE_TYPES.AssignmentExpression ? node.right : node.value;
          if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
            this.memberWrites.push(node);
          }
          if (value && isFactoryCall(value)) {
            if (target.type === AST_NODE_TYPES.Identifier) this.instanceNames.add(target.name);
            else if (target.type === AST_NODE_TYPES.PropertyDefinition) this.instanceNames.add(`this.${propertyName(target) ?? ''}`);
            else if (target.type === AST_NODE_TYPES.MemberExpression && target.object.type === AST_NODE_TYPES.ThisExpression) {
              this.instanceNames.add(`this.${propertyName(target) ?? ''}`);
            }
          }
          break;
        }
        case AST_NODE_TYPES.ImportDeclaration:
          if (HTTP_MODULES.has(String(node.source.value))) {
            for (const s of node.specifiers) this.httpNames.add(s.local.name);
          }
          break;
        case AST_NODE_TYPES.IfStatement:
          this.branches.ifs.push(node);
          break;
        case AST_NODE_TYPES.SwitchStatement:
          this.branches.switches.push(node);
          break;
        case AST_NODE_TYPES.ConditionalExpression:
          this.branches.conditionals.push(node);
          break;
        case AST_NODE_TYPES.TryStatement:
          this.branches.tries.push(node);
          break;
        case AST_NODE_TYPES.FunctionDeclaration:
        case AST_NODE_TYPES.FunctionExpression:
        case AST_NODE_TYPES.ArrowFunctionExpression:
          this.functions.push(node);
          break;
        default:
          if (isLoop(node)) this.loops.push(node);
      }
    });
  }

  private addRequireNames(call: TSESTree.CallExpression): void {
    const decl = outerExpression(call).parent;
    if (decl?.type !== AST_NODE_TYPES.VariableDeclarator) return;
    if (decl.id.type === AST_NODE_TYPES.Identifier) this.httpNames.add(decl.id.name);
    if (decl.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const p of decl.id.properties) {
        if (p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier) {
          this.httpNames.add(p.value.name);
        }
      }
    }
  }

  /**
   * Calls of the client packages' methods (see `libraries.ts`): requests of the package's API, with the key
   * given to their client; every key given to a client is also a key sink, used or not in this file.
   */
  private findLibraries(): void {
    const clients = new LibraryClients(this.sourceCode, this.values, { calls: this.calls, news: this.news, memberWrites: this.memberWrites });
    this.clients = clients;
    if (clients.libraries.length === 0) return;
    for (const { call, use } of clients.calls) {
      const method = capMethodOf(use.library, use.method);
      const key = clients.keys.find((k) => k.library === use.library && (use.maker === undefined || k.maker === use.maker || k.maker === undefined))?.node;
      const role = use.method.role;
      const id = role === 'poll' || role === 'result' ? call.arguments[0] : undefined;
      this.addRequest({
        call,
        method,
        methods: new Set([method]),
        protocol: use.library.errors.how === 'returned' && use.library.errors.path[0] === 'error' ? 'official' : use.library.api,
        via: 'library',
        fields: key ? new Map([['clientKey', { node: key }]]) : new Map(),
        key,
        taskId: id && id.type !== AST_NODE_TYPES.SpreadElement ? id : undefined,
        polls: use.method.poll !== undefined,
        library: use,
      });
    }
    for (const k of clients.keys) this.keySinks.push({ node: k.node, position: k.position, from: k.library.package });
    this.findUnsetKeys(clients);
  }

  /**
   * Calls of a package that sends its own placeholder key when none was set (a module singleton), in a file
   * that never sets one. A module that exports something may be set up by its importer: not judged.
   */
  private findUnsetKeys(clients: LibraryClients): void {
    const exports = this.sourceCode.ast.body.some(
      (s) =>
        s.type === AST_NODE_TYPES.ExportNamedDeclaration ||
        s.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
        s.type === AST_NODE_TYPES.TSExportAssignment,
    );
    if (exports || /\b(?:module\.)?exports\b/.test(this.sourceCode.text)) return;
    // A relative import may set the key of the shared singleton.
    if (relativeSpecifiers(this.sourceCode.text).length > 0) return;
    for (const library of clients.libraries) {
      if (library.defaultKey === undefined || clients.keys.some((k) => k.library === library)) continue;
      const first = this.requests.find((r) => r.library?.library === library && r.library.maker === 'module');
      if (first) this.unsetKeys.push({ request: first, library: library.package, placeholder: library.defaultKey });
    }
  }

  /** HTTP calls that are CapMonster requests, calls of wrappers named in settings, and the calls that depend on a wrapper's parameters. */
  private findDirect(): void {
    for (const call of this.calls) {
      if (this.byCall.has(call)) continue;
      const name = calleeName(call);
      const configured = name !== undefined ? this.settings.wrappers.get(name) : undefined;
      if (configured) {
        this.addRequest({
          call,
          method: configured,
          methods: new Set([configured]),
          protocol: configured.includes('.php') ? 'text' : 'json',
          via: 'settings',
          fields: new Map(),
          polls: false,
        });
        continue;
      }
      const http = this.senders.extract(call);
      if (!http) continue;
      const cls = classify(http, this.fileHasHost);
      if (cls) this.addRequest(httpRequest(call, cls.method, cls.protocol, http.fields));
      if (http.dependsOnParams && cls) this.dependent.add(call);
      if (http.dependsOnParams && !cls) {
        const host = this.hostOf(call);
        if (host) {
          let list = this.templates.get(host);
          if (!list) this.templates.set(host, (list = []));
          list.push(call);
        }
      }
    }
  }

  private addRequest(request: CapRequest): void {
    if (this.byCall.has(request.call)) return;
    this.byCall.set(request.call, request);
    this.requests.push(request);
  }

  /** The named function a request belongs to: the nearest function with a name, through anonymous callbacks. */
  private hostOf(node: TSESTree.Node): FunctionNode | undefined {
    for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
      if (this.values.functionName(fn) !== undefined) return fn;
    }
    return undefined;
  }

  private wrapperFor(fn: FunctionNode): Wrapper {
    let w = this.wrappers.get(fn);
    if (!w) {
      w = { fn, name: this.values.functionName(fn) ?? '', methods: new Set(), requests: [], polls: false };
      this.wrappers.set(fn, w);
    }
    return w;
  }

  /**
   * Makes every function that sends requests a wrapper, and every call of a wrapper a request with what
   * it sends from that call site, to a fixed point. Functions with templates are followed too: a call
   * site that hands them a CapMonster endpoint makes them wrappers.
   */
  private propagate(): void {
    const queue: FunctionNode[] = [];
    const enqueued = new Set<FunctionNode>();
    const push = (fn: FunctionNode): void => {
      if (!enqueued.has(fn)) {
        enqueued.add(fn);
        queue.push(fn);
      }
    };
    const attach = (request: CapRequest): void => {
      const host = this.hostOf(request.call);
      if (!host) return;
      const w = this.wrapperFor(host);
      if (!w.requests.includes(request)) w.requests.push(request);
      const before = w.methods.size;
      const polled = w.polls;
      for (const m of request.methods) w.methods.add(m);
      w.polls = this.wrapperPolls(w);
      if (w.methods.size !== before || w.polls !== polled || before === 0) push(host);
    };
    this.attach = attach;
    for (const r of [...this.requests]) attach(r);
    for (const fn of this.templates.keys()) push(fn);

    let steps = 0;
    while (queue.length > 0 && steps++ < 100_000) {
      const fn = queue.shift()!;
      enqueued.delete(fn);
      for (const site of this.values.callSites(fn)) {
        if (site.type !== AST_NODE_TYPES.CallExpression) continue;
        if (enclosingFunctionChainIncludes(site, fn)) continue; // recursion: the poll analysis' business
        const inst = this.instantiate(fn, site, undefined);
        if (!inst || inst.methods.size === 0) continue;
        const existing = this.byCall.get(site);
        if (existing) {
          if (existing.via !== 'wrapper') continue;
          const set = existing.methods as Set<CapMethod>;
          const size = set.size;
          for (const m of inst.methods) set.add(m);
          if (set.size !== size) attach(existing);
          continue;
        }
        const w = this.wrappers.get(fn);
        if (!w) continue;
        const request = wrapperRequest(site, w, inst);
        this.addRequest(request);
        attach(request);
      }
    }
  }

  private attach: (request: CapRequest) => void = () => undefined;

  /**
   * What a function sends when called from `site`: each of its requests and templates read with its
   * parameters bound to the site's arguments, and its wrapper calls instantiated in turn.
   */
  private instantiate(fn: FunctionNode, site: TSESTree.CallExpression, outer: Frame | undefined): Instance | undefined {
    const frame = this.values.enter(fn, site, outer);
    if (!frame) {
      const w = this.wrappers.get(fn);
      return w ? { methods: new Set(w.methods), protocol: protocolOf(w), fields: new Map() } : undefined;
    }
    const inst: Instance = { methods: new Set(), protocol: 'json', fields: new Map() };
    let first = true;
    const none: ReadonlyMap<string, Field> = new Map();
    const add = (methods: Iterable<CapMethod>, protocol: Instance['protocol'], fields: ReadonlyMap<string, Field>): void => {
      const ms = [...methods];
      for (const m of ms) inst.methods.add(m);
      // What the call site passes in, for the request that creates the task (else the first one): what the
      // wrapper adds itself is read from its own requests.
      if (first || ms.some(isCreateMethod)) {
        inst.fields = new Map([...fields].filter(([, f]) => f.passed));
        inst.protocol = protocol;
        first = false;
      }
    };
    // Templates first: one that sends a CapMonster request from this call site becomes a request itself
    // (its method depends on the caller), read per call site from then on.
    for (const t of this.templates.get(fn) ?? []) {
      if (this.byCall.has(t)) continue;
      const http = this.senders.extract(t, frame);
      const cls = http && classify(http, this.fileHasHost);
      if (!http || !cls) continue;
      this.dependent.add(t);
      const promoted = httpRequest(t, 'unknown', cls.protocol, new Map());
      this.addRequest(promoted);
      this.attach(promoted);
    }
    for (const r of this.wrappers.get(fn)?.requests ?? []) {
      if (r.via === 'wrapper' && r.wrapper) {
        const inner = this.instantiate(r.wrapper.fn, r.call, frame);
        if (inner) add(inner.methods, inner.protocol, inner.fields);
        continue;
      }
      if (r.via === 'http' && this.dependent.has(r.call)) {
        const http = this.senders.extract(r.call, frame);
        const cls = http && classify(http, this.fileHasHost);
        if (http && cls) {
          add([cls.method === 'unknown' && r.method !== 'unknown' ? r.method : cls.method], cls.protocol, http.fields);
          let set = this.siteProtocols.get(r);
          if (!set) this.siteProtocols.set(r, (set = new Set()));
          set.add(cls.protocol);
        }
        continue;
      }
      add(r.methods, r.protocol, none);
    }
    return inst;
  }

  /** Whether a wrapper repeats result requests itself: in a loop, an interval, or by calling itself. */
  private wrapperPolls(w: Wrapper): boolean {
    for (const r of w.requests) {
      if (r.polls) return true;
      if (!anyMethod(r.methods, isResultMethod)) continue;
      for (let cur: TSESTree.Node | undefined = r.call.parent; cur && cur !== w.fn; cur = cur.parent) {
        if (isLoop(cur)) return true;
        if (isFunction(cur) && cur.parent?.type === AST_NODE_TYPES.CallExpression) {
          const name = calleeName(cur.parent);
          if (name === 'setInterval') return true;
        }
      }
    }
    // Self-recursion: the wrapper calls itself.
    for (const call of this.values.callSites(w.fn)) {
      if (enclosingFunctionChainIncludes(call, w.fn)) return true;
    }
    return false;
  }
}

function protocolOf(w: Wrapper): Instance['protocol'] {
  if (w.requests.some((r) => r.protocol === 'text')) return 'text';
  return w.requests.every((r) => r.protocol === 'official') ? 'official' : 'json';
}

function keyField(fields: ReadonlyMap<string, Field>, text: boolean): Field | undefined {
  return text ? (fields.get('key') ?? fields.get('clientKey')) : fields.get('clientKey');
}

function httpRequest(call: TSESTree.CallExpression, method: CapMethod, protocol: 'json' | 'text', fields: ReadonlyMap<string, Field>): CapRequest {
  const text = protocol === 'text';
  return {
    call,
    method,
    methods: new Set([method]),
    protocol,
    via: 'http',
    fields,
    key: keyField(fields, text)?.node,
    taskId: (text ? fields.get('id') : fields.get('taskId'))?.node,
    task: fields.get('task')?.node,
    polls: false,
  };
}

function wrapperRequest(call: TSESTree.CallExpression, wrapper: Wrapper, inst: Instance): CapRequest {
  const text = inst.protocol === 'text';
  const fields = inst.fields;
  const methods = inst.methods;
  return {
    call,
    get method(): CapMethod {
      const ms = [...methods];
      return ms.find(isCreateMethod) ?? (ms.length === 1 ? ms[0]! : (ms.find(isResultMethod) ?? 'unknown'));
    },
    methods,
    protocol: inst.protocol,
    via: 'wrapper',
    fields,
    key: keyField(fields, text)?.node,
    taskId: (text ? fields.get('id') : fields.get('taskId'))?.node,
    task: fields.get('task')?.node,
    wrapper,
    get polls(): boolean {
      return wrapper.polls;
    },
  };
}

function enclosingFunctionChainIncludes(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let cur = enclosingFunction(node); cur; cur = enclosingFunction(cur)) if (cur === fn) return true;
  return false;
}

/** `x.create(...)` / `x.extend(...)` / `request.defaults(...)`: how HTTP clients make an instance with a base URL. */
function isFactoryCall(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(n.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  return INSTANCE_FACTORIES.has(propertyName(callee) ?? '');
}

function isRequireOf(call: TSESTree.CallExpression, modules: ReadonlySet<string>): boolean {
  const arg = call.arguments[0];
  return (
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    arg?.type === AST_NODE_TYPES.Literal &&
    typeof arg.value === 'string' &&
    modules.has(arg.value)
  );
}
