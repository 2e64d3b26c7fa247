// `npm run bench`: what the plugin costs next to ESLint's own rules, on code that is not
// CapMonster code (pinned npm packages, bench/corpus.mjs) and on code that is
// (bench/capmonster-corpus.mjs), plus a scaling run (bench/scaling.mjs).
//
//   node bench/run.mjs [--quick] [--rounds=N] [--warmup=N] [--no-scaling] [--no-fail] [--out=FILE] [--plugin=DIR]
//   env: BENCH_ROUNDS, BENCH_WARMUP, BENCH_QUICK=1, BENCH_PLUGIN=DIR
//
// Method: one ESLint instance per configuration (the config is computed once, as the CLI and
// editors do); texts preloaded; every file is linted by every configuration in turn, in a seeded
// random order for every file and round (a fixed rotation would put each configuration always after
// the same one, which then leaves it its garbage to collect), the file order reshuffled every round,
// so drift and noise from other processes spread evenly.
// Each file is first parsed once, untimed, so that the first-lint cost of a text is not charged
// to whichever configuration lints it first.
// Ratios: the budgets use the robust one, the sum over files of each file's median time over the
// rounds (a GC pause or a burst of other load lands on one round of one file, and the median drops
// it); the per-round ratios' median, min and max are printed beside it, and an A/A control (the
// floor against an identical second instance, on every 4th file) shows how large the noise is.
// Per-rule times come from ESLint's `stats` option, in separate passes: each file's median pass, summed.

import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

import { buildCapMonsterCorpus } from './capmonster-corpus.mjs';
import { countLines, loadCorpus, PACKAGES } from './corpus.mjs';
import { scaledFile } from './scaling.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(import.meta.url);

// ---------------------------------------------------------------- options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const QUICK = flag('quick') || process.env.BENCH_QUICK === '1';
const ROUNDS = Number(value('rounds') ?? process.env.BENCH_ROUNDS ?? (QUICK ? 3 : 5));
const WARMUP = Math.max(1, Number(value('warmup') ?? process.env.BENCH_WARMUP ?? 1));
const SCALING = !flag('no-scaling');
const FAIL = !flag('no-fail');
const OUT = value('out') ?? join(HERE, 'results.json');
const SCALES = [1, 2, 4, 8, 16];

const BUDGETS = {
  allOverFloor: 1.03,
  recAllOverRec: 1.02,
  /** Each plugin rule, with its share of the shared analyses, against core no-unused-vars on the heavy corpus. */
  ruleOverNoUnusedVars: 1.5,
  scalingFlat: 1.5,
};

const log = (msg) => process.stderr.write(`${msg}\n`);

// ---------------------------------------------------------------- the plugin and the configs
// --plugin=DIR (or BENCH_PLUGIN) measures another build of the plugin (a folder with index.js).
const pluginDir = value('plugin') ?? process.env.BENCH_PLUGIN;
const distEntry = pluginDir ? join(resolve(pluginDir), 'index.js') : join(ROOT, 'dist', 'index.js');
if (!existsSync(distEntry)) {
  console.error('dist/index.js is missing: run `npm run bench` (it builds first) or `npm run build`.');
  process.exit(2);
}
const { ESLint } = require('eslint');
const eslintVersion = require('eslint/package.json').version;
const js = require('@eslint/js');
const tsParser = require('@typescript-eslint/parser');
const plugin = require(distEntry);

const pluginRules = Object.keys(plugin.configs.all.rules ?? {});

