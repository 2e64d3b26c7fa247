// The suites of the robustness battery, shared by the full run (run.mjs, the built plugin) and the
// bounded part inside `npm test` (robust.test.ts, the source). Every suite takes the plugin object and
// returns stats (see core.mjs): inputs tried, reports, fixes, failures.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { createChecker, filenameOf, makeConfig, mergeStats, newStats, parse, ruleInfo, ruleOfError } from './core.mjs';
import { isCaptchaClient, kindOf } from './corpus.mjs';
import { generateProgram, mix, mulberry32 } from './generator.mjs';
import { INVALID_SETTINGS, invalidOptionCases, oddValidOptionCases, strictRules, VALID_SETTINGS } from './options.mjs';
import { pathologicalInputs } from './pathological.mjs';
import { checkRegexes, collectRegexes } from './regex.mjs';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');

/** The three fixed seeds of the domain generator. */
export const SEEDS = [20240611, 7, 1_000_003];

export { createChecker, formatFailure, mergeStats, newStats, ruleInfo } from './core.mjs';
export { CAPTCHA_CLIENT_PACKAGES, loadRobustCorpus } from './corpus.mjs';
export { generateProgram } from './generator.mjs';

/** The config variants every suite runs: the `all` preset, and every rule with strict options. */
export function variantsOf(plugin) {
  return [
    { name: 'all', rules: { ...plugin.configs.all.rules } },
    { name: 'strict', rules: strictRules(plugin) },
  ];
}

/**
 * A probe plugin that reports what the analysis layer found (requests by method), so the battery can
 * show the generator reaches the layer even while rules are stubs. `getCapMonster` comes from the same
 * build of the layer as the plugin.
 */
export function probePlugin(getCapMonster) {
  return {
    rules: {
      requests: {
        meta: { type: 'problem', messages: { request: '{{what}}' }, schema: [] },
        create(context) {
          const file = getCapMonster(context);
          if (!file.isCapMonster) return {};
          return {
            'Program:exit'(node) {
              for (const r of file.requests) context.report({ node, messageId: 'request', data: { what: `${r.via}:${r.method}${r.polls ? ':polls' : ''}` } });
            },
          };
        },
      },
    },
  };
}

function checker(plugin, probe) {
  return createChecker(plugin, { variants: variantsOf(plugin), probe });
}

/** Suite 1: the domain generator, `count` programs from `start` for one seed. */
export function runDomain(plugin, { seed, start = 0, count, probe, onInput }) {
  const stats = newStats(plugin);
  const { check } = checker(plugin, probe);
  for (let i = start; i < start + count; i++) {
    const program = generateProgram(seed, i);
    onInput?.(program.label);
    const outcome = check(program, stats);
    if (outcome === 'unparseable') {
      let why = '';
      try {
        parse(program.code, program.lang, program.sourceType);
      } catch (error) {
        why = error.message;
      }
      stats.failures.push({ label: program.label, lang: program.lang, sourceType: program.sourceType, variant: '-', invariant: 'generated program parses', detail: `generator bug: ${why}`, code: program.code });
    }
  }
  return stats;
}

/** Runs `fn` with Math.random replaced by a seeded PRNG (eslump draws from Math.random). */
function withSeededRandom(seed, fn) {
  const saved = Math.random;
  Math.random = mulberry32(seed);
  try {
    return fn();
  } finally {
    Math.random = saved;
  }
}

const SIGNAL_TAIL = "\n;fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId: 1 }) });\n";
const POOL = ['fetch', 'axios', 'got', 'request', 'setInterval', 'setTimeout', 'clearInterval', 'sleep', 'getTaskResult', 'createTask', 'solve', 'clientKey', 'taskId', 'errorId', 'errorCode', 'Solve', 'then', 'require', 'post'];

