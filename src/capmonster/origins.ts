import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { contains, findProperty, type FunctionNode, isFunction, propertyName, unwrap, unwrapAwait } from './ast';
import { patternPath, type Values, type Variable } from './values';

/**
 * Where a value comes from: the literals and the reads from outside the program (environment, command
 * line, configuration files) it can be, followed back through variables, destructuring, parameters (to
 * every same-file call site), object and class fields, getters, helper functions and fallbacks, with
 * what each path goes through: the names that hold the value exactly (for a guard to test), the
 * declarations a guard could follow, validations and fallbacks. Part of the value-flow layer.
 */

/** Where an external value is read from. */
export type ExternalKind = 'env' | 'argv' | 'config';

const MAX_DEPTH = 24;
const MAX_CALL_SITES = 12;

/** A declaration or field write the value passed through: where a guard could go, and the name it has there. */
export interface DeclHop {
  subject: string;
  anchor?: TSESTree.Node;
  exact: boolean;
}

/** What a path from a use back to a source has gone through. */
export interface OriginState {
  depth: number;
  /** Variables that hold exactly the value. */
  vars: Variable[];
  /** Member paths that hold exactly the value (`this.key`, `config.apiKey`, `process.env.KEY`). */
  paths: string[];
  /** Nodes where the value is read or stored (for "the function that reads it"). */
  reads: TSESTree.Node[];
  /** Where the value is used: the use itself, or the call that passes it as an argument. */
  position: TSESTree.Node;
  /** It went through a validation that throws, or a fallback that stops (`x ?? fail()`). */
  checked: boolean;
  /** It is (part of) a fallback: `?? x`, `|| x`, a default value. */
  fallback: boolean;
  /** Some path to it has a literal fallback. */
  literalFallback: boolean;
    /** The outermost member read or destructuring property that started the pending property path. */
  access?: TSESTree.Node;
  decls: DeclHop[];
}

/** One place a value comes from: a literal, or a read from outside the program (environment, command line, configuration). */
export interface Origin {
  kind: 'literal' | 'external';
  node: TSESTree.Node;
  value?: string;
  embedded: boolean;
  external?: ExternalKind;
  state: OriginState;
  /** Another module of the project the value comes from (`./config`): the origin is reported at its use here. */
  from?: string;
}

const IDENT = /^[a-z_$][\w$]*$/i;

export function subjectOf(root: string, path: readonly string[]): string {
  let out = root;
  for (const p of path) out += IDENT.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  return out;
}

/** `a.b.c`, `this.x`, `import.meta.env.X` for a static member chain; undefined otherwise. */
export function memberPath(node: TSESTree.Node): string | undefined {
  return pathOf(node, false, 0);
}

/**
 * {@link memberPath} written as code that reads the same value: a name that is not an identifier is
 * read with brackets (`process.env["CAPMONSTER-KEY"]`).
 */
export function codePath(node: TSESTree.Node): string | undefined {
  return pathOf(node, true, 0);
}

