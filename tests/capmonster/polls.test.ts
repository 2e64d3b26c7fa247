import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { type CapMonsterFile, getCapMonster } from '../../src/capmonster';
import { getPolls, getPollSites, isSized, type Poll } from '../../src/capmonster/polls';

/** Lints a snippet with a probe rule that hands the file's shared analysis to `read`, and returns what `read` returned. */
function probe<T>(code: string, read: (file: CapMonsterFile) => T, settings: Record<string, unknown> = {}): T {
  let out: { value: T } | undefined;
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        settings,
        plugins: {
          probe: {
            rules: {
              read: {
                create(context) {
                  return {
                    'Program:exit'() {
                      out = { value: read(getCapMonster(context as never)) };
                    },
                  };
                },
              },
            },
          },
        },
        rules: { 'probe/read': 'error' },
      },
    ],
    'probe.ts',
  );
  expect(messages.filter((m) => m.fatal)).toEqual([]);
  expect(out).toBeDefined();
  return out!.value;
}

/** Runs the poll analysis on a snippet and returns a plain summary of each poll. */
function pollsOf(code: string, settings: Record<string, unknown> = {}) {
  const polls: readonly Poll[] = probe(code, (file) => (file.isCapMonster ? getPolls(file) : []), settings);
  return polls.map((p) => ({
    kind: p.kind,
    line: p.loc.start.line,
    bound: p.bound ? { kind: p.bound.kind, count: p.bound.count } : undefined,
    delay: { kind: p.delay.kind, ms: p.delay.ms },
  }));
}

const HEAD = `
const API = 'https://api.capmonster.cloud';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function getResult(taskId: number) {
  const res = await fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) });
  return res.json();
}
`;

type Expected = ReturnType<typeof pollsOf>;