// For attribution only: the plugin's shared per-file analyses, each run by a rule of its own before the
// plugin's rules, so that ESLint's stats charge each to its own line and not to whichever plugin rule
// happens to ask first. Same module instances as the rules use, so the rules then get the memoised
// results. `users` are the plugin rules that read each one: a rule's share of a shared analysis is
// its time divided among them.
const capmonsterDir = join(dirname(distEntry), 'capmonster');
function sharedFn(module, name) {
  try {
    const fn = require(join(capmonsterDir, `${module}.js`))[name];
    return typeof fn === 'function' ? fn : undefined;
  } catch {
    return undefined;
  }
}
const getCapMonster = sharedFn('index', 'getCapMonster');
const SHARED = [
  { rule: 'capmonster-analysis', what: 'requests, wrappers, calls, branches', fn: getCapMonster, users: 'all' },
  { rule: 'capmonster-poll-sites', what: 'the places that poll', fn: sharedFn('polls', 'getPollSites'), users: ['min-poll-interval', 'no-unbounded-polling', 'handle-ban-errors'] },
  // Sizing (bounds and delays) is lazy: the two poll rules size every poll, handle-ban-errors only the
  // polls it finds an error handler in. `parts` is filled in once that fraction is measured (below).
  { rule: 'capmonster-polls', what: 'poll bounds and delays', fn: sharedFn('polls', 'getPolls'), users: ['min-poll-interval', 'no-unbounded-polling'] },
  { rule: 'capmonster-code-retries', what: 'branches that recognise an error code and send again', fn: sharedFn('branches', 'findCodeRetries'), users: ['handle-ban-errors', 'no-retry-on-bad-proxy', 'no-retry-on-zero-balance'] },
  { rule: 'capmonster-keys', what: 'where each key comes from and whether it is checked', fn: sharedFn('keys', 'getKeySources'), users: ['no-hardcoded-client-key', 'require-key-check'] },
  // Blind retries (no-retry-on-zero-balance) and, built on them, loops over work items that swallow account
  // errors (handle-ban-errors): one analysis, read by both.
  { rule: 'capmonster-blind-retries', what: 'retries that do not tell zero balance from other failures', fn: sharedFn('retries', 'findSwallowedInLoops'), users: ['handle-ban-errors', 'no-retry-on-zero-balance'] },
].filter((a) => a.fn);
const sharedRules = Object.fromEntries(
  SHARED.map((a) => [
    a.rule,
    {
      meta: { type: 'problem', schema: [], docs: { description: `Runs the plugin's shared analysis: ${a.what}.` } },
      create(context) {
        const file = getCapMonster(context);
        if (file.isCapMonster && a.fn !== getCapMonster) a.fn(file);
        return {};
      },
    },
  ]),
);

/** The floor: one rule that does nothing but still makes ESLint traverse and run code-path analysis. */
const noopPlugin = {
  meta: { name: 'bench-noop' },
  rules: {
    noop: {
      meta: { type: 'problem', schema: [], docs: { description: 'Does nothing.' } },
      create: () => ({ Program() {} }),
    },
    // For attribution: what ESLint itself spends on a rule that listens to nothing (its context, the
    // call of `create`, the timing). Each shared analysis runs as such a rule here, and pays that; in
    // real use they run inside the first plugin rule and do not.
    empty: {
      meta: { type: 'problem', schema: [], docs: { description: 'Listens to nothing.' } },
      create: () => ({}),
    },
    ...sharedRules,
  },
};

const shared = [
  { files: ['**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'], languageOptions: { parser: tsParser } },
  {
    plugins: { bench: noopPlugin },
    // Directive reports depend on which rules are on; keep them out so configs differ only in rules.
    linterOptions: { reportUnusedDisableDirectives: 'off', reportUnusedInlineConfigs: 'off' },
    rules: { 'bench/noop': 'error' },
  },
];

const CONFIGS = {
  floor: [...shared],
  'floor (A/A)': [...shared],
  recommended: [...shared, js.configs.recommended],
  all: [...shared, plugin.configs.all],
  'recommended+all': [...shared, js.configs.recommended, plugin.configs.all],
};

/** Every instance gets its own (shallow) copies of the config objects, so none shares state with another. */
function makeEslint(config, stats = false) {
  const own = config.map((c) => ({ ...c, ...(c.rules ? { rules: { ...c.rules } } : {}) }));
  return new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: own, stats });
}

