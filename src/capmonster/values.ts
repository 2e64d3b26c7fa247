import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, ChildKeys, contains, findProperty, type FunctionNode, isFunction, propertyName, singleReturn, unwrap, walkTree } from './ast';
import type { ExportSummary } from './modules';

/**
 * The value-flow layer: what an expression of the file may hold, followed through variables,
 * parameters (by call site), object fields, class and prototype fields, `this` aliases, helper
 * functions and the ways URLs are built. Every analysis asks it instead of tracing values its own way.
 * One instance per file, built lazily by the shared analysis; everything is memoised per node.
 *
 * Unknown is not wrong: a value the layer cannot see is an unknown part, never a guess.
 */

export type Variable = TSESLint.Scope.Variable;
export type Call = TSESTree.CallExpression | TSESTree.NewExpression;
type SourceCode = Readonly<TSESLint.SourceCode>;
type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Marks a part of a string that could not be resolved. */
export const UNKNOWN = '\uFFFF';

/**
 * A call being followed into the function it calls: the function's parameters hold this call's
 * arguments, themselves evaluated in `outer` (the caller's own frame, when it is being followed too).
 */
export interface Frame {
  readonly fn: FunctionNode;
  readonly site: Call;
  /** The arguments, in parameter order (`fn.call(self, a, b)` drops `self`). */
  readonly args: readonly TSESTree.CallExpressionArgument[];
  readonly outer: Frame | undefined;
  readonly depth: number;
}

/** One piece of a flattened string: literal text, or an expression whose value is not known. */
export interface Part {
  text?: string;
  node: TSESTree.Node;
  /** For an unknown part read from a parameter no frame binds: that parameter's function. */
  param?: FunctionNode;
}

/** Where a field's value is written, and the frame it is evaluated in. */
export interface Slot {
  readonly node: TSESTree.Node;
  readonly frame: Frame | undefined;
}

/** A parameter: its function, index, property path (destructuring) and default. */
export interface ParamRef {
  readonly fn: FunctionNode;
  readonly index: number;
  readonly path: readonly string[];
  readonly fallback?: TSESTree.Node;
  readonly variable: Variable;
}

/** The fields an object-valued expression has, as far as the source shows them. */
export interface ObjectShape {
  /** The object literal, or the `new URLSearchParams()` / `new FormData()` / `new URL()` the value is. */
  readonly node: TSESTree.Node;
  readonly fields: ReadonlyMap<string, Slot>;
  /** Some fields could not be seen (a spread or an assignment of a value the layer cannot read). */
  readonly open: boolean;
  /** A parameter no frame binds merged into the object (`Object.assign({ method: 'POST' }, opts)`): its fields come from the call sites. */
  readonly unbound?: TSESTree.Node;
}

/** The class body, object literal or constructor function `this` refers to. */
export type Owner = TSESTree.ClassBody | TSESTree.ObjectExpression | FunctionNode;

/** A value written to `this.name` (or to a field of an object literal). */
export interface FieldWrite {
  node: TSESTree.Node;
  value?: TSESTree.Node;
  getter?: FunctionNode;
  param?: { fn: FunctionNode; name: TSESTree.Identifier };
}

/** What the shared walk hands the layer: the file's calls, functions and member assignments. */
export interface FileIndex {
  readonly calls: readonly TSESTree.CallExpression[];
  readonly news: readonly TSESTree.NewExpression[];
  readonly functions: readonly FunctionNode[];
  /** `a.b = …` assignments: prototype methods, `this.x = …` fields, `exports.x = …`. */
  readonly memberWrites: readonly TSESTree.AssignmentExpression[];
}

const MAX_DEPTH = 12;
const MAX_FRAMES = 4;
/** Call sites looked at for a parameter no frame binds: a helper called from many places holds many values. */
const MAX_SITES = 8;

const URL_CLASSES = new Set(['URL']);
const PARAM_CLASSES = new Set(['URLSearchParams', 'FormData']);
const FORMAT_FUNCTIONS = new Set(['format', 'sprintf', 'vsprintf', 'printf']);
const STRINGIFY_OBJECTS = new Set(['querystring', 'qs', 'queryString', 'QueryString', 'node:querystring']);
const THIS_ALIASES_HINT = /^(?:self|that|_this|me|_self|_that|client|api)$/;

/**
 * The value-flow layer of one file. Methods without a frame are memoised per node; a frame (a call
 * being followed) makes a fresh evaluation, since the same node then holds another value.
 */
export class Values {
  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();
  private readonly singles = new Map<TSESTree.Node, TSESTree.Node | null>();
  private readonly numbers = new Map<TSESTree.Node, number | null>();
  private readonly softTexts = new Map<TSESTree.Node, string>();
  private readonly strictTexts = new Map<TSESTree.Node, string>();
  private readonly shapes = new Map<TSESTree.Node, ObjectShape | null>();
  private readonly callees = new Map<Call, FunctionNode | null>();
  private readonly names = new Map<FunctionNode, string | null>();
  private readonly owners = new Map<TSESTree.Node, Owner | null>();
  private readonly returns = new Map<FunctionNode, TSESTree.Node[]>();
  private readonly fieldMaps = new Map<Owner, Map<string, FieldWrite[]>>();
  private readonly fieldReads = new Map<Owner, Map<string, TSESTree.MemberExpression[]>>();
  private readonly aliases = new Map<Variable, boolean>();
  private methods?: Map<string, FunctionNode[]>;
  private readonly sites = new Map<FunctionNode, Call[]>();
  private byName?: Map<string, Call[]>;
  private thisWrites?: Map<Owner, TSESTree.AssignmentExpression[]>;
  /** Parameters being resolved through their call sites (a helper that calls itself). */
  private readonly resolving = new Set<Variable>();
  /** What the call sites of a parameter agree on (see `paramParts`). */
  private readonly softParams = new Map<Variable, Part[] | null>();
  private readonly strictParams = new Map<Variable, Part[] | null>();

  /** What an imported binding is, when it comes from another module of the project (set by the file's analysis). */
  imported: (id: TSESTree.Identifier) => ExportSummary | undefined = () => undefined;
  /** The specifier an imported binding's module is written with (`./config`). */
  importSource: (id: TSESTree.Identifier) => string | undefined = () => undefined;

  /** The constant an imported name or member holds (`API`, `CONFIG.base`), when its module shows it. */
  importedValue(node: TSESTree.Node): { text?: string; number?: number } | undefined {
    const n = unwrap(node);
    let e: ExportSummary | undefined;
    if (n.type === AST_NODE_TYPES.Identifier) e = this.imported(n);
    else if (n.type === AST_NODE_TYPES.MemberExpression) {
      const path: string[] = [];
      let cur: TSESTree.Node = n;
      while (cur.type === AST_NODE_TYPES.MemberExpression) {
        const name = propertyName(cur);
        if (name === undefined) return undefined;
        path.unshift(name);
        cur = unwrap(cur.object);
      }
      if (cur.type !== AST_NODE_TYPES.Identifier) return undefined;
      e = this.imported(cur);
      for (const k of path) e = e?.kind === 'object' ? e.members.get(k) : undefined;
    }
    return e?.kind === 'value' ? e : undefined;
  }

  /** Child walks that follow this file's visitor keys (`someNode`, `callsIn`). */
  readonly children: ChildKeys;

  constructor(
    readonly sourceCode: SourceCode,
    private readonly index: FileIndex,
  ) {
    this.children = new ChildKeys(sourceCode.visitorKeys);
  }

  /** Whether any part of `node` satisfies `test` (bounded walk, type annotations left out). */
  someNode(node: TSESTree.Node, test: (n: TSESTree.Node) => boolean, limit?: number): boolean {
    return this.children.someNode(node, test, limit);
  }

  /** The calls inside `node`, in source order (bounded). */
  callsIn(node: TSESTree.Node, limit?: number): TSESTree.CallExpression[] {
    return this.children.callsIn(node, limit);
  }

  get visitorKeys(): VisitorKeys {
    return this.sourceCode.visitorKeys;
  }