function pathOf(node: TSESTree.Node, code: boolean, depth: number): string | undefined {
  if (depth > 16) return undefined;
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name;
  if (n.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (n.type === AST_NODE_TYPES.MetaProperty) return `${n.meta.name}.${n.property.name}`;
  if (n.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(n);
    const obj = name === undefined ? undefined : pathOf(n.object, code, depth + 1);
    if (obj === undefined || name === undefined) return undefined;
    return code ? subjectOf(obj, [name]) : `${obj}.${name}`;
  }
  return undefined;
}

/** The last name of an object whose `get('…')` reads configuration: `config`, `nconf`, `this.configService`. */
const CONFIG_OBJECTS = /(?:^|\.)(?:config|conf|nconf|convict|configService|settings)$/i;
/** Data files read at run time (a `.js` config module is code: what it exports is unknown here). */
const CONFIG_FILES = /\.(?:json5?|ya?ml)$/i;
const PASS_THROUGH = new Set(['trim', 'trimStart', 'trimEnd', 'toString', 'valueOf']);
const VALIDATE_METHODS = new Set(['parse', 'parseAsync', 'validateSync', 'assert', 'required', 'cleanEnv']);
/** Objects whose `parse` reads data rather than validating it. */
export const PARSERS = new Set(['JSON', 'JSON5', 'dotenv', 'yaml', 'YAML', 'toml', 'TOML', 'ini', 'qs', 'querystring', 'url', 'path', 'Date', 'url']);
const FILE_READS = new Set(['readFileSync', 'readFile', 'readJson', 'readJsonSync', 'readJSON', 'readJSONSync', 'loadJsonFile']);

/** A backward walk from a use to where its value comes from, recording what it goes through. */
class OriginTracer {
  readonly origins: Origin[] = [];
  private readonly seen = new Set<string>();
  private readonly nodeIds = new Map<TSESTree.Node, number>();

  constructor(
    private readonly values: Values,
    private readonly stops: (expr: TSESTree.Node) => boolean,
  ) {}

  private id(node: TSESTree.Node): number {
    let id = this.nodeIds.get(node);
    if (id === undefined) this.nodeIds.set(node, (id = this.nodeIds.size));
    return id;
  }

  private emit(o: Omit<Origin, 'embedded'> & { embedded?: boolean }): void {
    this.origins.push({ embedded: false, ...o });
  }

  /** The state one hop further: a plain object of one shape (a spread of `st` and `patch` was a third of the tracing). */
  private next(st: OriginState, patch: Partial<OriginState>): OriginState {
    return {
      depth: st.depth + 1,
      vars: patch.vars ?? st.vars,
      paths: patch.paths ?? st.paths,
      reads: patch.reads ?? st.reads,
      position: patch.position ?? st.position,
      checked: patch.checked ?? st.checked,
      fallback: patch.fallback ?? st.fallback,
      literalFallback: patch.literalFallback ?? st.literalFallback,
      // `access: undefined` in a patch clears it.
      access: 'access' in patch ? patch.access : st.access,
      decls: patch.decls ?? st.decls,
    };
  }

  trace(node: TSESTree.Node, path: readonly string[], st: OriginState): void {
    if (st.depth > MAX_DEPTH) return;
    const tail = path.length === 0 ? '' : path.length === 1 ? path[0] : path.join('\u0000');
    const stamp = `${this.id(node)}|${tail}|${this.id(st.position)}|${st.checked ? 1 : 0}|${st.fallback ? 1 : 0}`;
    if (this.seen.has(stamp)) return;
    this.seen.add(stamp);
    const n = unwrap(node);
    switch (n.type) {
      case AST_NODE_TYPES.AwaitExpression:
        return this.trace(n.argument, path, this.next(st, {}));
      case AST_NODE_TYPES.Literal:
        if (path.length > 0) return;
        this.emit({ kind: 'literal', node: n, value: typeof n.value === 'string' ? n.value : undefined, state: st });
        return;
      case AST_NODE_TYPES.TemplateLiteral: {
        if (path.length > 0) return;
        if (n.expressions.length === 0) {
          this.emit({ kind: 'literal', node: n, value: n.quasis[0]?.value.cooked ?? '', state: st });
          return;
        }
        // `${KEY}__nocache`: the key is the first part.
        if ((n.quasis[0]?.value.cooked ?? '') === '' && n.expressions[0]) {
          return this.trace(n.expressions[0], path, this.next(st, {}));
        }
        return;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (n.operator !== '+' || path.length > 0) return;
        // KEY + '__nocache': the key is the first part ('' + KEY: the second).
        const left = this.values.string(n.left);
        return this.trace(left === '' ? n.right : n.left, path, this.next(st, {}));
      }
      case AST_NODE_TYPES.LogicalExpression:
        return this.logical(n, path, st);
      case AST_NODE_TYPES.ConditionalExpression:
        this.trace(n.consequent, path, this.next(st, {}));
        this.trace(n.alternate, path, this.next(st, {}));
        return;
      case AST_NODE_TYPES.Identifier:
        return this.identifier(n, path, st);
      case AST_NODE_TYPES.MetaProperty:
        // import.meta.env.X
        if (n.meta.name === 'import' && n.property.name === 'meta' && path[0] === 'env' && path.length >= 2) {
          this.external('env', st.access ?? n, [...path], st);
        }
        return;
      case AST_NODE_TYPES.MemberExpression:
        return this.member(n, path, st);
      case AST_NODE_TYPES.ObjectExpression: {
        if (path.length === 0) return;
        const [first, ...rest] = path;
        const prop = findProperty(n, first!);
        const patch: Partial<OriginState> = rest.length === 0 ? { access: undefined } : {};
        if (prop) {
          if (prop.kind === 'get' && isFunction(prop.value)) return this.returns(prop.value, rest, this.next(st, patch));
          return this.trace(prop.value, rest, this.next(st, patch));
        }
        for (const p of n.properties) {
          if (p.type === AST_NODE_TYPES.SpreadElement) this.trace(p.argument, path, this.next(st, {}));
        }
        return;
      }
      case AST_NODE_TYPES.CallExpression:
        return this.call(n, path, st);
      default:
        return;
    }
  }

  private logical(n: TSESTree.LogicalExpression, path: readonly string[], st: OriginState): void {
    if (n.operator === '&&') return this.trace(n.right, path, this.next(st, {}));
    if (this.stops(n.right)) {
      // process.env.KEY ?? fail('…'): checked where it is read.
      return this.trace(n.left, path, this.next(st, { checked: true }));
    }
    const before = this.origins.length;
    this.trace(n.right, path, this.next(st, { fallback: true }));
    const literal = this.origins.slice(before).some((o) => o.kind === 'literal');
    this.trace(n.left, path, this.next(st, literal ? { literalFallback: true } : {}));
  }

  private external(kind: ExternalKind, node: TSESTree.Node, path: readonly string[], st: OriginState): void {
    const paths = [...st.paths];
    if (kind === 'env' && path.length >= 2 && (path[0] === 'env' || path[0] === 'argv')) {
      paths.push(subjectOf(node.type === AST_NODE_TYPES.MetaProperty ? 'import.meta' : 'process', path.slice(0, 2)));
    }
    this.emit({ kind: 'external', node, external: kind, state: { ...st, paths } });
  }

  private identifier(n: TSESTree.Identifier, path: readonly string[], st: OriginState): void {
    const v = this.values.variableOf(n);
    if (!v || v.defs.length === 0) {
      if (n.name === 'undefined' && path.length === 0) {
        this.emit({ kind: 'literal', node: n, value: undefined, state: st });
        return;
      }
      if (n.name === 'process' && path.length >= 2) {
        if (path[0] === 'env') this.external('env', st.access ?? n, path, st);
        else if (path[0] === 'argv') this.external('argv', st.access ?? n, path, st);
        return;
      }
      if (n.name === 'Bun' && path[0] === 'env' && path.length >= 2) this.external('env', st.access ?? n, path, st);
      return;
    }
    if (v.defs.length !== 1) return;
    const def = v.defs[0]!;
    if (def.name.type !== AST_NODE_TYPES.Identifier) return;
    // A constant of another module of the project (`import { KEY } from './config'`, `require('./config.json')`).
    if (this.fromModule(n, path, st)) return;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator) {
      return this.variable(v, def.node, def.name, path, st);
    }
    if (def.type === 'Parameter' && isFunction(def.node)) {
      const exact = path.length === 0;
      return this.parameter(def.node, def.name, path, this.next(st, { vars: exact ? [...st.vars, v] : st.vars }));
    }
    if (def.type === 'ImportBinding') {
      const decl = def.parent;
      if (decl?.type === AST_NODE_TYPES.ImportDeclaration) {
        const source = String(decl.source.value);
        if (CONFIG_FILES.test(source)) {
          this.emit({ kind: 'external', node: def.node, external: 'config', state: st });
        }
      }
    }
  }

  /** What a module the file imports says of the value: a literal, or a read it checks or not. Reported at the use here. */
  private fromModule(n: TSESTree.Identifier, path: readonly string[], st: OriginState): boolean {
    let e = this.values.imported(n);
    if (!e) return false;
    for (const k of path) e = e?.kind === 'object' ? e.members.get(k) : undefined;
    const key = e?.kind === 'value' ? e.key : undefined;
    const from = this.values.importSource(n);
    if (!key) return true;
    const node = st.access ?? n;
    if (key.literal) this.emit({ kind: 'literal', node, value: key.value, state: st, from });
    else this.emit({ kind: 'external', node, external: key.external, state: key.checked ? this.next(st, { checked: true }) : st, from });
    return true;
  }

  private variable(
    v: Variable,
    decl: TSESTree.VariableDeclarator,
    name: TSESTree.Identifier,
    path: readonly string[],
    st: OriginState,
  ): void {
    const loop = decl.parent?.parent;
    if (
      loop?.type === AST_NODE_TYPES.ForOfStatement ||
      loop?.type === AST_NODE_TYPES.ForInStatement
    ) {
      return;
    }
    const exact = path.length === 0;
    const anchor = statementAnchor(decl.parent);
    const hop = (patch: Partial<OriginState>): OriginState =>
      this.next(st, {
        vars: exact ? [...st.vars, v] : st.vars,
        paths: exact ? st.paths : [...st.paths, subjectOf(name.name, path)],
        reads: [...st.reads, decl],
        decls: [...st.decls, { subject: subjectOf(name.name, path), anchor, exact }],
        ...patch,
      });
    if (decl.id.type === AST_NODE_TYPES.Identifier) {
      const writes: TSESTree.Node[] = [];
      for (const ref of v.references) {
        const parent = ref.identifier.parent;
        if (
          ref.isWrite() &&
          parent?.type === AST_NODE_TYPES.AssignmentExpression &&
          parent.left === ref.identifier &&
          parent.operator === '='
        ) {
          writes.push(parent.right);
        }
      }
      // `let key = ''; … key = process.env.KEY`: an empty start value that is filled in later is not the key.
      if (decl.init && !(writes.length > 0 && isEmptyStart(decl.init))) {
        this.trace(decl.init, path, hop({ access: path.length === 0 ? undefined : st.access }));
      }
      for (const w of writes) this.trace(w, path, hop({}));
      return;
    }
    // Destructuring: const { KEY } = process.env, const { capmonster: { key } } = config, const [, , key] = process.argv.
    const pattern = patternPath(name, decl.id);
    if (!pattern || !decl.init) return;
    if (pattern.fallback) this.trace(pattern.fallback, path, hop({ fallback: true }));
    this.trace(decl.init, [...pattern.path, ...path], hop({ access: pattern.access }));
  }

  private parameter(fn: FunctionNode, name: TSESTree.Identifier, path: readonly string[], st: OriginState): void {
    const index = fn.params.findIndex((p) =>
      contains(p.type === AST_NODE_TYPES.TSParameterProperty ? p.parameter : p, name),
    );
    const param = fn.params[index];
    if (!param) return;
    const pattern = patternPath(name, param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param);
    if (!pattern) return;
    if (pattern.fallback) this.trace(pattern.fallback, path, this.next(st, { fallback: true }));
    // The caller's business: follow the argument at each same-file call site.
    for (const site of this.values.callSites(fn).slice(0, MAX_CALL_SITES)) {
      const arg = this.values.argumentsOf(site)[index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
      // A guard in the callee still counts (it reads the key); a suggestion belongs at the caller.
      this.trace(arg, [...pattern.path, ...path], this.next(st, { position: site, access: undefined, reads: [...st.reads, fn], decls: [] }));
    }
  }

  private member(n: TSESTree.MemberExpression, path: readonly string[], st: OriginState): void {
    const obj = unwrap(n.object);
    const name = propertyName(n);
    const full = path.length === 0 ? memberPath(n) : undefined;
    const st2 = full !== undefined ? this.next(st, { paths: [...st.paths, full] }) : st;
    if (obj.type === AST_NODE_TYPES.ThisExpression) {
      if (name !== undefined) this.thisField(n, name, path, st2);
      return;
    }
    if (name === undefined) {
      // process.env[name], process.argv[i]
      const objPath = memberPath(obj);
      if (objPath === 'process.env' || objPath === 'import.meta.env' || objPath === 'Bun.env') {
        this.emit({ kind: 'external', node: st.access ?? n, external: 'env', state: st2 });
      } else if (objPath === 'process.argv') {
        this.emit({ kind: 'external', node: st.access ?? n, external: 'argv', state: st2 });
      }
      return;
    }
    this.trace(n.object, [name, ...path], this.next(st2, { access: st.access ?? n }));
  }

  private thisField(n: TSESTree.MemberExpression, name: string, path: readonly string[], st: OriginState): void {
    const obj = unwrap(n.object);
    const at = obj.type === AST_NODE_TYPES.ThisExpression ? n : (this.values.valueOf(obj) ?? n);
    const owner = this.values.thisOwner(at);
    if (!owner) return;
    if (owner.type === AST_NODE_TYPES.ObjectExpression) {
      const prop = findProperty(owner, name);
      if (prop) this.trace(prop.value, path, this.next(st, {}));
      return;
    }
    for (const w of this.values.fieldWrites(owner, name, this.values.isStaticThis(at))) {
      const subject = subjectOf(`this.${name}`, path);
      const patch: Partial<OriginState> = {
        reads: [...st.reads, w.node],
        decls: [...st.decls, { subject, anchor: statementAnchor(w.node), exact: path.length === 0 }],
        access: undefined,
      };
      if (w.getter) this.returns(w.getter, path, this.next(st, patch));
      else if (w.param) this.parameter(w.param.fn, w.param.name, path, this.next(st, patch));
      else if (w.value) this.trace(w.value, path, this.next(st, patch));
    }
  }

  private returns(fn: FunctionNode, path: readonly string[], st: OriginState): void {
    const reads = [...st.reads, fn];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      this.trace(fn.body, path, this.next(st, { reads }));
      return;
    }
    for (const ret of this.values.returnsOf(fn)) this.trace(ret, path, this.next(st, { reads }));
  }

  private call(n: TSESTree.CallExpression, path: readonly string[], st: OriginState): void {
    const callee = unwrap(n.callee);
    const arg0 = n.arguments[0];
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? propertyName(callee) : undefined;
    const objName =
      callee.type === AST_NODE_TYPES.MemberExpression ? memberPath(callee.object) : undefined;
    const fnName = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;

    // x.trim(), String(x)
    if (method !== undefined && PASS_THROUGH.has(method) && callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.trace(callee.object, path, this.next(st, {}));
    }
    if (fnName === 'String' && arg0 && arg0.type !== AST_NODE_TYPES.SpreadElement) {
      return this.trace(arg0, path, this.next(st, {}));
    }
    // Config and file reads.
    if (fnName === 'require') {
      const source = arg0 ? this.values.string(arg0) : undefined;
      if (source !== undefined && CONFIG_FILES.test(source)) {
        this.emit({ kind: 'external', node: n, external: 'config', state: st });
      }
      return;
    }
    if (
      (method === 'parse' && objName !== undefined && PARSERS.has(objName)) ||
      (method !== undefined && FILE_READS.has(method)) ||
      (fnName !== undefined && FILE_READS.has(fnName)) ||
      (method === 'config' && objName === 'dotenv') ||
      (method === 'load' && (objName === 'yaml' || objName === 'YAML'))
    ) {
      this.emit({ kind: 'external', node: n, external: 'config', state: st });
      return;
    }
    if (
      method === 'get' &&
      objName !== undefined &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      (objName === 'Deno.env' || (CONFIG_OBJECTS.test(objName) && !this.isLocalData(callee.object)))
    ) {
      this.emit({ kind: 'external', node: n, external: objName === 'Deno.env' ? 'env' : 'config', state: st });
      return;
    }
    // Validation that throws: schema.parse(x), cleanEnv(process.env, spec), env.get('X').required().
    if (
      (method !== undefined && VALIDATE_METHODS.has(method) && (objName === undefined || !PARSERS.has(objName))) ||
      fnName === 'cleanEnv'
    ) {
      if (method === 'required' && callee.type === AST_NODE_TYPES.MemberExpression) {
        return this.trace(callee.object, path, this.next(st, { checked: true }));
      }
      if (arg0 && arg0.type !== AST_NODE_TYPES.SpreadElement) {
        return this.trace(arg0, path, this.next(st, { checked: true }));
      }
      return;
    }
    // Chains on a validated or read value: env.get('X').required().asString()
    if (method !== undefined && method.startsWith('as') && callee.type === AST_NODE_TYPES.MemberExpression) {
      return this.trace(callee.object, path, this.next(st, {}));
    }
    // A same-file getter: follow what it returns.
    const fn = this.values.calleeOf(n);
    if (fn) this.returns(fn, path, this.next(st, { access: undefined }));
  }

  /** An object made in this file (`new Map(…)`, an object literal): its `get` is not a configuration read. */
  private isLocalData(node: TSESTree.Node): boolean {
    const v = this.values.valueOf(node);
    if (!v) return false;
    const t = unwrapAwait(v).type;
    return t === AST_NODE_TYPES.NewExpression || t === AST_NODE_TYPES.ObjectExpression || t === AST_NODE_TYPES.ArrayExpression;
  }
}