const cases: [string, string, Expected][] = [
  [
    'for loop counted to 200 with a 2 s sleep',
    `async function a(id: number) {
  for (let i = 0; i < 200; i++) {
    await sleep(2000);
    const r = await getResult(id);
    if (r.status === 'ready') return r;
  }
}`,
    [{ kind: 'loop', line: 2, bound: { kind: 'counter', count: 200 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'i <= 120 from 0 is 121',
    `async function a(id: number) {
  for (let i = 0; i <= 120; i++) { await sleep(3000); await getResult(id); }
}`,
    [{ kind: 'loop', line: 2, bound: { kind: 'counter', count: 121 }, delay: { kind: 'wait', ms: 3000 } }],
  ],
  [
    '++tries > 300 at the top is 300',
    `async function a(id: number) {
  let tries = 0;
  while (true) {
    if (++tries > 300) throw new Error('timeout');
    const r = await getResult(id);
    if (r.status === 'ready') return r.solution;
    await new Promise((r) => setTimeout(r, 1000));
  }
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'counter', count: 300 }, delay: { kind: 'wait', ms: 1000 } }],
  ],
  [
    'attempts++ then check after the request',
    `async function a(id: number) {
  let attempts = 0;
  while (true) {
    const r = await getResult(id);
    if (r.status === 'ready') return r.solution;
    attempts++;
    if (attempts >= 60) throw new Error('timeout');
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'counter', count: 60 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'counter never incremented is no bound',
    `async function a(id: number) {
  let attempts = 0;
  while (attempts < 60) {
    const r = await getResult(id);
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: undefined, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'limit branch that only logs is no bound',
    `async function a(id: number) {
  let n = 0;
  while (true) {
    n++;
    if (n > 60) console.warn('slow');
    const r = await getResult(id);
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: undefined, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'deadline with a 2 s sleep',
    `async function a(id: number) {
  const start = Date.now();
  while (Date.now() < start + 10 * 60_000) {
    const r = await getResult(id);
    if (r.status === 'ready') return r;
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'deadline', count: 300 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'elapsed deadline in the body',
    `async function a(id: number) {
  const started = Date.now();
  for (;;) {
    const r = await getResult(id);
    if (r.status === 'ready') return r;
    if (Date.now() - started > 120_000) throw new Error('timeout');
    await sleep(5000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'deadline', count: 24 }, delay: { kind: 'wait', ms: 5000 } }],
  ],
  [
    'while (!result) with no delay',
    `async function a(id: number) {
  let result;
  while (!result) {
    const r = await getResult(id);
    if (r.status === 'ready') result = r.solution;
  }
  return result;
}`,
    [{ kind: 'loop', line: 3, bound: undefined, delay: { kind: 'none', ms: undefined } }],
  ],
  [
    'unawaited sleep',
    `async function a(id: number) {
  for (let i = 0; i < 60; i++) {
    sleep(2000);
    const r = await getResult(id);
    if (r.status === 'ready') return r;
  }
}`,
    [{ kind: 'loop', line: 2, bound: { kind: 'counter', count: 60 }, delay: { kind: 'unawaited', ms: undefined } }],
  ],
  [
    'setTimeout in a loop schedules',
    `async function a(id: number) {
  for (let i = 0; i < 60; i++) {
    setTimeout(() => {}, 2000);
    const r = await getResult(id);
    if (r.status === 'ready') return r;
  }
}`,
    [{ kind: 'loop', line: 2, bound: { kind: 'counter', count: 60 }, delay: { kind: 'scheduled', ms: undefined } }],
  ],
  [
    'recursion with depth parameter',
    `async function poll(id: number, n = 0): Promise<unknown> {
  if (n > 60) throw new Error('timeout');
  const r = await getResult(id);
  if (r.status === 'ready') return r.solution;
  await sleep(2000);
  return poll(id, n + 1);
}`,
    [{ kind: 'recursion', line: 6, bound: { kind: 'counter', count: 61 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'recursion in setTimeout with no bound',
    `function poll(id: number, done: (s: unknown) => void) {
  getResult(id).then((r) => {
    if (r.status === 'ready') return done(r.solution);
    setTimeout(() => poll(id, done), 1500);
  });
}`,
    [{ kind: 'recursion', line: 4, bound: undefined, delay: { kind: 'wait', ms: 1500 } }],
  ],
  [
    'recursion called at once',
    `async function poll(id: number): Promise<unknown> {
  const r = await getResult(id);
  if (r.status === 'ready') return r.solution;
  return poll(id);
}`,
    [{ kind: 'recursion', line: 4, bound: undefined, delay: { kind: 'immediate', ms: undefined } }],
  ],
  [
    'setInterval with a clearInterval after a count',
    `function wait(id: number) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 30) { clearInterval(timer); return reject(new Error('timeout')); }
      const r = await getResult(id);
      if (r.status === 'ready') { clearInterval(timer); resolve(r.solution); }
    }, 3000);
  });
}`,
    [{ kind: 'interval', line: 4, bound: { kind: 'counter', count: 30 }, delay: { kind: 'wait', ms: 3000 } }],
  ],
  [
    'setInterval cleared only on success',
    `function wait(id: number) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 30) return reject(new Error('timeout'));
      const r = await getResult(id);
      if (r.status === 'ready') { clearInterval(timer); resolve(r.solution); }
    }, 3000);
  });
}`,
    [{ kind: 'interval', line: 4, bound: undefined, delay: { kind: 'wait', ms: 3000 } }],
  ],
  [
    'setInterval with a clearing setTimeout',
    `function wait(id: number) {
  const timer = setInterval(async () => {
    const r = await getResult(id);
    if (r.status === 'ready') clearInterval(timer);
  }, 2000);
  setTimeout(() => clearInterval(timer), 60_000);
}`,
    [{ kind: 'interval', line: 2, bound: { kind: 'deadline', count: 30 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'loop over tasks calling a polling wrapper is not a poll',
    `async function solve(task: object) {
  const created = await fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: 'k', task }) }).then((r) => r.json());
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const r = await getResult(created.taskId);
    if (r.status === 'ready') return r.solution;
  }
}
export async function all(tasks: object[]) {
  while (tasks.length) await solve(tasks.pop()!);
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'counter', count: 60 }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'loop with an unknown limit',
    `async function a(id: number, max: number) {
  for (let i = 0; i < max; i++) { await sleep(2000); await getResult(id); }
}`,
    [{ kind: 'loop', line: 2, bound: { kind: 'counter', count: undefined }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'flag set by a timer is an unknown bound',
    `async function a(id: number) {
  let timedOut = false;
  setTimeout(() => { timedOut = true; }, 60_000);
  while (!timedOut) {
    const r = await getResult(id);
    if (r.status === 'ready') return r;
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 4, bound: { kind: 'unknown', count: undefined }, delay: { kind: 'wait', ms: 2000 } }],
  ],
  [
    'imported sleep is a wait of unknown length',
    `import { sleep as nap } from './utils';
async function a(id: number) {
  for (let i = 0; i < 60; i++) { await nap(2000); await getResult(id); }
}`,
    [{ kind: 'loop', line: 3, bound: { kind: 'counter', count: 60 }, delay: { kind: 'wait', ms: undefined } }],
  ],
  [
    'timers/promises and a retries-left counter',
    `import { setTimeout as delay } from 'node:timers/promises';
async function a(id: number) {
  let left = 40;
  while (left-- > 0) { await delay(1500); await getResult(id); }
}`,
    [{ kind: 'loop', line: 4, bound: { kind: 'counter', count: 40 }, delay: { kind: 'wait', ms: 1500 } }],
  ],
  [
    'throw swallowed by a catch in the loop is no bound',
    `async function a(id: number) {
  let n = 0;
  while (true) {
    try {
      if (++n > 60) throw new Error('timeout');
      const r = await getResult(id);
      if (r.status === 'ready') return r;
    } catch (e) {
      console.error(e);
    }
    await sleep(2000);
  }
}`,
    [{ kind: 'loop', line: 3, bound: undefined, delay: { kind: 'wait', ms: 2000 } }],
  ],
];

describe('getPolls', () => {
  it.each(cases)('%s', (_name, code, expected) => {
    expect(pollsOf(`${HEAD}${code}`).map((p) => ({ ...p, line: p.line - HEAD.split('\n').length + 1 }))).toEqual(expected);
  });
});

describe('getPollSites', () => {
  function sitesOf(code: string) {
    return probe(code, (file) => {
      const sites = getPollSites(file);
      const sizedBefore = sites.map(isSized);
      return { sites, sizedBefore, polls: getPolls(file) };
    });
  }

  it('lists places that send once, which getPolls leaves out, and sizes none of them until asked', () => {
    const { sites, sizedBefore, polls } = sitesOf(`${HEAD}
async function once(taskId: number) {
  for (let i = 0; i < 1; i++) {
    await sleep(2000);
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
}
async function many(taskId: number) {
  for (let i = 0; i < 30; i++) {
    await sleep(2000);
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
}`);
    expect(sites.map((p) => p.kind)).toEqual(['loop', 'loop']);
    expect(sizedBefore).toEqual([false, false]);
    expect(sites.map((p) => p.bound?.count)).toEqual([1, 30]);
    expect(polls).toEqual([sites[1]]);
    expect(sites.map(isSized)).toEqual([true, true]);
  });
});
