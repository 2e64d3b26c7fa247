import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { getCapMonster } from '../capmonster';
import { type CodeRetry, findCodeRetries } from '../capmonster/branches';
import { type BlindRetry, findBlindRetries } from '../capmonster/retries';
import { createRule } from '../capmonster/create-rule';

export type Options = [];
export type MessageIds = 'retriesZeroBalance' | 'blindRetry' | 'nextTaskAfterFailure' | 'throwOnZeroBalance' | 'rethrowZeroBalance';

const THROW = "throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');";

function what(c: CodeRetry): string {
  if (c.kind === 'status' || (c.kind === 'switch' && c.node.type === 'Literal' && typeof c.node.value === 'number')) return 'HTTP 402 (zero balance)';
  if (c.kind === 'balance') return 'an empty balance';
  return 'ERROR_ZERO_BALANCE';
}

/** `if (check) throw …;` placed at the top of the branch. */
export function insertCheck(
  sourceCode: Readonly<TSESLint.SourceCode>,
  c: Pick<CodeRetry, 'check' | 'insertBefore' | 'wrap'> & { insertAfter?: TSESTree.Node; appendAfter?: TSESTree.Node },
  throwText: string,
): TSESLint.ReportFixFunction | undefined {
  if (c.appendAfter) {
    const last = c.appendAfter;
    return (fixer) => fixer.insertTextAfter(last, `\n${' '.repeat(last.loc.start.column)}${throwText}`);
  }
  if (c.check === undefined) return undefined;
  const stmt = `if (${c.check}) ${throwText}`;
  if (c.insertBefore) {
    const before = c.insertBefore;
    const indent = ' '.repeat(before.loc.start.column);
    return (fixer) => fixer.insertTextBefore(before, `${stmt}\n${indent}`);
  }
  if (c.insertAfter) {
    const after = c.insertAfter;
    const indent = ' '.repeat(after.loc.start.column);
    return (fixer) => fixer.insertTextAfter(after, `\n${indent}${stmt}`);
  }
  if (c.wrap) {
    const wrap = c.wrap;
    return (fixer) => fixer.replaceText(wrap, `{ ${stmt} ${sourceCode.getText(wrap)} }`);
  }
  return undefined;
}

/** `if (String(err).includes('ERROR_ZERO_BALANCE')) throw err;` at the top of a catch handler. */
function rethrowFix(sourceCode: Readonly<TSESLint.SourceCode>, b: BlindRetry): TSESLint.ReportFixFunction | undefined {
  const h = b.handler;
  if (!h) return undefined;
  const body = h.body;
  const param = h.param;
  if (param && param.type !== 'Identifier') return undefined;
  const name = param?.name ?? 'error';
  const check = `if (String(${name}).includes('ERROR_ZERO_BALANCE')) throw ${name};`;
  const first = body.body[0];
  const open = sourceCode.getFirstToken(body);
  if (!open) return undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (!param) {
      if (!h.clause) return [];
      const catchToken = sourceCode.getFirstToken(h.clause);
      if (!catchToken) return [];
      fixes.push(fixer.insertTextAfter(catchToken, ` (${name})`));
    }
    if (first) fixes.push(fixer.insertTextBefore(first, `${check}\n${' '.repeat(first.loc.start.column)}`));
    else fixes.push(fixer.insertTextAfter(open, ` ${check} `));
    return fixes;
  };
}

export default createRule<Options, MessageIds>({
  name: 'no-retry-on-zero-balance',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow retrying CapMonster requests after a zero-balance error',
      recommended: 'recommended',
    },
    messages: {
      retriesZeroBalance:
        'This branch recognises {{what}} and then creates a task again; stop instead, because CapMonster bans accounts that keep creating tasks at zero balance (ZeroBalance) until someone tops it up.',
      blindRetry:
        'This retry creates the task again on any failure, ERROR_ZERO_BALANCE included; stop on zero balance (and the other fatal codes) before retrying, or CapMonster bans the account (ZeroBalance).',
      nextTaskAfterFailure:
        '{{name}} hides every error, so this loop creates the next task after ERROR_ZERO_BALANCE too (ZeroBalance); rethrow it there.',
      throwOnZeroBalance: 'Throw on zero balance before anything is sent again.',
      rethrowZeroBalance: 'Rethrow zero-balance errors at the top of this handler.',
    },
    schema: [],
    fixable: 'code',
    hasSuggestions: true,
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;
    return {
      'Program:exit'() {
        for (const c of findCodeRetries(file)) {
          if (c.codeClass !== 'zeroBalance') continue;
          const stmt = c.retry.statement;
          const fixable = c.alone && stmt !== undefined;
          const suggest = fixable ? undefined : insertCheck(sourceCode, c, THROW);
          context.report({
            node: c.node,
            messageId: 'retriesZeroBalance',
            data: { what: what(c) },
            fix: fixable ? (fixer) => fixer.replaceText(stmt as TSESTree.Node, THROW) : null,
            suggest: suggest ? [{ messageId: 'throwOnZeroBalance', fix: suggest }] : [],
          });
        }
        for (const b of findBlindRetries(file)) {
          const fix = b.handler ? rethrowFix(sourceCode, b) : insertCheck(sourceCode, b, THROW);
          context.report({
            node: b.node,
            messageId: b.kind === 'swallowingHelper' ? 'nextTaskAfterFailure' : 'blindRetry',
            data: { name: b.request?.module ? `${b.request.module.name}() from ${b.request.module.specifier}` : `${b.request?.wrapper?.name ?? 'this helper'}()` },
            suggest: fix ? [{ messageId: b.handler ? 'rethrowZeroBalance' : 'throwOnZeroBalance', fix }] : [],
          });
        }
      },
    };
  },
});