// ---------------------------------------------------------------- statistics
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), rounds: xs });
const fix = (x, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

// ---------------------------------------------------------------- measurement
/**
 * Alternating rounds, configurations in a random order per file. Returns per-config per-round totals
 * (ms), every file's times, and the files that could not be parsed (dropped after the first warm-up round).
 */
async function measure(label, files, names, { rounds, warmup, every = {}, warmFiles = files }) {
  const instances = names.map((n) => makeEslint(CONFIGS[n]));
  // `every[name] = n`: that configuration lints only every n-th file of the (fixed) corpus order.
  const step = names.map((n) => every[n] ?? 1);
  const index = new Map(files.map((f, i) => [f.file, i]));
  // The first lint of a text is slower than the next ones, whatever the config (measured: 15-40%
  // on this corpus). An untimed parse-only lint (no rules) of each file, the first time it comes up,
  // takes that cost, so that no configuration pays it for the files it happens to lint first.
  const primer = makeEslint(shared.slice(0, 1));
  const primed = new Set();
  const k = names.length;
  const perRound = names.map(() => []);
  // Per file and config, the time of every measured round: the per-file medians make the robust
  // total (a GC pause or a burst of other load hits one round of one file, not the median).
  const perFile = new Map();
  const messages = names.map(() => 0);
  // Unparsable files are found by the primer and left out of every configuration's time.
  const dropped = new Map();
  for (let r = 0; r < warmup + rounds; r++) {
    const measured = r >= warmup;
    const first = r === warmup;
    // A different (seeded, so repeatable) file order each round: which config lints a file first
    // is then not tied to the file's size (the heavy corpus repeats one set of sources).
    const list = shuffled(measured ? files : warmFiles, r + 1);
    const rand = mulberry32(1000 + r);
    const t = new Array(k).fill(0);
    const t0 = performance.now();
    for (let i = 0; i < list.length; i++) {
      const f = list[i];
      if (dropped.has(f.file)) continue;
      if (!primed.has(f.file)) {
        primed.add(f.file);
        const [result] = await primer.lintText(f.code, { filePath: f.file });
        if (result.fatalErrorCount > 0) {
          dropped.set(f.file, result.messages[0]?.message);
          continue;
        }
      }
      let times = perFile.get(f.file);
      if (!times) perFile.set(f.file, (times = names.map(() => [])));
      for (const c of order(k, rand)) {
        if (index.get(f.file) % step[c] !== 0) continue;
        const s = performance.now();
        const [result] = await instances[c].lintText(f.code, { filePath: f.file });
        const dt = performance.now() - s;
        t[c] += dt;
        if (measured) times[c].push(dt);
        if (first) {
          if (result.messages.some((m) => /^File ignored/u.test(m.message))) {
            throw new Error(`ESLint ignored ${f.file}: the bench config does not match it`);
          }
          messages[c] += result.messages.length;
        }
      }
    }
    const kind = measured ? `round ${r - warmup + 1}/${rounds}` : 'warm-up';
    log(`  ${label} ${kind}: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${elapsed()} (${names.map((n, c) => `${n} ${(t[c] / 1000).toFixed(2)}s`).join(', ')})`);
    if (measured) names.forEach((_, c) => perRound[c].push(t[c]));
  }
  const times = Object.fromEntries(names.map((n, c) => [n, perRound[c]]));
  // The robust total of each config: the sum over files of each file's median round (dropped files
  // never get an entry).
  const robust = Object.fromEntries(
    names.map((n, c) => [n, [...perFile.values()].reduce((sum, ts) => sum + (ts[c].length ? median(ts[c]) : 0), 0)]),
  );
  return {
    times,
    robust,
    perFile,
    names,
    dropped: [...dropped].map(([file, message]) => ({ file, message })),
    files: files.filter((f) => !dropped.has(f.file)),
    messages: Object.fromEntries(names.map((n, c) => [n, messages[c]])),
  };
}

/** A seeded random number generator (mulberry32): numbers in [0, 1). */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seeded Fisher-Yates shuffle. */
function shuffled(items, seed, rand = mulberry32(seed)) {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * The order in which the k configurations lint one file: a random permutation, not a rotation.
 * With a rotation every configuration always follows the same one, and the garbage the one before
 * leaves is collected on its time: the A/A control measured 0.98, a bias as large as a budget.
 */
const order = (k, rand) => shuffled(Array.from({ length: k }, (_, c) => c), 0, rand);

/**
 * A ratio of two configs over the files both linted: `robust` from the per-file medians (what the
 * budgets use), and the per-round median, min and max. Undefined when one of them was not measured.
 */
function ratio(m, a, b) {
  const ia = m.names.indexOf(a);
  const ib = m.names.indexOf(b);
  if (ia < 0 || ib < 0) return undefined;
  let ma = 0;
  let mb = 0;
  const ra = [];
  const rb = [];
  for (const ts of m.perFile.values()) {
    if (!ts[ia].length || !ts[ib].length) continue;
    ma += median(ts[ia]);
    mb += median(ts[ib]);
    ts[ia].forEach((t, r) => (ra[r] = (ra[r] ?? 0) + t));
    ts[ib].forEach((t, r) => (rb[r] = (rb[r] ?? 0) + t));
  }
  return { robust: ma / mb, ...summary(ra.map((x, r) => x / rb[r])) };
}

/**
 * For attribution only: the fraction of the poll places whose bounds handle-ban-errors works out by
 * itself (it sizes a poll only when it finds an error handler in it). One untimed pass: each file's
 * analysis is fresh, handle-ban-errors' swallowed-error search runs alone, then the places it sized
 * are counted.
 */
async function measurePollSizing(files) {
  const getPollSites = sharedFn('polls', 'getPollSites');
  const isSized = sharedFn('polls', 'isSized');
  const getSwallowedErrors = sharedFn('responses', 'getSwallowedErrors');
  if (!getPollSites || !isSized || !getSwallowedErrors) return undefined;
  let sites = 0;
  let sized = 0;
  const probe = {
    meta: { schema: [] },
    create(context) {
      const file = getCapMonster(context);
      if (!file.isCapMonster) return {};
      getSwallowedErrors(file);
      for (const poll of getPollSites(file)) {
        sites++;
        if (isSized(poll)) sized++;
      }
      return {};
    },
  };
  const eslint = makeEslint([shared[0], { plugins: { probe: { rules: { sizing: probe } } }, rules: { 'probe/sizing': 'error' } }]);
  for (const f of files) await eslint.lintText(f.code, { filePath: f.file });
  return { sites, sized, fraction: sites > 0 ? sized / sites : 0 };
}

/**
 * Per-rule times from ESLint's stats: for each file and rule the median over `passes` passes (after
 * `warmup` more), summed over files. ESLint charges a GC pause to whichever rule is running; the
 * per-file median drops it, as the budgets' ratios do.
 */
async function ruleStats(label, files, config, passes, warmup = 1) {
  const eslint = makeEslint(config, true);
  const perFile = files.map(() => new Map());
  const parse = [];
  const total = [];
  const reports = new Map();
  for (let p = 0; p < passes + warmup; p++) {
    let parsePass = 0;
    let totalPass = 0;
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      const [result] = await eslint.lintText(f.code, { filePath: f.file });
      const own = new Map();
      for (const pass of result.stats?.times?.passes ?? []) {
        parsePass += pass.parse?.total ?? 0;
        totalPass += pass.total ?? 0;
        for (const [rule, t] of Object.entries(pass.rules ?? {})) own.set(rule, (own.get(rule) ?? 0) + (t.total ?? 0));
      }
      if (p >= warmup) {
        for (const [rule, t] of own) {
          const list = perFile[i].get(rule);
          if (list) list.push(t);
          else perFile[i].set(rule, [t]);
        }
      }
      if (p === 0) {
        for (const m of result.messages) {
          if (!m.ruleId?.startsWith('capmonster/')) continue;
          const list = reports.get(m.ruleId) ?? [];
          list.push(`${f.file.slice(ROOT.length + 1)}:${m.line}:${m.column}`);
          reports.set(m.ruleId, list);
        }
      }
    }
    if (p >= warmup) {
      parse.push(parsePass);
      total.push(totalPass);
    }
    log(`  ${label} stats pass ${p < warmup ? 'warm-up' : `${p - warmup + 1}/${passes}`} (${elapsed()})`);
  }
  const sums = new Map();
  for (const byRule of perFile) for (const [rule, ts] of byRule) sums.set(rule, (sums.get(rule) ?? 0) + median(ts));
  return {
    rules: Object.fromEntries([...sums].sort((a, b) => b[1] - a[1])),
    parse: median(parse),
    total: median(total),
    reports: Object.fromEntries([...reports].map(([rule, where]) => [rule, { count: where.length, first: where.slice(0, 10) }])),
  };
}

// ---------------------------------------------------------------- run
const started = performance.now();
/** Seconds since the bench started, for the progress log. */
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s in`;
const env = {
  node: process.version,
  eslint: eslintVersion,
  plugin: plugin.meta?.version,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  loadavgStart: os.loadavg(),
  quick: QUICK,
  rounds: ROUNDS,
  warmup: WARMUP,
};
log(`bench: node ${env.node}, eslint ${env.eslint}, ${env.cpus} cpus, load ${env.loadavgStart.map((x) => x.toFixed(2)).join(' ')}`);
log(`bench: plugin rules in \`all\`: ${pluginRules.length ? pluginRules.join(', ') : '(none)'}`);

