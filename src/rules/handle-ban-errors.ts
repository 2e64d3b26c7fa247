import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { getCapMonster } from '../capmonster';
import { findCodeRetries } from '../capmonster/branches';
import { getSwallowedErrors, getUncheckedResponses, type SwallowedError, type UncheckedResponse } from '../capmonster/responses';
import { findSwallowedInLoops } from '../capmonster/retries';
import { createRule } from '../capmonster/create-rule';

export type Options = [];
export type MessageIds =
  | 'uncheckedResponse'
  | 'swallowedError'
  | 'swallowedAccountError'
  | 'helperSwallowsAccountError'
  | 'retriesFatalError'
  | 'addErrorCheck'
  | 'rethrowError'
  | 'rethrowAccountError';

const CHECK_HINT: Record<UncheckedResponse['kind'], string> = {
  json: '`errorId !== 0`',
  official: '`result.error`',
  text: 'the `OK|` prefix',
};

export default createRule<Options, MessageIds>({
  name: 'handle-ban-errors',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every CapMonster response to be checked for errors, and fatal errors to stop the flow',
      recommended: 'recommended',
    },
    hasSuggestions: true,
    messages: {
      uncheckedResponse:
        "The CapMonster reply's {{what}} is used before its error is checked, so an error reply keeps the flow going and the repeated requests get the account banned (WrongTaskId, KeyDoesntExist); check {{check}} first and stop on an error.",
      swallowedError:
        'This handler lets the poll go on whatever failed, so an API error such as ERROR_NO_SUCH_CAPCHA_ID or ERROR_KEY_DOES_NOT_EXIST is retried until the account is banned (WrongTaskId, KeyDoesntExist); rethrow it, or stop on fatal errors.',
      swallowedAccountError:
        'This catch goes on to the next item after any error, so account errors repeat for every item (ZeroBalance, KeyDoesntExist); stop on them.',
      helperSwallowsAccountError:
        '{{name}} turns every error into nothing, so this loop goes on after account errors (ZeroBalance, KeyDoesntExist); rethrow them there.',
      retriesFatalError:
        'This branch recognises {{code}} and sends again anyway: repeating it gets the account banned ({{ban}}); throw or return instead.',
      addErrorCheck: 'Throw right after the reply is received when `{{name}}` holds an error.',
      rethrowError: 'Rethrow `{{name}}` at the end of the handler.',
      rethrowAccountError: 'Rethrow ERROR_ZERO_BALANCE, ERROR_KEY_DOES_NOT_EXIST and ERROR_IP_BANNED at the top of the handler.',
    },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const file = getCapMonster(context);
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        const reported = new Set<TSESTree.Node>();
        for (const u of getUncheckedResponses(file)) {
          if (reported.has(u.node)) continue;
          reported.add(u.node);
          const fix = u.fix;
          context.report({
            node: u.node,
            messageId: 'uncheckedResponse',
            data: { what: u.kind === 'text' && u.what === 'status' ? 'status' : u.what, check: u.kind === 'text' && u.what !== 'text' ? '`status === 1`' : CHECK_HINT[u.kind] },
            suggest: fix
              ? [
                  {
                    messageId: 'addErrorCheck',
                    data: { name: fix.name },
                    fix: (fixer) => fixer.insertTextAfter(fix.after, `\n${indentOf(sourceCode, fix.after)}${fix.text}`),
                  },
                ]
              : [],
          });
        }
        for (const s of getSwallowedErrors(file)) {
          if (reported.has(s.node)) continue;
          reported.add(s.node);
          context.report({ node: s.node, messageId: 'swallowedError', suggest: rethrowSuggestion(sourceCode, s) });
        }
        for (const s of findSwallowedInLoops(file)) {
          if (reported.has(s.node)) continue;
          reported.add(s.node);
          const fix = s.handler ? rethrowAccountErrors(sourceCode, s.handler) : undefined;
          context.report({
            node: s.node,
            messageId: s.helper !== undefined ? 'helperSwallowsAccountError' : 'swallowedAccountError',
            data: { name: s.helper ?? '' },
            suggest: fix ? [{ messageId: 'rethrowAccountError', fix }] : [],
          });
        }
        for (const r of findCodeRetries(file)) {
          if (r.codeClass !== 'fatal' || reported.has(r.node)) continue;
          reported.add(r.node);
          context.report({ node: r.node, messageId: 'retriesFatalError', data: { code: r.code, ban: r.ban } });
        }
      },
    };
  },
});

function indentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

type Suggestion = TSESLint.SuggestionReportDescriptor<MessageIds>;