  /** Visits `root` and its descendants, pre-order; `visit` returns false to skip a node's children. */
  walk(root: TSESTree.Node, visit: (n: TSESTree.Node) => boolean | void, limit = 200_000): void {
    walkTree(root, this.sourceCode.visitorKeys, visit, limit);
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Scopes                                                                                      */
  /* ------------------------------------------------------------------------------------------ */

  /** The variable an identifier refers to, if the scope manager knows it. */
  variableOf(id: TSESTree.Identifier): Variable | undefined {
    let v = this.variables.get(id);
    if (v === undefined) {
      try {
        v = ASTUtils.findVariable(this.sourceCode.getScope(id), id) ?? null;
      } catch {
        v = null;
      }
      this.variables.set(id, v);
    }
    return v ?? undefined;
  }

  /**
   * The parameter an identifier is: its function, its index, and the property path inside a destructured
   * parameter (`function api({ url })`: `url` is `['url']` of parameter 0), with the default written next to it.
   */
  parameterOf(node: TSESTree.Node): ParamRef | undefined {
    const n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.variableOf(n);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (!variable || def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
    const name = def.name as TSESTree.Identifier;
    const index = def.node.params.findIndex((p) => p.range[0] <= name.range[0] && name.range[1] <= p.range[1]);
    const param = def.node.params[index];
    if (!param) return undefined;
    const pattern = patternPath(name, param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param);
    if (!pattern) return undefined;
    return { fn: def.node, index, path: pattern.path, fallback: pattern.fallback, variable };
  }

  /** Whether a variable is `this` under another name: `const self = this`, `var that = this`. */
  isThisAlias(v: Variable): boolean {
    let hit = this.aliases.get(v);
    if (hit === undefined) {
      hit = false;
      const def = v.defs.length === 1 ? v.defs[0] : undefined;
      if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const writes = v.references.filter((r) => r.isWrite());
        hit = writes.length === 1 && unwrap(def.node.init).type === AST_NODE_TYPES.ThisExpression;
      }
      this.aliases.set(v, hit);
    }
    return hit;
  }

  /** `this`, or a variable that holds it (`self`, `that`, `_this`). */
  isThis(node: TSESTree.Node): boolean {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.ThisExpression) return true;
    if (n.type !== AST_NODE_TYPES.Identifier || !THIS_ALIASES_HINT.test(n.name)) return false;
    const v = this.variableOf(n);
    return v !== undefined && this.isThisAlias(v);
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Functions                                                                                   */
  /* ------------------------------------------------------------------------------------------ */

  /** A name for a function: its declaration, variable, method, property or assigned member name. */
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

  /** Functions that can be called as `x.name()`: methods, object-literal functions, `X.prototype.name = function`. */
  private methodIndex(): Map<string, FunctionNode[]> {
    if (this.methods) return this.methods;
    const map = new Map<string, FunctionNode[]>();
    const add = (name: string | undefined, fn: FunctionNode): void => {
      if (name === undefined) return;
      let list = map.get(name);
      if (!list) map.set(name, (list = []));
      list.push(fn);
    };
    for (const fn of this.index.functions) {
      const parent = fn.parent;
      if (
        (parent?.type === AST_NODE_TYPES.MethodDefinition ||
          parent?.type === AST_NODE_TYPES.PropertyDefinition ||
          parent?.type === AST_NODE_TYPES.Property) &&
        parent.value === fn
      ) {
        add(propertyName(parent), fn);
      }
    }
    for (const a of this.index.memberWrites) {
      const right = unwrap(a.right);
      if (isFunction(right) && a.left.type === AST_NODE_TYPES.MemberExpression) add(propertyName(a.left), right);
    }
    this.methods = map;
    return map;
  }

  /** The same-file function a call (or `new`) calls, when it can be told statically. */
  calleeOf(call: Call): FunctionNode | undefined {
    const cached = this.callees.get(call);
    if (cached !== undefined) return cached ?? undefined;
    this.callees.set(call, null);
    let fn: FunctionNode | undefined;
    try {
      fn = this.computeCallee(call);
    } catch {
      fn = undefined;
    }
    this.callees.set(call, fn ?? null);
    return fn;
  }

  private computeCallee(call: Call): FunctionNode | undefined {
    const callee = unwrap(call.callee);
    if (call.type === AST_NODE_TYPES.NewExpression) return this.constructorOf(callee);
    if (isFunction(callee)) return callee;
    // fn.call(self, a, b) / fn.apply(self, args)
    if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      const name = propertyName(callee);
      if ((name === 'call' || name === 'apply') && this.functionOf(callee.object)) return this.functionOf(callee.object);
    }
    return this.functionOf(callee, call);
  }

