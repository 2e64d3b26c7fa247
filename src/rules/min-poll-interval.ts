import { getCapMonster } from '../capmonster';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'min-poll-interval',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Enforce the documented minimum of 2 seconds between CapMonster result requests',
      recommended: 'strict',
    },
    messages: {
      todo: 'Not implemented yet.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    if (!file.isCapMonster) return {};
    return {};
  },
});