/** Replaces some identifier tokens of a program with names the analysis cares about. */
function mutateIdentifiers(code, sourceType, rng) {
  let tokens;
  try {
    tokens = require('espree').tokenize(code, { ecmaVersion: 'latest', sourceType, range: true });
  } catch {
    return undefined;
  }
  let out = '';
  let last = 0;
  for (const t of tokens) {
    if (t.type !== 'Identifier' || rng() > 0.35) continue;
    out += code.slice(last, t.range[0]) + POOL[Math.floor(rng() * POOL.length)];
    last = t.range[1];
  }
  return out + code.slice(last);
}

/**
 * Suite 2: eslump random programs (script and module), each run as generated plus a CapMonster call
 * (so the analysis does its full work on odd syntax), and with identifiers swapped for domain names.
 */
export function runEslump(plugin, { seed, start = 0, count, maxDepth = 7, onInput }) {
  const { generateRandomJS } = require('eslump');
  const stats = newStats(plugin);
  const { check } = checker(plugin);
  for (let i = start; i < start + count; i++) {
    const sourceType = i % 2 === 0 ? 'module' : 'script';
    // eslump often writes early errors (duplicate bindings, argument clashes) that no parser accepts:
    // draw again (deterministically) until the program parses, so every index counts.
    let code;
    let s = mix(seed, i);
    for (let attempt = 0; attempt < 40 && code === undefined; attempt++, s = mix(s, attempt)) {
      try {
        const candidate = withSeededRandom(s, () => generateRandomJS({ sourceType, maxDepth, comments: false }));
        parse(candidate, 'js', sourceType);
        code = candidate;
      } catch {
        // try the next draw
      }
    }
    if (code === undefined) {
      stats.notes.push(`eslump: no parseable program for index ${i} in 40 draws`);
      continue;
    }
    const rng = mulberry32(s ^ 0x5bd1e995);
    const label = `eslump seed=${seed} index=${i} ${sourceType}`;
    onInput?.(label);
    const variants = [code + SIGNAL_TAIL];
    const mutated = mutateIdentifiers(code, sourceType, rng);
    if (mutated) variants.push(mutated + SIGNAL_TAIL);
    // The same program through the TypeScript parser, when it takes it (module code only).
    for (const [k, c] of variants.entries()) {
      check({ code: c, lang: 'js', sourceType, label: `${label}${k ? ' mutated' : ''}` }, stats);
    }
    if (sourceType === 'module' && i % 4 === 0) check({ code: variants[variants.length - 1], lang: 'ts', sourceType: 'module', label: `${label} (ts parser)` }, stats);
  }
  return stats;
}

/**
 * Suite 3: real code. Every file under every variant; besides the invariants, files of packages that
 * are not captcha clients must get no report at all.
 */
export function runCorpus(plugin, { files, start = 0, count = files.length, onInput }) {
  const stats = newStats(plugin);
  const { check } = checker(plugin);
  for (const f of files.slice(start, start + count)) {
    onInput?.(`corpus ${f.pkg} ${f.file}`);
    const { lang, sourceTypes } = kindOf(f.file);
    let sourceType = sourceTypes[0];
    if (sourceTypes.length > 1) {
      sourceType = sourceTypes.find((st) => {
        try {
          parse(f.code, lang, st);
          return true;
        } catch {
          return false;
        }
      });
      if (!sourceType) {
        stats.skipped++;
        continue;
      }
    }
    const before = stats.failures.length;
    const reportsBefore = stats.reports;
    check({ code: f.code, lang, sourceType, label: `corpus ${f.pkg} ${f.file}`, expectNoReports: !isCaptchaClient(f.pkg) }, stats);
    stats.perPackage ??= {};
    const pkg = (stats.perPackage[f.pkg] ??= { files: 0, reports: 0 });
    pkg.files++;
    pkg.reports += stats.reports - reportsBefore;
    for (const failure of stats.failures.slice(before)) {
      if (failure.code && failure.code.length > 4000) failure.code = `${failure.code.slice(0, 4000)}\n… (truncated; see ${f.file})`;
    }
  }
  return stats;
}