  /** The arguments a call passes to its callee's parameters (`fn.call(self, a, b)`: `a, b`). */
  argumentsOf(call: Call): readonly TSESTree.CallExpressionArgument[] {
    const callee = unwrap(call.callee);
    if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      const name = propertyName(callee);
      if (name === 'call' && this.functionOf(callee.object)) return call.arguments.slice(1);
      if (name === 'apply' && this.functionOf(callee.object)) {
        const list = call.arguments[1] && unwrap(call.arguments[1]);
        return list?.type === AST_NODE_TYPES.ArrayExpression
          ? (list.elements.filter((e) => e !== null) as TSESTree.CallExpressionArgument[])
          : [];
      }
    }
    return call.arguments;
  }

  /** The constructor a `new X()` runs: the class's `constructor`, or the function `X` itself. */
  private constructorOf(callee: TSESTree.Node): FunctionNode | undefined {
    const target = this.classOrFunction(callee);
    if (!target) return undefined;
    if (isFunction(target)) return target;
    for (const el of target.body) {
      if (el.type === AST_NODE_TYPES.MethodDefinition && el.kind === 'constructor' && isFunction(el.value)) return el.value;
    }
    return undefined;
  }

  /** The class body or function a name refers to (`class C {}`, `function F() {}`, `const C = class {}`). */
  private classOrFunction(node: TSESTree.Node): TSESTree.ClassBody | FunctionNode | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.ClassExpression) return n.body;
    if (isFunction(n)) return n;
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = this.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (!def) return undefined;
    if (def.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) {
      return def.node.body;
    }
    if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (init.type === AST_NODE_TYPES.ClassExpression) return init.body;
      if (isFunction(init)) return init;
    }
    return undefined;
  }

  /** The same-file function a reference names (`solve`, `this.poll`, `self.poll`, `client.result`), or a function itself. */
  functionOf(ref: TSESTree.Node, at: TSESTree.Node = ref): FunctionNode | undefined {
    const n = unwrap(ref);
    if (isFunction(n)) return n;
    if (n.type === AST_NODE_TYPES.Identifier) {
      const v = this.variableOf(n);
      const def = v?.defs.length === 1 ? v.defs[0] : undefined;
      if (!def) return undefined;
      if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        const init = unwrap(def.node.init);
        if (isFunction(init)) return init;
        // const send = this.send.bind(this), const get = helpers.get
        if (v!.references.filter((r) => r.isWrite()).length === 1) return this.boundFunction(init, at);
      }
      return undefined;
    }
    if (n.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = propertyName(n);
    if (name === undefined) return undefined;
    const candidates = this.methodIndex().get(name);
    if (!candidates || candidates.length === 0) return undefined;
    const obj = unwrap(n.object);
    if (this.isThis(obj)) {
      const owner = this.thisOwner(obj.type === AST_NODE_TYPES.ThisExpression ? at : this.aliasSite(obj) ?? at);
      if (owner) {
        const own = candidates.find((fn) => this.methodOwner(fn) === owner);
        if (own) return own;
      }
    }
    const target = this.instanceOwner(obj);
    if (target) {
      const own = candidates.find((fn) => this.methodOwner(fn) === target);
      if (own) return own;
    }
    // `X.send()` for `X.send = function …` / `exports.send = …`
    const objText = memberText(obj);
    if (objText !== undefined) {
      const own = candidates.find((fn) => {
        const p = fn.parent;
        return p?.type === AST_NODE_TYPES.AssignmentExpression && p.left.type === AST_NODE_TYPES.MemberExpression && memberText(p.left.object) === objText;
      });
      if (own) return own;
    }
    // An instance made elsewhere (`this.solver.getResult()`): trust a name that only one function has, unless
    // the object is another module's (`Errors.res(…)` of an import) or a global the file does not declare.
    return candidates.length === 1 && !this.isForeign(obj) ? candidates[0] : undefined;
  }

  /** An object rooted in an import, a `require(…)`, or a name the file never declares (`console`, `JSON`). */
  private isForeign(obj: TSESTree.Node): boolean {
    let root = unwrap(obj);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    if (root.type !== AST_NODE_TYPES.Identifier) return false;
    const v = this.variableOf(root);
    const def = v?.defs[0];
    if (!def) return true;
    if (def.type === 'ImportBinding') return true;
    const init = def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init ? unwrap(def.node.init) : undefined;
    return init?.type === AST_NODE_TYPES.CallExpression && init.callee.type === AST_NODE_TYPES.Identifier && init.callee.name === 'require';
  }

  /** `x.bind(…)` of a function, or a member that names one. */
  private boundFunction(init: TSESTree.Node, at: TSESTree.Node): FunctionNode | undefined {
    if (init.type === AST_NODE_TYPES.CallExpression && calleeName(init) === 'bind' && init.callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.functionOf(init.callee.object, at);
    }
    if (init.type === AST_NODE_TYPES.MemberExpression) return this.functionOf(init, at);
    return undefined;
  }

  /** Where `const self = this` is written: `this` there is what the alias holds. */
  private aliasSite(id: TSESTree.Node): TSESTree.Node | undefined {
    if (id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.variableOf(id)?.defs[0];
    return def?.node.type === AST_NODE_TYPES.VariableDeclarator ? (def.node.init ?? undefined) : undefined;
  }

  /** The owner of the instance an expression holds: `new C()`, an object literal, a class or function constructor. */
  private instanceOwner(obj: TSESTree.Node): Owner | undefined {
    const value = this.valueOf(obj);
    const v = value && unwrap(value);
    if (v?.type === AST_NODE_TYPES.NewExpression) return this.classOrFunction(v.callee);
    if (v?.type === AST_NODE_TYPES.ObjectExpression) return v;
    // `module.exports = { … }` read back as `module.exports.send()`, or `Client.create()` on a class.
    return this.classOrFunction(obj);
  }

  /** The owner a method belongs to: its class, object literal, or the constructor whose prototype it extends. */
  methodOwner(fn: FunctionNode): Owner | undefined {
    const cached = this.owners.get(fn);
    if (cached !== undefined) return cached ?? undefined;
    this.owners.set(fn, null);
    const owner = this.computeMethodOwner(fn);
    this.owners.set(fn, owner ?? null);
    return owner;
  }

  private computeMethodOwner(fn: FunctionNode): Owner | undefined {
    const parent = fn.parent;
    if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && parent.parent?.type === AST_NODE_TYPES.ClassBody) {
      return parent.parent;
    }
    if (parent?.type === AST_NODE_TYPES.Property && parent.parent?.type === AST_NODE_TYPES.ObjectExpression) {
      return this.objectOwner(parent.parent);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn && parent.left.type === AST_NODE_TYPES.MemberExpression) {
      const target = unwrap(parent.left.object);
      // X.prototype.send = function () {}
      if (target.type === AST_NODE_TYPES.MemberExpression && propertyName(target) === 'prototype') {
        return this.classOrFunction(target.object);
      }
      // this.send = function () {} in a constructor
      if (this.isThis(target)) return this.thisOwner(target.type === AST_NODE_TYPES.ThisExpression ? parent : this.aliasSite(target) ?? parent);
      return this.instanceOwner(target);
    }
    return undefined;
  }

  /** An object literal's owner: itself, or the constructor whose prototype it fills (`Object.assign(X.prototype, {…})`, `X.prototype = {…}`). */
  private objectOwner(obj: TSESTree.ObjectExpression): Owner {
    const p = obj.parent;
    if (p?.type === AST_NODE_TYPES.CallExpression && p.arguments[0] !== obj && isObjectAssign(p)) {
      const target = p.arguments[0] && unwrap(p.arguments[0]);
      if (target?.type === AST_NODE_TYPES.MemberExpression && propertyName(target) === 'prototype') {
        return this.classOrFunction(target.object) ?? obj;
      }
    }
    if (p?.type === AST_NODE_TYPES.AssignmentExpression && p.right === obj && p.left.type === AST_NODE_TYPES.MemberExpression && propertyName(p.left) === 'prototype') {
      return this.classOrFunction(p.left.object) ?? obj;
    }
    return obj;
  }

  /** The class body, object literal or constructor function `this` refers to at `node`. */
  thisOwner(node: TSESTree.Node): Owner | undefined {
    for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
      if (cur.type === AST_NODE_TYPES.ClassBody) return cur;
      if (cur.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
      if (cur.type === AST_NODE_TYPES.FunctionDeclaration || cur.type === AST_NODE_TYPES.FunctionExpression) {
        return this.methodOwner(cur) ?? cur;
      }
    }
    return undefined;
  }

  /**
   * Every value written to `this.name` for an owner: field initialisers, assignments, getters, parameter
   * properties; with `statics`, where `this` is the class itself (in a static method), its static fields.
   */
  fieldWrites(owner: Owner, name: string, statics = false): readonly FieldWrite[] {
    if (statics) return owner.type === AST_NODE_TYPES.ClassBody ? this.staticFields(owner, name) : [];
    let map = this.fieldMaps.get(owner);
    if (!map) {
      map = this.collectFields(owner);
      this.fieldMaps.set(owner, map);
    }
    return map.get(name) ?? [];
  }

  /** The static fields and getters of a class with that name. */
  private staticFields(body: TSESTree.ClassBody, name: string): FieldWrite[] {
    const out: FieldWrite[] = [];
    for (const el of body.body) {
      if (el.type !== AST_NODE_TYPES.PropertyDefinition && el.type !== AST_NODE_TYPES.MethodDefinition) continue;
      if (!el.static || propertyName(el) !== name) continue;
      if (el.type === AST_NODE_TYPES.PropertyDefinition) {
        if (el.value) out.push({ node: el, value: el.value });
      } else if (el.kind === 'get' && el.value.type === AST_NODE_TYPES.FunctionExpression) out.push({ node: el, getter: el.value });
    }
    return out;
  }

  /** Whether `this` at a node is the class itself: in a static method, static field or static block. */
  isStaticThis(node: TSESTree.Node): boolean {
    for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
      if (cur.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
      if (cur.type === AST_NODE_TYPES.StaticBlock) return true;
      if (cur.type === AST_NODE_TYPES.PropertyDefinition && cur.parent?.type === AST_NODE_TYPES.ClassBody) return cur.static;
      if (cur.type === AST_NODE_TYPES.FunctionExpression || cur.type === AST_NODE_TYPES.FunctionDeclaration) {
        return cur.parent?.type === AST_NODE_TYPES.MethodDefinition && cur.parent.static;
      }
      if (cur.type === AST_NODE_TYPES.ClassBody) return false;
    }
    return false;
  }

  private collectFields(owner: Owner): Map<string, FieldWrite[]> {
    const m = new Map<string, FieldWrite[]>();
    const add = (n: string | undefined, w: FieldWrite): void => {
      if (n === undefined) return;
      let list = m.get(n);
      if (!list) m.set(n, (list = []));
      list.push(w);
    };
    if (owner.type === AST_NODE_TYPES.ClassBody) {
      for (const el of owner.body) {
        if (el.type === AST_NODE_TYPES.PropertyDefinition && !el.static && el.value) {
          add(propertyName(el), { node: el, value: el.value });
        } else if (el.type === AST_NODE_TYPES.MethodDefinition && !el.static && el.value.type === AST_NODE_TYPES.FunctionExpression) {
          if (el.kind === 'get') add(propertyName(el), { node: el, getter: el.value });
          if (el.kind === 'constructor') {
            for (const p of el.value.params) {
              if (p.type !== AST_NODE_TYPES.TSParameterProperty) continue;
              const inner = p.parameter.type === AST_NODE_TYPES.AssignmentPattern ? p.parameter.left : p.parameter;
              if (inner.type === AST_NODE_TYPES.Identifier) add(inner.name, { node: p, param: { fn: el.value, name: inner } });
            }
          }
        }
      }
    } else if (owner.type === AST_NODE_TYPES.ObjectExpression) {
      for (const p of owner.properties) {
        if (p.type !== AST_NODE_TYPES.Property) continue;
        if (p.kind === 'get' && isFunction(p.value)) add(propertyName(p), { node: p, getter: p.value });
        else if (p.kind === 'init') add(propertyName(p), { node: p, value: p.value });
      }
    }
    for (const a of this.thisWritesOf(owner)) {
      add(propertyName(a.left as TSESTree.MemberExpression), { node: a, value: a.right });
    }
    // `this.key = null` before the real value (or to clear it): an empty start, not a value the field is used with.
    for (const [name, list] of m) {
      const kept = list.filter((w) => !w.value || !isEmptyValue(w.value));
      if (kept.length > 0 && kept.length < list.length) m.set(name, kept);
    }
    return m;
  }

  /** `this.x = …` (or `self.x = …`) assignments, by the owner `this` refers to there. */
  private thisWritesOf(owner: Owner): readonly TSESTree.AssignmentExpression[] {
    if (!this.thisWrites) {
      const map = new Map<Owner, TSESTree.AssignmentExpression[]>();
      for (const a of this.index.memberWrites) {
        if (a.operator !== '=' || a.left.type !== AST_NODE_TYPES.MemberExpression) continue;
        const obj = unwrap(a.left.object);
        if (!this.isThis(obj)) continue;
        const o = this.thisOwner(obj.type === AST_NODE_TYPES.ThisExpression ? a : this.aliasSite(obj) ?? a);
        if (!o) continue;
        let list = map.get(o);
        if (!list) map.set(o, (list = []));
        list.push(a);
      }
      this.thisWrites = map;
    }
    return this.thisWrites.get(owner) ?? [];
  }

  /** Where `this.name` is read (not written) in the code `this` is `owner` in: a class, an object literal, a constructor and its prototype methods. */
  thisReads(owner: Owner, name: string): TSESTree.MemberExpression[] {
    let byName = this.fieldReads.get(owner);
    if (!byName) {
      const map = new Map<string, TSESTree.MemberExpression[]>();
      const roots: TSESTree.Node[] = owner.type === AST_NODE_TYPES.ClassBody || owner.type === AST_NODE_TYPES.ObjectExpression ? [owner] : [];
      for (const fn of this.index.functions) {
        if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && (this.methodOwner(fn) ?? fn) === owner && !roots.some((r) => r.range[0] <= fn.range[0] && fn.range[1] <= r.range[1])) {
          roots.push(fn);
        }
      }
      for (const root of roots) {
        this.walk(root, (n) => {
          if (n.type !== AST_NODE_TYPES.MemberExpression || !this.isThis(n.object)) return true;
          const up = n.parent;
          if (up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === n) return true;
          const obj = unwrap(n.object);
          if (this.thisOwner(obj.type === AST_NODE_TYPES.ThisExpression ? n : (this.aliasSite(obj) ?? n)) !== owner) return true;
          const k = propertyName(n);
          if (k === undefined) return true;
          let list = map.get(k);
          if (!list) map.set(k, (list = []));
          list.push(n);
          return true;
        });
      }
      this.fieldReads.set(owner, (byName = map));
    }
    return byName.get(name) ?? [];
  }

  /** Same-file calls of a function, and the `new` expressions that run it as a constructor. */
  callSites(fn: FunctionNode): readonly Call[] {
    let list = this.sites.get(fn);
    if (list) return list;
    list = [];
    const name = this.siteName(fn);
    if (name !== undefined) {
      if (!this.byName) {
        const map = new Map<string, Call[]>();
        const add = (c: Call): void => {
          const callee = unwrap(c.callee);
          // fn.call(self, …) / fn.apply(self, …) are listed under `fn`.
          let n = calleeName(c);
          if ((n === 'call' || n === 'apply') && callee.type === AST_NODE_TYPES.MemberExpression) {
            const inner = unwrap(callee.object);
            n = inner.type === AST_NODE_TYPES.Identifier ? inner.name : inner.type === AST_NODE_TYPES.MemberExpression ? propertyName(inner) : n;
          }
          if (n === undefined) return;
          let l = map.get(n);
          if (!l) map.set(n, (l = []));
          l.push(c);
        };
        for (const c of this.index.calls) add(c);
        for (const c of this.index.news) add(c);
        this.byName = map;
      }
      for (const c of this.byName.get(name) ?? []) if (this.calleeOf(c) === fn) list.push(c);
    }
    this.sites.set(fn, list);
    return list;
  }

  /** The name calls of a function are written with: its own, or its class's for a constructor. */
  private siteName(fn: FunctionNode): string | undefined {
    const p = fn.parent;
    if (p?.type === AST_NODE_TYPES.MethodDefinition && p.kind === 'constructor') {
      const cls = p.parent?.parent;
      if (cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression) {
        if (cls.id) return cls.id.name;
        const holder = cls.parent;
        return holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : undefined;
      }
      return undefined;
    }
    return this.functionName(fn);
  }

  /** Expressions a function returns (not those of nested functions); an arrow's expression body. */
  returnsOf(fn: FunctionNode): readonly TSESTree.Node[] {
    let list = this.returns.get(fn);
    if (!list) {
      const out: TSESTree.Node[] = [];
      if (fn.body.type !== AST_NODE_TYPES.BlockStatement) out.push(fn.body);
      else {
        this.walk(fn.body, (node) => {
          if (isFunction(node)) return false;
          if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) out.push(node.argument);
          return true;
        });
      }
      this.returns.set(fn, (list = out));
    }
    return list;
  }

  /** A frame that follows `site` into `fn`, or undefined when frames are nested too deep or `fn` is already followed. */
  enter(fn: FunctionNode, site: Call, outer?: Frame): Frame | undefined {
    const depth = (outer?.depth ?? 0) + 1;
    if (depth > MAX_FRAMES) return undefined;
    for (let f = outer; f; f = f.outer) if (f.fn === fn) return undefined;
    return { fn, site, args: this.argumentsOf(site), outer, depth };
  }

  /** The argument a frame binds to a parameter, and the frame it is evaluated in; `default` when it is missing. */
  private bound(frame: Frame, index: number): { node?: TSESTree.Node; frame: Frame | undefined } | undefined {
    const arg = frame.args[index];
    if (arg?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    for (let i = 0; i < index; i++) if (frame.args[i]?.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return { node: arg, frame: frame.outer };
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Single values                                                                               */
  /* ------------------------------------------------------------------------------------------ */

  /**
   * The single expression a name or `this.field` always holds: a `const` initialiser, the only write to
   * a `let`/`var`, a destructured property of a known object, the only value a field is given. A
   * parameter resolves to its default only when `soft` is set.
   */
  valueOf(node: TSESTree.Node, soft = false): TSESTree.Node | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) return this.identifierValue(n, soft);
    if (n.type === AST_NODE_TYPES.MemberExpression && this.isThis(n.object)) {
      const name = propertyName(n);
      if (name === undefined) return undefined;
      const hit = this.singles.get(n);
      if (hit !== undefined) return hit ?? undefined;
      const obj = unwrap(n.object);
      const at = obj.type === AST_NODE_TYPES.ThisExpression ? n : this.aliasSite(obj) ?? n;
      const owner = this.thisOwner(at);
      const writes = owner ? this.fieldWrites(owner, name, this.isStaticThis(at)).filter((w) => w.value !== undefined) : [];
      const result = writes.length === 1 ? writes[0]!.value! : null;
      this.singles.set(n, result);
      return result ?? undefined;
    }
    // Client.ENDPOINT: a static field of a class of the file, or a static getter that returns one expression.
    if (n.type === AST_NODE_TYPES.MemberExpression && unwrap(n.object).type === AST_NODE_TYPES.Identifier) {
      const name = propertyName(n);
      const cls = name === undefined ? undefined : this.classOrFunction(n.object);
      if (!cls || cls.type !== AST_NODE_TYPES.ClassBody) return undefined;
      const writes = this.staticFields(cls, name!);
      const w = writes.length === 1 ? writes[0]! : undefined;
      return w?.value ?? (w?.getter && singleReturn(w.getter));
    }
    return undefined;
  }

  private identifierValue(id: TSESTree.Identifier, soft: boolean): TSESTree.Node | undefined {
    if (!soft && this.singles.has(id)) return this.singles.get(id) ?? undefined;
    const variable = this.variableOf(id);
    let result: TSESTree.Node | null = null;
    if (variable && variable.defs.length === 1) {
      const def = variable.defs[0]!;
      const writes = variable.references.filter((r) => r.isWrite());
      if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
        const decl = def.node;
        if (decl.id.type === AST_NODE_TYPES.Identifier && decl.init && writes.length === 1) {
          result = decl.init;
        } else if (decl.id.type === AST_NODE_TYPES.ObjectPattern && decl.init && writes.length === 1) {
          // const { KEY } = CONFIG
          const prop = decl.id.properties.find(
            (p) => p.type === AST_NODE_TYPES.Property && p.value.type === AST_NODE_TYPES.Identifier && p.value.name === id.name,
          );
          const name = prop?.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
          const obj = name !== undefined ? this.object(decl.init) : undefined;
          const found = obj && name !== undefined ? findProperty(obj, name) : undefined;
          if (found) result = found.value;
        } else if (!decl.init && writes.length === 1) {
          const write = writes[0]!.writeExpr;
          if (write) result = write;
        }
      } else if (def.type === 'Parameter' && soft) {
        const param = def.name.parent;
        if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name && writes.length <= 1) {
          result = param.right;
        }
      }
    }
    if (!soft) this.singles.set(id, result);
    return result ?? undefined;
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Objects                                                                                     */
  /* ------------------------------------------------------------------------------------------ */

  /** The object literal an expression is, or always holds (`CONFIG`, `CONFIG.api`, `this.opts`, a parameter bound by a frame). */
  object(node: TSESTree.Node, frame?: Frame, depth = 0): TSESTree.ObjectExpression | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
    if (depth > MAX_DEPTH) return undefined;
    const bound = this.boundParam(n, frame);
    if (bound) return bound.node ? this.object(bound.node, bound.frame, depth + 1) : undefined;
    if (n.type === AST_NODE_TYPES.MemberExpression && !this.isThis(n.object)) {
      const name = propertyName(n);
      const obj = name === undefined ? undefined : this.object(n.object, frame, depth + 1);
      const prop = obj && name !== undefined ? findProperty(obj, name) : undefined;
      if (prop) return this.object(prop.value, frame, depth + 1);
    }
    const v = this.valueOf(n);
    return v ? this.object(v, undefined, depth + 1) : undefined;
  }

  /** The value of a property of an object-valued expression: `CONFIG.key`, `opts.url`. */
  member(node: TSESTree.Node, name: string): TSESTree.Node | undefined {
    const obj = this.object(node);
    const prop = obj ? findProperty(obj, name) : undefined;
    return prop?.value;
  }

  /**
   * The fields an object-valued expression has: literal properties, spreads, `Object.assign` sources,
   * later `obj.x = …` writes and `append`/`set` calls on a variable that holds it, with parameters
   * followed into the frame's arguments.
   */
  shape(node: TSESTree.Node, frame?: Frame, depth = 0): ObjectShape | undefined {
    if (!frame) {
      const hit = this.shapes.get(node);
      if (hit !== undefined) return hit ?? undefined;
      this.shapes.set(node, null);
    }
    let result: ObjectShape | undefined;
    try {
      result = depth > MAX_DEPTH ? undefined : this.computeShape(node, frame, depth);
    } catch {
      result = undefined;
    }
    if (!frame) this.shapes.set(node, result ?? null);
    return result;
  }

  private computeShape(node: TSESTree.Node, frame: Frame | undefined, depth: number): ObjectShape | undefined {
    const n = unwrap(node);
    const bound = this.boundParam(n, frame);
    if (bound) {
      // What the call site passes, with what the function writes into it (`body.clientKey = this.key`).
      const inner = bound.node ? this.shape(bound.node, bound.frame, depth + 1) : undefined;
      const v = n.type === AST_NODE_TYPES.Identifier ? this.variableOf(n) : undefined;
      return inner && v ? this.withWrites(inner, v, depth) : inner;
    }
    switch (n.type) {
      case AST_NODE_TYPES.ObjectExpression: {
        const fields = new Map<string, Slot>();
        let open = false;
        let unbound: TSESTree.Node | undefined;
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) {
            const inner = this.shape(p.argument, frame, depth + 1);
            if (!inner) open = true;
            else {
              for (const [k, s] of inner.fields) fields.set(k, s);
              open ||= inner.open;
              unbound ??= inner.unbound;
            }
            continue;
          }
          const name = propertyName(p);
          if (name === undefined) open = true;
          else fields.set(name, { node: p.value, frame });
        }
        return { node: n, fields, open, unbound };
      }
      case AST_NODE_TYPES.NewExpression: {
        const cls = n.callee.type === AST_NODE_TYPES.Identifier ? n.callee.name : undefined;
        if (cls !== undefined && (PARAM_CLASSES.has(cls) || URL_CLASSES.has(cls))) {
          const fields = new Map<string, Slot>();
          let open = false;
          const init = n.arguments[0];
          if (cls !== 'URL' && init && init.type !== AST_NODE_TYPES.SpreadElement) {
            const inner = this.shape(init, frame, depth + 1);
            if (inner) {
              for (const [k, s] of inner.fields) fields.set(k, s);
              open = inner.open;
            } else {
              // new URLSearchParams('a=1&b=2') / a string of unknown text
              open = true;
            }
          }
          return { node: n, fields, open };
        }
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        // Object.assign({}, defaults, { clientKey }) / Object.assign(target, …)
        if (isObjectAssign(n)) {
          const fields = new Map<string, Slot>();
          let open = false;
          let unbound: TSESTree.Node | undefined;
          for (const a of n.arguments) {
            if (a.type === AST_NODE_TYPES.SpreadElement) {
              open = true;
              continue;
            }
            const inner = this.shape(a, frame, depth + 1);
            if (!inner) open = true;
            else {
              for (const [k, s] of inner.fields) fields.set(k, s);
              open ||= inner.open;
              unbound ??= inner.unbound;
            }
          }
          return { node: n, fields, open, unbound };
        }
        // A same-file function that builds the object: its returned shape, with its parameters bound.
        const fn = this.calleeOf(n);
        if (fn) {
          const inner = this.enter(fn, n, frame);
          const rets = this.returnsOf(fn);
          if (inner && rets.length === 1) return this.shape(rets[0]!, inner, depth + 1);
        }
        return undefined;
      }
      case AST_NODE_TYPES.Identifier: {
        const v = this.variableOf(n);
        const value = this.valueOf(n);
        // A local of the function the frame binds (`const all = Object.assign({}, defaults, params)`) is read
        // in that frame, with its parameters bound.
        const local = frame && value && contains(frame.fn, value) ? frame : undefined;
        let base = value ? this.shape(value, local, depth + 1) : undefined;
        // A parameter no frame binds: what the function writes into it, the rest unknown.
        if (!base && v && this.parameterOf(n)) base = { node: n, fields: new Map(), open: true, unbound: n };
        if (!base || !v) return base;
        return this.withWrites(base, v, depth);
      }
      case AST_NODE_TYPES.MemberExpression: {
        if (this.isThis(n.object)) {
          const value = this.valueOf(n);
          return value ? this.shape(value, undefined, depth + 1) : undefined;
        }
        const name = propertyName(n);
        if (name === undefined) return undefined;
        const obj = this.shape(n.object, frame, depth + 1);
        const slot = obj?.fields.get(name);
        return slot ? this.shape(slot.node, slot.frame, depth + 1) : undefined;
      }
      default:
        return undefined;
    }
  }

  /** Adds what later statements write into the object a variable holds: `o.x = v`, `o.append('x', v)`, `Object.assign(o, …)`. */
  private withWrites(base: ObjectShape, v: Variable, depth: number): ObjectShape {
    let fields: Map<string, Slot> | undefined;
    let open = base.open;
    const set = (k: string, s: Slot): void => {
      fields ??= new Map(base.fields);
      fields.set(k, s);
    };
    for (const ref of v.references) {
      const id = ref.identifier as TSESTree.Node;
      const p = id.parent;
      if (p?.type === AST_NODE_TYPES.MemberExpression && p.object === id) {
        const name = propertyName(p);
        const pp = p.parent;
        if (pp?.type === AST_NODE_TYPES.AssignmentExpression && pp.left === p && pp.operator === '=' && name !== undefined) {
          set(name, { node: pp.right, frame: undefined });
        } else if (
          (name === 'append' || name === 'set') &&
          pp?.type === AST_NODE_TYPES.CallExpression &&
          pp.callee === p &&
          pp.arguments.length >= 2
        ) {
          const field = this.string(pp.arguments[0]!);
          if (field !== undefined) set(field, { node: pp.arguments[1]!, frame: undefined });
          else open = true;
        }
      } else if (p?.type === AST_NODE_TYPES.CallExpression && p.arguments[0] === id && isObjectAssign(p)) {
        for (const a of p.arguments.slice(1)) {
          const inner = a.type === AST_NODE_TYPES.SpreadElement ? undefined : this.shape(a, undefined, depth + 1);
          if (!inner) open = true;
          else for (const [k, s] of inner.fields) set(k, s);
        }
      }
    }
    return fields || open !== base.open ? { node: base.node, fields: fields ?? base.fields, open } : base;
  }

  /** A parameter a frame binds (`{ node, frame }` of its argument, no `node` when nothing is passed and there is no default). */
  private boundParam(n: TSESTree.Node, frame: Frame | undefined): { node?: TSESTree.Node; frame: Frame | undefined } | undefined {
    if (!frame || n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const p = this.parameterOf(n);
    if (!p) return undefined;
    for (let f: Frame | undefined = frame; f; f = f.outer) {
      if (f.fn !== p.fn) continue;
      return this.argumentFor(p, f);
    }
    return undefined;
  }

  /** What a frame passes to a parameter (through its destructuring path), or its default. */
  argumentFor(p: ParamRef, f: Frame): { node?: TSESTree.Node; frame: Frame | undefined } | undefined {
    const b = this.bound(f, p.index);
    if (!b) return undefined;
    let node = b.node;
    let at = b.frame;
    for (const key of p.path) {
      if (!node) break;
      const shape = this.shape(node, at);
      if (!shape) return undefined;
      const slot = shape.fields.get(key);
      if (!slot && shape.open) return undefined;
      node = slot?.node;
      at = slot?.frame;
    }
    if (node) return { node, frame: at };
    // Nothing passed: the default written with the parameter, read in the function itself.
    if (p.fallback) return { node: p.fallback, frame: f };
    const param = p.fn.params[p.index];
    if (p.path.length === 0 && param?.type === AST_NODE_TYPES.AssignmentPattern) return { node: param.right, frame: f };
    return { frame: at };
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Numbers                                                                                     */
  /* ------------------------------------------------------------------------------------------ */

  /** A number fixed in the source: literals, constants, `10 * 60 * 1000`, `CONFIG.limit`, a bound parameter. */
  number(node: TSESTree.Node, frame?: Frame): number | undefined {
    return this.numeric(node, frame).value;
  }

  /** A number and, when it is written as one numeric literal (in place or in a same-file `const`), that literal. */
  numeric(node: TSESTree.Node, frame?: Frame, depth = 0): { value?: number; literal?: TSESTree.Literal } {
    if (depth > MAX_DEPTH) return {};
    const n = unwrap(node);
    if (!frame) {
      const cached = this.numbers.get(n);
      if (cached === null) return {};
      if (cached !== undefined) return n.type === AST_NODE_TYPES.Literal ? { value: cached, literal: n } : { value: cached, literal: this.constLiteral(n) };
    }
    const result = this.computeNumber(n, frame, depth);
    if (!frame) this.numbers.set(n, result.value ?? null);
    return result;
  }

  private constLiteral(n: TSESTree.Node): TSESTree.Literal | undefined {
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = this.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (
      def?.type === 'Variable' &&
      def.node.type === AST_NODE_TYPES.VariableDeclarator &&
      def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
      def.parent.kind === 'const' &&
      def.node.init
    ) {
      const init = unwrap(def.node.init);
      if (init.type === AST_NODE_TYPES.Literal && typeof init.value === 'number') return init;
    }
    return undefined;
  }

  private computeNumber(n: TSESTree.Node, frame: Frame | undefined, depth: number): { value?: number; literal?: TSESTree.Literal } {
    const num = (x: TSESTree.Node, f: Frame | undefined = frame): number | undefined => this.numeric(x, f, depth + 1).value;
    const bound = this.boundParam(n, frame);
    if (bound) return bound.node ? this.numeric(bound.node, bound.frame, depth + 1) : {};
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return typeof n.value === 'number' ? { value: n.value, literal: n } : {};
      case AST_NODE_TYPES.UnaryExpression: {
        const v = num(n.argument);
        if (v === undefined) return {};
        return n.operator === '-' ? { value: -v } : n.operator === '+' ? { value: v } : {};
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (n.left.type === AST_NODE_TYPES.PrivateIdentifier) return {};
        const a = num(n.left);
        const b = a === undefined ? undefined : num(n.right);
        if (a === undefined || b === undefined) return {};
        switch (n.operator) {
          case '+':
            return { value: a + b };
          case '-':
            return { value: a - b };
          case '*':
            return { value: a * b };
          case '/':
            return b === 0 ? {} : { value: a / b };
          case '%':
            return b === 0 ? {} : { value: a % b };
          case '**':
            return { value: a ** b };
          default:
            return {};
        }
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(n);
        if (name === undefined) return {};
        if (this.isThis(n.object)) {
          const v = this.valueOf(n);
          return v ? this.numeric(v, undefined, depth + 1) : {};
        }
        const obj = this.shape(n.object, frame);
        const slot = obj?.fields.get(name);
        if (slot) return this.numeric(slot.node, slot.frame, depth + 1);
        return { value: this.importedValue(n)?.number };
      }
      case AST_NODE_TYPES.Identifier: {
        const v = this.valueOf(n);
        if (!v) {
          // A parameter no call site of the file passes: its default, what the function does when called without it.
          const p = this.parameterOf(n);
          const fallback = p && !frame ? this.unpassedDefault(p) : undefined;
          if (fallback) return { value: this.numeric(fallback, undefined, depth + 1).value };
          return { value: this.importedValue(n)?.number };
        }
        const inner = this.numeric(v, undefined, depth + 1);
        return { value: inner.value, literal: inner.value === undefined ? undefined : this.constLiteral(n) };
      }
      case AST_NODE_TYPES.CallExpression: {
        // Math.min(a, b) / Math.max(a, b) with known arguments.
        const callee = unwrap(n.callee);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          callee.object.type === AST_NODE_TYPES.Identifier &&
          callee.object.name === 'Math'
        ) {
          const fn = propertyName(callee);
          if (fn === 'min' || fn === 'max') {
            const args = n.arguments.map((a) => num(a));
            if (args.length === 0 || args.some((a) => a === undefined)) return {};
            return { value: fn === 'min' ? Math.min(...(args as number[])) : Math.max(...(args as number[])) };
          }
        }
        return {};
      }
      default:
        return {};
    }
  }

  /**
   * The largest value a number can have, where the source shows one: the number itself when it is fixed;
   * for a parameter, the largest its call sites pass (its default where a site passes nothing, the
   * default alone with no call site); a conditional's larger branch, each read under its test
   * (`t > 0 && t <= 300 ? t : 120` is at most 300); `Math.min` of anything known; `Math.max` of knowns.
   */
  upperBound(node: TSESTree.Node, depth = 0, under: readonly TSESTree.Node[] = []): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const n = unwrap(node);
    const exact = this.numeric(n).value;
    if (exact !== undefined) return exact;
    const up = (x: TSESTree.Node, tests: readonly TSESTree.Node[] = under): number | undefined => this.upperBound(x, depth + 1, tests);
    switch (n.type) {
      case AST_NODE_TYPES.Identifier: {
        const limit = narrowed(this, n, under);
        if (limit !== undefined) return limit;
        const p = this.parameterOf(n);
        if (p) return this.paramUpperBound(p, depth);
        const v = this.valueOf(n);
        return v ? up(v, []) : undefined;
      }
      case AST_NODE_TYPES.MemberExpression: {
        const v = this.valueOf(n);
        return v ? up(v, []) : undefined;
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        const a = up(n.consequent, [...under, n.test]);
        const b = up(n.alternate);
        return a === undefined || b === undefined ? undefined : Math.max(a, b);
      }
      case AST_NODE_TYPES.LogicalExpression: {
        const a = up(n.left);
        const b = up(n.right);
        return a === undefined || b === undefined ? undefined : Math.max(a, b);
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (n.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
        const k = this.numeric(n.right).value;
        const a = up(n.left);
        if (a === undefined || k === undefined) {
          // k + x, k * x: the same the other way round
          const k2 = this.numeric(n.left).value;
          const b = up(n.right);
          if (k2 === undefined || b === undefined) return undefined;
          if (n.operator === '+') return k2 + b;
          if (n.operator === '*' && k2 >= 0) return k2 * b;
          return undefined;
        }
        if (n.operator === '+') return a + k;
        if (n.operator === '-') return a - k;
        if (n.operator === '*' && k >= 0) return a * k;
        if (n.operator === '/' && k > 0) return a / k;
        return undefined;
      }
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(n.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier || callee.object.name !== 'Math') return undefined;
        const name = propertyName(callee);
        const args = n.arguments.map((a) => (a.type === AST_NODE_TYPES.SpreadElement ? undefined : up(a)));
        if (name === 'min') {
          const known = args.filter((a): a is number => a !== undefined);
          return known.length > 0 ? Math.min(...known) : undefined;
        }
        if ((name === 'max' || name === 'ceil' || name === 'floor' || name === 'round') && args.length > 0 && args.every((a) => a !== undefined)) {
          const xs = args as number[];
          return name === 'max' ? Math.max(...xs) : name === 'ceil' ? Math.ceil(xs[0]!) : name === 'floor' ? Math.floor(xs[0]!) : Math.round(xs[0]!);
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** The default of a parameter, or of a destructured part of one (`{ tries = 60 } = {}`). */
  private defaultOf(p: ParamRef): TSESTree.Node | undefined {
    return p.fallback ?? (p.path.length === 0 && p.fn.params[p.index]?.type === AST_NODE_TYPES.AssignmentPattern ? (p.fn.params[p.index] as TSESTree.AssignmentPattern).right : undefined);
  }

  /** The default of a parameter that no call site outside the function passes. */
  private unpassedDefault(p: ParamRef): TSESTree.Node | undefined {
    return this.outsideSites(p.fn).length > 0 ? undefined : this.defaultOf(p);
  }

  /** The file's call sites of a function, less its own recursive calls. */
  private outsideSites(fn: FunctionNode): Call[] {
    return this.callSites(fn).filter((site) => !(fn.range[0] <= site.range[0] && site.range[1] <= fn.range[1]));
  }

  /** The largest number a parameter is given at the file's call sites (or its default). */
  private paramUpperBound(p: ParamRef, depth: number): number | undefined {
    const sites = this.outsideSites(p.fn);
    const fallback = this.defaultOf(p);
    if (sites.length === 0) return fallback ? this.upperBound(fallback, depth + 1) : undefined;
    if (sites.length > MAX_SITES || this.resolving.has(p.variable)) return undefined;
    this.resolving.add(p.variable);
    try {
      let max: number | undefined;
      for (const site of sites) {
        const frame = this.enter(p.fn, site);
        const arg = frame && this.argumentFor(p, frame);
        if (!arg?.node) return undefined;
        const v = arg.frame ? this.numeric(arg.node, arg.frame).value : this.upperBound(arg.node, depth + 1);
        if (v === undefined) return undefined;
        max = max === undefined ? v : Math.max(max, v);
      }
      return max;
    } finally {
      this.resolving.delete(p.variable);
    }
  }

  /* ------------------------------------------------------------------------------------------ */
  /* Strings                                                                                     */
  /* ------------------------------------------------------------------------------------------ */

  /** A string fixed in the source, or undefined when any part of it is not. */
  string(node: TSESTree.Node, frame?: Frame): string | undefined {
    const t = frame ? joinParts(this.parts(node, false, frame)) : this.text(node, false);
    return t.includes(UNKNOWN) ? undefined : t;
  }

  /**
   * The text of a string-building expression with unresolved parts replaced by {@link UNKNOWN}.
   * With `soft` (the default), `a ?? 'x'`, `a || 'x'` and parameter defaults resolve to their fallback
   * when `a` does not resolve: good enough to recognise a host, never used for a number.
   */
  text(node: TSESTree.Node, soft = true): string {
    const cache = soft ? this.softTexts : this.strictTexts;
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    const out = joinParts(this.parts(node, soft));
    cache.set(node, out);
    return out;
  }

  /**
   * Flattens a string-building expression into literal texts and the expressions that are not literal,
   * in order: templates, `+`, `concat`, `util.format`, constants, fields, parameters (through the frame's
   * arguments, else the file's call sites when they agree), helper functions that build the string,
   * and URL objects (`new URL(path, base)` with its `searchParams`, `URLSearchParams`, `querystring`).
   */
  parts(node: TSESTree.Node, soft = true, frame?: Frame, depth = 0): Part[] {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return [{ node: n }];
    try {
      return this.computeParts(n, soft, frame, depth);
    } catch {
      return [{ node: n }];
    }
  }

  private computeParts(n: TSESTree.Node, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    const sub = (x: TSESTree.Node, f: Frame | undefined = frame): Part[] => this.parts(x, soft, f, depth + 1);
    const bound = this.boundParam(n, frame);
    if (bound) return bound.node ? sub(bound.node, bound.frame) : [{ node: n }];
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') {
          return [{ text: String(n.value), node: n }];
        }
        return [{ node: n }];
      case AST_NODE_TYPES.TemplateLiteral: {
        const out: Part[] = [];
        n.quasis.forEach((q, i) => {
          out.push({ text: q.value.cooked ?? q.value.raw, node: q });
          const e = n.expressions[i];
          if (e) out.push(...sub(e));
        });
        return out;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') return [...sub(n.left), ...sub(n.right)];
        return [{ node: n }];
      case AST_NODE_TYPES.LogicalExpression:
        if (soft && (n.operator === '??' || n.operator === '||')) {
          const left = sub(n.left);
          if (left.every((l) => l.text !== undefined)) return left;
          return sub(n.right);
        }
        return [{ node: n }];
      case AST_NODE_TYPES.CallExpression:
        return this.callParts(n, soft, frame, depth);
      case AST_NODE_TYPES.NewExpression: {
        if (n.callee.type === AST_NODE_TYPES.Identifier && URL_CLASSES.has(n.callee.name) && n.arguments[0]) {
          return this.urlParts(n, undefined, soft, frame, depth);
        }
        if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'URLSearchParams') return this.queryParts(n, frame);
        return [{ node: n }];
      }
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression:
        return this.referenceParts(n, soft, frame, depth);
      default:
        return [{ node: n }];
    }
  }

  private referenceParts(n: TSESTree.Identifier | TSESTree.MemberExpression, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    // url.href / url.toString() are read in callParts; a URL object held in a variable reads as its text here.
    if (n.type === AST_NODE_TYPES.MemberExpression && !n.computed) {
      const name = propertyName(n);
      if (name === 'href') {
        const url = this.urlObject(n.object);
        if (url) return this.urlParts(url.node, url.variable, soft, frame, depth);
      }
    }
    // A constant of another module of the project: its text.
    const imported = this.importedValue(n);
    if (imported?.text !== undefined) return [{ text: imported.text, node: n }];
    if (n.type === AST_NODE_TYPES.Identifier) {
      const url = this.urlObject(n);
      if (url) return this.urlParts(url.node, url.variable, soft, frame, depth);
      const param = this.parameterOf(n);
      if (param) {
        const viaSites = this.paramParts(param, soft, depth);
        if (viaSites) return viaSites.map((p) => ({ text: p.text, node: n }));
      }
    }
    let v = this.valueOf(n, soft);
    let vFrame: Frame | undefined;
    if (!v && n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      if (name !== undefined && !this.isThis(n.object)) {
        const obj = this.shape(n.object, frame);
        const slot = obj?.fields.get(name);
        if (slot) {
          v = slot.node;
          vFrame = slot.frame;
        }
      }
    }
    // A local of the function the frame binds is read in that frame (`const url = base + '/res.php?' + query`).
    if (v && !vFrame && frame && contains(frame.fn, v)) vFrame = frame;
    if (v) {
      const inner = this.parts(v, soft, vFrame, depth + 1);
      // A constant that resolves keeps its text; one that does not stays a single opaque part.
      if (inner.every((l) => l.text !== undefined)) return inner.map((l) => ({ text: l.text!, node: n }));
      const u = unwrap(v).type;
      if (
        u === AST_NODE_TYPES.TemplateLiteral ||
        u === AST_NODE_TYPES.BinaryExpression ||
        u === AST_NODE_TYPES.NewExpression ||
        u === AST_NODE_TYPES.CallExpression
      ) {
        return inner;
      }
      if (inner.length === 1 && inner[0]!.param) return inner;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const param = this.parameterOf(n);
      // Not bound by a frame: say which function's parameter it is, so the caller can follow its call sites.
      if (param && !frameBinds(frame, param.fn)) return [{ node: n, param: param.fn }];
    }
    return [{ node: n }];
  }

  /**
   * A parameter no frame binds holds what the file's call sites pass: their common text when they all
   * agree. Undefined when they do not (or there are none): the caller keeps it unknown.
   */
  private paramParts(p: ParamRef, soft: boolean, depth: number): Part[] | undefined {
    const memo = soft ? this.softParams : this.strictParams;
    const hit = memo.get(p.variable);
    if (hit !== undefined) return hit ?? undefined;
    const sites = this.callSites(p.fn);
    if (sites.length === 0 || sites.length > MAX_SITES || this.resolving.has(p.variable)) return undefined;
    this.resolving.add(p.variable);
    let text: string | undefined;
    try {
      for (const site of sites) {
        const frame = this.enter(p.fn, site);
        const b = frame && this.argumentFor(p, frame);
        if (!b?.node) {
          text = undefined;
          break;
        }
        const t = joinParts(this.parts(b.node, soft, b.frame, depth + 1));
        if (t.includes(UNKNOWN) || (text !== undefined && t !== text)) {
          text = undefined;
          break;
        }
        text = t;
      }
    } finally {
      this.resolving.delete(p.variable);
    }
    const result = text === undefined ? undefined : [{ text, node: p.variable.defs[0]!.name as TSESTree.Node }];
    memo.set(p.variable, result ?? null);
    return result;
  }

  /**
   * The URL a call of a function from outside the file was given, through any chain of method calls
   * (`uri(url).query(q)`, `new URI(url)`), when it is written as a full URL: `https://…`.
   */
  private builtFrom(node: TSESTree.Node): TSESTree.Node | undefined {
    let cur = unwrap(node);
    if (cur.type === AST_NODE_TYPES.Identifier) cur = unwrap(this.valueOf(cur) ?? cur);
    while (cur.type === AST_NODE_TYPES.CallExpression && cur.callee.type === AST_NODE_TYPES.MemberExpression) cur = unwrap(cur.callee.object);
    if (cur.type !== AST_NODE_TYPES.CallExpression && cur.type !== AST_NODE_TYPES.NewExpression) return undefined;
    if (cur.callee.type !== AST_NODE_TYPES.Identifier || this.calleeOf(cur) || cur.callee.name === 'URL') return undefined;
    const arg = cur.arguments[0];
    if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) return undefined;
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(this.text(arg)) ? arg : undefined;
  }

  private callParts(n: TSESTree.CallExpression, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    const sub = (x: TSESTree.Node, f: Frame | undefined = frame): Part[] => this.parts(x, soft, f, depth + 1);
    const callee = unwrap(n.callee);
    const args = n.arguments;
    const plain = args.every((a) => a.type !== AST_NODE_TYPES.SpreadElement);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    const objName = callee.type === AST_NODE_TYPES.MemberExpression ? memberText(callee.object) : undefined;
    if (callee.type === AST_NODE_TYPES.MemberExpression && plain) {
      // 'a'.concat(b)
      if (name === 'concat') return [...sub(callee.object), ...args.flatMap((a) => sub(a))];
      // url.toString(), params.toString(), x.trim()
      if ((name === 'toString' || name === 'trim' || name === 'valueOf') && args.length === 0) {
        const url = this.urlObject(callee.object);
        if (url) return this.urlParts(url.node, url.variable, soft, frame, depth);
        const qp = this.queryObject(callee.object);
        if (qp) return this.queryParts(qp, frame);
        // uri('https://host/in.php').toString(): a URL builder of a package keeps the URL it was given.
        const given = this.builtFrom(callee.object);
        if (given) return [...sub(given), { node: n }];
        return sub(callee.object);
      }
      // [a, b].join('')
      if (name === 'join' && unwrap(callee.object).type === AST_NODE_TYPES.ArrayExpression) {
        const sep = args[0] ? this.string(args[0], frame) : ',';
        const arr = unwrap(callee.object) as TSESTree.ArrayExpression;
        if (sep === undefined || arr.elements.some((e) => !e || e.type === AST_NODE_TYPES.SpreadElement)) return [{ node: n }];
        const out: Part[] = [];
        arr.elements.forEach((e, i) => {
          if (i > 0 && sep) out.push({ text: sep, node: n });
          out.push(...sub(e!));
        });
        return out;
      }
      // querystring.stringify(obj), qs.stringify(obj)
      if (name === 'stringify' && objName !== undefined && STRINGIFY_OBJECTS.has(objName) && args[0]) {
        const unbound = this.unboundParam(args[0], frame);
        if (unbound) return [unbound];
        const shape = this.shape(args[0], frame);
        return shape ? this.fieldsAsQuery(shape, n) : [{ node: n }];
      }
      // url.resolve(base, path), url.format({ … })
      if (objName === 'url' && name === 'resolve' && args.length === 2) return [...sub(args[0]!), ...sub(args[1]!)];
      if (objName === 'url' && name === 'format' && args[0]) return this.urlFormatParts(args[0], n, soft, frame, depth);
      if ((objName === 'util' || objName === 'node:util') && name === 'format' && args[0]) return this.formatParts(n, soft, frame, depth);
      if (objName === 'path' && name === 'join') {
        const out: Part[] = [];
        args.forEach((a, i) => {
          if (i > 0) out.push({ text: '/', node: n });
          out.push(...sub(a));
        });
        return out;
      }
    }
    if (callee.type === AST_NODE_TYPES.Identifier && plain) {
      // String(x)
      if (callee.name === 'String' && args[0]) return sub(args[0]);
      if (callee.name === 'encodeURIComponent' || callee.name === 'encodeURI') {
        const inner = args[0] ? sub(args[0]) : [];
        return inner.every((p) => p.text !== undefined) ? inner.map((p) => ({ text: encodeURIComponent(p.text!), node: n })) : [{ node: n }];
      }
      if (FORMAT_FUNCTIONS.has(callee.name) && args[0] && this.string(args[0], frame)?.includes('%')) return this.formatParts(n, soft, frame, depth);
    }
    // A same-file function that builds the string: what it returns, with its parameters bound to this call's arguments.
    const fn = this.calleeOf(n);
    if (fn) {
      const rets = this.returnsOf(fn);
      const inner = this.enter(fn, n, frame);
      if (inner && rets.length === 1) return this.parts(rets[0]!, soft, inner, depth + 1);
    }
    return [{ node: n }];
  }

  /** `util.format('%s/%s', base, method)`: the format with each `%s`/`%d` replaced by its argument. */
  private formatParts(n: TSESTree.CallExpression, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    const fmt = this.string(n.arguments[0]!, frame);
    if (fmt === undefined) return [{ node: n }];
    const out: Part[] = [];
    let arg = 1;
    let last = 0;
    for (let i = 0; i < fmt.length - 1; i++) {
      if (fmt[i] !== '%') continue;
      const c = fmt[i + 1];
      if (c === '%') {
        out.push({ text: `${fmt.slice(last, i)}%`, node: n });
        last = i + 2;
        i++;
        continue;
      }
      if (c !== 's' && c !== 'd' && c !== 'i' && c !== 'j') continue;
      out.push({ text: fmt.slice(last, i), node: n });
      const a = n.arguments[arg++];
      out.push(...(a && a.type !== AST_NODE_TYPES.SpreadElement ? this.parts(a, soft, frame, depth + 1) : [{ node: n }]));
      last = i + 2;
      i++;
    }
    out.push({ text: fmt.slice(last), node: n });
    return out;
  }

  /** `url.format({ protocol, hostname, pathname, query })`. */
  private urlFormatParts(arg: TSESTree.Node, n: TSESTree.Node, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    const shape = this.shape(arg, frame);
    if (!shape) return this.parts(arg, soft, frame, depth + 1);
    const get = (k: string): Part[] => {
      const s = shape.fields.get(k);
      return s ? this.parts(s.node, soft, s.frame, depth + 1) : [];
    };
    const out: Part[] = [];
    const protocol = get('protocol');
    if (protocol.length > 0) out.push(...protocol, { text: joinParts(protocol).endsWith(':') ? '//' : '://', node: n });
    out.push(...get('host'), ...(shape.fields.has('host') ? [] : get('hostname')), ...get('pathname'));
    const query = shape.fields.get('query');
    const q = query ? this.shape(query.node, query.frame) : undefined;
    if (q) out.push({ text: '?', node: n }, ...this.fieldsAsQuery(q, n));
    return out;
  }

  /** A parameter no frame binds, as an unknown part that says whose parameter it is. */
  unboundParam(node: TSESTree.Node, frame: Frame | undefined): Part | undefined {
    const n = unwrap(node);
    const p = this.parameterOf(n);
    return p && !frameBinds(frame, p.fn) ? { node: n, param: p.fn } : undefined;
  }

  /** `name=value&…` for the fields of an object, each value an unknown part holding its expression. */
  private fieldsAsQuery(shape: ObjectShape, n: TSESTree.Node): Part[] {
    const out: Part[] = [];
    let first = true;
    for (const [k, s] of shape.fields) {
      out.push({ text: `${first ? '' : '&'}${k}=`, node: n });
      const t = this.string(s.node, s.frame);
      out.push(t !== undefined ? { text: t, node: s.node } : { node: s.node });
      first = false;
    }
    return out;
  }

  /** The `name=value&…` text of a `new URLSearchParams(…)` (with its later `append`/`set` calls). */
  private queryParts(n: TSESTree.NewExpression, frame: Frame | undefined): Part[] {
    const unbound = n.arguments[0] && this.unboundParam(n.arguments[0], frame);
    if (unbound) return [unbound];
    const holder = holderVariable(this, n);
    let shape = this.shape(n, frame);
    if (shape && holder) shape = this.withWrites(shape, holder, 0);
    return shape ? this.fieldsAsQuery(shape, n) : [{ node: n }];
  }

  /** A `new URL(…)` an expression holds, and the variable that holds it (for `searchParams` writes). */
  private urlObject(node: TSESTree.Node): { node: TSESTree.NewExpression; variable?: Variable } | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.NewExpression) {
      return n.callee.type === AST_NODE_TYPES.Identifier && URL_CLASSES.has(n.callee.name) ? { node: n, variable: holderVariable(this, n) } : undefined;
    }
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const v = this.valueOf(n);
    const u = v && unwrap(v);
    if (u?.type !== AST_NODE_TYPES.NewExpression || u.callee.type !== AST_NODE_TYPES.Identifier || !URL_CLASSES.has(u.callee.name)) return undefined;
    return { node: u, variable: this.variableOf(n) };
  }

  /** A `new URLSearchParams(…)` an expression holds. */
  private queryObject(node: TSESTree.Node): TSESTree.NewExpression | undefined {
    const n = unwrap(node);
    const v = n.type === AST_NODE_TYPES.NewExpression ? n : n.type === AST_NODE_TYPES.Identifier ? this.valueOf(n) : undefined;
    const u = v && unwrap(v);
    return u?.type === AST_NODE_TYPES.NewExpression && u.callee.type === AST_NODE_TYPES.Identifier && u.callee.name === 'URLSearchParams' ? u : undefined;
  }

  /**
   * The text of a URL object: `base` then `path` (`new URL(path, base)`), with a `pathname` written
   * later in place of the path, and its query: `searchParams.set/append` calls and `search = …`.
   */
  private urlParts(n: TSESTree.NewExpression, variable: Variable | undefined, soft: boolean, frame: Frame | undefined, depth: number): Part[] {
    const sub = (x: TSESTree.Node, f: Frame | undefined = frame): Part[] => this.parts(x, soft, f, depth + 1);
    const path = n.arguments[0];
    const base = n.arguments[1];
    if (!path || path.type === AST_NODE_TYPES.SpreadElement || base?.type === AST_NODE_TYPES.SpreadElement) return [{ node: n }];
    let href: Part[] = base ? [...sub(base), ...sub(path)] : sub(path);
    const query: Part[] = [];
    let search: Part[] | undefined;
    for (const ref of variable?.references ?? []) {
      const id = ref.identifier as TSESTree.Node;
      const m = id.parent;
      if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== id) continue;
      const prop = propertyName(m);
      const up = m.parent;
      if (prop === 'pathname' && up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === m) {
        // Keep the origin of what was there: everything up to the third slash of a known text.
        const known = joinParts(href);
        const slash = known.indexOf('/', known.indexOf('//') + 2);
        href = slash > 0 && !known.slice(0, slash).includes(UNKNOWN) ? [{ text: known.slice(0, slash), node: n }, ...sub(up.right)] : [...href, ...sub(up.right)];
      } else if (prop === 'search' && up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === m) {
        search = sub(up.right);
      } else if (prop === 'searchParams' && up?.type === AST_NODE_TYPES.MemberExpression && up.object === m) {
        const method = propertyName(up);
        const call = up.parent;
        if ((method === 'set' || method === 'append') && call?.type === AST_NODE_TYPES.CallExpression && call.callee === up && call.arguments.length >= 2) {
          const field = this.string(call.arguments[0]!);
          if (field === undefined) continue;
          const value = call.arguments[1]!;
          const t = this.string(value);
          query.push({ text: `${query.length > 0 ? '&' : ''}${field}=`, node: call }, t !== undefined ? { text: t, node: value } : { node: value });
        }
      }
    }
    const out = [...href];
    if (search) {
      const s = joinParts(search);
      out.push(...(s.startsWith('?') ? [] : [{ text: '?', node: n }]), ...search);
      if (query.length > 0) out.push({ text: '&', node: n }, ...query);
    } else if (query.length > 0) {
      out.push({ text: joinParts(href).includes('?') ? '&' : '?', node: n }, ...query);
    }
    return out;
  }
}

