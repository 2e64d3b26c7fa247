// The full robustness battery: `npm run test:robust` (builds, then runs this on dist/index.js).
//
//   node tests/robust/run.mjs                      full size (what `npm run test:robust` runs)
//   node tests/robust/run.mjs --quick              a few hundred inputs per suite
//   node tests/robust/run.mjs --suites domain,regex
//   node tests/robust/run.mjs --jobs 1             worker threads (default: 2, or fewer cores)
//   node tests/robust/run.mjs --repro domain:7:123 print one generated program, its reports and failures
//   node tests/robust/run.mjs --repro eslump:11:40
//   node tests/robust/run.mjs --plugin path/to/index.js   lint with another build of the plugin
//   node tests/robust/run.mjs --task-timeout 120   stop a chunk that runs longer (default 600 s)
//
// Suites: domain (seeded generator, 3 seeds × 5,000), eslump (2,000 random programs), corpus (real
// npm code, ≥ 2,000 files), pathological, config (bad options and settings), regex, regressions.
// Exits non-zero on any failure; prints per suite inputs, reports, fixes applied and failures.

import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

import { pathologicalInputs } from './pathological.mjs';
import {
  CAPTCHA_CLIENT_PACKAGES,
  coverageProblems,
  formatFailure,
  generateProgram,
  loadRobustCorpus,
  mergeStats,
  newStats,
  perRuleTable,
  probePlugin,
  ROOT,
  runBadConfig,
  runCorpus,
  runDomain,
  runEslump,
  runPathological,
  runRegexSafety,
  runRegressions,
  SEEDS,
  variantsOf,
} from './suites.mjs';

const require = createRequire(import.meta.url);
const SELF = fileURLToPath(import.meta.url);

function loadPlugin(path) {
  const plugin = require(path);
  let probe;
  try {
    probe = probePlugin(require(join(path, '..', 'capmonster', 'index.js')).getCapMonster);
  } catch {
    probe = undefined;
  }
  return { plugin: plugin.default ?? plugin, probe };
}

// ------------------------------------------------------------------ worker side
if (!isMainThread) {
  const { plugin, probe } = loadPlugin(workerData.pluginPath);
  let corpus;
  parentPort.on('message', async (task) => {
    // Tells the main thread which input is running, so a hang can be pinned on it.
    const onInput = (label) => parentPort.postMessage({ id: task.id, progress: label });
    try {
      let stats;
      if (task.suite === 'domain') stats = runDomain(plugin, { seed: task.seed, start: task.start, count: task.count, probe, onInput });
      else if (task.suite === 'eslump') stats = runEslump(plugin, { seed: task.seed, start: task.start, count: task.count, onInput });
      else if (task.suite === 'corpus') {
        corpus ??= (await loadRobustCorpus({ download: false })).files;
        stats = runCorpus(plugin, { files: corpus, start: task.start, count: task.count, onInput });
      } else if (task.suite === 'pathological') {
        stats = runPathological(plugin, { limitMs: task.limitMs, only: [task.name], onInput });
      } else throw new Error(`unknown task ${task.suite}`);
      parentPort.postMessage({ id: task.id, stats });
    } catch (error) {
      parentPort.postMessage({ id: task.id, error: String(error?.stack ?? error) });
    }
  });
} else {
  await main();
}