/** `if (/ERROR_(?:ZERO_BALANCE|…)/.test(String(e))) throw e;` at the top of a catch clause (naming its error when it has none). */
function rethrowAccountErrors(sourceCode: Readonly<TSESLint.SourceCode>, clause: TSESTree.CatchClause): TSESLint.ReportFixFunction | undefined {
  if (clause.param && clause.param.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = clause.param?.name ?? 'error';
  const check = `if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(${name}))) throw ${name};`;
  const first = clause.body.body[0];
  const open = sourceCode.getFirstToken(clause.body);
  const catchToken = sourceCode.getFirstToken(clause);
  if (!open || !catchToken) return undefined;
  return (fixer) => {
    const fixes: TSESLint.RuleFix[] = [];
    if (!clause.param) fixes.push(fixer.insertTextAfter(catchToken, ` (${name})`));
    if (first) fixes.push(fixer.insertTextBefore(first, `${check}\n${indentOf(sourceCode, first)}`));
    else fixes.push(fixer.insertTextAfter(open, ` ${check} `));
    return fixes;
  };
}

/** Adds `throw <error>;` at the end of the handler (and an error parameter when it has none). */
function rethrowSuggestion(sourceCode: Readonly<TSESLint.SourceCode>, s: SwallowedError): Suggestion[] {
  if (s.kind === 'callback') return [];
  const handler = s.handler;
  const name = s.param ?? 'error';
  let body: TSESTree.Node;
  let paramFix: ((fixer: TSESLint.RuleFixer) => TSESLint.RuleFix | undefined) | undefined;
  if (handler.type === AST_NODE_TYPES.CatchClause) {
    if (handler.param && handler.param.type !== AST_NODE_TYPES.Identifier) return [];
    body = handler.body;
    if (!handler.param) {
      const catchToken = sourceCode.getFirstToken(handler);
      if (!catchToken) return [];
      paramFix = (fixer) => fixer.insertTextAfter(catchToken, ` (${name})`);
    }
  } else if (handler.type !== AST_NODE_TYPES.IfStatement) {
    if (handler.params[0] && handler.params[0].type !== AST_NODE_TYPES.Identifier) return [];
    body = handler.body;
    if (handler.params.length === 0) {
      const open = sourceCode.getTokenBefore(body, (t) => t.value === '(' && t.range[0] >= handler.range[0]);
      const first = sourceCode.getFirstToken(handler);
      const paren = handler.type === AST_NODE_TYPES.ArrowFunctionExpression && first?.value !== '(' && first?.value === 'async'
        ? sourceCode.getTokenAfter(first)
        : handler.type === AST_NODE_TYPES.ArrowFunctionExpression
          ? first
          : open;
      if (!paren || paren.value !== '(') return [];
      paramFix = (fixer) => fixer.insertTextAfter(paren, name);
    }
  } else {
    return [];
  }
  const fn = handler.type === AST_NODE_TYPES.CatchClause ? undefined : handler;
  return [
    {
      messageId: 'rethrowError',
      data: { name },
      fix(fixer) {
        const fixes: TSESLint.RuleFix[] = [];
        const p = paramFix?.(fixer);
        if (p) fixes.push(p);
        if (body.type === AST_NODE_TYPES.BlockStatement) {
          const last = body.body[body.body.length - 1];
          if (
            last &&
            (last.type === AST_NODE_TYPES.ContinueStatement || (last.type === AST_NODE_TYPES.ReturnStatement && !last.argument))
          ) {
            // `catch (e) { log(e); continue; }`: the `continue` becomes the rethrow.
            fixes.push(fixer.replaceText(last, `throw ${name};`));
          } else if (last) {
            const sameLine = last.loc.start.line === body.loc.start.line;
            const semi = sourceCode.getLastToken(last)?.value === ';' || !sameLine ? '' : ';';
            fixes.push(
              fixer.insertTextAfter(last, sameLine ? `${semi} throw ${name};` : `\n${indentOf(sourceCode, last)}throw ${name};`),
            );
          } else {
            const indent = indentOf(sourceCode, body);
            fixes.push(fixer.replaceText(body, `{\n${indent}  throw ${name};\n${indent}}`));
          }
        } else if (fn) {
          // `() => null` / `(e) => console.log(e)`: an expression body becomes a block that rethrows.
          const arrow = sourceCode.getTokenBefore(body, (t) => t.value === '=>');
          if (!arrow) return fixes;
          const b = body as TSESTree.Expression;
          // Keep what the handler did (`console.log(e)`); a plain value (`null`, `{}`) is dropped.
          const keep =
            b.type === AST_NODE_TYPES.CallExpression ||
            b.type === AST_NODE_TYPES.AwaitExpression ||
            b.type === AST_NODE_TYPES.AssignmentExpression ||
            b.type === AST_NODE_TYPES.UpdateExpression
              ? `${sourceCode.getText(b)}; `
              : '';
          fixes.push(fixer.replaceTextRange([arrow.range[1], fn.range[1]], ` { ${keep}throw ${name}; }`));
        }
        return fixes;
      },
    },
  ];
}