/* -------------------------------------------------------------------------------------------- */

/**
 * A limit the tests a value is read under put on it: `x <= 300`, `x < 300`, `300 >= x` (in `&&` chains).
 */
function narrowed(values: Values, id: TSESTree.Identifier, tests: readonly TSESTree.Node[]): number | undefined {
  let best: number | undefined;
  const visit = (t: TSESTree.Node): void => {
    const u = unwrap(t);
    if (u.type === AST_NODE_TYPES.LogicalExpression && u.operator === '&&') {
      visit(u.left);
      visit(u.right);
      return;
    }
    if (u.type !== AST_NODE_TYPES.BinaryExpression || u.left.type === AST_NODE_TYPES.PrivateIdentifier) return;
    const left = unwrap(u.left);
    const right = unwrap(u.right);
    let limit: number | undefined;
    if (left.type === AST_NODE_TYPES.Identifier && left.name === id.name && (u.operator === '<=' || u.operator === '<')) limit = values.number(right);
    if (right.type === AST_NODE_TYPES.Identifier && right.name === id.name && (u.operator === '>=' || u.operator === '>')) limit = values.number(left);
    if (limit !== undefined) best = best === undefined ? limit : Math.min(best, limit);
  };
  for (const t of tests) visit(t);
  return best;
}

