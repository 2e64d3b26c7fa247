import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { type FunctionNode, isFunction, propertyName, unwrap } from './ast';
import { functionDelay } from './delays';
import type { CapMonsterFile } from './index';
import { keySummaryOf } from './keys';
import type { ExportSummary, FunctionExport, ModuleEnv, ModuleSummary, ObjectExport, Sends, ValueExport, Waits } from './modules';
import { rawReplyOf } from './responses';
import { swallowingHelpers } from './retries';
import type { Owner } from './values';

/**
 * What a module's exports do, read off the module's own analysis: the functions and methods that send
 * CapMonster requests (which methods, which argument is the key or the task id, whether they poll to the
 * end, whether they hand back an unchecked reply), the ones that wait and for how long, the ones that swallow
 * every failure, and the constants (texts, numbers, keys).
 */

const MAX_MEMBER_DEPTH = 3;

/** Summarises an analysed module. */
export function summaryOf(file: CapMonsterFile, path: string): ModuleSummary {
  const exports = new Map<string, ExportSummary>();
  const ast = file.sourceCode.ast;
  const describe = (node: TSESTree.Node | null | undefined, id?: TSESTree.Node): ExportSummary | undefined =>
    node ? exportOf(file, node, id, 0) : undefined;
  const set = (name: string, e: ExportSummary | undefined): void => {
    if (e) exports.set(name, e);
  };
  for (const stmt of ast.body) {
    if (stmt.type === AST_NODE_TYPES.ExportNamedDeclaration) {
      const d = stmt.declaration;
      if (d?.type === AST_NODE_TYPES.FunctionDeclaration && d.id) set(d.id.name, describe(d));
      else if (d?.type === AST_NODE_TYPES.ClassDeclaration && d.id) set(d.id.name, describe(d));
      else if (d?.type === AST_NODE_TYPES.VariableDeclaration) {
        for (const decl of d.declarations) if (decl.id.type === AST_NODE_TYPES.Identifier) set(decl.id.name, describe(decl.init, decl.id));
      }
      for (const spec of stmt.specifiers) {
        if (spec.type !== AST_NODE_TYPES.ExportSpecifier || stmt.source) continue;
        const local = spec.local.type === AST_NODE_TYPES.Identifier ? spec.local : undefined;
        const exported = spec.exported.type === AST_NODE_TYPES.Identifier ? spec.exported.name : String(spec.exported.value);
        if (local) set(exported, describe(local, local));
      }
    } else if (stmt.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      set('default', describe(stmt.declaration as TSESTree.Node));
    } else if (stmt.type === AST_NODE_TYPES.ExpressionStatement && stmt.expression.type === AST_NODE_TYPES.AssignmentExpression) {
      // module.exports = …, module.exports.x = …, exports.x = …
      const { left, right } = stmt.expression;
      const target = cjsTarget(left);
      if (target === 'module.exports') {
        const e = describe(right, right);
        set('default', e);
        if (e?.kind === 'object') for (const [k, v] of e.members) set(k, v);
      } else if (target !== undefined) {
        set(target, describe(right, right));
      }
    }
  }
  return { path, exports };
}

