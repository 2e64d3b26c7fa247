import { ASTUtils, type TSESLint, type TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { getCapMonster } from '../capmonster';
import { getPolls, type Poll } from '../capmonster/polls';
import { createRule } from '../capmonster/create-rule';

export type Options = [{ maxAttempts?: number }];
export type MessageIds = 'noAttemptBound' | 'boundAboveLimit' | 'missingDelay' | 'addAttemptBound' | 'addDelay';

const DEFAULT_MAX = 120;

const WHY: Record<string, string> = {
  none: 'nothing waits between two requests',
  immediate: 'it calls itself again at once',
  unawaited: 'its sleep is not awaited',
  scheduled: 'a callback setTimeout schedules but does not wait',
  library: 'the timeouts set no requestsInterval',
};

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-polling',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every CapMonster result poll to stop within 120 requests and to wait between requests',
      recommended: 'recommended',
    },
    messages: {
      noAttemptBound:
        'Nothing limits how many times this poll asks for the task result: more than 120 getTaskResult requests per task get the account banned (WrongTaskId), so stop after at most {{max}} attempts.',
      boundAboveLimit:
        'This poll can ask for one task result {{count}} times, above {{max}}: more than 120 getTaskResult requests per task get the account banned (WrongTaskId), so lower the bound to {{max}}.',
      missingDelay:
        'This poll sends result requests back to back ({{why}}): CapMonster answers ERROR_TOO_MUCH_REQUESTS and bans the account (WrongTaskId), so await a delay of at least 2 seconds between requests.',
      addAttemptBound: 'Turn the loop into one of {{max}} attempts that throws after the last.',
      addDelay: 'Wait 2 seconds at the top of each round.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          maxAttempts: {
            type: 'integer',
            minimum: 1,
            maximum: 120,
            description: 'The most result requests a poll may send for one task (CapMonster bans above 120).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ maxAttempts: DEFAULT_MAX }],
    fixable: 'code',
    hasSuggestions: true,
  },
  defaultOptions: [{ maxAttempts: DEFAULT_MAX }],
  create(context, [options]) {
    const file = getCapMonster(context);
    const max = options.maxAttempts ?? DEFAULT_MAX;
    const sourceCode = context.sourceCode;

    return {
      'Program:exit'() {
        for (const poll of getPolls(file)) {
          const bound = poll.bound;
          if (!bound) {
            const fix = boundSuggestion(sourceCode, poll, max);
            context.report({
              loc: poll.loc,
              messageId: 'noAttemptBound',
              data: { max },
              suggest: fix ? [{ messageId: 'addAttemptBound', data: { max }, fix }] : [],
            });
          } else if (bound.count !== undefined && bound.count > max) {
            const value = bound.fix?.valueFor(max);
            const literal = bound.fix?.literal;
            context.report({
              loc: poll.loc,
              messageId: 'boundAboveLimit',
              data: { count: bound.count, max },
              fix: literal && value !== undefined ? (fixer) => fixer.replaceText(literal, String(value)) : null,
            });
          }
          if (poll.delay.kind !== 'wait') {
            const fix = delaySuggestion(sourceCode, poll);
            context.report({
              loc: poll.loc,
              messageId: 'missingDelay',
              data: { why: WHY[poll.kind === 'library' ? 'library' : poll.delay.kind] },
              suggest: fix ? [{ messageId: 'addDelay', fix }] : [],
            });
          }
        }
      },
    };
  },
});

type SourceCode = Readonly<TSESLint.SourceCode>;

function isTrue(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.Literal && (node.value === true || node.value === 1);
}

/** The indentation of the line a node starts on. */
function indentOf(sourceCode: SourceCode, node: TSESTree.Node): string {
  const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
  return /^\s*/.exec(line)?.[0] ?? '';
}

/** A name for the attempt counter that nothing in the function uses yet. */
function freeName(sourceCode: SourceCode, scopeNode: TSESTree.Node): string {
  const used = new Set(
    sourceCode
      .getTokens(scopeNode)
      .filter((t) => t.type === 'Identifier')
      .map((t) => t.value),
  );
  for (const name of ['attempt', 'pollAttempt', 'resultAttempt']) if (!used.has(name)) return name;
  let i = 2;
  while (used.has(`pollAttempt${i}`)) i++;
  return `pollAttempt${i}`;
}