let corpus = await loadCorpus({ log });
if (QUICK) corpus = corpus.filter((_, i) => i % 4 === 0);
const cm = await buildCapMonsterCorpus({ minLines: QUICK ? 5_000 : 20_000 });
const lines = (files) => files.reduce((n, f) => n + countLines(f.code), 0);

// The A/A control lints every 4th file: a sample a quarter the size shows more noise than the whole
// corpus has, never less, and it brings the bench nearer its 10 minutes. The CapMonster-heavy corpus
// needs no recommended+all (no budget reads it).
const AA_EVERY = 4;
const every = { 'floor (A/A)': AA_EVERY };
const names = Object.keys(CONFIGS);
const heavyNames = names.filter((n) => n !== 'recommended+all');
log(`bench: non-CapMonster corpus ${corpus.length} files, ${lines(corpus)} lines`);
// Warm-up (JIT, config lookups) does not need every file: every tenth one of the big corpus, and one copy
// of the heavy corpus (the copies are the same sources, so the first one reaches every code path).
const main = await measure('non-CapMonster', corpus, names, {
  rounds: ROUNDS,
  warmup: WARMUP,
  every,
  warmFiles: corpus.length > 500 ? corpus.filter((_, i) => i % 10 === 0) : corpus,
});
log(`bench: CapMonster-heavy corpus ${cm.files.length} files, ${cm.lines} lines`);
const heavy = await measure('CapMonster-heavy', cm.files, heavyNames, {
  rounds: ROUNDS,
  warmup: WARMUP,
  every,
  warmFiles: cm.files.filter((f) => f.copy === 1),
});

