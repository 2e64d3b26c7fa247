import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from './node-types';

import type { CapMonsterFile } from '../capmonster';
import { delayCall, evalNumber, isWaitName } from '../capmonster/delays';

type Variable = TSESLint.Scope.Variable;

interface Helper {
  name: string;
  variable: Variable;
}

/**
 * The file's own sleep helpers: functions with a wait name that the file calls with a number of
 * milliseconds and that the analysis knows wait that long (`sleep(POLL_MS)`, `delay(2000)`).
 */
function sleepHelpers(file: CapMonsterFile): readonly Helper[] {
  return file.memo('suggestions:sleepHelpers', () => {
    const out: Helper[] = [];
    for (const call of file.calls) {
      const callee = call.callee;
      if (callee.type !== AST_NODE_TYPES.Identifier || !isWaitName(callee.name) || call.arguments.length !== 1) continue;
      if (out.some((h) => h.name === callee.name)) continue;
      const variable = file.values.variableOf(callee);
      if (!variable || variable.defs.length === 0) continue;
      const d = delayCall(file, call);
      if (!d?.async || d.ms === undefined || evalNumber(file, call.arguments[0]!).ms !== d.ms) continue;
      out.push({ name: callee.name, variable });
    }
    return out;
  });
}

/**
 * An expression that waits `ms` milliseconds at `at`, not awaited: a call of the file's sleep helper when one
 * is in scope there, else `new Promise((resolve) => setTimeout(resolve, ms))` (undefined when `setTimeout`
 * means something else there).
 */
export function waitExpression(file: CapMonsterFile, at: TSESTree.Node, ms: number): string | undefined {
  const sourceCode = file.sourceCode;
  const scope = sourceCode.getScope(at);
  for (const h of sleepHelpers(file)) {
    if (ASTUtils.findVariable(scope, h.name) === h.variable) return `${h.name}(${ms})`;
  }
  const timer = ASTUtils.findVariable(scope, 'setTimeout');
  if (timer && timer.defs.length > 0) return undefined;
  return `new Promise((resolve) => setTimeout(resolve, ${ms}))`;
}