/** Whether some `break` in the body leaves this loop. */
function hasBreak(loop: TSESTree.Node, body: TSESTree.Node, label: string | undefined): boolean {
  let found = false;
  const visit = (node: TSESTree.Node, inner: boolean): void => {
    if (found) return;
    if (node.type === AST_NODE_TYPES.BreakStatement) {
      if (node.label ? node.label.name === label : !inner) found = true;
      return;
    }
    if (
      node.type === AST_NODE_TYPES.FunctionDeclaration ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.ArrowFunctionExpression
    ) {
      return;
    }
    const nested =
      inner ||
      (node !== loop &&
        (node.type === AST_NODE_TYPES.WhileStatement ||
          node.type === AST_NODE_TYPES.DoWhileStatement ||
          node.type === AST_NODE_TYPES.ForStatement ||
          node.type === AST_NODE_TYPES.ForInStatement ||
          node.type === AST_NODE_TYPES.ForOfStatement ||
          node.type === AST_NODE_TYPES.SwitchStatement));
    for (const value of Object.values(node)) {
      if (value === node.parent) continue;
      const children = Array.isArray(value) ? value : [value];
      for (const c of children) {
        if (c && typeof c === 'object' && typeof (c as TSESTree.Node).type === 'string' && c !== node.parent) {
          visit(c as TSESTree.Node, nested);
        }
      }
    }
  };
  visit(body, false);
  return found;
}

/** `while (true)` / `for (;;)` → a counted loop of `max` rounds and a throw after it. */
function boundSuggestion(sourceCode: SourceCode, poll: Poll, max: number): TSESLint.ReportFixFunction | undefined {
  if (poll.kind !== 'loop') return undefined;
  const loop = poll.node;
  const endless =
    (loop.type === AST_NODE_TYPES.WhileStatement && isTrue(loop.test)) ||
    (loop.type === AST_NODE_TYPES.ForStatement && !loop.test && !loop.init && !loop.update);
  if (!endless) return undefined;
  const body = loop.body;
  const statement = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent : loop;
  const label = statement.type === AST_NODE_TYPES.LabeledStatement ? statement.label.name : undefined;
  const list = statement.parent?.type;
  if (
    list !== AST_NODE_TYPES.BlockStatement &&
    list !== AST_NODE_TYPES.Program &&
    list !== AST_NODE_TYPES.SwitchCase &&
    list !== AST_NODE_TYPES.StaticBlock
  ) {
    return undefined;
  }
  const name = freeName(sourceCode, poll.fn ?? sourceCode.ast);
  const error = `throw new Error('CapMonster result not ready after ${max} attempts');`;
  const indent = indentOf(sourceCode, statement);
  const head: [number, number] = [loop.range[0], body.range[0]];
  if (!hasBreak(loop, body, label)) {
    return (fixer) => [
      fixer.replaceTextRange(head, `for (let ${name} = 0; ${name} < ${max}; ${name}++) `),
      fixer.insertTextAfter(statement, `\n${indent}${error}`),
    ];
  }
  // A `break` leads past the loop to code that expects a result: count inside the loop instead.
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const inner = body.body[0] ? indentOf(sourceCode, body.body[0]) : `${indent}  `;
  return (fixer) => [
    fixer.replaceTextRange(head, `for (let ${name} = 1; ; ${name}++) `),
    fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], `\n${inner}if (${name} > ${max}) ${error}`),
  ];
}

/** Inserts an awaited 2-second wait at the top of an async loop's body. */
function delaySuggestion(sourceCode: SourceCode, poll: Poll): TSESLint.ReportFixFunction | undefined {
  if (poll.kind !== 'loop' || !poll.fn?.async) return undefined;
  const body = poll.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  // The inserted code calls the global setTimeout: not when the name means something else here.
  const shadow = ASTUtils.findVariable(sourceCode.getScope(body), 'setTimeout');
  if (shadow && shadow.defs.length > 0) return undefined;
  const inner = body.body[0] ? indentOf(sourceCode, body.body[0]) : `${indentOf(sourceCode, poll.node)}  `;
  return (fixer) =>
    fixer.insertTextAfterRange(
      [body.range[0], body.range[0] + 1],
      `\n${inner}await new Promise((resolve) => setTimeout(resolve, 2000));`,
    );
}
