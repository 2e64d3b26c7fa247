import type { TSESTree } from '@typescript-eslint/utils';

import { safely } from '../util/edits';
import { dropFallback, keyFromEnv } from '../util/key-edits';

import { getCapMonster, isKeyFormat } from '../capmonster';
import { getKeySources, maskKey } from '../capmonster/keys';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ envVariable?: string }];
export type MessageIds = 'hardcodedKey' | 'useEnvVariable' | 'removeKeyFallback';

const DEFAULT_ENV = 'CAPMONSTER_API_KEY';

export default createRule<Options, MessageIds>({
  name: 'no-hardcoded-client-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow CapMonster client keys written into the source',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      hardcodedKey:
        'A CapMonster key ({{preview}}) is written in the source, where it leaks with every commit and paste; read it from the environment.',
      useEnvVariable: 'Read the key from `process.env.{{envVariable}}`, and throw when it is not set.',
      removeKeyFallback: 'Remove the written key, and throw when `{{subject}}` is not set.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          envVariable: {
            type: 'string',
            pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
            description: 'The environment variable the suggestion reads the key from.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ envVariable: DEFAULT_ENV }],
  },
  defaultOptions: [{ envVariable: DEFAULT_ENV }],
  create(context, [options]) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;
    const envVariable = options.envVariable ?? DEFAULT_ENV;

    return {
      'Program:exit'() {
        for (const source of getKeySources(file)) {
          if (source.kind !== 'literal' || source.problem || source.value === undefined) continue;
          if (!isKeyFormat(source.value.trim())) continue; // a run-time expression such as '={{$credentials.apiKey}}'
          const node = source.node as TSESTree.Node;
          // `process.env.KEY ?? '<key>'`: the written key goes, the read it stood in for gets checked.
          const drop = source.fallback ? dropFallback(sourceCode, node) : undefined;
          const fix = drop ? undefined : keyFromEnv(sourceCode, node, source.value, source.embedded, envVariable);
          context.report({
            node,
            messageId: 'hardcodedKey',
            data: { preview: maskKey(source.value.trim()) },
            suggest: drop
              ? [{ messageId: 'removeKeyFallback', data: { subject: drop.subject }, fix: safely(drop.fix) }]
              : fix
                ? [{ messageId: 'useEnvVariable', data: { envVariable }, fix: safely(fix) }]
                : [],
          });
        }
      },
    };
  },
});
