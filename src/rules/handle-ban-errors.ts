import { getCapMonster } from '../capmonster';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'handle-ban-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every CapMonster response to be checked for errors, and fatal errors to stop the flow',
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
