import { ESLintUtils } from '@typescript-eslint/utils';

import { getCapMonster } from './index';

/** Which preset first turns a rule on. `strict` includes everything `recommended` does. */
export type PresetName = 'recommended' | 'strict';

export interface CapMonsterRuleDocs {
  description: string;
  /** The smallest preset that enables the rule; rules without it are only in `all`. */
  recommended?: PresetName;
  requiresTypeChecking?: false;
}

export const REPO_URL = 'https://github.com/eslint-plugin-capmonster/eslint-plugin-capmonster';

const ruleCreator = ESLintUtils.RuleCreator<CapMonsterRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);

/** How many distinct option sets one rule keeps merged (a project has one or a few). */
const MAX_OPTION_SETS = 32;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * `RuleCreator`, with two changes to `create`, both for files that are linted by the thousand:
 * - a file with no CapMonster request gets no listeners, before anything else is done: a rule's
 *   own `create` only runs on files whose shared analysis found a request or an official client;
 * - the options merged with their defaults are kept per distinct option set, instead of cloning
 *   the defaults again for every file and every rule. They are frozen: rules only read them.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>(
  rule: Readonly<ESLintUtils.RuleWithMetaAndName<Options, MessageIds, CapMonsterRuleDocs>>,
): ReturnType<typeof ruleCreator<Options, MessageIds>> {
  const made = ruleCreator(rule);
  const defaults = rule.meta.defaultOptions ?? rule.defaultOptions ?? ([] as unknown as Options);
  const merged = new Map<string, Options>();
  return {
    ...made,
    create(context) {
      if (!getCapMonster(context).isCapMonster) return {};
      // Most configurations give no options: skip serialising an empty list for every file.
      const key = context.options.length === 0 ? '' : JSON.stringify(context.options);
      let options = merged.get(key);
      if (!options) {
        options = deepFreeze(ESLintUtils.applyDefault<Options, Options>(defaults, context.options));
        if (merged.size >= MAX_OPTION_SETS) merged.clear();
        merged.set(key, options);
      }
      return rule.create(context, options);
    },
  };
}