/** Joins parts into a text, unknown parts as {@link UNKNOWN}. */
export function joinParts(parts: readonly Part[]): string {
  let out = '';
  for (const p of parts) out += p.text !== undefined ? p.text : UNKNOWN;
  return out;
}

function frameBinds(frame: Frame | undefined, fn: FunctionNode): boolean {
  for (let f = frame; f; f = f.outer) if (f.fn === fn) return true;
  return false;
}

/**
 * The property path from a pattern's root to one bound name, the default written next to the name,
 * and the node that starts the path (the property or element nearest the root).
 */
export function patternPath(
  name: TSESTree.Identifier,
  root: TSESTree.Node,
): { path: string[]; fallback?: TSESTree.Node; access?: TSESTree.Node } | undefined {
  const path: string[] = [];
  let fallback: TSESTree.Node | undefined;
  let access: TSESTree.Node | undefined;
  let cur: TSESTree.Node = name;
  for (let i = 0; i < 32 && cur !== root; i++) {
    const p: TSESTree.Node | undefined = cur.parent;
    if (!p) return undefined;
    if (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === cur) {
      if (path.length === 0) fallback = p.right;
    } else if (p.type === AST_NODE_TYPES.Property && p.value === cur) {
      const key = propertyName(p);
      if (key === undefined) return undefined;
      path.unshift(key);
      access ??= p;
    } else if (p.type === AST_NODE_TYPES.ArrayPattern) {
      const index = p.elements.indexOf(cur as TSESTree.DestructuringPattern);
      if (index < 0) return undefined;
      path.unshift(String(index));
      access ??= cur;
    } else if (p.type !== AST_NODE_TYPES.ObjectPattern) {
      return undefined;
    }
    cur = p;
  }
  return cur === root ? { path, fallback, access } : undefined;
}

