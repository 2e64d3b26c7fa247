import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { safeSuggestions } from '../util/edits';

import { getCapMonster } from '../capmonster';
import { type CodeRetry, findCodeRetries } from '../capmonster/branches';
import { createRule } from '../capmonster/create-rule';

export type Options = [];
export type MessageIds = 'retriesSameProxy' | 'throwOnProxyError';

function throwText(code: string): string {
  return `throw new Error('${code}: replace the proxy before sending the task again');`;
}

/** Replaces the retrying statement with a throw, or puts `if (check) throw …;` at the top of a mixed branch. */
function stopFix(sourceCode: Readonly<TSESLint.SourceCode>, c: CodeRetry): TSESLint.ReportFixFunction | undefined {
  const text = throwText(c.code);
  const stmt = c.retry.statement;
  if (c.alone && stmt) return (fixer) => fixer.replaceText(stmt as TSESTree.Node, text);
  if (c.appendAfter) {
    const last = c.appendAfter;
    return (fixer) => fixer.insertTextAfter(last, `\n${' '.repeat(last.loc.start.column)}${text}`);
  }
  if (c.check === undefined) return undefined;
  const guarded = `if (${c.check}) ${text}`;
  if (c.insertBefore) {
    const before = c.insertBefore;
    return (fixer) => fixer.insertTextBefore(before, `${guarded}\n${' '.repeat(before.loc.start.column)}`);
  }
  if (c.wrap) {
    const wrap = c.wrap;
    return (fixer) => fixer.replaceText(wrap, `{ ${guarded} ${sourceCode.getText(wrap)} }`);
  }
  return undefined;
}

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-bad-proxy',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sending a CapMonster task again with the same proxy after a proxy error',
      recommended: 'recommended',
    },
    messages: {
      retriesSameProxy: 'Resending with the same proxy after {{code}} gets the account banned (BadProxy); switch proxies or stop.',
      throwOnProxyError: 'Throw on the proxy error instead of sending the task again.',
    },
    schema: [],
    hasSuggestions: true,
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    return {
      'Program:exit'() {
        for (const c of findCodeRetries(file)) {
          if (c.codeClass !== 'proxy') continue;
          const fix = stopFix(context.sourceCode, c);
          context.report({
            node: c.node,
            messageId: 'retriesSameProxy',
            data: { code: c.code },
            suggest: fix ? safeSuggestions([{ messageId: 'throwOnProxyError', fix }]) : [],
          });
        }
      },
    };
  },
});
