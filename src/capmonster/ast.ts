import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export type LoopNode =
  | TSESTree.WhileStatement
  | TSESTree.DoWhileStatement
  | TSESTree.ForStatement
  | TSESTree.ForInStatement
  | TSESTree.ForOfStatement;

export function isFunction(node: TSESTree.Node | undefined | null): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

export function isLoop(node: TSESTree.Node | undefined | null): node is LoopNode {
  switch (node?.type) {
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
    case AST_NODE_TYPES.ForInStatement:
    case AST_NODE_TYPES.ForOfStatement:
      return true;
    default:
      return false;
  }
}

/** The innermost function that contains `node` (not `node` itself), if any. */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let cur = node.parent; cur; cur = cur.parent) {
    if (isFunction(cur)) return cur;
  }
  return undefined;
}

/** Strips TypeScript-only wrappers, parentheses-like nodes and optional chains. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  for (;;) {
    switch (cur.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        cur = cur.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        cur = cur.expression;
        break;
      default:
        return cur;
    }
  }
}

/** Like {@link unwrap}, and also looks through `await`. */
export function unwrapAwait(node: TSESTree.Node): TSESTree.Node {
  let cur = unwrap(node);
  while (cur.type === AST_NODE_TYPES.AwaitExpression) cur = unwrap(cur.argument);
  return cur;
}

/** Walks up from `node` past TS wrappers, `await` and chain expressions; returns the outermost such node. */
export function outerExpression(node: TSESTree.Node): TSESTree.Node {
  let cur = node;
  for (;;) {
    const parent = cur.parent;
    if (!parent) return cur;
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.AwaitExpression:
        cur = parent;
        break;
      default:
        return cur;
    }
  }
}

/** The names a binding pattern declares: `a`, `{ b, c: [d] }`, `e = 1`, `...f`. */
export function patternIdentifiers(pattern: TSESTree.Node): TSESTree.Identifier[] {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return [pattern];
    case AST_NODE_TYPES.AssignmentPattern:
      return patternIdentifiers(pattern.left);
    case AST_NODE_TYPES.RestElement:
      return patternIdentifiers(pattern.argument);
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.flatMap((p) => patternIdentifiers(p.type === AST_NODE_TYPES.Property ? p.value : p));
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.flatMap((el) => (el ? patternIdentifiers(el) : []));
    default:
      return [];
  }
}

