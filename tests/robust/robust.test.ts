// The bounded part of the robustness battery, inside `npm test`: the same suites as
// `npm run test:robust` (tests/robust/run.mjs), run on the source, at a size that keeps this file well
// under a minute on 2 cores. The full size runs on the built plugin with `npm run test:robust`.

import { describe, expect, it } from 'vitest';

import { getCapMonster } from '../../src/capmonster';
import plugin from '../../src/index';
import {
  type CorpusFile,
  createChecker,
  formatFailure,
  loadRobustCorpus,
  mergeStats,
  newStats,
  type PluginLike,
  probePlugin,
  runBadConfig,
  runCorpus,
  runDomain,
  runEslump,
  runPathological,
  runRegexSafety,
  runRegressions,
  SEEDS,
  type Stats,
} from './suites.mjs';

const cap = plugin as unknown as PluginLike;

/** Fails with every failure spelled out (seed and index included, so it reproduces). */
function expectNoFailures(stats: Stats): void {
  const text = stats.failures.slice(0, 5).map((f) => formatFailure(f, { maxCode: 3000 }));
  expect(text.join('\n\n'), `${stats.failures.length} failure(s)`).toBe('');
}

/** Rules that break each invariant on purpose: the checker must catch every one. */
const broken = {
  rules: {
    throws: {
      meta: { type: 'problem', messages: { m: 'm' }, schema: [] },
      create: () => ({ DebuggerStatement: () => { throw new Error('boom'); } }),
    },
    'bad-fix': {
      meta: { type: 'problem', fixable: 'code', messages: { m: 'm' }, schema: [] },
      create: (context: { report(d: object): void }) => ({
        WhileStatement: (node: object) => context.report({ node, messageId: 'm', fix: (f: { insertTextAfter(n: object, t: string): object }) => f.insertTextAfter(node, ' )(') }),
      }),
    },
    'endless-fix': {
      meta: { type: 'problem', fixable: 'code', messages: { m: 'm' }, schema: [] },
      create: (context: { report(d: object): void }) => ({
        Literal: (node: { raw: string; value: unknown }) => {
          if (typeof node.value === 'number') context.report({ node, messageId: 'm', fix: (f: { replaceText(n: object, t: string): object }) => f.replaceText(node, String(Number(node.value) + 1)) });
        },
      }),
    },
    'line-dependent': {
      meta: { type: 'problem', messages: { m: 'm' }, schema: [] },
      create: (context: { report(d: object): void }) => ({
        Identifier: (node: { loc: { start: { line: number } } }) => {
          if (node.loc.start.line === 1) context.report({ node, messageId: 'm' });
        },
      }),
    },
  },
};

describe('the robustness checker itself', () => {
  const variants = [{ name: 'all', rules: Object.fromEntries(Object.keys(broken.rules).map((r) => [`capmonster/${r}`, 'error'])) }];
  const check = (code: string) => {
    const stats = newStats(broken as unknown as PluginLike);
    createChecker(broken, { variants }).check({ code, lang: 'js', sourceType: 'module', label: 'self-test' }, stats);
    return stats.failures.map((f) => `${f.invariant} ${f.rule ?? ''}`.trim());
  };

  it('catches a rule that throws', () => {
    expect(check('debugger;')).toEqual(['no exception capmonster/throws']);
  });
  it('catches a fix that does not parse', () => {
    expect(check('while (a) {}')).toContain('every fix output parses capmonster/bad-fix');
  });
  it('catches a fix that a second pass changes again', () => {
    expect(check('let a\nlet b = 1;')).toContain('a second fix pass changes nothing capmonster/endless-fix');
  });
  it('catches reports that move when a comment is prepended', () => {
    expect(check('x;')).toContain('reports unchanged with a prepended comment capmonster/line-dependent');
  });
  it('passes clean code', () => {
    expect(check(';\nlet b')).toEqual([]);
  });
});

describe('robustness (bounded; full size: npm run test:robust)', () => {
  it('domain generator: seeded CapMonster programs keep every invariant', { timeout: 120_000 }, () => {
    const probe = probePlugin(getCapMonster as never);
    const total = newStats(cap);
    for (const seed of SEEDS) mergeStats(total, runDomain(cap, { seed, count: 40, probe }));
    expect(total.inputs).toBe(SEEDS.length * 40);
    // The generator reaches the analysis layer: it finds requests of the main kinds.
    expect(Object.keys(total.layer).some((k) => k.endsWith(':getTaskResult'))).toBe(true);
    expect(Object.keys(total.layer).some((k) => k.endsWith(':createTask'))).toBe(true);
    expectNoFailures(total);
  });

  it('eslump: random programs (script and module) keep every invariant', { timeout: 120_000 }, () => {
    const stats = runEslump(cap, { seed: 11, count: 60 });
    expect(stats.inputs).toBeGreaterThanOrEqual(60);
    expectNoFailures(stats);
  });

  it('regression inputs keep every invariant', { timeout: 60_000 }, () => {
    expectNoFailures(runRegressions(cap));
  });

  it('real code: a sample of the corpus, when it is already downloaded', { timeout: 120_000 }, async (ctx) => {
    const corpus = await loadRobustCorpus({ download: false });
    if (!corpus.files) {
      console.warn(`robustness: corpus suite skipped: ${corpus.reason}`);
      ctx.skip();
      return;
    }
    // A deterministic spread over every package: each package's first files, then every n-th file.
    const files = corpus.files;
    const sample: CorpusFile[] = [];
    const step = Math.max(1, Math.floor(files.length / 50));
    for (let i = 0; i < files.length; i += step) sample.push(files[i]!);
    for (const pkg of corpus.packages) {
      const first = files.find((f) => f.pkg === pkg);
      if (first && !sample.includes(first)) sample.push(first);
    }
    const stats = runCorpus(cap, { files: sample.filter((f) => f.code.length < 120_000) });
    expect(stats.inputs).toBeGreaterThan(0);
    expectNoFailures(stats);
  });

  it('pathological inputs: no rule throws or takes too long', { timeout: 120_000 }, () => {
    const stats = runPathological(cap, {
      limitMs: 2000,
      only: ['1,000 nested mixed loops', '1,000 nested braceless', '10,000-argument axios', '2,000-link function wrapper chain'],
    });
    expect(stats.inputs + stats.skipped).toBe(4);
    expectNoFailures(stats);
  });

  it('bad configuration: invalid options and settings are rejected with a clear message', { timeout: 60_000 }, () => {
    const stats = runBadConfig(cap, { sampleCount: 12 });
    expect(stats.cases.length).toBeGreaterThan(Object.keys(cap.rules).length);
    expectNoFailures(stats);
  });

  it('regex safety: every regular expression in src/ is fast on 100 KB adversarial strings', { timeout: 60_000 }, () => {
    const result = runRegexSafety({ limitMs: 250, pairs: false });
    expect(result.tried).toBeGreaterThan(0);
    expect(result.failures.map((f) => `${f.where} /${f.source}/: ${f.ms.toFixed(0)} ms on ${f.sample}`)).toEqual([]);
  });
});
