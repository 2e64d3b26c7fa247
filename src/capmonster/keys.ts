import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { contains, enclosingFunction, findProperty, type FunctionNode, isFunction, isPropertyKey, outerExpression, propertyName, unwrap, unwrapAwait, walkTree } from './ast';
import { isKeyFormat } from './codes';
import type { Field } from './senders';
import type { CapMonsterFile, CapRequest } from './index';
import { everyMethod, isBalanceMethod } from './methods';

type Variable = TSESLint.Scope.Variable;

/**
 * Where a CapMonster key comes from, and whether it is checked before it is sent.
 * OWNER: the key work (require-key-check, no-hardcoded-client-key).
 */

/** Where an external key is read from. */
export type ExternalKind = 'env' | 'argv' | 'config';

/** Why a literal can never be a valid key. */
export type KeyProblem = 'missing' | 'empty' | 'placeholder' | 'example' | 'format';

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
  /** Where to report: the literal, the `process.env` read, the config read. */
  readonly node: TSESTree.Node;
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

const MAX_DEPTH = 24;
const MAX_CALL_SITES = 12;

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

interface DeclHop {
  subject: string;
  anchor?: TSESTree.Node;
  exact: boolean;
}

/** What a path from a request back to a source has gone through. */
interface State {
  depth: number;
  /** Variables that hold exactly the key. */
  vars: Variable[];
  /** Member paths that hold exactly the key (`this.key`, `config.apiKey`, `process.env.KEY`). */
  paths: string[];
  /** Nodes where the key is read or stored (for "the function that reads the key"). */
  reads: TSESTree.Node[];
  /** Where the value enters the request: the request itself, or the call that passes it as an argument. */
  position: TSESTree.Node;
  checked: boolean;
  fallback: boolean;
  literalFallback: boolean;
  /** The outermost member read or destructuring property that started the pending property path. */
  access?: TSESTree.Node;
  decls: DeclHop[];
}

/** One source reached from one request. */
interface Origin {
  kind: 'literal' | 'external';
  node: TSESTree.Node;
  value?: string;
  embedded: boolean;
  external?: ExternalKind;
  state: State;
}

const IDENT = /^[a-z_$][\w$]*$/i;

