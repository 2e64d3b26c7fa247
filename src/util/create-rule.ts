import { ESLintUtils } from '@typescript-eslint/utils';

/** Which preset first turns a rule on. `strict` includes everything `recommended` does. */
export type PresetName = 'recommended' | 'strict';

export interface CapMonsterRuleDocs {
  description: string;
  /** The smallest preset that enables the rule; rules without it are only in `all`. */
  recommended?: PresetName;
  requiresTypeChecking?: false;
}

export const REPO_URL = 'https://github.com/eslint-plugin-capmonster/eslint-plugin-capmonster';

export const createRule = ESLintUtils.RuleCreator<CapMonsterRuleDocs>(
  (name) => `${REPO_URL}/blob/main/docs/rules/${name}.md`,
);