const recAll = [
  ...shared,
  js.configs.recommended,
  { rules: { 'bench/empty': 'error', ...Object.fromEntries(SHARED.map((a) => [`bench/${a.rule}`, 'error'])) } },
  plugin.configs.all,
];
// The big corpus is already warm (the instances differ, the code is the same): one pass over every 4th
// file, for attribution only (no budget reads it).
const statsMain = await ruleStats('non-CapMonster', main.files.filter((_, i) => i % 4 === 0), recAll, 1, 0);
const statsHeavy = await ruleStats('CapMonster-heavy', heavy.files, recAll, QUICK ? 3 : 5);
// The heavy corpus repeats one set of sources; the fraction is the same on one copy of them.
const pollSizing = await measurePollSizing(heavy.files.filter((f) => f.copy === 1));
log(`  poll sizing pass done (${elapsed()})`);
if (pollSizing) {
  const sizing = SHARED.find((a) => a.rule === 'capmonster-polls');
  if (sizing) {
    sizing.parts = [
      { fraction: pollSizing.fraction, users: [...sizing.users, 'handle-ban-errors'] },
      { fraction: 1 - pollSizing.fraction, users: sizing.users },
    ];
  }
}

// Scaling: time per line of one CapMonster-shaped file at 1x..16x.
const scaling = [];
if (SCALING) {
  const scaleNames = ['floor', 'all', 'recommended+all'];
  const instances = scaleNames.map((n) => makeEslint(CONFIGS[n]));
  const statsAll = makeEslint(CONFIGS.all, true);
  for (const factor of SCALES) {
    const code = scaledFile(factor);
    const n = countLines(code);
    const filePath = join(ROOT, 'bench', '.corpus', 'scaling', `client-${factor}x.js`);
    // About the same time at every size (fewer repetitions of a bigger file), at least 5 of each.
    const reps = Math.max(QUICK ? 3 : 5, Math.round((QUICK ? 32 : 64) / factor));
    const per = scaleNames.map(() => []);
    for (let r = 0; r < reps + 2; r++) {
      for (let j = 0; j < scaleNames.length; j++) {
        const c = (r + j) % scaleNames.length;
        const s = performance.now();
        await instances[c].lintText(code, { filePath });
        const t = performance.now() - s;
        if (r >= 2) per[c].push(t);
      }
    }
    const pluginTimes = [];
    for (let r = 0; r < Math.max(3, Math.round(reps / 2)) + 1; r++) {
      const [result] = await statsAll.lintText(code, { filePath });
      if (r === 0) continue;
      let t = 0;
      for (const pass of result.stats?.times?.passes ?? []) {
        for (const [rule, v] of Object.entries(pass.rules ?? {})) if (rule.startsWith('capmonster/')) t += v.total ?? 0;
      }
      pluginTimes.push(t);
    }
    const row = { factor, lines: n, reps };
    scaleNames.forEach((name, c) => {
      row[name] = { msPerFile: median(per[c]), usPerLine: (median(per[c]) * 1000) / n };
    });
    row.pluginRules = { msPerFile: median(pluginTimes), usPerLine: (median(pluginTimes) * 1000) / n };
    scaling.push(row);
    log(`  scaling ${factor}x: ${n} lines, all ${fix(row.all.usPerLine, 2)} µs/line (${elapsed()})`);
  }
}