/** `module.exports` → 'module.exports'; `module.exports.x` / `exports.x` → 'x'. */
function cjsTarget(left: TSESTree.Node): string | undefined {
  if (left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = propertyName(left);
  const obj = unwrap(left.object);
  if (obj.type === AST_NODE_TYPES.Identifier && obj.name === 'module' && name === 'exports') return 'module.exports';
  if (obj.type === AST_NODE_TYPES.Identifier && obj.name === 'exports') return name;
  if (obj.type === AST_NODE_TYPES.MemberExpression && propertyName(obj) === 'exports' && unwrap(obj.object).type === AST_NODE_TYPES.Identifier) {
    return name;
  }
  return undefined;
}

function exportOf(file: CapMonsterFile, node: TSESTree.Node, id: TSESTree.Node | undefined, depth: number): ExportSummary | undefined {
  if (depth > MAX_MEMBER_DEPTH) return undefined;
  const values = file.values;
  const n = unwrap(node);
  if (isFunction(n)) return functionExport(file, n);
  if (n.type === AST_NODE_TYPES.ClassDeclaration || n.type === AST_NODE_TYPES.ClassExpression) return classExport(file, n.body);
  if (n.type === AST_NODE_TYPES.ObjectExpression) {
    const members = new Map<string, ExportSummary>();
    for (const p of n.properties) {
      if (p.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyName(p);
      const e = name === undefined ? undefined : exportOf(file, p.value, p.value.type === AST_NODE_TYPES.Identifier ? p.value : undefined, depth + 1);
      if (name !== undefined && e) members.set(name, e);
    }
    return { kind: 'object', members };
  }
  if (n.type === AST_NODE_TYPES.NewExpression) {
    // export const client = new Client(…): the class's methods.
    const ctor = values.calleeOf(n);
    const owner = ctor && (values.methodOwner(ctor) ?? ownerOfConstructor(ctor));
    return owner ? ownerExport(file, owner) : undefined;
  }
  if (n.type === AST_NODE_TYPES.Identifier) {
    const fn = values.functionOf(n);
    if (fn) return functionExport(file, fn);
    const v = values.variableOf(n);
    const def = v?.defs.length === 1 ? v.defs[0] : undefined;
    if (def?.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression)) {
      return classExport(file, def.node.body);
    }
    const init = values.valueOf(n);
    const u = init && unwrap(init);
    if (u && (u.type === AST_NODE_TYPES.ObjectExpression || u.type === AST_NODE_TYPES.NewExpression || u.type === AST_NODE_TYPES.ClassExpression)) {
      return exportOf(file, u, undefined, depth + 1);
    }
  }
  return valueExport(file, n, id ?? n);
}

function valueExport(file: CapMonsterFile, node: TSESTree.Node, id: TSESTree.Node): ValueExport | undefined {
  const text = file.values.string(node);
  const number = file.values.number(node);
  const key = keySummaryOf(file, id);
  if (text === undefined && number === undefined && !key) return undefined;
  return { kind: 'value', text, number, key };
}

/** The constructor function's own owner (a function constructor is its own `this` owner). */
function ownerOfConstructor(fn: FunctionNode): Owner | undefined {
  const p = fn.parent;
  if (p?.type === AST_NODE_TYPES.MethodDefinition && p.kind === 'constructor' && p.parent?.type === AST_NODE_TYPES.ClassBody) return p.parent;
  return fn;
}

function classExport(file: CapMonsterFile, body: TSESTree.ClassBody): ObjectExport {
  return ownerExport(file, body);
}

/** The methods of a class, an object literal or a constructor function, and the constructor argument sent as the key. */
function ownerExport(file: CapMonsterFile, owner: Owner): ObjectExport {
  const members = new Map<string, ExportSummary>();
  let ctor: FunctionNode | undefined;
  for (const fn of file.functions) {
    if (file.values.methodOwner(fn) !== owner) continue;
    const parent = fn.parent;
    if (parent?.type === AST_NODE_TYPES.MethodDefinition && parent.kind === 'constructor') {
      ctor = fn;
      continue;
    }
    const name = file.values.functionName(fn);
    if (name !== undefined) members.set(name, functionExport(file, fn));
  }
  if (isFunction(owner)) ctor = owner;
  return { kind: 'object', members, ctorKeyParam: ctor ? ctorKeyParam(file, owner, ctor) : undefined };
}

/** The constructor argument that ends up as the key of the owner's requests (`constructor(key) { this.key = key }`). */
function ctorKeyParam(file: CapMonsterFile, owner: Owner, ctor: FunctionNode): number | undefined {
  for (const r of file.requests) {
    const key = r.key && unwrap(r.key);
    if (key?.type !== AST_NODE_TYPES.MemberExpression || !file.values.isThis(key.object)) continue;
    const name = propertyName(key);
    if (name === undefined) continue;
    for (const w of file.values.fieldWrites(owner, name)) {
      const p = w.param ? file.values.parameterOf(w.param.name) : w.value ? file.values.parameterOf(w.value) : undefined;
      if (p && p.fn === ctor && p.path.length === 0) return p.index;
    }
  }
  return undefined;
}

function functionExport(file: CapMonsterFile, fn: FunctionNode): FunctionExport {
  const out: FunctionExport = { kind: 'function' };
  const w = file.wrappers.get(fn);
  if (w && w.methods.size > 0) {
    const sends: Sends = {
      methods: [...w.methods],
      protocol: w.requests.some((r) => r.protocol === 'text') ? 'text' : w.requests.every((r) => r.protocol === 'official') ? 'official' : 'json',
      polls: w.polls,
    };
    for (const r of w.requests) {
      const key = r.key && file.values.parameterOf(r.key);
      if (key && key.fn === fn && key.path.length === 0) sends.keyParam ??= key.index;
      const id = r.taskId && file.values.parameterOf(r.taskId);
      if (id && id.fn === fn && id.path.length === 0) sends.taskIdParam ??= id.index;
    }
    const raw = rawReplyOf(file, fn);
    if (raw && !raw.via) sends.raw = { kind: raw.kind, method: raw.method, json1: raw.json1 };
    out.sends = sends;
    if (swallowingHelpers(file).has(fn)) out.swallows = true;
  }
  const waits = waitsOf(file, fn);
  if (waits) out.waits = waits;
  return out;
}

/** How long a function waits: fixed, or read from one argument (`ms × factor + offset`), found by trying two values. */
function waitsOf(file: CapMonsterFile, fn: FunctionNode): Waits | undefined {
  const none = functionDelay(file, fn, []);
  if (!none) return undefined;
  for (let i = 0; i < Math.min(fn.params.length, 3); i++) {
    const a = functionDelay(file, fn, argsWith(i, 1000))?.ms;
    const b = functionDelay(file, fn, argsWith(i, 2000))?.ms;
    if (a !== undefined && b !== undefined && a !== b) {
      const factor = (b - a) / 1000;
      return { param: i, factor, offset: a - factor * 1000 };
    }
  }
  return { ms: none.ms };
}

function argsWith(index: number, value: number): (number | undefined)[] {
  const out: (number | undefined)[] = [];
  out[index] = value;
  return out;
}

/** What the summary rule hands back to the module cache. */
export type SummaryRule = TSESLint.RuleModule<string, []>;

export type { ModuleEnv };
