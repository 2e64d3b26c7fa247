import type { TSESLint } from '@typescript-eslint/utils';

import type { CapMonsterRuleDocs } from '../capmonster/create-rule';
import handleBanErrors from './handle-ban-errors';
import minPollInterval from './min-poll-interval';
import noHardcodedClientKey from './no-hardcoded-client-key';
import noRetryOnBadProxy from './no-retry-on-bad-proxy';
import noRetryOnZeroBalance from './no-retry-on-zero-balance';
import noUnboundedPolling from './no-unbounded-polling';
import requireKeyCheck from './require-key-check';

/** Every rule of the plugin, keyed by its name, sorted. */
export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], CapMonsterRuleDocs>> = {
  'handle-ban-errors': handleBanErrors,
  'min-poll-interval': minPollInterval,
  'no-hardcoded-client-key': noHardcodedClientKey,
  'no-retry-on-bad-proxy': noRetryOnBadProxy,
  'no-retry-on-zero-balance': noRetryOnZeroBalance,
  'no-unbounded-polling': noUnboundedPolling,
  'require-key-check': requireKeyCheck,
};
