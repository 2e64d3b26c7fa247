import type { TSESTree } from '@typescript-eslint/utils';

import type { Ban } from './codes';
import type { CapMonsterFile } from './index';

/** Which family of error codes a branch recognises. */
export type CodeClass = 'zeroBalance' | 'proxy' | 'fatal';

/**
 * A branch that recognises an error code that must stop the flow, and then sends again anyway.
 * OWNER: the retry work (no-retry-on-zero-balance, no-retry-on-bad-proxy, handle-ban-errors' retriesFatalError).
 */
export interface CodeRetry {
  /** Where to report. */
  node: TSESTree.Node;
  codeClass: CodeClass;
  /** The code recognised, in `ERROR_…` form. */
  code: string;
  ban: Ban;
}

/** Every code-recognising branch that retries, computed once per file. */
export function findCodeRetries(file: CapMonsterFile): readonly CodeRetry[] {
  return file.memo('codeRetries', () => [] as CodeRetry[]);
}
