import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getCapMonster } from '../capmonster';
import { type ExternalKind, getKeySources, type KeyGuardSite, type KeyProblem } from '../capmonster/keys';
import { createRule } from '../capmonster/create-rule';

export type Options = [];
export type MessageIds = 'invalidKey' | 'uncheckedKey' | 'addKeyCheck';

const REASONS: Record<KeyProblem, string> = {
  missing: 'is missing (undefined or not a string)',
  unset: 'is never set, so the package sends its own placeholder key',
  empty: 'is empty',
  placeholder: 'is a placeholder',
  example: "is the example key from CapMonster's documentation",
  format: 'does not have the key format (32 hex characters, optionally followed by __suffix parts)',
};

const SOURCES: Record<ExternalKind, string> = {
  env: 'the environment',
  argv: 'the command line',
  config: 'a configuration file',
};

export default createRule<Options, MessageIds>({
  name: 'require-key-check',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require the CapMonster client key to be checked before any request sends it',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      invalidKey:
        'This CapMonster {{what}} {{reason}}, so every request fails with ERROR_KEY_DOES_NOT_EXIST and the repeats get the account and then the IP banned (KeyDoesntExist); use a real key and stop when it is missing.',
      uncheckedKey:
        'This CapMonster key is read from {{source}} and sent without a check, so when it is missing every request fails and the repeats get the account and then the IP banned (KeyDoesntExist); stop before the first request when the key is not set.',
      addKeyCheck: 'Throw when `{{subject}}` is not set, before any request sends it.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;

    function guardFix(site: KeyGuardSite): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
      const line = sourceCode.lines[site.anchor.loc.start.line - 1] ?? '';
      const indent = /^[ \t]*/.exec(line)?.[0] ?? '';
      // Most subjects have nothing to escape, and a global replace with `$&` is slow even then (a few µs a call).
      const name = /[\\']/.test(site.subject) ? site.subject.replace(/[\\']/g, '\\$&') : site.subject;
      const guard = `if (!${site.subject}) throw new Error('${name} is not set: CapMonster bans clients that send requests without a valid key');`;
      return (fixer) =>
        site.where === 'after'
          ? fixer.insertTextAfter(site.anchor, `\n${indent}${guard}`)
          : fixer.insertTextBefore(site.anchor, `${guard}\n${indent}`);
    }

    return {
      'Program:exit'() {
        for (const source of getKeySources(file)) {
          const node = source.node as TSESTree.Node;
          if (source.kind === 'literal') {
            const problem = source.problem;
            if (!problem) continue;
            // process.env.KEY ?? '' followed by `if (!KEY) throw …`: the empty fallback is what the check catches.
            if (source.fallback && source.checked && (problem === 'empty' || problem === 'missing')) continue;
            context.report({
              node,
              messageId: 'invalidKey',
              data: { what: `${source.fallback ? 'fallback key' : 'key'}${source.from ? ` from ${source.from}` : ''}`, reason: REASONS[problem] },
            });
            continue;
          }
          if (source.checked || source.hasLiteralFallback) continue;
          const site = source.guardSite;
          context.report({
            node,
            messageId: 'uncheckedKey',
            data: { source: `${SOURCES[source.external ?? 'env']}${source.from ? ` in ${source.from}` : ''}` },
            suggest: site ? [{ messageId: 'addKeyCheck', data: { subject: site.subject }, fix: guardFix(site) }] : [],
          });
        }
      },
    };
  },
});
