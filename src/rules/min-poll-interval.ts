import { getCapMonster } from '../capmonster';
import { getPolls } from '../capmonster/polls';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ minIntervalMs?: number }];
export type MessageIds = 'intervalTooShort';

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
        'This poll waits {{ms}} ms between result requests, below {{min}} ms: CapMonster asks for at most one request every 2 seconds and answers faster polls with ERROR_TOO_MUCH_REQUESTS, so wait at least {{min}} ms.',
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
          context.report({
            loc: poll.loc,
            messageId: 'intervalTooShort',
            data: { ms, min },
            fix: literal && literal.value === ms ? (fixer) => fixer.replaceText(literal, String(min)) : null,
          });
        }
      },
    };
  },
});