// ------------------------------------------------------------------ main side
function parseArgs(argv) {
  const args = { quick: false, suites: undefined, jobs: Math.max(1, Math.min(2, availableParallelism())), repro: undefined, plugin: join(ROOT, 'dist', 'index.js'), show: 8 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') args.quick = true;
    else if (a === '--suites') args.suites = argv[++i].split(',');
    else if (a === '--jobs') args.jobs = Number(argv[++i]);
    else if (a === '--repro') args.repro = argv[++i];
    else if (a === '--plugin') args.plugin = resolve(argv[++i]);
    else if (a === '--show') args.show = Number(argv[++i]);
    else if (a === '--task-timeout') args.taskTimeoutMs = Number(argv[++i]) * 1000;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

/**
 * A pool of worker threads; tasks are plain data (postMessage clones them), callbacks stay here. A task
 * that runs longer than its `timeoutMs` is stopped (its worker replaced) and reported as a failure of
 * the input it was on: an endless loop in a rule must not hang the battery.
 */
function makePool(jobs, pluginPath, plugin, taskTimeoutMs = 600_000) {
  const idle = [];
  const all = new Set();
  const queue = [];
  const callbacks = new Map();
  let next = 0;
  const spawn = () => {
    const w = new Worker(SELF, { workerData: { pluginPath }, resourceLimits: { maxOldGenerationSizeMb: 3072 } });
    w.state = { task: undefined, label: undefined, timer: undefined };
    w.on('message', (msg) => {
      if (msg.progress !== undefined) {
        w.state.label = msg.progress;
        return;
      }
      finish(w, msg.error ? { error: new Error(msg.error) } : { stats: msg.stats });
    });
    w.on('error', (error) => finish(w, { error }));
    all.add(w);
    return w;
  };
  const finish = (w, outcome) => {
    const task = w.state.task;
    if (!task) return;
    clearTimeout(w.state.timer);
    w.state.task = undefined;
    const cb = callbacks.get(task.id);
    callbacks.delete(task.id);
    if (outcome.error) cb.reject(outcome.error);
    else cb.resolve(outcome.stats);
    if (outcome.replace) {
      all.delete(w);
      w.terminate();
      idle.push(spawn());
    } else idle.push(w);
    dispatch();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const w = idle.pop();
      const task = queue.shift();
      w.state.task = task;
      w.state.label = undefined;
      w.state.timer = setTimeout(() => {
        const stats = newStats(plugin);
        stats.failures.push({
          label: w.state.label ?? `${task.suite} task`,
          lang: '-',
          sourceType: '-',
          variant: '-',
          invariant: 'finishes in time',
          detail: `still running after ${task.timeoutMs / 1000} s (an endless loop, or far too slow); the worker was stopped and the rest of its chunk (${JSON.stringify({ ...task, id: undefined })}) was not run`,
        });
        finish(w, { stats, replace: true });
      }, task.timeoutMs);
      w.postMessage(task);
    }
  };
  for (let i = 0; i < jobs; i++) idle.push(spawn());
  return {
    run(task) {
      return new Promise((resolveTask, reject) => {
        const id = next++;
        callbacks.set(id, { resolve: resolveTask, reject });
        queue.push({ timeoutMs: taskTimeoutMs, ...task, id });
        dispatch();
      });
    },
    close() {
      return Promise.all([...all].map((w) => w.terminate()));
    },
  };
}

function fmt(n) {
  return Number(n).toLocaleString('en-US');
}

function suiteLine(name, stats, ms) {
  return `${name.padEnd(13)} inputs ${fmt(stats.inputs).padStart(7)}  skipped ${fmt(stats.skipped).padStart(5)}  reports ${fmt(stats.reports).padStart(8)}  fixes ${fmt(stats.fixes).padStart(6)} (files fixed ${fmt(stats.fixesApplied)})  suggestions ${fmt(stats.suggestions).padStart(6)}  failures ${fmt(stats.failures.length).padStart(4)}  ${(ms / 1000).toFixed(1)} s`;
}

async function runChunks(p, tasks, label) {
  const total = newStats({ rules: {} });
  let done = 0;
  const results = await Promise.all(
    tasks.map((t) =>
      p.run(t).then((stats) => {
        done++;
        if (process.stderr.isTTY) process.stderr.write(`\r${label}: ${done}/${tasks.length} chunks`);
        return stats;
      }),
    ),
  );
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  for (const s of results) mergeStats(total, s);
  return total;
}

function chunks(suite, total, size, extra) {
  const out = [];
  for (let start = 0; start < total; start += size) out.push({ suite, start, count: Math.min(size, total - start), ...extra });
  return out;
}

async function repro(spec, plugin, probe) {
  const [suite, seed, index] = spec.split(':');
  const { createChecker } = await import('./core.mjs');
  const checker = createChecker(plugin, { variants: variantsOf(plugin), probe });
  let stats;
  if (suite === 'domain') {
    const program = generateProgram(Number(seed), Number(index));
    console.log(`// ${program.label} ${program.lang}/${program.sourceType}\n// features: ${program.features.join(' ')}\n${program.code}\n`);
    for (const v of variantsOf(plugin)) {
      try {
        for (const m of checker.lint(program, v.name)) console.log(`[${v.name}] ${m.line}:${m.column} ${m.ruleId} ${m.messageId ?? ''} ${m.message}${m.fix ? ' (fix)' : ''}${m.suggestions ? ` (${m.suggestions.length} suggestions)` : ''}`);
      } catch (error) {
        console.log(`[${v.name}] throws: ${error.message}`);
      }
    }
    stats = runDomain(plugin, { seed: Number(seed), start: Number(index), count: 1, probe });
  } else if (suite === 'eslump') {
    stats = runEslump(plugin, { seed: Number(seed), start: Number(index), count: 1 });
  } else {
    throw new Error('--repro domain:SEED:INDEX or eslump:SEED:INDEX');
  }
  for (const f of stats.failures) console.log(`\n${formatFailure(f, { withCode: suite !== 'domain' })}`);
  console.log(`\n${stats.failures.length} failure(s)`);
  process.exitCode = stats.failures.length > 0 ? 1 : 0;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  let loaded;
  try {
    loaded = loadPlugin(args.plugin);
  } catch (error) {
    console.error(`cannot load the plugin from ${args.plugin} (run \`npm run build\` first): ${error.message}`);
    process.exit(2);
  }
  const { plugin, probe } = loaded;
  if (args.repro) return repro(args.repro, plugin, probe);

  const sizes = args.quick
    ? { domain: 150, eslump: 150, corpus: 300, corpusChunk: 50, domainChunk: 50, eslumpChunk: 50 }
    : { domain: 5000, eslump: 2000, corpus: Infinity, corpusChunk: 60, domainChunk: 250, eslumpChunk: 100 };
  const want = (s) => !args.suites || args.suites.includes(s);
  const started = performance.now();
  const results = [];
  const domainTotal = newStats(plugin);
  console.log(`eslint-plugin-capmonster robustness battery (${args.quick ? 'quick' : 'full'} size, ${args.jobs} worker(s), plugin ${args.plugin})`);
  console.log(`rules: ${Object.keys(plugin.rules).join(', ')}`);
  console.log(`variants: ${variantsOf(plugin).map((v) => `${v.name} = ${JSON.stringify(v.rules)}`).join('\n          ')}\n`);

  let corpus;
  if (want('corpus')) {
    const loadedCorpus = await loadRobustCorpus({ download: true });
    if (!loadedCorpus.files) {
      results.push({ name: 'corpus', stats: { ...newStats(plugin), failures: [{ label: 'corpus', lang: '-', sourceType: '-', variant: '-', invariant: 'corpus available', detail: loadedCorpus.reason }] }, ms: 0 });
    } else corpus = loadedCorpus;
  }

  const p = makePool(args.jobs, args.plugin, plugin, args.taskTimeoutMs);
  try {
    if (want('domain')) {
      const t0 = performance.now();
      const tasks = SEEDS.flatMap((seed) => chunks('domain', sizes.domain, sizes.domainChunk, { seed }));
      const stats = mergeStats(newStats(plugin), await runChunks(p, tasks, 'domain'));
      mergeStats(domainTotal, stats);
      results.push({ name: 'domain', stats, ms: performance.now() - t0 });
      console.log(suiteLine('domain', stats, performance.now() - t0));
    }
    if (want('eslump')) {
      const t0 = performance.now();
      const stats = mergeStats(newStats(plugin), await runChunks(p, chunks('eslump', sizes.eslump, sizes.eslumpChunk, { seed: 11 }), 'eslump'));
      results.push({ name: 'eslump', stats, ms: performance.now() - t0 });
      console.log(suiteLine('eslump', stats, performance.now() - t0));
    }
    if (corpus) {
      const t0 = performance.now();
      const n = Math.min(sizes.corpus, corpus.files.length);
      const stats = mergeStats(newStats(plugin), await runChunks(p, chunks('corpus', n, sizes.corpusChunk, {}), 'corpus'));
      if (!args.quick && corpus.files.length < 2000) stats.failures.push({ label: 'corpus', lang: '-', sourceType: '-', variant: '-', invariant: 'corpus of at least 2,000 files', detail: `only ${corpus.files.length} files` });
      results.push({ name: 'corpus', stats, ms: performance.now() - t0 });
      console.log(suiteLine('corpus', stats, performance.now() - t0));
      console.log(`  packages (files, reports): ${Object.entries(stats.perPackage ?? {}).map(([k, v]) => `${k} (${v.files}, ${v.reports})`).join(', ')}`);
      console.log(`  captcha clients (exempt from the no-report check): ${CAPTCHA_CLIENT_PACKAGES.join(', ')}`);
    }
    if (want('pathological')) {
      // Last, when the other workers are done, so timings are not taken on a busy machine; one at a time.
      const t0 = performance.now();
      const tasks = pathologicalInputs().map((input) => ({ suite: 'pathological', name: input.name, limitMs: 1000, timeoutMs: 300_000 }));
      const stats = newStats(plugin);
      stats.timings = [];
      for (const task of tasks) {
        const s = await p.run(task);
        mergeStats(stats, s);
        stats.timings.push(...(s.timings ?? []));
      }
      results.push({ name: 'pathological', stats, ms: performance.now() - t0 });
      console.log(suiteLine('pathological', stats, performance.now() - t0));
      const names = Object.keys(plugin.rules);
      for (const row of stats.timings) {
        const slowest = names.reduce((a, n) => ((row.rules[n] ?? 0) > (row.rules[a] ?? 0) ? n : a), names[0]);
        console.log(`  ${row.input.padEnd(52)} ${fmt(row.bytes).padStart(10)} B  control ${String(row.controlMs).padStart(5)} ms  slowest rule +${row.rules[slowest] ?? 0} ms (${slowest})`);
      }
      for (const note of stats.notes) console.log(`  note: ${note}`);
    }
  } finally {
    await p.close();
  }

  if (want('regressions')) {
    const t0 = performance.now();
    const stats = runRegressions(plugin);
    results.push({ name: 'regressions', stats, ms: performance.now() - t0 });
    console.log(suiteLine('regressions', stats, performance.now() - t0));
  }
  if (want('config')) {
    const t0 = performance.now();
    const stats = runBadConfig(plugin);
    results.push({ name: 'config', stats, ms: performance.now() - t0 });
    console.log(suiteLine('config', stats, performance.now() - t0));
    for (const c of stats.cases.slice(0, 200)) console.log(`  ${c.rule}: ${c.label} -> ${c.message || '(accepted)'}`);
    for (const note of stats.notes) console.log(`  note: ${note}`);
  }
  if (want('regex')) {
    const t0 = performance.now();
    const r = runRegexSafety({ limitMs: 250 });
    const stats = newStats(plugin);
    stats.inputs = r.strings;
    for (const f of r.failures) stats.failures.push({ label: `regex ${r.where ?? f.where} /${f.source}/`, lang: '-', sourceType: '-', variant: '-', invariant: 'regex runs in well under a second on 100 KB', detail: `${f.ms.toFixed(0)} ms on ${f.sample}` });
    results.push({ name: 'regex', stats, ms: performance.now() - t0 });
    console.log(suiteLine('regex', stats, performance.now() - t0));
    console.log(`  ${r.tried} regular expressions in src/, ${fmt(r.strings)} runs on 100 KB strings; slowest: ${r.slowest.slice(0, 3).map((s) => `${s.where} ${s.ms.toFixed(1)} ms`).join(', ')}`);
    if (r.dynamic.length > 0) console.log(`  note: RegExp built from non-literal text (not checked): ${r.dynamic.join(', ')}`);
  }

  // Coverage of the rules by the domain generator.
  let coverage = { problems: [], warnings: [] };
  if (want('domain')) {
    console.log('\nper-rule coverage (domain generator, both variants):');
    for (const line of perRuleTable(plugin, domainTotal)) console.log(line);
    console.log(`analysis layer requests found: ${Object.entries(domainTotal.layer).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}=${fmt(v)}`).join(' ')}`);
    coverage = coverageProblems(plugin, domainTotal);
    for (const w of coverage.warnings) console.log(`  warning: ${w}`);
    if (!args.quick) for (const pr of coverage.problems) console.log(`  COVERAGE FAILURE: ${pr}`);
    else for (const pr of coverage.problems) console.log(`  coverage (not enforced in --quick): ${pr}`);
  }

  const failures = results.flatMap((r) => r.stats.failures.map((f) => ({ suite: r.name, ...f })));
  const total = (performance.now() - started) / 1000;
  console.log(`\nsummary (${total.toFixed(0)} s):`);
  for (const r of results) console.log(`  ${suiteLine(r.name, r.stats, r.ms)}`);
  const coverageFailed = !args.quick && coverage.problems.length > 0;
  if (failures.length > 0) {
    const file = join(tmpdir(), `capmonster-robust-failures-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(failures, null, 2));
    // One example per (suite, invariant, rule): the rest are in the file.
    const seen = new Set();
    let shown = 0;
    console.log(`\n${failures.length} failure(s); all of them in ${file}`);
    for (const f of failures) {
      const key = `${f.suite}|${f.invariant}|${f.rule}|${f.detail.split('\n')[0].slice(0, 80)}`;
      if (seen.has(key) || shown >= args.show) continue;
      seen.add(key);
      shown++;
      console.log(`\n--- ${f.suite} ---\n${formatFailure(f, { maxCode: 2500 })}`);
      if (f.suite === 'domain' || f.suite === 'eslump') {
        const m = /seed=(\d+) index=(\d+)/u.exec(f.label);
        if (m) console.log(`reproduce: node tests/robust/run.mjs --repro ${f.suite}:${m[1]}:${m[2]}`);
      }
    }
  }
  if (failures.length > 0 || coverageFailed) {
    console.log(`\nFAILED: ${failures.length} failure(s)${coverageFailed ? `, ${coverage.problems.length} coverage problem(s)` : ''}`);
    process.exitCode = 1;
  } else {
    console.log('\nOK: no failures');
  }
}