// ---------------------------------------------------------------- budgets
const R = {
  aa: ratio(main, 'floor (A/A)', 'floor'),
  recOverFloor: ratio(main, 'recommended', 'floor'),
  allOverFloor: ratio(main, 'all', 'floor'),
  recAllOverRec: ratio(main, 'recommended+all', 'recommended'),
  recAllOverFloor: ratio(main, 'recommended+all', 'floor'),
};
const H = {
  aa: ratio(heavy, 'floor (A/A)', 'floor'),
  recOverFloor: ratio(heavy, 'recommended', 'floor'),
  allOverFloor: ratio(heavy, 'all', 'floor'),
  recAllOverRec: ratio(heavy, 'recommended+all', 'recommended'),
  recAllOverFloor: ratio(heavy, 'recommended+all', 'floor'),
};
// What the plugin's rules together cost over the floor, against what eslint:recommended's cost: from
// the per-file medians, and per round.
const heavyCost = {
  robust: (heavy.robust.all - heavy.robust.floor) / (heavy.robust.recommended - heavy.robust.floor),
  ...summary(heavy.times.all.map((t, i) => (t - heavy.times.floor[i]) / (heavy.times.recommended[i] - heavy.times.floor[i]))),
};
const pluginRuleTimes = Object.entries(statsHeavy.rules).filter(([r]) => r.startsWith('capmonster/'));
const noUnusedVars = statsHeavy.rules['no-unused-vars'] ?? 0;
// Each plugin rule's cost: its own time, plus its share of every shared analysis it reads (the
// analysis's time divided among the rules that read it), as ESLint's own rules are not charged for the
// scope analysis they share. `alone` is what the rule would cost as the only plugin rule turned on:
// its own time plus the whole of every shared analysis it reads.
// Less what ESLint spends on each of them as a rule of its own (the rule that listens to nothing), which the
// plugin, running them inside its first rule, does not pay.
const ruleOverhead = statsHeavy.rules['bench/empty'] ?? 0;
const sharedTime = Object.fromEntries(SHARED.map((a) => [a.rule, Math.max(0, (statsHeavy.rules[`bench/${a.rule}`] ?? 0) - ruleOverhead)]));
const enabled = (users) => users.filter((u) => pluginRules.includes(`capmonster/${u}`));
// An analysis is one part read by all its users, unless `parts` splits it: a fraction of its work
// and the rules that read that fraction.
const partsOf = (a) =>
  (a.parts ?? [{ fraction: 1, users: a.users === 'all' ? pluginRules.map((r) => r.replace('capmonster/', '')) : a.users }]).map((p) => ({
    fraction: p.fraction,
    users: enabled(p.users),
  }));
const ruleCosts = pluginRuleTimes
  .map(([rule, own]) => {
    const name = rule.replace('capmonster/', '');
    let share = 0;
    let whole = 0;
    for (const a of SHARED) {
      for (const p of partsOf(a)) {
        if (!p.users.includes(name)) continue;
        share += (sharedTime[a.rule] * p.fraction) / p.users.length;
        whole += sharedTime[a.rule] * p.fraction;
      }
    }
    return { rule: name, own, share, cost: own + share, alone: own + whole };
  })
  .sort((a, b) => b.cost - a.cost);
const heaviest = ruleCosts[0] ?? { rule: '(none)', own: 0, share: 0, cost: 0, alone: 0 };
const heaviestAlone = [...ruleCosts].sort((a, b) => b.alone - a.alone)[0] ?? heaviest;
const analysisTime = Object.values(sharedTime).reduce((n, t) => n + t, 0);
const pluginStatsSum = pluginRuleTimes.reduce((n, [, t]) => n + t, analysisTime);
const recStatsSum = Object.entries(statsHeavy.rules)
  .filter(([r]) => !r.startsWith('capmonster/') && !r.startsWith('bench/'))
  .reduce((n, [, t]) => n + t, 0);

const budgets = [
  {
    name: '`all` / floor, non-CapMonster corpus (per-file medians)',
    value: R.allOverFloor.robust,
    limit: `<= ${BUDGETS.allOverFloor}`,
    pass: R.allOverFloor.robust <= BUDGETS.allOverFloor,
  },
  {
    name: 'recommended+`all` / recommended, non-CapMonster corpus (per-file medians)',
    value: R.recAllOverRec.robust,
    limit: `<= ${BUDGETS.recAllOverRec}`,
    pass: R.recAllOverRec.robust <= BUDGETS.recAllOverRec,
  },
  {
    name: 'CapMonster-heavy: (`all` - floor) / (recommended - floor) (per-file medians)',
    value: heavyCost.robust,
    limit: '< 1',
    pass: heavyCost.robust < 1,
  },
  {
    name: `CapMonster-heavy: heaviest rule (${heaviest.rule}: own + share of the shared analyses) / no-unused-vars`,
    value: noUnusedVars > 0 ? heaviest.cost / noUnusedVars : NaN,
    limit: `<= ${BUDGETS.ruleOverNoUnusedVars}`,
    pass: noUnusedVars > 0 && heaviest.cost <= BUDGETS.ruleOverNoUnusedVars * noUnusedVars,
  },
];
if (SCALING) {
  const first = scaling[0].all.usPerLine;
  const last = scaling.at(-1).all.usPerLine;
  const worst = Math.max(...scaling.map((s) => s.all.usPerLine / first));
  budgets.push({
    name: `scaling: time per line ${SCALES.at(-1)}x / ${SCALES[0]}x (\`all\`; worst size ${fix(worst, 2)})`,
    value: last / first,
    limit: `<= ${BUDGETS.scalingFlat}`,
    pass: last / first <= BUDGETS.scalingFlat && worst <= BUDGETS.scalingFlat,
  });
}

