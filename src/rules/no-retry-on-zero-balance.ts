import { getCapMonster } from '../capmonster';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-zero-balance',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying CapMonster requests after a zero-balance error',
      recommended: 'recommended',
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
