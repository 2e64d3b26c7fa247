import { getCapMonster } from '../capmonster';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-bad-proxy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending a CapMonster task again with the same proxy after a proxy error',
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
