import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import {
  calleeName,
  enclosingFunction,
  findProperty,
  forEachNode,
  type FunctionNode,
  isFunction,
  isLoop,
  type LoopNode,
  outerExpression,
  propertyName,
  unwrap,
  useVisitorKeys,
} from './ast';
import { classify, type Field, HTTP_MODULES, HttpExtractor } from './http';
import { anyMethod, type CapMethod, isCreateMethod, isResultMethod, methodFromName } from './methods';
import { resolveSettings, type ResolvedSettings } from './settings';
import { StaticResolver } from './static';

export * from './ast';
export * from './codes';
export * from './methods';
export type { Field } from './http';
export type { CapMonsterSettings, ResolvedSettings } from './settings';
export { StaticResolver, UNKNOWN, type Leaf } from './static';

/** The official client's package. */
export const OFFICIAL_PACKAGE = '@zennolab_com/capmonstercloud-client';

/** One place in the source that sends a CapMonster request (or, through a wrapper, several). */
export interface CapRequest {
  /** The call that sends it: the HTTP call, `client.Solve(...)`, or the call of a wrapper. */
  readonly call: TSESTree.CallExpression;
  /** The main method: a creating method when there is one, else the only one (`unknown` when not static). */
  readonly method: CapMethod;
  /** Every method the call sends (more than one for a wrapper like `solve()` that creates and polls). */
  readonly methods: ReadonlySet<CapMethod>;
  readonly protocol: 'json' | 'text' | 'official';
  readonly via: 'http' | 'official' | 'wrapper' | 'settings';
  /** Body, query and form fields, by name. */
  readonly fields: ReadonlyMap<string, Field>;
  /** The expression sent as the key (`clientKey`, 2captcha `key`, the official client's `ClientOptions.clientKey`). */
  readonly key?: TSESTree.Node;
  /** The expression sent as the task id (`taskId`, 2captcha `id`). */
  readonly taskId?: TSESTree.Node;
  /** The `task` object of a `createTask`. */
  readonly task?: TSESTree.Node;
  /** For a call of a same-file wrapper: the wrapper. */
  readonly wrapper?: Wrapper;
  /** The call repeats result requests by itself (it calls a wrapper that polls): it is not a single request. */
  readonly polls: boolean;
}

/** A same-file function, arrow or method that sends CapMonster requests. */
export interface Wrapper {
  readonly fn: FunctionNode;
  readonly name: string;
  readonly methods: Set<CapMethod>;
  /** The requests it sends: its own HTTP calls and its calls of other wrappers. */
  readonly requests: CapRequest[];
  /** A generic helper: the method comes from this parameter (`call(method, body)`). */
  methodParam?: number;
  /** The request body comes from this parameter. */
  bodyParam?: number;
  /** The key / task id comes from this parameter. */
  keyParam?: number;
  taskIdParam?: number;
  /** It repeats result requests itself (a loop, an interval or recursion): it creates and/or polls to the end. */
  polls: boolean;
}

export interface OfficialClient {
  /** The package is imported or required in this file. */
  readonly imported: boolean;
  /** `new ClientOptions(...)` expressions. */
  readonly options: readonly TSESTree.NewExpression[];
  /** `CapMonsterCloudClientFactory.Create(...)` calls. */
  readonly creates: readonly TSESTree.CallExpression[];
}

export interface BranchNodes {
  ifs: TSESTree.IfStatement[];
  switches: TSESTree.SwitchStatement[];
  conditionals: TSESTree.ConditionalExpression[];
  tries: TSESTree.TryStatement[];
}