// ---------------------------------------------------------------- output
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ratioRow = (label, s) => `  ${pad(label, 40)} ${lpad(fix(s.robust), 7)}   ${lpad(fix(s.median), 7)} ${lpad(fix(s.min), 7)} ${lpad(fix(s.max), 7)}`;

const out = [];
out.push('');
out.push(`eslint-plugin-capmonster benchmark  (node ${env.node}, eslint ${env.eslint}, ${env.cpus} cpus: ${env.cpu})`);
out.push(`rounds ${ROUNDS} after ${WARMUP} warm-up${QUICK ? ', QUICK mode (subset, not a budget run)' : ''}; load average at start ${env.loadavgStart.map((x) => x.toFixed(2)).join(' ')}`);
out.push(`plugin rules in \`all\` (${pluginRules.length}): ${pluginRules.map((r) => r.replace('capmonster/', '')).join(', ') || '(none)'}`);
for (const [label, m, files] of [
  ['Non-CapMonster corpus', main, main.files],
  ['CapMonster-heavy corpus', heavy, heavy.files],
]) {
  out.push('');
  out.push(`${label}: ${files.length} files, ${lines(files)} lines${m.dropped.length ? ` (${m.dropped.length} unparsable files dropped)` : ''}`);
  out.push(`  ${pad('config: median round time', 40)} ${lpad('s', 7)}   messages`);
  for (const n of m.names) {
    const label = every[n] ? `${n} (every ${every[n]}th file)` : n;
    out.push(`  ${pad(label, 40)} ${lpad(fix(median(m.times[n]) / 1000, 2), 7)}   ${m.messages[n]}`);
  }
  const S = m === main ? R : H;
  out.push(`  ${pad('ratio', 40)} ${lpad('robust', 7)}   ${lpad('median', 7)} ${lpad('min', 7)} ${lpad('max', 7)}   (robust: sums of per-file medians; then per-round ratios)`);
  for (const [row, r] of [
    [`floor (A/A) / floor   [noise, every ${AA_EVERY}th file]`, S.aa],
    ['recommended / floor', S.recOverFloor],
    ['all / floor', S.allOverFloor],
    ['recommended+all / recommended', S.recAllOverRec],
    ['recommended+all / floor', S.recAllOverFloor],
  ]) {
    if (r) out.push(ratioRow(row, r));
  }
}
out.push(ratioRow('(all - floor) / (recommended - floor)', heavyCost).replace(/^ {2}/u, '  CapMonster-heavy: '));

for (const [label, st] of [
  ['Non-CapMonster corpus', statsMain],
  ['CapMonster-heavy corpus', statsHeavy],
]) {
  out.push('');
  const sample = st === statsMain ? ', every 4th file' : '';
  out.push(`Per-rule times, recommended+all, ${label}${sample} (ESLint stats, ms; attribution only): parse ${fix(st.parse, 0)}, total ${fix(st.total, 0)}`);
  const entries = Object.entries(st.rules);
  const top = entries.slice(0, 8);
  const plug = entries.filter(([r]) => (r.startsWith('capmonster/') || r.startsWith('bench/capmonster-')) && !top.some(([t]) => t === r));
  for (const [rule, t] of [...top, ...plug]) out.push(`  ${pad(rule, 44)} ${lpad(fix(t, 1), 9)}`);
  const reps = Object.entries(st.reports);
  out.push(`  plugin reports: ${reps.length ? reps.map(([r, v]) => `${r} ${v.count}`).join(', ') : 'none'}`);
  if (st === statsMain) for (const [r, v] of reps) out.push(`    ${r} (not CapMonster code: false positives?) ${v.first.slice(0, 5).join(', ')}`);
}
out.push(`  (bench/capmonster-* = the plugin's shared per-file analyses, run first so each is charged to its own line; bench/empty = a rule that listens to nothing, ESLint's own cost of a rule, ${fix(ruleOverhead, 1)} ms, taken off each of them below: the plugin runs them inside its first rule)`);
out.push(
  `  CapMonster-heavy, stats sums: plugin rules + shared analyses ${fix(pluginStatsSum, 1)} ms, eslint:recommended rules ${fix(recStatsSum, 1)} ms, no-unused-vars ${fix(noUnusedVars, 1)} ms`,
);
out.push('');
out.push('Per plugin rule, CapMonster-heavy corpus (ms): own time + share of the shared analyses it reads = cost; alone = own + the whole of them');
out.push(`  ${pad('rule', 28)} ${lpad('own', 8)} ${lpad('share', 8)} ${lpad('cost', 8)} ${lpad('alone', 8)}   vs no-unused-vars ${fix(noUnusedVars, 1)}`);
for (const c of ruleCosts) {
  out.push(`  ${pad(c.rule, 28)} ${lpad(fix(c.own, 1), 8)} ${lpad(fix(c.share, 1), 8)} ${lpad(fix(c.cost, 1), 8)} ${lpad(fix(c.alone, 1), 8)}   ${fix(c.cost / noUnusedVars, 2)} / ${fix(c.alone / noUnusedVars, 2)}`);
}
if (pollSizing) {
  out.push(
    `  (handle-ban-errors sizes ${pollSizing.sized} of ${pollSizing.sites} poll places itself, those it finds an error handler in: it is charged that fraction, ${fix(100 * pollSizing.fraction, 0)}%, of bench/capmonster-polls, shared with the two poll rules)`,
  );
}