/** The regression inputs: one file per crash or failure found on the way (tests/robust/regressions/). */
export function regressionInputs() {
  const dir = join(HERE, 'regressions');
  let names;
  try {
    names = readdirSync(dir).filter((n) => /\.(?:m?js|cjs|ts)$/u.test(n)).sort();
  } catch {
    return [];
  }
  return names.map((name) => {
    const code = readFileSync(join(dir, name), 'utf8');
    const lang = name.endsWith('.ts') ? 'ts' : 'js';
    const sourceType = name.endsWith('.cjs') ? 'commonjs' : /^\/\/ sourceType: script/mu.test(code) ? 'script' : 'module';
    return { code, lang, sourceType, label: `regression ${name}` };
  });
}

export function runRegressions(plugin) {
  const stats = newStats(plugin);
  const { check } = checker(plugin);
  for (const input of regressionInputs()) {
    if (check(input, stats) === 'unparseable') stats.failures.push({ ...input, variant: '-', invariant: 'regression input parses', detail: 'the regression input does not parse' });
  }
  return stats;
}

function timeLint(linter, code, config, filename) {
  const t0 = performance.now();
  let error;
  let messages;
  try {
    messages = linter.verify(code, config, { filename });
  } catch (e) {
    error = e;
  }
  return { ms: performance.now() - t0, error, fatal: messages?.find((m) => m.fatal)?.message, messages };
}

/**
 * Suite 4: pathological inputs. A no-rule control run decides whether an input counts (ESLint itself
 * must handle it); then each rule runs alone, under each variant's options, and must not throw and
 * must take at most `limitMs` more than the control.
 */
export function runPathological(plugin, { limitMs = 1000, only, onInput } = {}) {
  const { Linter } = require('eslint');
  const linter = new Linter({ configType: 'flat' });
  const stats = newStats(plugin);
  stats.timings = [];
  const variants = variantsOf(plugin);
  for (const input of pathologicalInputs()) {
    if (only && !only.some((o) => input.name === o || input.name.includes(o))) continue;
    onInput?.(`pathological "${input.name}"`);
    const code = input.build();
    const filename = filenameOf(input.lang, input.sourceType);
    const control = timeLint(linter, code, makeConfig(plugin, { lang: input.lang, sourceType: input.sourceType, rules: {} }), filename);
    if (control.error || control.fatal) {
      stats.skipped++;
      stats.notes.push(`${input.name}: ESLint alone does not handle it (${String(control.error?.message ?? control.fatal).split('\n')[0]}), not counted`);
      continue;
    }
    // A second control run: the first one warms up the parser.
    const control2 = timeLint(linter, code, makeConfig(plugin, { lang: input.lang, sourceType: input.sourceType, rules: {} }), filename);
    const base = Math.min(control.ms, control2.ms);
    stats.inputs++;
    const row = { input: input.name, bytes: code.length, controlMs: Math.round(base), rules: {} };
    for (const r of ruleInfo(plugin)) {
      let worst = 0;
      // A rule without options runs the same under every variant: once is enough.
      const own = variants.filter((v, k) => k === 0 || JSON.stringify(v.rules[r.id]) !== JSON.stringify(variants[0].rules[r.id]));
      for (const v of own) {
        const setting = v.rules[r.id] ?? 'error';
        onInput?.(`pathological "${input.name}" ${r.id} (${v.name})`);
        const res = timeLint(linter, code, makeConfig(plugin, { lang: input.lang, sourceType: input.sourceType, rules: { [r.id]: setting } }), filename);
        stats.lints++;
        if (res.error) {
          stats.failures.push({ label: `pathological "${input.name}"`, lang: input.lang, sourceType: input.sourceType, variant: v.name, invariant: 'no exception', rule: ruleOfError(res.error) ?? r.id, detail: String(res.error.stack ?? res.error).split('\n').slice(0, 12).join('\n') });
          continue;
        }
        let extra = res.ms - base;
        if (extra > limitMs && extra < 3 * limitMs) {
          // Timing on a shared machine is noisy: confirm with a second run before failing.
          const again = timeLint(linter, code, makeConfig(plugin, { lang: input.lang, sourceType: input.sourceType, rules: { [r.id]: setting } }), filename);
          extra = Math.min(extra, again.ms - base);
        }
        worst = Math.max(worst, extra);
        const reports = res.messages.filter((m) => m.ruleId === r.id);
        stats.reports += reports.length;
        stats.perRule[r.id].reports += reports.length;
        if (extra > limitMs) {
          stats.failures.push({ label: `pathological "${input.name}"`, lang: input.lang, sourceType: input.sourceType, variant: v.name, invariant: `each rule within ${limitMs} ms`, rule: r.id, detail: `${r.id} alone took ${Math.round(extra)} ms more than ESLint with no rules (${Math.round(base)} ms)` });
        }
      }
      row.rules[r.name] = Math.round(worst);
    }
    stats.timings.push(row);
  }
  return stats;
}

