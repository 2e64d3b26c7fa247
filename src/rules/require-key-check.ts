import { getCapMonster } from '../capmonster';
import { createRule } from '../util/create-rule';

export type Options = [];
export type MessageIds = 'todo';

export default createRule<Options, MessageIds>({
  name: 'require-key-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the CapMonster client key to be checked before any request sends it',
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
