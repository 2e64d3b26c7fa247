import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';
import { functionAround, insertAfterStatement, safeSuggestions } from '../util/edits';
import { waitExpression } from '../util/waits';

import { type CapMonsterFile, getCapMonster } from '../capmonster';
import { getPolls, type Poll } from '../capmonster/polls';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ minIntervalMs?: number }];
export type MessageIds = 'intervalTooShort' | 'scaleWait' | 'setInterval' | 'waitLonger' | 'passTimeouts';

const DEFAULT_MIN = 2000;

export default createRule<Options, MessageIds>({
  name: 'min-poll-interval',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce the documented minimum of 2 seconds between CapMonster result requests',
      recommended: 'strict',
    },
    messages: {
      intervalTooShort:
        'This poll waits only {{ms}} ms between result requests, which CapMonster answers with errors (ERROR_TOO_MUCH_REQUESTS); wait {{min}} ms.',
      scaleWait: 'Change {{from}} to {{to}}, a wait of {{min}} ms.',
      setInterval: 'Replace `{{from}}` with {{min}}.',
      waitLonger: 'Wait {{extra}} ms more after this wait: insert `{{text}}`.',
      passTimeouts: 'Pass timeouts that wait long enough: `{{text}}`.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          minIntervalMs: {
            type: 'integer',
            minimum: 0,
            description: 'The shortest wait, in milliseconds, allowed between two result requests for one task.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ minIntervalMs: DEFAULT_MIN }],
    fixable: 'code',
    hasSuggestions: true,
  },
  defaultOptions: [{ minIntervalMs: DEFAULT_MIN }],
  create(context, [options]) {
    const file = getCapMonster(context);
    const min = options.minIntervalMs ?? DEFAULT_MIN;

    return {
      'Program:exit'() {
        for (const poll of getPolls(file)) {
          const { kind, ms, literal } = poll.delay;
          if (kind !== 'wait' || ms === undefined || ms >= min) continue;
          // A package's fixed interval (no option changes it) is nothing this code can set.
          if (poll.kind === 'library' && !poll.delay.node && !poll.library?.defaults) continue;
          const fixable = literal !== undefined && literal.value === ms;
          context.report({
            loc: poll.loc,
            messageId: 'intervalTooShort',
            data: { ms, min },
            fix: fixable ? (fixer) => fixer.replaceText(literal, String(min)) : null,
            suggest: fixable ? [] : safeSuggestions(longerWait(file, poll, ms, min)),
          });
        }
      },
    };
  },
});

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/**
 * A wait that is too short and has no literal of its own to change: a literal that sets it in other units
 * (`wait(1)` for one second), the expression of an interval or of the client's `requestsInterval`, or, in an
 * async loop, one more wait right after the existing one.
 */
function longerWait(file: CapMonsterFile, poll: Poll, ms: number, min: number): Suggestion[] {
  const sourceCode = file.sourceCode;
  const { literal, node } = poll.delay;
  if (literal && typeof literal.value === 'number' && literal.value > 0 && ms > 0) {
    const to = (literal.value * min) / ms;
    if (Number.isFinite(to) && Number(to.toFixed(3)) === to) {
      return [{ messageId: 'scaleWait', data: { from: literal.raw, to, min }, fix: (fixer) => fixer.replaceText(literal, String(to)) }];
    }
  }
  if ((poll.kind === 'library' || poll.kind === 'interval') && node) {
    // A client package's option in its own unit (seconds for some).
    const value = min / (poll.delay.scale ?? 1);
    return [{ messageId: 'setInterval', data: { from: sourceCode.getText(node), min: value }, fix: (fixer) => fixer.replaceText(node, String(value)) }];
  }
  // The official client's own timeouts for this request: pass ones that wait long enough.
  const defaults = poll.library?.defaults;
  const call = poll.node;
  if (defaults && call.type === AST_NODE_TYPES.CallExpression && call.arguments.length === 1) {
    // The client's own timeout, or a minute where that is too short for a poll at `min`.
    const text = `{ requestsInterval: ${min}, timeout: ${Math.max(defaults.timeoutMs, 60_000)} }`;
    return [{ messageId: 'passTimeouts', data: { text }, fix: (fixer) => fixer.insertTextAfter(call.arguments[0]!, `, ${text}`) }];
  }
  const fn = poll.fn;
  if (poll.kind !== 'loop' || !fn?.async || !node || functionAround(node) !== fn) return [];
  const stmt = statementIn(poll.body, node);
  if (!stmt) return [];
  const extra = min - ms;
  const wait = waitExpression(file, stmt, extra);
  if (wait === undefined) return [];
  const text = `await ${wait}`;
  return [{ messageId: 'waitLonger', data: { extra, text }, fix: (fixer) => insertAfterStatement(fixer, sourceCode, stmt, text) }];
}

/** The statement of a loop body's block that holds `node`. */
function statementIn(body: TSESTree.Node, node: TSESTree.Node): TSESTree.Node | undefined {
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  return body.body.find((s) => s.range[0] <= node.range[0] && node.range[1] <= s.range[1]);
}
