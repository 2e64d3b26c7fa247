import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

import { calleeName, enclosingFunction, type FunctionNode, isFunction, isLoop, type LoopNode } from './ast';
import type { CapMonsterFile, CapRequest } from './index';
import { isResultMethod } from './methods';

/**
 * A place that sends result requests for one task again and again.
 * OWNER: the no-unbounded-polling work extends this (bounds, delays, recursion, intervals, official timeouts).
 */
export interface Poll {
  kind: 'loop' | 'recursion' | 'interval' | 'official';
  /** The loop statement, the recursive call, the `setInterval(...)` call, or the official `Solve(...)` call. */
  node: TSESTree.Node;
  /** What repeats: the loop body, the recursive function, the interval callback (the `Solve` call for `official`). */
  body: TSESTree.Node;
  /** The function the poll lives in (the recursive function itself for `recursion`). */
  fn: FunctionNode | undefined;
  /** The result requests it repeats. */
  requests: CapRequest[];
}

/** Whether a request is a single result request (not a call of a wrapper that polls by itself). */
export function isSingleResultRequest(r: CapRequest): boolean {
  return !r.polls && [...r.methods].some(isResultMethod);
}

/** Every poll in the file, computed once. */
export function getPolls(file: CapMonsterFile): readonly Poll[] {
  return file.memo('polls', () => findPolls(file));
}

function findPolls(file: CapMonsterFile): Poll[] {
  const byLoop = new Map<LoopNode, Poll>();
  for (const r of file.requests) {
    if (!isSingleResultRequest(r)) continue;
    const fn = enclosingFunction(r.call);
    for (let cur: TSESTree.Node | undefined = r.call.parent; cur && cur !== fn; cur = cur.parent) {
      if (isLoop(cur)) {
        let poll = byLoop.get(cur);
        if (!poll) {
          poll = { kind: 'loop', node: cur, body: cur.body, fn, requests: [] };
          byLoop.set(cur, poll);
        }
        poll.requests.push(r);
        break;
      }
    }
  }
  const polls: Poll[] = [...byLoop.values()];
  for (const call of file.calls) {
    if (calleeName(call) !== 'setInterval' || call.callee.type === AST_NODE_TYPES.MemberExpression && calleeName(call) !== 'setInterval') continue;
    const cb = call.arguments[0];
    if (!cb || !isFunction(cb)) continue;
    const requests = file.requests.filter(
      (r) => isSingleResultRequest(r) && cb.range[0] <= r.call.range[0] && r.call.range[1] <= cb.range[1],
    );
    if (requests.length > 0) polls.push({ kind: 'interval', node: call, body: cb, fn: cb, requests });
  }
  return polls;
}