/** `null`, `undefined`, `void 0`. */
function isEmptyValue(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  return (
    (n.type === AST_NODE_TYPES.Literal && n.value === null && !('regex' in n && n.regex)) ||
    (n.type === AST_NODE_TYPES.Identifier && n.name === 'undefined') ||
    (n.type === AST_NODE_TYPES.UnaryExpression && n.operator === 'void')
  );
}

/** `Object.assign(…)`. */
export function isObjectAssign(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(callee) === 'assign' &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    callee.object.name === 'Object'
  );
}

/** `a`, `a.b.c`, `this.x` for a static member chain. */
function memberText(node: TSESTree.Node, depth = 0): string | undefined {
  const n = unwrap(node);
  if (depth > 8) return undefined;
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n);
    const obj = name === undefined ? undefined : memberText(n.object, depth + 1);
    return obj === undefined ? undefined : `${obj}.${name}`;
  }
  return undefined;
}

/** The variable a `const x = new …` declaration puts a value in. */
function holderVariable(values: Values, n: TSESTree.Node): Variable | undefined {
  const p = n.parent;
  if (p?.type === AST_NODE_TYPES.VariableDeclarator && p.init === n && p.id.type === AST_NODE_TYPES.Identifier) return values.variableOf(p.id);
  return undefined;
}