if (SCALING) {
  out.push('');
  out.push('Scaling, one CapMonster-shaped file (µs per line, median; plugin = capmonster/* rules from stats)');
  out.push(`  ${pad('size', 6)} ${lpad('lines', 6)} ${lpad('floor', 8)} ${lpad('all', 8)} ${lpad('rec+all', 8)} ${lpad('plugin', 8)} ${lpad('all/1x', 7)}`);
  for (const s of scaling) {
    out.push(
      `  ${pad(`${s.factor}x`, 6)} ${lpad(s.lines, 6)} ${lpad(fix(s.floor.usPerLine, 2), 8)} ${lpad(fix(s.all.usPerLine, 2), 8)} ${lpad(fix(s['recommended+all'].usPerLine, 2), 8)} ${lpad(fix(s.pluginRules.usPerLine, 2), 8)} ${lpad(fix(s.all.usPerLine / scaling[0].all.usPerLine, 2), 7)}`,
    );
  }
}

out.push('');
out.push('Budgets');
for (const b of budgets) out.push(`  ${b.pass ? 'PASS' : 'FAIL'}  ${pad(b.name, 78)} ${lpad(fix(b.value), 7)}  (${b.limit})`);
out.push(
  `  info  heaviest rule alone (${heaviestAlone.rule} as the only plugin rule on: own + the whole of each shared analysis it reads) / no-unused-vars: ${fix(heaviestAlone.alone / noUnusedVars)}`,
);
const aaSpread = Math.max(R.aa.max - 1, 1 - R.aa.min);
out.push(`  A/A control, non-CapMonster corpus: robust ${fix(R.aa.robust)}, per round ${fix(R.aa.median)} (${fix(R.aa.min)}-${fix(R.aa.max)})`);
if (aaSpread > 0.01) {
  out.push(`  note: the per-round A/A ratios spread ${fix(aaSpread * 100, 1)}% (other load on the machine); budgets of 2-3% need the robust figure, or a quiet machine.`);
}
const seconds = (performance.now() - started) / 1000;
out.push(`total bench time ${fix(seconds, 0)} s; load average at end ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(out.join('\n'));

const results = {
  date: new Date().toISOString(),
  env: { ...env, loadavgEnd: os.loadavg(), seconds },
  packages: PACKAGES.map((p) => `${p.name}@${p.version}`),
  corpus: { files: main.files.length, lines: lines(main.files), dropped: main.dropped },
  capmonsterCorpus: {
    files: heavy.files.length,
    lines: lines(heavy.files),
    sources: cm.sources.map((s) => s.name),
    dropped: heavy.dropped,
  },
  pluginRules,
  nonCapMonster: { aaEvery: AA_EVERY, timesMs: main.times, robustMs: main.robust, messages: main.messages, ratios: R, stats: statsMain },
  capmonsterHeavy: { aaEvery: AA_EVERY, timesMs: heavy.times, robustMs: heavy.robust, messages: heavy.messages, ratios: H, pluginCostOverRecommended: heavyCost, stats: statsHeavy, ruleCosts, noUnusedVars, pollSizing },
  scaling,
  budgets,
};
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
log(`bench: wrote ${OUT}`);
if (FAIL && budgets.some((b) => !b.pass)) process.exitCode = 1;
