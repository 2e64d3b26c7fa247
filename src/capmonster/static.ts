import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { findProperty, propertyName, unwrap } from './ast';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Variable = TSESLint.Scope.Variable;

const { findVariable } = ASTUtils;

/** Marks a part of a string that could not be resolved. */
export const UNKNOWN = '\uFFFF';

/** One piece of a flattened string expression: literal text, or an expression whose value is not literal. */
export type Leaf = { text: string; node: TSESTree.Node } | { text?: undefined; node: TSESTree.Node };

const MAX_DEPTH = 12;

/**
 * Resolves values that are fixed in the source: constants, simple arithmetic, string building,
 * object literals held in constants, and `this.x` fields set once in a class. Everything is memoised
 * per node, so rules can ask freely.
 */
export class StaticResolver {
  private readonly variables = new Map<TSESTree.Identifier, Variable | null>();
  private readonly values = new Map<TSESTree.Node, TSESTree.Node | null>();
  private readonly numbers = new Map<TSESTree.Node, number | null>();
  private readonly texts = new Map<TSESTree.Node, string>();
  /** `text(node, false)`, what `string` asks: the key and URL of every request ask it more than once. */
  private readonly strictTexts = new Map<TSESTree.Node, string>();
  private readonly fields = new Map<TSESTree.ClassBody, Map<string, TSESTree.Node | null>>();

  constructor(private readonly sourceCode: SourceCode) {}

  /** The variable an identifier refers to, if the scope manager knows it. */
  variableOf(id: TSESTree.Identifier): Variable | undefined {
    let v = this.variables.get(id);
    if (v === undefined) {
      try {
        v = findVariable(this.sourceCode.getScope(id), id) ?? null;
      } catch {
        v = null;
      }
      this.variables.set(id, v);
    }
    return v ?? undefined;
  }

