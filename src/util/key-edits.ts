import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './node-types';
import { insertAfterStatement, insertBeforeStatement, newError, type SourceCode, statementOf, styleOf } from './edits';

/**
 * Edits that make a CapMonster key come from the environment and be checked before it is sent: shared by
 * require-key-check (an empty or placeholder key, an unchecked read) and no-hardcoded-client-key.
 */

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | TSESLint.RuleFix[];

/** Names that `x.y.z` can test again without side effects. */
function isPath(node: TSESTree.Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.ThisExpression) return true;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    return (!node.computed || node.property.type === AST_NODE_TYPES.Literal) && isPath(node.object);
  }
  if (node.type === AST_NODE_TYPES.MetaProperty) return true;
  return false;
}

/** `if (!KEY) throw new Error('KEY is not set: …')`, without terminator. */
export function keyGuard(sourceCode: SourceCode, subject: string): string {
  return `if (!${subject}) throw ${newError(styleOf(sourceCode), `${subject} is not set: CapMonster bans clients that send requests without a valid key`)}`;
}

/** Where a key guard on `node`'s value goes: after `const X = node` (testing `X`), else before the statement that holds it. */
function guardPlace(sourceCode: SourceCode, node: TSESTree.Node, subject: string): Fix | undefined {
  const declarator = node.parent;
  if (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.init === node &&
    declarator.id.type === AST_NODE_TYPES.Identifier &&
    declarator.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
    statementOf(declarator.parent) === declarator.parent
  ) {
    const stmt = declarator.parent;
    const guard = keyGuard(sourceCode, declarator.id.name);
    return (fixer) => insertAfterStatement(fixer, sourceCode, stmt, guard);
  }
  const stmt = statementOf(node, true);
  if (!stmt || stmt.type === AST_NODE_TYPES.ImportDeclaration) return undefined;
  const guard = keyGuard(sourceCode, subject);
  return (fixer) => insertBeforeStatement(fixer, sourceCode, stmt, guard);
}

/** A guard on an external read that the analysis found no place for: before the statement (or definition) that holds it. */
export function guardBefore(sourceCode: SourceCode, node: TSESTree.Node): { subject: string; fix: Fix } | undefined {
  if (!isPath(node)) return undefined;
  const subject = sourceCode.getText(node);
  const fix = guardPlace(sourceCode, node, subject);
  return fix ? { subject, fix } : undefined;
}

/** `process.env.KEY ?? ''` → `process.env.KEY`, and a guard: what the empty or placeholder fallback was standing in for. */
export function dropFallback(sourceCode: SourceCode, literal: TSESTree.Node): { subject: string; fix: Fix } | undefined {
  const logical = literal.parent;
  if (logical?.type !== AST_NODE_TYPES.LogicalExpression || logical.right !== literal || logical.operator === '&&') return undefined;
  const left = logical.left;
  const declarator = logical.parent;
  const declared =
    declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === logical && declarator.id.type === AST_NODE_TYPES.Identifier;
  if (!declared && !isPath(left)) return undefined;
  const subject = declared ? (declarator.id as TSESTree.Identifier).name : sourceCode.getText(left);
  const guard = guardPlace(sourceCode, logical, sourceCode.getText(left));
  if (!guard) return undefined;
  return {
    subject,
    fix: (fixer) => [fixer.removeRange([left.range[1], logical.range[1]]), ...[guard(fixer)].flat()],
  };
}

/**
 * The key written at `node` (a literal, or a template part or string that holds it after `key=`) read from
 * `process.env.<env>` instead, plus a guard that stops when the variable is not set.
 */
export function keyFromEnv(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  value: string,
  embedded: boolean,
  envVariable: string,
): Fix | undefined {
  const env = `process.env.${envVariable}`;
  const replace = replacement(sourceCode, node, value, embedded, env);
  if (!replace) return undefined;
  const guard = guardPlace(sourceCode, node, env);
  if (!guard) return undefined;
  return (fixer) => [replace(fixer), ...[guard(fixer)].flat()];
}

/** The edit that puts `process.env.X` where the key is written, when it is a plain local edit. */
function replacement(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  value: string,
  embedded: boolean,
  env: string,
): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
  const key = value.trim();
  const suffix = /^[0-9a-f]{32}__/i.test(key) ? key.slice(32) : '';
  if (!embedded) {
    let text = suffix ? `\`\${${env}}${suffix}\`` : env;
    if (node.parent?.type === AST_NODE_TYPES.JSXAttribute) text = `{${text}}`;
    return (fixer) => fixer.replaceText(node, text);
  }
  const raw = sourceCode.getText(node);
  const needle = `key=${value}`;
  const at = raw.indexOf(needle);
  if (at < 0 || raw.indexOf(needle, at + 1) >= 0) return undefined;
  const start = at + 'key='.length;
  const end = start + value.length;
  if (node.type === AST_NODE_TYPES.TemplateElement || node.type === AST_NODE_TYPES.TemplateLiteral) {
    const text = `${raw.slice(0, start)}\${${env}}${raw.slice(end)}`;
    return (fixer) => fixer.replaceText(node, text);
  }
  // A quoted string: becomes a template literal.
  const inner = raw.slice(1, -1);
  if (inner.includes('`') || inner.includes('${') || inner.includes('\\')) return undefined;
  const text = `\`${raw.slice(1, start)}\${${env}}${raw.slice(end, -1)}\``;
  return (fixer) => fixer.replaceText(node, text);
}