/** The static name of a property key or member property: `a.b`, `a['b']`, `{ b: 1 }`, `{ 'b': 1 }`. */
export function propertyName(
  node: TSESTree.MemberExpression | TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
): string | undefined {
  const key = node.type === AST_NODE_TYPES.MemberExpression ? node.property : node.key;
  const computed = node.computed;
  if (!computed && key.type === AST_NODE_TYPES.Identifier) return key.name;
  if (key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${key.name}`;
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) {
    return String(key.value);
  }
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) {
    return key.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `foo(...)` → `foo`; `a.b.foo(...)` → `foo`; anything else → undefined. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return propertyName(callee);
  return undefined;
}

/** The property of an object literal with the given static name (the last one wins, as at run time). */
export function findProperty(obj: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  let found: TSESTree.Property | undefined;
  for (const prop of obj.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyName(prop) === name) found = prop;
  }
  return found;
}

export function isIdentifier(node: TSESTree.Node | null | undefined, name?: string): node is TSESTree.Identifier {
  return node?.type === AST_NODE_TYPES.Identifier && (name === undefined || node.name === name);
}

/** `a.b` with static property `b` (optionally checking the object is identifier `a`). */
export function isMember(node: TSESTree.Node, property: string, object?: string): node is TSESTree.MemberExpression {
  const n = unwrap(node);
  return (
    n.type === AST_NODE_TYPES.MemberExpression &&
    propertyName(n) === property &&
    (object === undefined || isIdentifier(unwrap(n.object), object))
  );
}

/** An identifier that names a property, not a variable: `config.key`, `{ key: 1 }` (not `{ key }`, whose value it also is). */
export function isPropertyKey(id: TSESTree.Identifier): boolean {
  const p = id.parent;
  return (
    (p?.type === AST_NODE_TYPES.MemberExpression && p.property === id && !p.computed) ||
    (p?.type === AST_NODE_TYPES.Property && p.key === id && !p.computed && p.value !== id)
  );
}

/** Whether `inner` is `outer` or lies inside it (by source range). */
export function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

/** The nearest ancestor (or `node` itself) for which `test` holds, stopping at `stop`. */
export function findAncestor(
  node: TSESTree.Node,
  test: (n: TSESTree.Node) => boolean,
  stop?: TSESTree.Node,
): TSESTree.Node | undefined {
  for (let cur: TSESTree.Node | undefined = node; cur && cur !== stop; cur = cur.parent) {
    if (test(cur)) return cur;
  }
  return undefined;
}

type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Keys the generic walks of the analyses never follow: back links, positions, types and decorators. */
const SKIP_CHILD_KEYS: ReadonlySet<string> = new Set([
  'parent',
  'loc',
  'range',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'decorators',
]);

/** Per set of visitor keys (one per parser), each node type's child keys: a memo of a pure function of the keys. */
const reducedKeys = new WeakMap<VisitorKeys, Map<string, readonly string[] | null>>();

/**
 * The keys that hold child nodes, per node type, for one file's parser (its visitor keys less
 * {@link SKIP_CHILD_KEYS}). One instance per file: the analysis of a file carries its own.
 */
export class ChildKeys {
  private readonly byType: Map<string, readonly string[] | null>;

  constructor(private readonly keys: VisitorKeys) {
    // The same parser's keys for every file it parses: what they reduce to is worked out once per set of keys.
    let byType = reducedKeys.get(keys);
    if (!byType) reducedKeys.set(keys, (byType = new Map()));
    this.byType = byType;
  }

  /** Calls `visit` with each child node of `node`, in source order (type annotations and decorators left out). */
  forEachChild(node: TSESTree.Node, visit: (child: TSESTree.Node) => void): void {
    const record = node as unknown as Record<string, unknown>;
    let list = this.byType.get(node.type);
    if (list === undefined) {
      const all = this.keys[node.type];
      list = all ? all.filter((k) => !SKIP_CHILD_KEYS.has(k)) : null;
      this.byType.set(node.type, list);
    }
    if (list) {
      for (const key of list) visitValue(record[key], visit);
      return;
    }
    // A node type the keys do not list: read it property by property.
    for (const key of Object.keys(record)) {
      if (!SKIP_CHILD_KEYS.has(key)) visitValue(record[key], visit);
    }
  }

  /** Whether any part of `node` satisfies `test` (bounded walk). */
  someNode(node: TSESTree.Node, test: (n: TSESTree.Node) => boolean, limit = 5000): boolean {
    const stack: TSESTree.Node[] = [node];
    const push = (child: TSESTree.Node): void => {
      stack.push(child);
    };
    let seen = 0;
    while (stack.length > 0 && seen++ < limit) {
      const cur = stack.pop()!;
      if (test(cur)) return true;
      this.forEachChild(cur, push);
    }
    return false;
  }

  /** The calls inside `node` (itself included), in source order, at most `limit`. */
  callsIn(node: TSESTree.Node, limit = 400): TSESTree.CallExpression[] {
    const out: TSESTree.CallExpression[] = [];
    const stack: TSESTree.Node[] = [node];
    const kids: TSESTree.Node[] = [];
    const collect = (child: TSESTree.Node): void => {
      kids.push(child);
    };
    let seen = 0;
    while (stack.length > 0 && seen++ < limit * 20) {
      const cur = stack.pop()!;
      if (cur.type === AST_NODE_TYPES.CallExpression) out.push(cur);
      kids.length = 0;
      this.forEachChild(cur, collect);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out.sort((a, b) => a.range[0] - b.range[0]).slice(0, limit);
  }
}

function visitValue(v: unknown, visit: (child: TSESTree.Node) => void): void {
  if (Array.isArray(v)) {
    for (const c of v) if (c && typeof (c as TSESTree.Node).type === 'string') visit(c as TSESTree.Node);
  } else if (v && typeof (v as TSESTree.Node).type === 'string') {
    visit(v as TSESTree.Node);
  }
}

/**
 * Visits `root` and its descendants in source order (pre-order), following ESLint's visitor keys;
 * `visit` returns false to skip a node's children. Stops after `limit` nodes so a huge file cannot hang.
 */
export function walkTree(
  root: TSESTree.Node,
  keys: VisitorKeys,
  visit: (n: TSESTree.Node) => boolean | void,
  limit = 2_000_000,
): void {
  const stack: TSESTree.Node[] = [root];
  let steps = 0;
  while (stack.length > 0 && steps++ < limit) {
    const node = stack.pop()!;
    if (visit(node) === false) continue;
    const childKeys = keys[node.type];
    if (!childKeys) continue;
    for (let k = childKeys.length - 1; k >= 0; k--) {
      const child = (node as unknown as Record<string, unknown>)[childKeys[k]!];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const c = child[i] as TSESTree.Node | null;
          if (c && typeof c.type === 'string') stack.push(c);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
}

const LOGGER_OBJECTS = /^(?:console|logger|log|logging|debug|winston|pino|signale)$/i;
const LOG_FUNCTIONS = /^(?:log|warn|info|debug|trace|error)$/i;

/** A call that only logs: `console.warn(...)`, `logger.info(...)`, `this.log.error(...)`, `log(...)`. */
export function isLogCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return LOG_FUNCTIONS.test(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  let obj = unwrap(callee.object);
  while (obj.type === AST_NODE_TYPES.MemberExpression) {
    const name = propertyName(obj);
    if (name !== undefined && LOGGER_OBJECTS.test(name)) return true;
    obj = unwrap(obj.object);
  }
  return obj.type === AST_NODE_TYPES.Identifier && LOGGER_OBJECTS.test(obj.name);
}

/** A step of ESLint's own traversal (`SourceCode#traverse()`): `kind` 1 is a node, `phase` 1 its entry. */
interface TraversalStep {
  readonly kind?: number;
  readonly phase?: number;
  readonly target?: unknown;
}

interface TraversableSourceCode {
  readonly ast: TSESTree.Program;
  readonly visitorKeys: VisitorKeys;
  traverse?: () => Iterable<TraversalStep>;
}

/**
 * Visits every node of the file once, in source order. ESLint (9 and later) has already listed the
 * nodes for its own traversal before any rule is created, and keeps the list on the SourceCode:
 * reading that list costs far less than walking the tree again. Without it, walks the tree.
 */
export function forEachNode(sourceCode: TraversableSourceCode, visit: (n: TSESTree.Node) => void): void {
  let steps: Iterable<TraversalStep> | undefined;
  try {
    steps = typeof sourceCode.traverse === 'function' ? sourceCode.traverse() : undefined;
  } catch {
    steps = undefined;
  }
  if (Array.isArray(steps)) {
    let visited = 0;
    for (const step of steps as readonly TraversalStep[]) {
      if (step.kind === 1 && step.phase === 1) {
        visited++;
        visit(step.target as TSESTree.Node);
      }
    }
    // The Program is always the first node: a list without it is not the one this expects.
    if (visited > 0) return;
  }
  walkTree(sourceCode.ast, sourceCode.visitorKeys, visit);
}

/** Whether a loop's body leaves on every path of its first round: a top-level `return`, `throw` or `break`, with no `continue` before it. */
export function runsOnce(loop: LoopNode): boolean {
  const body = loop.body;
  const list = body.type === AST_NODE_TYPES.BlockStatement ? body.body : [body];
  for (const stmt of list) {
    if (stmt.type === AST_NODE_TYPES.ReturnStatement || stmt.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (stmt.type === AST_NODE_TYPES.BreakStatement) return !stmt.label;
    if (containsContinue(stmt, loop)) return false;
  }
  return false;
}

function containsContinue(node: TSESTree.Node, loop: LoopNode): boolean {
  if (node.type === AST_NODE_TYPES.ContinueStatement) return true;
  if (isFunction(node) || (isLoop(node) && node !== loop)) return false;
  for (const key of ['body', 'consequent', 'alternate', 'block', 'handler', 'finalizer', 'cases'] as const) {
    const child = (node as unknown as Record<string, unknown>)[key];
    const list = Array.isArray(child) ? child : child ? [child] : [];
    for (const c of list as TSESTree.Node[]) {
      if (c.type === AST_NODE_TYPES.SwitchCase ? c.consequent.some((s) => containsContinue(s, loop)) : containsContinue(c, loop)) return true;
    }
  }
  return false;
}

/** `Promise.race(…)` or `Promise.any(…)`: a promise that settles with the first of those it is given. */
export function isPromiseRace(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = propertyName(callee);
  return (name === 'race' || name === 'any') && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise';
}

/** What a function of one statement returns: `() => x`, `function () { return x; }`. */
export function singleReturn(fn: FunctionNode): TSESTree.Node | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return body;
  const only = body.body.length === 1 ? body.body[0] : undefined;
  return only?.type === AST_NODE_TYPES.ReturnStatement ? (only.argument ?? undefined) : undefined;
}