/** Everything this plugin knows about one file, computed once and shared by every rule. */
export interface CapMonsterFile {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly resolver: StaticResolver;
  readonly settings: ResolvedSettings;
  /**
   * False when the file sends no CapMonster request (and makes no official client): either it shows no
   * CapMonster signal at all (then every list is empty), or it only mentions CapMonster. Rules stop there.
   */
  readonly isCapMonster: boolean;
  readonly requests: readonly CapRequest[];
  readonly wrappers: ReadonlyMap<FunctionNode, Wrapper>;
  readonly official: OfficialClient;
  readonly functions: readonly FunctionNode[];
  readonly loops: readonly LoopNode[];
  readonly calls: readonly TSESTree.CallExpression[];
  /** If statements, switches, conditionals and try statements, collected in the same pass. */
  readonly branches: BranchNodes;
  /** The request a call sends, if it is one. */
  requestAt(call: TSESTree.Node): CapRequest | undefined;
  /** The same-file function a call calls, when it can be told statically. */
  resolveCallee(call: TSESTree.CallExpression): FunctionNode | undefined;
  /** The same-file function a reference names (`solve`, `this.poll`, `client.result`), or a function itself. */
  resolveFunction(ref: TSESTree.Node): FunctionNode | undefined;
  /** A name for a function: its declaration, variable, method or property name. */
  functionName(fn: FunctionNode): string | undefined;
  /** Per-file memo for the analyses built on this one (polls, keys, responses, retries). */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * Words that appear in every file that talks to CapMonster, directly or through a compatible API.
 * Kept to plain alternatives so the test is one linear scan.
 */
const SIGNAL =
  /capmonster|clientKey|getTaskResult|createTask|in\.php|res\.php|anti-?captcha|2captcha|rucaptcha|65\.21\.216\.235/i;
const HOST_SIGNAL = /capmonster\.cloud|anti-captcha\.com|2captcha\.com|rucaptcha\.com|65\.21\.216\.235/i;

const cache = new WeakMap<TSESTree.Program, CapMonsterFile>();
/** The file asked for last (one file's tree is kept alive until the next file is linted). */
let last: { ast: TSESTree.Program; file: CapMonsterFile } | undefined;

/** The node types the shared pass collects (see `Analysis.walk`). */
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

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The shared analysis of the file being linted. */
export function getCapMonster(context: AnyContext): CapMonsterFile {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  useVisitorKeys(sourceCode.visitorKeys);
  // Every rule asks for the file it is created for, one after the other: the last answer is
  // nearly always the one wanted, and comparing it costs less than a WeakMap look-up.
  if (last?.ast === ast) return last.file;
  let file = cache.get(ast);
  if (!file) {
    file = analyze(sourceCode, resolveSettings(context.settings));
    cache.set(ast, file);
  }
  last = { ast, file };
  return file;
}

function hasSignal(text: string, settings: ResolvedSettings): boolean {
  if (SIGNAL.test(text)) return true;
  for (const name of settings.wrappers.keys()) if (text.includes(name)) return true;
  return false;
}

function emptyFile(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): CapMonsterFile {
  const memos = new Map<string, unknown>();
  return {
    sourceCode,
    resolver: new StaticResolver(sourceCode),
    settings,
    isCapMonster: false,
    requests: [],
    wrappers: new Map(),
    official: { imported: false, options: [], creates: [] },
    functions: [],
    loops: [],
    calls: [],
    branches: { ifs: [], switches: [], conditionals: [], tries: [] },
    requestAt: () => undefined,
    resolveCallee: () => undefined,
    resolveFunction: () => undefined,
    functionName: () => undefined,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

function analyze(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): CapMonsterFile {
  if (!hasSignal(sourceCode.text, settings)) return emptyFile(sourceCode, settings);
  return new Analysis(sourceCode, settings);
}

class Analysis implements CapMonsterFile {
  /** Set after the requests are found: a file that mentions CapMonster but sends nothing has nothing to report. */
  isCapMonster = true;
  readonly resolver: StaticResolver;
  readonly requests: CapRequest[] = [];
  readonly wrappers = new Map<FunctionNode, Wrapper>();
  readonly functions: FunctionNode[] = [];
  readonly loops: LoopNode[] = [];
  readonly calls: TSESTree.CallExpression[] = [];
  readonly branches: BranchNodes = { ifs: [], switches: [], conditionals: [], tries: [] };
  official: OfficialClient = { imported: false, options: [], creates: [] };

  private readonly news: TSESTree.NewExpression[] = [];
  private readonly httpNames = new Set<string>();
  private readonly instanceNames = new Set<string>();
  private readonly byCall = new Map<TSESTree.Node, CapRequest>();
  private readonly callsByName = new Map<string, TSESTree.CallExpression[]>();
  private readonly methodsByName = new Map<string, FunctionNode[]>();
  private readonly names = new Map<FunctionNode, string | null>();
  private readonly callees = new Map<TSESTree.CallExpression, FunctionNode | null>();
  private readonly memos = new Map<string, unknown>();
  /** Made once the walk has collected the HTTP imports and instances it needs. */
  private extractor!: HttpExtractor;

  constructor(
    readonly sourceCode: Readonly<TSESLint.SourceCode>,
    readonly settings: ResolvedSettings,
  ) {
    this.resolver = new StaticResolver(sourceCode);
    this.walk();
    this.extractor = new HttpExtractor(this.resolver, this.httpNames, this.instanceNames);
    this.findOfficial();
    this.findDirect();
    this.propagate();
    this.isCapMonster = this.requests.length > 0 || this.official.options.length > 0 || this.official.creates.length > 0;
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

  /** One pass over the tree: functions, loops, calls, branches and HTTP imports. */
  private walk(): void {
    forEachNode(this.sourceCode, (node) => {
      // Most nodes (identifiers, literals, members, properties) are none of these: one look-up skips them.
      if (!COLLECTED_TYPES.has(node.type)) return;
      switch (node.type) {
        case AST_NODE_TYPES.CallExpression: {
          this.calls.push(node);
          const name = calleeName(node);
          if (name !== undefined) {
            let list = this.callsByName.get(name);
            if (!list) this.callsByName.set(name, (list = []));
            list.push(node);
          }
          if (isRequireOf(node, HTTP_MODULES)) this.addRequireNames(node);
          break;
        }
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
        case AST_NODE_TYPES.ArrowFunctionExpression: {
          this.functions.push(node);
          const parent = node.parent;
          if (
            (parent?.type === AST_NODE_TYPES.MethodDefinition ||
              parent?.type === AST_NODE_TYPES.PropertyDefinition ||
              parent?.type === AST_NODE_TYPES.Property) &&
            parent.value === node
          ) {
            const name = propertyName(parent);
            if (name !== undefined) {
              let list = this.methodsByName.get(name);
              if (!list) this.methodsByName.set(name, (list = []));
              list.push(node);
            }
          }
          break;
        }
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

  /** The official client, traced through `import`, `require`, aliases and destructuring. */
  private findOfficial(): void {
    if (!this.sourceCode.text.includes(OFFICIAL_PACKAGE)) return;
    const { CALL, CONSTRUCT, ESM } = ASTUtils.ReferenceTracker;
    const entry = {
      CapMonsterCloudClientFactory: { Create: { [CALL]: true } },
      ClientOptions: { [CONSTRUCT]: true },
    };
    const esm = { [OFFICIAL_PACKAGE]: { [ESM]: true, ...entry, default: entry } };
    const creates: TSESTree.CallExpression[] = [];
    const options: TSESTree.NewExpression[] = [];
    try {
      const tracker = new ASTUtils.ReferenceTracker(this.sourceCode.getScope(this.sourceCode.ast));
      // `require` is not a declared global under every config, so CommonJS is traced from each require() call.
      const requires = this.calls.filter((c) => isRequireOf(c, OFFICIAL_MODULES));
      const refs = [
        ...tracker.iterateEsmReferences(esm),
        ...requires.flatMap((c) => [...(tracker as unknown as PropertyTracker).iteratePropertyReferences(c, entry)]),
      ];
      for (const ref of refs) {
        const node = ref.node as TSESTree.Node;
        if (node.type === AST_NODE_TYPES.CallExpression) creates.push(node);
        else if (node.type === AST_NODE_TYPES.NewExpression) options.push(node);
      }
    } catch {
      // A scope the tracker cannot read is not worth a crash: the by-name fallback below still works.
    }
    this.official = { imported: true, options, creates };

    // Where clients are kept: variables and `this.x` fields.
    const clientVars = new Set<TSESLint.Scope.Variable>();
    const clientFields = new Set<string>();
    const createOf = new Map<TSESLint.Scope.Variable | string, TSESTree.CallExpression>();
    for (const create of creates) {
      const parent = outerExpression(create).parent;
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
        const v = this.resolver.variableOf(parent.id);
        if (v) {
          clientVars.add(v);
          createOf.set(v, create);
        }
      } else if (
        parent?.type === AST_NODE_TYPES.AssignmentExpression &&
        parent.left.type === AST_NODE_TYPES.MemberExpression &&
        parent.left.object.type === AST_NODE_TYPES.ThisExpression
      ) {
        const name = propertyName(parent.left);
        if (name !== undefined) {
          clientFields.add(name);
          createOf.set(`this.${name}`, create);
        }
      } else if (parent?.type === AST_NODE_TYPES.PropertyDefinition) {
        const name = propertyName(parent);
        if (name !== undefined) {
          clientFields.add(name);
          createOf.set(`this.${name}`, create);
        }
      }
    }
    for (const call of this.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const name = propertyName(callee);
      if (name !== 'Solve' && name !== 'getBalance') continue;
      const obj = unwrap(callee.object);
      let create: TSESTree.CallExpression | undefined;
      let known = false;
      if (obj.type === AST_NODE_TYPES.Identifier) {
        const v = this.resolver.variableOf(obj);
        if (v && clientVars.has(v)) {
          known = true;
          create = createOf.get(v);
        }
      } else if (obj.type === AST_NODE_TYPES.MemberExpression && obj.object.type === AST_NODE_TYPES.ThisExpression) {
        const field = propertyName(obj);
        if (field !== undefined && clientFields.has(field)) {
          known = true;
          create = createOf.get(`this.${field}`);
        }
      } else if (obj.type === AST_NODE_TYPES.CallExpression && creates.includes(obj)) {
        known = true;
        create = obj;
      }
      // `Solve` is distinctive enough to trust by name in a file that imports the official client.
      if (!known && name !== 'Solve') continue;
      const key = this.officialKey(create);
      const method: CapMethod = name === 'Solve' ? 'solve' : 'getBalance';
      this.addRequest({
        call,
        method,
        methods: new Set([method]),
        protocol: 'official',
        via: 'official',
        fields: key ? new Map([['clientKey', { node: key }]]) : new Map(),
        key,
        polls: false,
      });
    }
  }

  /** The `clientKey` given to the `ClientOptions` a client was created with. */
  private officialKey(create: TSESTree.CallExpression | undefined): TSESTree.Node | undefined {
    let opts: TSESTree.NewExpression | undefined;
    const arg = create?.arguments[0];
    if (arg) {
      const a = unwrap(arg);
      const v = a.type === AST_NODE_TYPES.NewExpression ? a : this.resolver.valueOf(a);
      if (v && unwrap(v).type === AST_NODE_TYPES.NewExpression) opts = unwrap(v) as TSESTree.NewExpression;
    }
    if (!opts && this.official.options.length === 1) opts = this.official.options[0];
    const obj = opts?.arguments[0] ? this.resolver.object(opts.arguments[0]) : undefined;
    const prop = obj && findProperty(obj, 'clientKey');
    return prop?.value;
  }

  /** HTTP calls that are CapMonster requests, and calls of wrappers named in settings. */
  private findDirect(): void {
    const extractor = this.extractor;
    const fileHasHost = HOST_SIGNAL.test(this.sourceCode.text);
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
      const http = extractor.extract(call);
      if (!http) continue;
      const cls = classify(http, extractor, fileHasHost);
      if (!cls) continue;
      const f = http.fields;
      const key = cls.protocol === 'text' ? (f.get('key') ?? f.get('clientKey')) : f.get('clientKey');
      const taskId = cls.protocol === 'text' ? f.get('id') : f.get('taskId');
      const request: CapRequest = {
        call,
        method: cls.method,
        methods: new Set([cls.method]),
        protocol: cls.protocol,
        via: 'http',
        fields: f,
        key: key?.node,
        taskId: taskId?.node,
        task: f.get('task')?.node,
        polls: false,
      };
      this.addRequest(request);
      const host = this.hostOf(call);
      if (host) {
        const w = this.wrapperFor(host);
        if (cls.methodParam?.fn === host) w.methodParam = cls.methodParam.index;
        const bodyParam = http.bodyParams.find(() => true);
        if (bodyParam !== undefined && isFunction(host)) w.bodyParam = bodyParam;
        const keyParam = key ? extractor.parameterOf(key.node) : undefined;
        if (keyParam?.fn === host) w.keyParam = keyParam.index;
        const idParam = taskId ? extractor.parameterOf(taskId.node) : undefined;
        if (idParam?.fn === host) w.taskIdParam = idParam.index;
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
      if (this.functionName(fn) !== undefined) return fn;
    }
    return undefined;
  }

  functionName(fn: FunctionNode): string | undefined {
    const cached = this.names.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    let name: string | undefined;
    const parent = fn.parent;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) name = fn.id.name;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn && parent.id.type === AST_NODE_TYPES.Identifier) {
      name = parent.id.name;
    } else if (
      (parent?.type === AST_NODE_TYPES.MethodDefinition ||
        parent?.type === AST_NODE_TYPES.PropertyDefinition ||
        parent?.type === AST_NODE_TYPES.Property) &&
      parent.value === fn
    ) {
      name = propertyName(parent);
    } else if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn) {
      const left = parent.left;
      if (left.type === AST_NODE_TYPES.Identifier) name = left.name;
      else if (left.type === AST_NODE_TYPES.MemberExpression) name = propertyName(left);
    } else if (fn.type === AST_NODE_TYPES.FunctionExpression && fn.id) {
      name = fn.id.name;
    }
    this.names.set(fn, name ?? null);
    return name;
  }

  resolveCallee(call: TSESTree.CallExpression): FunctionNode | undefined {
    const cached = this.callees.get(call);
    if (cached !== undefined) return cached ?? undefined;
    const result = this.computeCallee(call);
    this.callees.set(call, result ?? null);
    return result;
  }

  resolveFunction(ref: TSESTree.Node): FunctionNode | undefined {
    const n = unwrap(ref);
    if (isFunction(n)) return n;
    if (n.type !== AST_NODE_TYPES.Identifier && n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    return this.computeRef(n, n);
  }

  private computeCallee(call: TSESTree.CallExpression): FunctionNode | undefined {
    return this.computeRef(unwrap(call.callee), call);
  }

  /** The same-file function an identifier or member expression names; `at` is where it is used. */
  private computeRef(callee: TSESTree.Node, at: TSESTree.Node): FunctionNode | undefined {
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const v = this.resolver.variableOf(callee);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!def) return undefined;
      if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const init = unwrap(def.node.init);
        if (isFunction(init)) return init;
      }
      return undefined;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(callee);
    if (name === undefined) return undefined;
    const candidates = this.methodsByName.get(name);
    if (!candidates || candidates.length === 0) return undefined;
    const obj = unwrap(callee.object);
    if (obj.type === AST_NODE_TYPES.ThisExpression) {
      // The method of the class (or object literal) the call is written in.
      for (let cur: TSESTree.Node | undefined = at.parent; cur; cur = cur.parent) {
        if (cur.type === AST_NODE_TYPES.ClassBody || cur.type === AST_NODE_TYPES.ObjectExpression) {
          const own = candidates.find((fn) => fn.parent?.parent === cur);
          if (own) return own;
          if (cur.type === AST_NODE_TYPES.ClassBody) break;
        }
      }
    }
    const value = this.resolver.valueOf(obj);
    const v = value && unwrap(value);
    if (v?.type === AST_NODE_TYPES.NewExpression && v.callee.type === AST_NODE_TYPES.Identifier) {
      const className = v.callee.name;
      const own = candidates.find((fn) => {
        const cls = fn.parent?.parent?.parent;
        return (
          (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) &&
          cls.id?.name === className
        );
      });
      if (own) return own;
    }
    if (v?.type === AST_NODE_TYPES.ObjectExpression) {
      const own = candidates.find((fn) => fn.parent?.parent === v);
      if (own) return own;
    }
    // An instance made elsewhere (`this.solver.getResult()`): trust a name that only one method has.
    return candidates.length === 1 ? candidates[0] : undefined;
  }

  private wrapperFor(fn: FunctionNode): Wrapper {
    let w = this.wrappers.get(fn);
    if (!w) {
      w = { fn, name: this.functionName(fn) ?? '', methods: new Set(), requests: [], polls: false };
      this.wrappers.set(fn, w);
    }
    return w;
  }

  /** Makes every function that sends requests a wrapper, and every call of a wrapper a request, to a fixed point. */
  private propagate(): void {
    const queue: Wrapper[] = [];
    const enqueued = new Set<Wrapper>();
    const push = (w: Wrapper): void => {
      if (!enqueued.has(w)) {
        enqueued.add(w);
        queue.push(w);
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
      if (w.methods.size !== before || w.polls !== polled || before === 0) push(w);
    };
    for (const r of [...this.requests]) attach(r);

    let steps = 0;
    while (queue.length > 0 && steps++ < 100_000) {
      const w = queue.shift()!;
      enqueued.delete(w);
      if (!w.name) continue;
      for (const call of this.callsByName.get(w.name) ?? []) {
        if (this.resolveCallee(call) !== w.fn) continue;
        if (this.hostOf(call) === w.fn || enclosingFunctionChainIncludes(call, w.fn)) continue; // recursion: the poll analysis' business
        const existing = this.byCall.get(call);
        const methods = this.callMethods(w, call);
        if (existing) {
          const set = existing.methods as Set<CapMethod>;
          const size = set.size;
          for (const m of methods) set.add(m);
          if (set.size !== size) attach(existing);
          continue;
        }
        const request = this.wrapperCall(w, call, methods);
        this.addRequest(request);
        attach(request);
      }
    }
  }

  private callMethods(w: Wrapper, call: TSESTree.CallExpression): Set<CapMethod> {
    if (w.methodParam !== undefined) {
      const arg = call.arguments[w.methodParam];
      const name = arg ? this.resolver.string(arg) : undefined;
      const m = name !== undefined ? methodFromName(name) : undefined;
      return new Set([m ?? 'unknown']);
    }
    return new Set(w.methods);
  }

  private wrapperCall(w: Wrapper, call: TSESTree.CallExpression, methods: Set<CapMethod>): CapRequest {
    const fields = new Map<string, Field>();
    const extractor = this.extractor;
    const body = w.bodyParam !== undefined ? call.arguments[w.bodyParam] : undefined;
    if (body) {
      const out = { url: [], fields, bodyParams: [] };
      extractor.payload(body, out);
    }
    const keyArg = w.keyParam !== undefined ? call.arguments[w.keyParam] : undefined;
    const idArg = w.taskIdParam !== undefined ? call.arguments[w.taskIdParam] : undefined;
    const text = [...w.requests].some((r) => r.protocol === 'text');
    const key = keyArg ?? fields.get(text ? 'key' : 'clientKey')?.node;
    const taskId = idArg ?? fields.get(text ? 'id' : 'taskId')?.node;
    const wrapper = w;
    return {
      call,
      get method(): CapMethod {
        const ms = [...this.methods];
        return ms.find(isCreateMethod) ?? (ms.length === 1 ? ms[0]! : (ms.find(isResultMethod) ?? 'unknown'));
      },
      methods,
      protocol: text ? 'text' : w.requests.every((r) => r.protocol === 'official') ? 'official' : 'json',
      via: 'wrapper',
      fields,
      key,
      taskId,
      task: fields.get('task')?.node,
      wrapper,
      get polls(): boolean {
        return wrapper.polls;
      },
    };
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
    for (const call of this.callsByName.get(w.name) ?? []) {
      if (enclosingFunctionChainIncludes(call, w.fn) && this.resolveCallee(call) === w.fn) return true;
    }
    return false;
  }
}

/** `iteratePropertyReferences` exists on eslint-utils' tracker but is missing from the typings. */
interface PropertyTracker {
  iteratePropertyReferences(node: TSESTree.Node, traceMap: object): IterableIterator<{ node: unknown }>;
}

function enclosingFunctionChainIncludes(node: TSESTree.Node, fn: FunctionNode): boolean {
  for (let cur = enclosingFunction(node); cur; cur = enclosingFunction(cur)) if (cur === fn) return true;
  return false;
}

const OFFICIAL_MODULES: ReadonlySet<string> = new Set([OFFICIAL_PACKAGE]);

/** `x.create(...)` / `x.extend(...)`: how HTTP clients make an instance with a base URL. */
function isFactoryCall(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(n.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  return name === 'create' || name === 'extend';
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
