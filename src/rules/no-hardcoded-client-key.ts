import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { getCapMonster, isKeyFormat } from '../capmonster';
import { getKeySources, maskKey } from '../capmonster/keys';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ envVariable?: string }];
export type MessageIds = 'hardcodedKey' | 'useEnvVariable';

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
        'A CapMonster key ({{preview}}) is written into the source, where it leaks with every commit and paste and cannot be rotated without a release; read it from the environment instead.',
      useEnvVariable: 'Read the key from `process.env.{{envVariable}}` instead.',
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
    const env = `process.env.${envVariable}`;

    /** The edit that puts `process.env.X` where the key is written, when it is a plain local edit. */
    function replacement(node: TSESTree.Node, value: string, embedded: boolean): ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix) | undefined {
      const key = value.trim();
      const suffix = key.slice(32);
      if (!embedded) {
        let text = suffix ? `\`\${${env}}${suffix}\`` : env;
        if (node.parent?.type === AST_NODE_TYPES.JSXAttribute) text = `{${text}}`;
        return (fixer) => fixer.replaceText(node, text);
      }
      const raw = sourceCode.getText(node);
      const needle = `key=${value}`;
      const at = raw.indexOf(needle);
      if (at < 0 || raw.indexOf(needle, at + 1) >= 0) return undefined;
      const start = at + 'key='.length;
      const end = start + value.length;
      if (node.type === AST_NODE_TYPES.TemplateElement || node.type === AST_NODE_TYPES.TemplateLiteral) {
        const text = `${raw.slice(0, start)}\${${env}}${raw.slice(end)}`;
        return (fixer) => fixer.replaceText(node, text);
      }
      // A quoted string: becomes a template literal.
      const inner = raw.slice(1, -1);
      if (inner.includes('`') || inner.includes('${') || inner.includes('\\')) return undefined;
      const text = `\`${raw.slice(1, start)}\${${env}}${raw.slice(end, -1)}\``;
      return (fixer) => fixer.replaceText(node, text);
    }

    return {
      'Program:exit'() {
        for (const source of getKeySources(file)) {
          if (source.kind !== 'literal' || source.problem || source.value === undefined) continue;
          if (!isKeyFormat(source.value.trim())) continue; // a run-time expression such as '={{$credentials.apiKey}}'
          const node = source.node as TSESTree.Node;
          const fix = replacement(node, source.value, source.embedded);
          context.report({
            node,
            messageId: 'hardcodedKey',
            data: { preview: maskKey(source.value.trim()) },
            suggest: fix ? [{ messageId: 'useEnvVariable', data: { envVariable }, fix }] : [],
          });
        }
      },
    };
  },
});