/**
 * Suite 5: bad configuration. Every invalid option (derived from each rule's schema) must be rejected
 * by ESLint's config validation, naming the rule; every invalid `settings.capmonster` must fail with the
 * plugin's own message; odd-but-valid options and valid settings must lint without a crash.
 */
export function runBadConfig(plugin, { sampleCount = 40 } = {}) {
  const { Linter } = require('eslint');
  const linter = new Linter({ configType: 'flat' });
  const stats = newStats(plugin);
  stats.cases = [];
  const samples = [];
  for (let i = 0; samples.length < sampleCount; i++) samples.push(generateProgram(SEEDS[0], 100_000 + i));
  const fail = (label, invariant, detail, rule) => stats.failures.push({ label, lang: 'js', sourceType: 'module', variant: '-', invariant, rule, detail });

  for (const r of ruleInfo(plugin)) {
    for (const c of invalidOptionCases(r.rule)) {
      stats.inputs++;
      const config = makeConfig(plugin, { lang: 'js', sourceType: 'module', rules: { [r.id]: ['error', ...c.options] } });
      let error;
      try {
        linter.verify('fetch("https://api.capmonster.cloud/getTaskResult", { body: JSON.stringify({ clientKey: "k", taskId: 1 }) });', config, { filename: 'input.mjs' });
      } catch (e) {
        error = e;
      }
      const message = String(error?.message ?? '');
      stats.cases.push({ rule: r.name, label: c.label, options: c.options, message: message.split('\n').slice(0, 3).join(' ') });
      const label = `bad option ${r.id} ${JSON.stringify(c.options)} (${c.label})`;
      if (!error) fail(label, 'invalid option rejected by the schema', 'ESLint accepted the option: the schema lets it through', r.id);
      else if (!message.includes(`"${r.id}"`) || !/^Key "rules"/u.test(message)) {
        fail(label, 'invalid option rejected by the schema', `not a config validation error naming the rule:\n${String(error.stack ?? error).split('\n').slice(0, 10).join('\n')}`, r.id);
      }
    }
    for (const c of oddValidOptionCases(r.rule)) {
      const config = makeConfig(plugin, { lang: 'js', sourceType: 'module', rules: { [r.id]: ['error', ...c.options] } });
      for (const p of samples.filter((s) => s.lang === 'js').slice(0, 10)) {
        stats.inputs++;
        try {
          linter.verify(p.code, makeConfig(plugin, { lang: 'js', sourceType: p.sourceType, rules: config[0].rules }), { filename: filenameOf('js', p.sourceType) });
        } catch (e) {
          const text = String(e.message);
          if (/^Key "rules"/u.test(text)) {
            stats.notes.push(`${r.id}: ${c.label} is rejected (${text.split('\n')[1]?.trim()})`);
            break;
          }
          fail(`odd but valid option ${r.id} ${JSON.stringify(c.options)} on ${p.label}`, 'no exception', String(e.stack ?? e).split('\n').slice(0, 10).join('\n'), ruleOfError(e) ?? r.id);
          break;
        }
      }
    }
  }

  const all = plugin.configs.all.rules;
  for (const s of INVALID_SETTINGS) {
    stats.inputs++;
    let error;
    try {
      linter.verify(samples[0].code, makeConfig(plugin, { lang: samples[0].lang, sourceType: samples[0].sourceType, rules: all, settings: { capmonster: s.value } }), { filename: filenameOf(samples[0].lang, samples[0].sourceType) });
    } catch (e) {
      error = e;
    }
    const message = String(error?.message ?? '');
    stats.cases.push({ rule: 'settings.capmonster', label: s.label, options: s.value, message: message.split('\n')[0] });
    if (!error) fail(`settings.capmonster = ${JSON.stringify(s.value)} (${s.label})`, 'invalid settings rejected', 'no error: the invalid settings were accepted');
    else if (!message.includes('invalid settings.capmonster')) fail(`settings.capmonster = ${JSON.stringify(s.value)} (${s.label})`, 'invalid settings rejected', `not the plugin's settings message:\n${String(error.stack ?? error).split('\n').slice(0, 10).join('\n')}`, ruleOfError(error));
  }
  for (const s of VALID_SETTINGS) {
    for (const p of samples.slice(0, 10)) {
      stats.inputs++;
      try {
        linter.verify(p.code, makeConfig(plugin, { lang: p.lang, sourceType: p.sourceType, rules: all, settings: { capmonster: s.value } }), { filename: filenameOf(p.lang, p.sourceType) });
      } catch (e) {
        fail(`valid settings.capmonster ${s.label} on ${p.label}`, 'no exception', String(e.stack ?? e).split('\n').slice(0, 10).join('\n'), ruleOfError(e));
      }
    }
  }
  return stats;
}