  /**
   * The single expression a name or `this.field` always holds: a `const` initialiser, or the only write
   * to a `let`/`var`. Parameters with defaults resolve to the default only when `soft` is set.
   */
  valueOf(node: TSESTree.Node, soft = false): TSESTree.Node | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) return this.identifierValue(n, soft);
    if (
      n.type === AST_NODE_TYPES.MemberExpression &&
      n.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = propertyName(n);
      return name === undefined ? undefined : this.fieldValue(n, name);
    }
    return undefined;
  }

  private identifierValue(id: TSESTree.Identifier, soft: boolean): TSESTree.Node | undefined {
    if (!soft && this.values.has(id)) return this.values.get(id) ?? undefined;
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
          const obj = prop && prop.type === AST_NODE_TYPES.Property ? this.object(decl.init) : undefined;
          const name = prop && prop.type === AST_NODE_TYPES.Property ? propertyName(prop) : undefined;
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
    if (!soft) this.values.set(id, result);
    return result ?? undefined;
  }

  private fieldValue(member: TSESTree.MemberExpression, name: string): TSESTree.Node | undefined {
    let body: TSESTree.ClassBody | undefined;
    for (let cur: TSESTree.Node | undefined = member.parent; cur; cur = cur.parent) {
      if (cur.type === AST_NODE_TYPES.ClassBody) {
        body = cur;
        break;
      }
    }
    if (!body) return undefined;
    let map = this.fields.get(body);
    if (!map) {
      map = new Map();
      this.fields.set(body, map);
      for (const el of body.body) {
        if (el.type === AST_NODE_TYPES.PropertyDefinition && !el.static) {
          const n = propertyName(el);
          if (n !== undefined) map.set(n, map.has(n) ? null : (el.value ?? null));
        }
        if (
          el.type === AST_NODE_TYPES.MethodDefinition &&
          el.kind === 'constructor' &&
          el.value.body
        ) {
          for (const stmt of el.value.body.body) {
            if (
              stmt.type === AST_NODE_TYPES.ExpressionStatement &&
              stmt.expression.type === AST_NODE_TYPES.AssignmentExpression &&
              stmt.expression.operator === '=' &&
              stmt.expression.left.type === AST_NODE_TYPES.MemberExpression &&
              stmt.expression.left.object.type === AST_NODE_TYPES.ThisExpression
            ) {
              const n = propertyName(stmt.expression.left);
              if (n !== undefined) {
                const prev = map.get(n);
                map.set(n, prev === undefined || prev === null ? stmt.expression.right : null);
              }
            }
          }
        }
      }
    }
    return map.get(name) ?? undefined;
  }

  /** The object literal an expression is, or always holds. */
  object(node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.ObjectExpression) return n;
    if (depth > MAX_DEPTH) return undefined;
    if (n.type === AST_NODE_TYPES.MemberExpression) {
      const name = propertyName(n);
      const obj = name === undefined ? undefined : this.object(n.object, depth + 1);
      const prop = obj && name !== undefined ? findProperty(obj, name) : undefined;
      if (prop) return this.object(prop.value, depth + 1);
    }
    const v = this.valueOf(n);
    return v ? this.object(v, depth + 1) : undefined;
  }

  /** The value of a property of an object-valued expression: `CONFIG.key`, `opts.url`. */
  member(node: TSESTree.Node, name: string): TSESTree.Node | undefined {
    const obj = this.object(node);
    const prop = obj ? findProperty(obj, name) : undefined;
    return prop?.value;
  }

  /** A number fixed in the source: literals, constants, `10 * 60 * 1000`, `CONFIG.limit`. */
  number(node: TSESTree.Node, depth = 0): number | undefined {
    const cached = this.numbers.get(node);
    if (cached !== undefined) return cached ?? undefined;
    const result = depth > MAX_DEPTH ? undefined : this.computeNumber(unwrap(node), depth);
    this.numbers.set(node, result ?? null);
    return result;
  }

  private computeNumber(n: TSESTree.Node, depth: number): number | undefined {
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        return typeof n.value === 'number' ? n.value : undefined;
      case AST_NODE_TYPES.UnaryExpression: {
        const v = this.number(n.argument, depth + 1);
        if (v === undefined) return undefined;
        return n.operator === '-' ? -v : n.operator === '+' ? v : undefined;
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (n.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
        const a = this.number(n.left, depth + 1);
        const b = a === undefined ? undefined : this.number(n.right, depth + 1);
        if (a === undefined || b === undefined) return undefined;
        switch (n.operator) {
          case '+':
            return a + b;
          case '-':
            return a - b;
          case '*':
            return a * b;
          case '/':
            return b === 0 ? undefined : a / b;
          case '%':
            return b === 0 ? undefined : a % b;
          case '**':
            return a ** b;
          default:
            return undefined;
        }
      }
      case AST_NODE_TYPES.MemberExpression: {
        const name = propertyName(n);
        if (name === undefined) return undefined;
        if (n.object.type === AST_NODE_TYPES.ThisExpression) {
          const v = this.valueOf(n);
          return v ? this.number(v, depth + 1) : undefined;
        }
        const v = this.member(n.object, name);
        return v ? this.number(v, depth + 1) : undefined;
      }
      case AST_NODE_TYPES.Identifier: {
        const v = this.valueOf(n);
        return v ? this.number(v, depth + 1) : undefined;
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
            const args = n.arguments.map((a) => this.number(a, depth + 1));
            if (args.length === 0 || args.some((a) => a === undefined)) return undefined;
            return fn === 'min' ? Math.min(...(args as number[])) : Math.max(...(args as number[]));
          }
        }
        return undefined;
      }
      default:
        return undefined;
    }
  }

  /** A string fixed in the source, or undefined when any part of it is not. */
  string(node: TSESTree.Node): string | undefined {
    const t = this.text(node, false);
    return t.includes(UNKNOWN) ? undefined : t;
  }

  /**
   * The text of a string-building expression with unresolved parts replaced by {@link UNKNOWN}.
   * With `soft` (the default), `a ?? 'x'`, `a || 'x'` and parameter defaults resolve to their fallback
   * when `a` does not resolve: good enough to recognise a host, never used for a number.
   */
  text(node: TSESTree.Node, soft = true): string {
    const cache = soft ? this.texts : this.strictTexts;
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    const out = this.leaves(node, soft)
      .map((l) => (l.text !== undefined ? l.text : UNKNOWN))
      .join('');
    cache.set(node, out);
    return out;
  }

  /**
   * Flattens template literals, `+` concatenation and constants into literal texts and the expressions
   * that are not literal, in order. Identifiers are followed to their constant values when those are
   * themselves string-building expressions.
   */
  leaves(node: TSESTree.Node, soft = true, depth = 0): Leaf[] {
    const n = unwrap(node);
    if (depth > MAX_DEPTH) return [{ node: n }];
    switch (n.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean') {
          return [{ text: String(n.value), node: n }];
        }
        return [{ node: n }];
      case AST_NODE_TYPES.TemplateLiteral: {
        const out: Leaf[] = [];
        n.quasis.forEach((q, i) => {
          out.push({ text: q.value.cooked ?? q.value.raw, node: q });
          const e = n.expressions[i];
          if (e) out.push(...this.leaves(e, soft, depth + 1));
        });
        return out;
      }
      case AST_NODE_TYPES.BinaryExpression:
        if (n.operator === '+') {
          return [...this.leaves(n.left, soft, depth + 1), ...this.leaves(n.right, soft, depth + 1)];
        }
        return [{ node: n }];
      case AST_NODE_TYPES.LogicalExpression:
        if (soft && (n.operator === '??' || n.operator === '||')) {
          const left = this.leaves(n.left, soft, depth + 1);
          if (left.every((l) => l.text !== undefined)) return left;
          return this.leaves(n.right, soft, depth + 1);
        }
        return [{ node: n }];
      case AST_NODE_TYPES.CallExpression: {
        // 'a'.concat(b), [a, b].join('') and String(x) are rare; `new URL(path, base)` is handled by the caller.
        const callee = unwrap(n.callee);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          propertyName(callee) === 'concat' &&
          n.arguments.every((a) => a.type !== AST_NODE_TYPES.SpreadElement)
        ) {
          return [
            ...this.leaves(callee.object, soft, depth + 1),
            ...n.arguments.flatMap((a) => this.leaves(a, soft, depth + 1)),
          ];
        }
        return [{ node: n }];
      }
      case AST_NODE_TYPES.NewExpression: {
        // new URL(path, base)
        if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'URL' && n.arguments[0]) {
          const path = this.leaves(n.arguments[0], soft, depth + 1);
          const base = n.arguments[1] ? this.leaves(n.arguments[1], soft, depth + 1) : [];
          return [...base, ...path];
        }
        return [{ node: n }];
      }
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        let v = this.valueOf(n, soft);
        if (!v && n.type === AST_NODE_TYPES.MemberExpression) {
          const name = propertyName(n);
          if (name !== undefined && n.object.type !== AST_NODE_TYPES.ThisExpression) v = this.member(n.object, name);
        }
        if (v) {
          const inner = this.leaves(v, soft, depth + 1);
          // A constant that resolves keeps its text; one that does not stays a single opaque leaf.
          if (inner.every((l) => l.text !== undefined)) return inner.map((l) => ({ text: l.text!, node: n }));
          if (unwrap(v).type === AST_NODE_TYPES.TemplateLiteral || unwrap(v).type === AST_NODE_TYPES.BinaryExpression) {
            return inner;
          }
        }
        return [{ node: n }];
      }
      default:
        return [{ node: n }];
    }
  }
}