/** The statement a declaration or assignment stands in, when a guard can be inserted right after it. */
export function statementAnchor(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  let stmt = node;
  if (stmt?.type === AST_NODE_TYPES.AssignmentExpression) stmt = stmt.parent;
  if (
    stmt?.type !== AST_NODE_TYPES.VariableDeclaration &&
    stmt?.type !== AST_NODE_TYPES.ExpressionStatement
  ) {
    return undefined;
  }
  if (stmt.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) stmt = stmt.parent;
  return inStatementList(stmt) ? stmt : undefined;
}

export function inStatementList(stmt: TSESTree.Node): boolean {
  const p = stmt.parent;
  return (
    p?.type === AST_NODE_TYPES.Program ||
    p?.type === AST_NODE_TYPES.BlockStatement ||
    p?.type === AST_NODE_TYPES.StaticBlock ||
    p?.type === AST_NODE_TYPES.SwitchCase
  );
}

/** The property path from a pattern's root to one bound name, and the default written next to the name. */

export function initialState(position: TSESTree.Node): OriginState {
  return {
    depth: 0,
    vars: [],
    paths: [],
    reads: [],
    position,
    checked: false,
    fallback: false,
    literalFallback: false,
    access: undefined,
    decls: [],
  };
}

/** `''`, `null`, `undefined`: what a variable starts as before it is filled in. */
function isEmptyStart(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'undefined';
  return n.type === AST_NODE_TYPES.Literal && (n.value === null || n.value === '');
}

/**
 * Every origin of the value of `node`, used at `position`. `stops` tells an expression that never
 * yields a value (`fail('…')`, `process.exit(1)`): `x ?? fail()` is `x`, checked where it is read.
 */
export function traceOrigins(
  values: Values,
  node: TSESTree.Node,
  position: TSESTree.Node,
  stops: (expr: TSESTree.Node) => boolean,
): Origin[] {
  const tracer = new OriginTracer(values, stops);
  tracer.trace(node, [], initialState(position));
  return tracer.origins;
}
