import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { createRule } from '../src/capmonster/create-rule';

// A poll that waits 1 s between result requests: below min-poll-interval's default, above a 500 ms minimum.
const POLL = `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.errorId !== 0) throw new Error(r.errorCode);
    if (r.status === 'ready') return r.solution;
  }
}
`;

function lint(code: string, options?: unknown): string[] {
  const linter = new Linter({ configType: 'flat' });
  const rule = options === undefined ? 'error' : ['error', options];
  return linter
    .verify(code, [{ plugins: { capmonster: plugin as never }, rules: { 'capmonster/min-poll-interval': rule as Linter.RuleEntry } }])
    .map((m) => `${m.ruleId ?? 'fatal'}:${m.messageId ?? m.message}`);
}

describe('createRule', () => {
  it('keeps each option set apart when one process lints with several', () => {
    expect(lint(POLL)).toEqual(['capmonster/min-poll-interval:intervalTooShort']);
    expect(lint(POLL, { minIntervalMs: 500 })).toEqual([]);
    expect(lint(POLL)).toEqual(['capmonster/min-poll-interval:intervalTooShort']);
    expect(lint(POLL, { minIntervalMs: 500 })).toEqual([]);
  });

  it('hands the rule frozen options merged with the defaults', () => {
    const seen: unknown[] = [];
    const probe = createRule<[{ limit?: number; name?: string }], 'x'>({
      name: 'probe',
      meta: {
        type: 'problem',
        docs: { description: 'Require nothing; records its options' },
        messages: { x: 'x' },
        schema: [{ type: 'object', properties: { limit: { type: 'number' }, name: { type: 'string' } }, additionalProperties: false }],
        defaultOptions: [{ limit: 3, name: 'a' }],
      },
      defaultOptions: [{ limit: 3, name: 'a' }],
      create(_context, [options]) {
        seen.push(options);
        return {};
      },
    });
    const linter = new Linter({ configType: 'flat' });
    const config = (options: object): Linter.Config[] => [
      { plugins: { t: { rules: { probe: probe as never } } }, rules: { 't/probe': ['error', options] } },
    ];
    linter.verify(POLL, config({ limit: 9 }));
    linter.verify(POLL, config({ limit: 9 }));
    linter.verify(POLL, config({ name: 'b' }));
    expect(seen).toEqual([
      { limit: 9, name: 'a' },
      { limit: 9, name: 'a' },
      { limit: 3, name: 'b' },
    ]);
    expect(seen[0]).toBe(seen[1]);
    expect(Object.isFrozen(seen[0])).toBe(true);
  });

  it('does not create the rule on a file with no CapMonster request', () => {
    let created = 0;
    const probe = createRule<[], 'x'>({
      name: 'probe',
      meta: { type: 'problem', docs: { description: 'Require nothing; counts its runs' }, messages: { x: 'x' }, schema: [] },
      defaultOptions: [],
      create() {
        created++;
        return {};
      },
    });
    const linter = new Linter({ configType: 'flat' });
    const config: Linter.Config[] = [{ plugins: { t: { rules: { probe: probe as never } } }, rules: { 't/probe': 'error' } }];
    linter.verify('for (;;) { await fetch("https://example.com/getTaskResult"); }', config);
    linter.verify('// mentions capmonster but sends nothing\nconst x = 1;', config);
    expect(created).toBe(0);
    linter.verify(POLL, config);
    expect(created).toBe(1);
  });
});
