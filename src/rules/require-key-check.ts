import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { insertAfterStatement, insertBeforeStatement, safely, safeSuggestions, styleOf, terminated } from '../util/edits';
import { dropFallback, guardBefore, keyFromEnv, keyGuard } from '../util/key-edits';

import { getCapMonster, type Library } from '../capmonster';
import { AST_NODE_TYPES } from '../util/node-types';
import { type ExternalKind, getKeySources, type KeyGuardSite, type KeyProblem, type KeySource } from '../capmonster/keys';
import { createRule } from '../capmonster/create-rule';
import { shortSpecifier } from '../capmonster/modules';

export type Options = [];
export type MessageIds = 'invalidKey' | 'invalidKeyFrom' | 'keyNeverSet' | 'setKey' | 'uncheckedKey' | 'addKeyCheck' | 'removeFallback' | 'keyFromEnv';

/** Why a literal is no key, in a few words (the doc page says more). */
export const REASONS: Record<KeyProblem, string> = {
  missing: 'is missing',
  unset: 'is never set',
  empty: 'is empty',
  placeholder: 'is a placeholder',
  example: "is the docs' example key",
  format: 'is not in the key format',
};

/** The variable the suggestion reads a key from when the source has none. */
const ENV_VARIABLE = 'CAPMONSTER_API_KEY';

export const SOURCES: Record<ExternalKind, string> = {
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
        'This CapMonster {{what}} {{reason}}: requests fail, and repeats get the account banned (KeyDoesntExist); use a real key.',
      keyNeverSet: 'No key is ever set, so {{package}} sends its placeholder key: repeats get the account banned (KeyDoesntExist); set one.',
      setKey: 'Set the key from `process.env.{{env}}` right after the package is loaded, and throw when it is not set.',
      invalidKeyFrom: 'This key from {{from}} {{reason}}: requests fail, and repeats get the account banned (KeyDoesntExist); use a real key.',
      uncheckedKey:
        'This key from {{source}} is sent unchecked; if unset, repeats get the account banned (KeyDoesntExist); stop when it is missing.',
      addKeyCheck: 'Throw when `{{subject}}` is not set, before any request sends it.',
      removeFallback: 'Remove the fallback, and throw when `{{subject}}` is not set.',
      keyFromEnv: 'Read the key from `process.env.{{env}}`, and throw when it is not set.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;

    function guardFix(site: KeyGuardSite): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix {
      const guard = keyGuard(sourceCode, site.subject);
      return (fixer) =>
        site.where === 'after'
          ? insertAfterStatement(fixer, sourceCode, site.anchor, guard)
          : insertBeforeStatement(fixer, sourceCode, site.anchor, guard);
    }

    /** An empty or placeholder key: the fallback goes (the read it stood for gets checked), or the key is read from the environment. */
    function replaceKey(source: KeySource): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const node = source.node as TSESTree.Node;
      if (source.fallback) {
        const drop = dropFallback(sourceCode, node);
        if (drop) return [{ messageId: 'removeFallback', data: { subject: drop.subject }, fix: drop.fix }];
      }
      const fix = keyFromEnv(sourceCode, node, source.value ?? '', source.embedded, ENV_VARIABLE);
      return fix ? [{ messageId: 'keyFromEnv', data: { env: ENV_VARIABLE }, fix }] : [];
    }

    /** `ac.setAPIKey(process.env.X)` with its guard, right after the statement that makes the singleton client. */
    function setKeySuggestion(library: Library, call: TSESTree.Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const setter = library.key.find((k) => k.setter)?.setter;
      if (!setter || call.type !== AST_NODE_TYPES.CallExpression) return [];
      const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.object : undefined;
      if (callee?.type !== AST_NODE_TYPES.Identifier) return [];
      const variable = sourceCode.getScope(callee).references.find((r) => r.identifier === callee)?.resolved;
      const def = variable?.defs[0];
      const statement = def?.type === 'ImportBinding' ? def.parent : def?.parent;
      if (!statement || (statement.type !== AST_NODE_TYPES.VariableDeclaration && statement.type !== AST_NODE_TYPES.ImportDeclaration)) return [];
      if (statement.parent?.type !== AST_NODE_TYPES.Program) return [];
      const env = `process.env.${ENV_VARIABLE}`;
      const guard = keyGuard(sourceCode, env);
      const text = `${terminated(styleOf(sourceCode), guard)}\n${callee.name}.${setter}(${env})`;
      return [
        {
          messageId: 'setKey',
          data: { env: ENV_VARIABLE },
          fix: (fixer) => insertAfterStatement(fixer, sourceCode, statement, text),
        },
      ];
    }

    return {
      'Program:exit'() {
        for (const source of getKeySources(file)) {
          const node = source.node as TSESTree.Node;
          if (source.kind === 'literal') {
            const problem = source.problem;
            if (!problem) continue;
            if (problem === 'unset') {
              const library = source.requests[0]?.library;
              context.report({
                node,
                messageId: 'keyNeverSet',
                data: { package: source.from ?? '' },
                suggest: library ? safeSuggestions(setKeySuggestion(library.library, node)) : [],
              });
              continue;
            }
            // process.env.KEY ?? '' followed by `if (!KEY) throw …`: the empty fallback is what the check catches.
            if (source.fallback && source.checked && (problem === 'empty' || problem === 'missing')) continue;
            context.report({
              node,
              messageId: source.from !== undefined ? 'invalidKeyFrom' : 'invalidKey',
              data: { what: source.fallback ? 'fallback key' : 'key', reason: REASONS[problem], from: shortSpecifier(source.from ?? '') },
              suggest: safeSuggestions(replaceKey(source)),
            });
            continue;
          }
          if (source.checked || source.hasLiteralFallback) continue;
          const site = source.guardSite;
          // No place next to the read (a class field, an arrow's body): the guard goes before the definition.
          const before = site ? undefined : guardBefore(sourceCode, node);
          context.report({
            node,
            messageId: 'uncheckedKey',
            data: { source: source.from !== undefined ? shortSpecifier(source.from) : SOURCES[source.external ?? 'env'] },
            suggest: site
              ? [{ messageId: 'addKeyCheck', data: { subject: site.subject }, fix: guardFix(site) }]
              : before
                ? [{ messageId: 'addKeyCheck', data: { subject: before.subject }, fix: safely(before.fix) }]
                : [],
          });
        }
      },
    };
  },
});