/** Suite 6: every regular expression in src/ on 100 KB adversarial strings. */
export function runRegexSafety({ limitMs = 250, pairs = true } = {}) {
  const { regexes, dynamic } = collectRegexes(join(ROOT, 'src'), ROOT);
  const result = checkRegexes(regexes, { limitMs, pairs });
  return { ...result, dynamic };
}

/**
 * Coverage of the domain suite: per rule, reports, fixes and suggestions. Returns the problems: a rule
 * with real messages (not a `todo` stub) that the generator never gets reported, a fixable rule never
 * fixed, a rule with suggestions never suggesting. Message ids never reached are warnings.
 */
export function coverageProblems(plugin, stats) {
  const problems = [];
  const warnings = [];
  for (const r of ruleInfo(plugin)) {
    const c = stats.perRule[r.id] ?? { reports: 0, fixes: 0, suggestions: 0, messageIds: {} };
    if (r.stub) {
      warnings.push(`${r.id} is still a stub (only message id "todo"): coverage not required yet`);
      continue;
    }
    if (c.reports === 0) problems.push(`${r.id} has messages but the domain generator never gets a report from it`);
    if (r.fixable && c.fixes === 0) problems.push(`${r.id} is fixable but no generated program gets a fix from it`);
    if (r.hasSuggestions && c.suggestions === 0) problems.push(`${r.id} has suggestions but no generated program gets one from it`);
    for (const id of r.messageIds) if (!c.messageIds[id]) warnings.push(`${r.id}: message id "${id}" never reported by the domain generator`);
  }
  return { problems, warnings };
}

/** Table lines for per-rule counts. */
export function perRuleTable(plugin, stats) {
  const lines = [];
  const width = Math.max(...ruleInfo(plugin).map((r) => r.id.length));
  for (const r of ruleInfo(plugin)) {
    const c = stats.perRule[r.id] ?? { reports: 0, fixes: 0, suggestions: 0, messageIds: {} };
    const ids = Object.entries(c.messageIds).map(([k, v]) => `${k}=${v}`).join(' ');
    lines.push(`  ${r.id.padEnd(width)}  reports ${String(c.reports).padStart(7)}  fixes ${String(c.fixes).padStart(6)}  suggestions ${String(c.suggestions).padStart(6)}${r.stub ? '  (stub)' : ''}  ${ids}`);
  }
  return lines;
}

export { mergeStats as merge };