function subjectOf(root: string, path: readonly string[]): string {
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
function codePath(node: TSESTree.Node): string | undefined {
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
const PARSERS = new Set(['JSON', 'JSON5', 'dotenv', 'yaml', 'YAML', 'toml', 'TOML', 'ini', 'qs', 'querystring', 'url', 'path', 'Date', 'url']);
const FILE_READS = new Set(['readFileSync', 'readFile', 'readJson', 'readJsonSync', 'readJSON', 'readJSONSync', 'loadJsonFile']);

class KeyTracer {
  readonly origins: Origin[] = [];
  private readonly seen = new Set<string>();
  private readonly nodeIds = new Map<TSESTree.Node, number>();

  constructor(
    private readonly file: CapMonsterFile,
    private readonly keys: KeyAnalysis,
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
  private next(st: State, patch: Partial<State>): State {
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

  trace(node: TSESTree.Node, path: readonly string[], st: State): void {
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
        const left = this.file.values.string(n.left);
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
        const patch: Partial<State> = rest.length === 0 ? { access: undefined } : {};
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

  private logical(n: TSESTree.LogicalExpression, path: readonly string[], st: State): void {
    if (n.operator === '&&') return this.trace(n.right, path, this.next(st, {}));
    if (this.keys.stopsExpression(n.right)) {
      // process.env.KEY ?? fail('…'): checked where it is read.
      return this.trace(n.left, path, this.next(st, { checked: true }));
    }
    const before = this.origins.length;
    this.trace(n.right, path, this.next(st, { fallback: true }));
    const literal = this.origins.slice(before).some((o) => o.kind === 'literal');
    this.trace(n.left, path, this.next(st, literal ? { literalFallback: true } : {}));
  }

  private external(kind: ExternalKind, node: TSESTree.Node, path: readonly string[], st: State): void {
    const paths = [...st.paths];
    if (kind === 'env' && path.length >= 2 && (path[0] === 'env' || path[0] === 'argv')) {
      paths.push(subjectOf(node.type === AST_NODE_TYPES.MetaProperty ? 'import.meta' : 'process', path.slice(0, 2)));
    }
    this.emit({ kind: 'external', node, external: kind, state: { ...st, paths } });
  }

  private identifier(n: TSESTree.Identifier, path: readonly string[], st: State): void {
    const v = this.file.values.variableOf(n);
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

  private variable(
    v: Variable,
    decl: TSESTree.VariableDeclarator,
    name: TSESTree.Identifier,
    path: readonly string[],
    st: State,
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
    const hop = (patch: Partial<State>): State =>
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

  private parameter(fn: FunctionNode, name: TSESTree.Identifier, path: readonly string[], st: State): void {
    const index = fn.params.findIndex((p) =>
      contains(p.type === AST_NODE_TYPES.TSParameterProperty ? p.parameter : p, name),
    );
    const param = fn.params[index];
    if (!param) return;
    const pattern = patternPath(name, param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param);
    if (!pattern) return;
    if (pattern.fallback) this.trace(pattern.fallback, path, this.next(st, { fallback: true }));
    // The caller's business: follow the argument at each same-file call site.
    for (const site of this.keys.callSitesOf(fn).slice(0, MAX_CALL_SITES)) {
      const arg = site.arguments[index];
      if (!arg || arg.type === AST_NODE_TYPES.SpreadElement) continue;
      // A guard in the callee still counts (it reads the key); a suggestion belongs at the caller.
      this.trace(arg, [...pattern.path, ...path], this.next(st, { position: site, access: undefined, reads: [...st.reads, fn], decls: [] }));
    }
  }

  private member(n: TSESTree.MemberExpression, path: readonly string[], st: State): void {
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

  private thisField(n: TSESTree.MemberExpression, name: string, path: readonly string[], st: State): void {
    const owner = thisOwner(n);
    if (!owner) return;
    if (owner.type === AST_NODE_TYPES.ObjectExpression) {
      const prop = findProperty(owner, name);
      if (prop) this.trace(prop.value, path, this.next(st, {}));
      return;
    }
    for (const w of this.keys.fieldWrites(owner, name)) {
      const subject = subjectOf(`this.${name}`, path);
      const patch: Partial<State> = {
        reads: [...st.reads, w.node],
        decls: [...st.decls, { subject, anchor: w.anchor, exact: path.length === 0 }],
        access: undefined,
      };
      if (w.getter) this.returns(w.getter, path, this.next(st, patch));
      else if (w.param) this.parameter(w.param.fn, w.param.name, path, this.next(st, patch));
      else if (w.value) this.trace(w.value, path, this.next(st, patch));
    }
  }

  private returns(fn: FunctionNode, path: readonly string[], st: State): void {
    const reads = [...st.reads, fn];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      this.trace(fn.body, path, this.next(st, { reads }));
      return;
    }
    for (const ret of this.keys.returnsOf(fn)) this.trace(ret, path, this.next(st, { reads }));
  }

  private call(n: TSESTree.CallExpression, path: readonly string[], st: State): void {
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
      const source = arg0 ? this.file.values.string(arg0) : undefined;
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
    const fn = this.file.values.calleeOf(n);
    if (fn) this.returns(fn, path, this.next(st, { access: undefined }));
  }

  /** An object made in this file (`new Map(…)`, an object literal): its `get` is not a configuration read. */
  private isLocalData(node: TSESTree.Node): boolean {
    const v = this.file.values.valueOf(node);
    if (!v) return false;
    const t = unwrapAwait(v).type;
    return t === AST_NODE_TYPES.NewExpression || t === AST_NODE_TYPES.ObjectExpression || t === AST_NODE_TYPES.ArrayExpression;
  }
}

/** The statement a declaration or assignment stands in, when a guard can be inserted right after it. */
function statementAnchor(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
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

function inStatementList(stmt: TSESTree.Node): boolean {
  const p = stmt.parent;
  return (
    p?.type === AST_NODE_TYPES.Program ||
    p?.type === AST_NODE_TYPES.BlockStatement ||
    p?.type === AST_NODE_TYPES.StaticBlock ||
    p?.type === AST_NODE_TYPES.SwitchCase
  );
}

/** The property path from a pattern's root to one bound name, and the default written next to the name. */
function patternPath(
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

/** The class body or object literal `this` refers to in a member expression. */
function thisOwner(node: TSESTree.Node): TSESTree.ClassBody | TSESTree.ObjectExpression | undefined {
  for (let cur: TSESTree.Node | undefined = node.parent; cur; cur = cur.parent) {
    if (cur.type === AST_NODE_TYPES.ClassBody) return cur;
    if (cur.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
    if (cur.type === AST_NODE_TYPES.FunctionExpression) {
      const p = cur.parent;
      if (p?.type === AST_NODE_TYPES.MethodDefinition || p?.type === AST_NODE_TYPES.PropertyDefinition) continue;
      if (p?.type === AST_NODE_TYPES.Property && p.parent?.type === AST_NODE_TYPES.ObjectExpression) return p.parent;
      return undefined;
    }
  }
  return undefined;
}

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

interface FieldWrite {
  node: TSESTree.Node;
  value?: TSESTree.Node;
  getter?: FunctionNode;
  param?: { fn: FunctionNode; name: TSESTree.Identifier };
  anchor?: TSESTree.Node;
}

const ASSERT_NAMES = new Set(['assert', 'invariant', 'ok', 'ow']);

/** The per-file key analysis. */
class KeyAnalysis {
  private guardList?: Guard[];
  private callSites?: Map<FunctionNode, TSESTree.CallExpression[]>;
  private readonly fields = new Map<TSESTree.ClassBody, Map<string, FieldWrite[]>>();
  private readonly returnCache = new Map<FunctionNode, TSESTree.Node[]>();
  private readonly stopFns = new Map<FunctionNode, boolean>();
  private readonly balanceChecks = new Map<CapRequest, boolean>();
  /** `expand` of a node: asked again for every guard and every source that reaches the same request. */
  private readonly expanded = new Map<TSESTree.Node, readonly TSESTree.Node[]>();

  constructor(readonly file: CapMonsterFile) {}

  /* ---- helpers used by the tracer ---- */

  callSitesOf(fn: FunctionNode): TSESTree.CallExpression[] {
    if (!this.callSites) {
      this.callSites = new Map();
      for (const call of this.file.calls) {
        const target = this.file.values.calleeOf(call);
        if (!target) continue;
        let list = this.callSites.get(target);
        if (!list) this.callSites.set(target, (list = []));
        list.push(call);
      }
    }
    const direct = this.callSites.get(fn) ?? [];
    const ctor = this.constructorSites(fn);
    return ctor.length > 0 ? [...direct, ...ctor] : direct;
  }

  /** `new C(...)` for a constructor of a same-file class. */
  private constructorSites(fn: FunctionNode): TSESTree.CallExpression[] {
    const method = fn.parent;
    if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return [];
    const cls = method.parent?.parent;
    if (cls?.type !== AST_NODE_TYPES.ClassDeclaration && cls?.type !== AST_NODE_TYPES.ClassExpression) return [];
    let variables: readonly Variable[];
    try {
      variables = this.file.sourceCode.scopeManager?.getDeclaredVariables(cls) ?? [];
      if (variables.length === 0 && cls.parent?.type === AST_NODE_TYPES.VariableDeclarator) {
        variables = this.file.sourceCode.scopeManager?.getDeclaredVariables(cls.parent) ?? [];
      }
    } catch {
      return [];
    }
    const out: TSESTree.CallExpression[] = [];
    for (const v of variables) {
      for (const ref of v.references) {
        const p = ref.identifier.parent;
        // A `new` has the same shape as a call for what the tracer needs (callee, arguments, position).
        if (p?.type === AST_NODE_TYPES.NewExpression && p.callee === ref.identifier) {
          out.push(p as unknown as TSESTree.CallExpression);
        }
      }
    }
    return out;
  }

  /** Expressions a function returns (not those of nested functions). */
  returnsOf(fn: FunctionNode): TSESTree.Node[] {
    let list = this.returnCache.get(fn);
    if (!list) {
      list = [];
      const out = list;
      walk(this.file, fn.body, (node) => {
        if (isFunction(node)) return false;
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) out.push(node.argument);
        return true;
      });
      this.returnCache.set(fn, list);
    }
    return list;
  }

  /** Every value written to `this.name` in a class: field initialisers, assignments, getters, parameter properties. */
  fieldWrites(body: TSESTree.ClassBody, name: string): FieldWrite[] {
    let map = this.fields.get(body);
    if (!map) {
      const m = new Map<string, FieldWrite[]>();
      map = m;
      const add = (n: string, w: FieldWrite): void => {
        let list = m.get(n);
        if (!list) m.set(n, (list = []));
        list.push(w);
      };
      for (const el of body.body) {
        if (el.type === AST_NODE_TYPES.PropertyDefinition && !el.static && el.value) {
          const n = propertyName(el);
          if (n !== undefined) add(n, { node: el, value: el.value });
        } else if (el.type === AST_NODE_TYPES.MethodDefinition && !el.static && el.value.type === AST_NODE_TYPES.FunctionExpression) {
          const n = propertyName(el);
          if (el.kind === 'get' && n !== undefined) add(n, { node: el, getter: el.value });
          if (el.kind === 'constructor') {
            for (const p of el.value.params) {
              if (p.type !== AST_NODE_TYPES.TSParameterProperty) continue;
              const inner = p.parameter.type === AST_NODE_TYPES.AssignmentPattern ? p.parameter.left : p.parameter;
              if (inner.type === AST_NODE_TYPES.Identifier) {
                add(inner.name, { node: p, param: { fn: el.value, name: inner } });
              }
            }
          }
        }
      }
      walk(this.file, body, (node) => {
        if (node.type === AST_NODE_TYPES.ClassBody && node !== body) return false;
        if (
          node.type === AST_NODE_TYPES.AssignmentExpression &&
          node.operator === '=' &&
          node.left.type === AST_NODE_TYPES.MemberExpression &&
          node.left.object.type === AST_NODE_TYPES.ThisExpression
        ) {
          const n = propertyName(node.left);
          if (n !== undefined) add(n, { node, value: node.right, anchor: statementAnchor(node) });
        }
        return true;
      });
      this.fields.set(body, map);
    }
    return map.get(name) ?? [];
  }

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

  private mentions(node: TSESTree.Node, vars: Set<Variable>, paths: Set<string>): void {
    walk(this.file, node, (n) => {
      if (isFunction(n)) return false;
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
        for (const site of this.callSitesOf(fn)) {
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

  private guardCovers(g: Guard, st: State, positions: readonly TSESTree.Node[]): boolean {
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

  checked(st: State): boolean {
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
    // The official getBalance throws on an error reply; so does a wrapper whose own balance request stops.
    if (r.protocol === 'official' || (r.wrapper && r.wrapper.requests.some((inner) => this.isBalanceCheck(inner)))) {
      if (awaited && !this.swallowed(r.call)) return true;
    }
    if (r.via === 'official') return false;
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
      states: State[];
    }
    const aggs = new Map<TSESTree.Node, Agg>();
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
    // ClientOptions that no Solve/getBalance call of this file uses: the client is made here and used elsewhere.
    for (const opts of this.file.official.options) {
      const obj = opts.arguments[0] ? this.file.values.object(opts.arguments[0]) : undefined;
      const key = obj ? findProperty(obj, 'clientKey')?.value : undefined;
      if (!key || keyNodes.has(key)) continue;
      const tracer = new KeyTracer(this.file, this);
      tracer.trace(key, [], initialState(opts));
      const pseudo = { call: opts as unknown as TSESTree.CallExpression, methods: new Set(), key } as unknown as CapRequest;
      if (tracer.origins.length > 0) perRequest.push({ request: pseudo, origins: tracer.origins });
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

    for (const { request, origins } of perRequest) {
      const exempt = this.isBalanceCheck(request);
      for (const o of origins) {
        let agg = aggs.get(o.node);
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
          };
          aggs.set(o.node, agg);
        }
        if (!agg.requests.includes(request)) agg.requests.push(request);
        agg.states.push(o.state);
        agg.fallback &&= o.state.fallback;
        if (o.state.literalFallback) agg.literalFallback = true;
        if (exempt || !agg.checked) continue;
        let ok = this.checked(o.state);
        if (!ok) {
          const positions = this.expand(o.state.position);
          ok = balanceGuards.some(
            (b) =>
              b.request !== request &&
              b.sources.has(o.node) &&
              b.positions.some((q) => positions.some((p) => this.before(q, p))),
          );
        }
        if (!ok) agg.checked = false;
      }
    }
    return [...aggs.values()].map((a) => ({
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
    }));
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
    const tracer = new KeyTracer(this.file, this);
    tracer.trace(key, [], initialState(r.call));
    return tracer.origins;
  }
}

function initialState(position: TSESTree.Node): State {
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
      return file.sourceCode.getText(n).includes(`key=${value}`) ? n : undefined;
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
function guardSiteOf(node: TSESTree.Node, states: readonly State[]): KeyGuardSite | undefined {
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

/** `''`, `null`, `undefined`: what a variable starts as before it is filled in. */
function isEmptyStart(node: TSESTree.Node): boolean {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.Identifier) return n.name === 'undefined';
  return n.type === AST_NODE_TYPES.Literal && (n.value === null || n.value === '');
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
  return file.memo('keySources', () => (file.isCapMonster ? new KeyAnalysis(file).sources() : []));
}
