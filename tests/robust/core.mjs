// The invariant checker shared by the full battery (run.mjs) and its bounded part (robust.test.ts).
//
// Every input runs through ESLint's `Linter` (flat config) with every rule of the plugin, once per
// config variant (`all`: the preset as shipped; `strict`: every rule with strict options), and four
// invariants are checked:
//   1. no exception (a rule that throws takes the whole ESLint run down);
//   2. every fix output parses: each fix alone, each suggestion alone, and the fixed file;
//   3. a second fix pass changes nothing;
//   4. the reports do not change when a comment and a blank line are prepended (lines shift by 2).
// The plugin object is passed in, so the node script can use the built plugin and vitest the source.

import { createRequire } from 'node:module';

import { Linter } from 'eslint';

const require = createRequire(import.meta.url);
const espree = require('espree');
const tsParser = require('@typescript-eslint/parser');

export const PREFIX = '// robustness check: a prepended comment\n\n';
export const PREFIX_LINES = 2;

const FILENAMES = { js: { module: 'input.mjs', script: 'input.js', commonjs: 'input.cjs' }, ts: 'input.ts' };

/** The file name an input is linted as. */
export function filenameOf(lang, sourceType) {
  return lang === 'ts' ? FILENAMES.ts : (FILENAMES.js[sourceType] ?? 'input.js');
}

/** Parses like the linter would; throws a SyntaxError-like error when the text does not parse. */
export function parse(code, lang, sourceType) {
  if (lang === 'ts') {
    return tsParser.parse(code, { sourceType: 'module', ecmaVersion: 'latest', range: true, loc: true, filePath: 'input.ts' });
  }
  return espree.parse(code, {
    ecmaVersion: 'latest',
    sourceType,
    range: true,
    loc: true,
    ecmaFeatures: { globalReturn: sourceType === 'commonjs' },
  });
}

function parses(code, lang, sourceType) {
  try {
    if (lang === 'ts') tsParser.parse(code, { sourceType: 'module', ecmaVersion: 'latest', filePath: 'input.ts' });
    else espree.parse(code, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { globalReturn: sourceType === 'commonjs' } });
    return undefined;
  } catch (error) {
    return String(error?.message ?? error);
  }
}

/** The rule names of a plugin, and which of them are still stubs (their only message id is `todo`). */
export function ruleInfo(plugin) {
  return Object.entries(plugin.rules).map(([name, rule]) => {
    const ids = Object.keys(rule.meta?.messages ?? {});
    return {
      name,
      id: `capmonster/${name}`,
      rule,
      messageIds: ids,
      stub: ids.length === 0 || (ids.length === 1 && ids[0] === 'todo'),
      fixable: Boolean(rule.meta?.fixable),
      hasSuggestions: Boolean(rule.meta?.hasSuggestions),
    };
  });
}

/**
 * Builds a flat config array for one language.
 * @param {object} plugin
 * @param {{ lang: 'js'|'ts', sourceType: string, rules: Record<string, unknown>, settings?: object }} o
 */
export function makeConfig(plugin, { lang, sourceType, rules, settings, probe }) {
  const languageOptions =
    lang === 'ts'
      ? { parser: tsParser, sourceType: 'module', ecmaVersion: 'latest' }
      : { sourceType, ecmaVersion: 'latest' };
  return [
    {
      files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.ts'],
      languageOptions,
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: probe ? { capmonster: plugin, 'robust-probe': probe } : { capmonster: plugin },
      rules: probe ? { ...rules, 'robust-probe/requests': 'error' } : rules,
      ...(settings ? { settings } : {}),
    },
  ];
}

/** Extracts the rule a thrown error came from, when ESLint says so. */
export function ruleOfError(error) {
  const text = String(error?.message ?? error);
  const m = /Rule: "([^"\n]+)"/u.exec(text) ?? /while loading rule '([^'\n]+)'/u.exec(text);
  return m ? m[1] : undefined;
}

function firstLines(text, n) {
  return String(text).split('\n').slice(0, n).join('\n');
}

function errorText(error) {
  return `${firstLines(error?.message ?? error, 6)}${error?.stack ? `\n${firstLines(error.stack.split('\n').slice(1).join('\n'), 6)}` : ''}`;
}

/** A stable key for one report, with its line shifted back by `shift`. */
function reportKey(m, shift) {
  return [
    m.ruleId,
    m.messageId,
    m.line - shift,
    m.column,
    m.endLine === undefined ? '' : m.endLine - shift,
    m.endColumn ?? '',
    m.fix ? `fix:${m.fix.text}` : '',
    (m.suggestions ?? []).map((s) => `${s.messageId ?? s.desc}:${s.fix?.text}`).join(','),
  ].join('|');
}

function applyFix(code, fix) {
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
}

/** One fix pass as ESLint does it: fixes sorted by range, one that overlaps or touches an applied one is skipped. */
function applyFixes(code, fixes) {
  const sorted = [...fixes].sort((x, y) => x.fix.range[0] - y.fix.range[0] || x.fix.range[1] - y.fix.range[1]);
  let out = '';
  let last = -Infinity;
  let pos = 0;
  let skipped = 0;
  for (const { fix } of sorted) {
    const [start, end] = fix.range;
    if (last >= start || start < 0 || end > code.length) {
      skipped++;
      continue;
    }
    out += code.slice(pos, start) + fix.text;
    pos = end;
    last = end;
  }
  return { output: out + code.slice(pos), skipped };
}

/** Where the prefix goes: after a hashbang line, else at the start. */
function prepend(code) {
  if (code.startsWith('#!')) {
    const nl = code.indexOf('\n');
    if (nl < 0) return undefined;
    return { code: code.slice(0, nl + 1) + PREFIX + code.slice(nl + 1), afterLine: 1 };
  }
  return { code: PREFIX + code, afterLine: 0 };
}

/** Empty per-rule counters. */
export function newStats(plugin) {
  const perRule = {};
  for (const r of ruleInfo(plugin)) {
    perRule[r.id] = { reports: 0, fixes: 0, suggestions: 0, messageIds: Object.fromEntries(r.messageIds.map((id) => [id, 0])) };
  }
  return { inputs: 0, skipped: 0, lints: 0, reports: 0, fixes: 0, fixesApplied: 0, suggestions: 0, failures: [], perRule, notes: [], layer: {} };
}

/** Adds `b` into `a` (both from newStats). */
export function mergeStats(a, b) {
  for (const k of ['inputs', 'skipped', 'lints', 'reports', 'fixes', 'fixesApplied', 'suggestions']) a[k] += b[k];
  a.failures.push(...b.failures);
  a.notes.push(...b.notes);
  for (const [k, n] of Object.entries(b.layer ?? {})) a.layer[k] = (a.layer[k] ?? 0) + n;
  for (const [k, v] of Object.entries(b.perPackage ?? {})) {
    a.perPackage ??= {};
    const t = (a.perPackage[k] ??= { files: 0, reports: 0 });
    t.files += v.files;
    t.reports += v.reports;
  }
  for (const [id, r] of Object.entries(b.perRule)) {
    const t = (a.perRule[id] ??= { reports: 0, fixes: 0, suggestions: 0, messageIds: {} });
    t.reports += r.reports;
    t.fixes += r.fixes;
    t.suggestions += r.suggestions;
    for (const [m, n] of Object.entries(r.messageIds)) t.messageIds[m] = (t.messageIds[m] ?? 0) + n;
  }
  return a;
}

/** The namespace a variant's copy of the plugin is registered under: `capmonster`, `capmonster-strict`, … */
export function namespaceOf(variants, variant) {
  return variant === variants[0] ? 'capmonster' : `capmonster-${variant.name}`;
}

/**
 * The checker: one Linter, the config variants, and `check(input)`.
 *
 * All variants lint in one pass: the plugin is registered once per variant under its own namespace
 * (`capmonster/x` with the first variant's options, `capmonster-strict/x` with strict ones), so the
 * file is parsed and analysed once. Fixes are checked per variant, each variant alone.
 * @param {object} plugin the plugin object (dist or src)
 * @param {{ variants: Array<{ name: string, rules: Record<string, unknown> }>, settings?: object, probe?: object }} options
 */
export function createChecker(plugin, { variants, settings, probe } = {}) {
  const linter = new Linter({ configType: 'flat' });
  const configs = new Map();
  const byNamespace = new Map(variants.map((v) => [namespaceOf(variants, v), v]));
  const renamed = (variant) => {
    const ns = namespaceOf(variants, variant);
    return Object.fromEntries(Object.entries(variant.rules).map(([id, setting]) => [id.replace(/^capmonster\//u, `${ns}/`), setting]));
  };
  /** One variant alone (`variant`), or all of them together (`undefined`). */
  const configFor = (variant, lang, sourceType) => {
    const key = `${variant?.name ?? '*'}|${lang}|${sourceType}`;
    let c = configs.get(key);
    if (c) return c;
    const chosen = variant ? [variant] : variants;
    const rules = Object.assign({}, ...chosen.map(renamed));
    c = makeConfig(plugin, { lang, sourceType, rules, settings, probe: variant ? undefined : probe });
    for (const v of chosen) c[0].plugins[namespaceOf(variants, v)] = plugin;
    configs.set(key, c);
    return c;
  };
  /** Splits `capmonster-strict/x` into its variant and the plugin's rule id `capmonster/x`. */
  const split = (ruleId) => {
    const slash = ruleId?.indexOf('/') ?? -1;
    if (slash < 0) return undefined;
    const variant = byNamespace.get(ruleId.slice(0, slash));
    return variant ? { variant, id: `capmonster/${ruleId.slice(slash + 1)}` } : undefined;
  };
  const whole = { name: variants.map((v) => v.name).join('+') };

  /**
   * Checks one input under every variant; adds counts and failures to `stats`.
   * Returns 'ok', 'unparseable' (the input does not parse: it does not count) or 'failed'.
   * @param {{ code: string, lang: 'js'|'ts', sourceType: string, label: string, expectNoReports?: boolean }} input
   */
  function check(input, stats) {
    const { code, lang, sourceType, label } = input;
    const filename = filenameOf(lang, sourceType);
    const before = stats.failures.length;
    const fail = (variant, invariant, detail, rule) => {
      stats.failures.push({ label, lang, sourceType, variant: variant.name, invariant, rule, detail, code });
    };
    const crash = (error, context) => {
      const where = split(ruleOfError(error));
      fail(where?.variant ?? whole, 'no exception', `${context}${errorText(error)}`, where?.id ?? ruleOfError(error));
    };
    const config = configFor(undefined, lang, sourceType);
    let messages;
    try {
      stats.lints++;
      messages = linter.verify(code, config, { filename });
    } catch (error) {
      stats.inputs++;
      crash(error, '');
      return 'failed';
    }
    if (messages.some((m) => m.fatal)) {
      stats.skipped++;
      return 'unparseable';
    }
    stats.inputs++;
    const reports = [];
    for (const m of messages) {
      if (m.ruleId === 'robust-probe/requests') stats.layer[m.message] = (stats.layer[m.message] ?? 0) + 1;
      const where = split(m.ruleId);
      if (where) reports.push({ m, ...where });
    }
    if (input.expectNoReports && reports.length > 0) {
      const { m, id, variant } = reports[0];
      fail(variant, 'no report on code without CapMonster', `${id} ${m.messageId} at ${m.line}:${m.column}: ${m.message}`, id);
    }
    const fixable = new Set();
    // The same edit (offered by both variants, or by several reports) is parsed once.
    const parsed = new Map();
    const fixParses = (fix) => {
      const key = `${fix.range[0]}:${fix.range[1]}:${fix.text}`;
      if (!parsed.has(key)) parsed.set(key, parses(applyFix(code, fix), lang, sourceType));
      return parsed.get(key);
    };
    for (const { m, id, variant } of reports) {
      stats.reports++;
      const per = stats.perRule[id];
      if (per) {
        per.reports++;
        if (m.messageId) per.messageIds[m.messageId] = (per.messageIds[m.messageId] ?? 0) + 1;
      }
      if (m.fix) {
        fixable.add(variant);
        stats.fixes++;
        if (per) per.fixes++;
        const err = fixParses(m.fix);
        if (err) fail(variant, 'every fix output parses', `fix of ${m.messageId} at ${m.line}:${m.column} (${JSON.stringify(m.fix)}) gives: ${err}`, id);
      }
      for (const s of m.suggestions ?? []) {
        stats.suggestions++;
        if (per) {
          per.suggestions++;
          if (s.messageId) per.messageIds[s.messageId] = (per.messageIds[s.messageId] ?? 0) + 1;
        }
        if (!s.fix) continue;
        const err = fixParses(s.fix);
        if (err) fail(variant, 'every fix output parses', `suggestion ${s.messageId ?? s.desc} of ${m.messageId} at ${m.line}:${m.column} (${JSON.stringify(s.fix)}) gives: ${err}`, id);
      }
    }
    for (const variant of fixable) {
      // Fix passes like ESLint's, each variant alone: apply every non-overlapping fix, lint again. When
      // a pass applied every fix it had (none skipped for overlapping), the next pass must have none.
      const alone = configFor(variant, lang, sourceType);
      let text = code;
      let fixes = reports.filter((r) => r.variant === variant && r.m.fix).map((r) => ({ fix: r.m.fix, id: r.id, m: r.m }));
      try {
        for (let pass = 1; fixes.length > 0; pass++) {
          const { output, skipped } = applyFixes(text, fixes);
          const err = parses(output, lang, sourceType);
          if (err) {
            fail(variant, 'every fix output parses', `the file after fix pass ${pass} does not parse: ${err}\n--- fixed file ---\n${output}`, fixes[0].id);
            break;
          }
          stats.lints++;
          const again = linter.verify(output, alone, { filename });
          const fatal = again.find((m) => m.fatal);
          if (fatal) {
            fail(variant, 'every fix output parses', `ESLint cannot parse the file after fix pass ${pass}: ${fatal.message}\n--- fixed file ---\n${output}`, fixes[0].id);
            break;
          }
          const more = again.filter((m) => m.fix && split(m.ruleId)).map((m) => ({ fix: m.fix, id: split(m.ruleId).id, m }));
          if (more.length > 0 && (skipped === 0 || pass >= 10)) {
            const { m, id } = more[0];
            fail(variant, 'a second fix pass changes nothing', `after fix pass ${pass}${skipped ? '' : ' (which applied every fix)'}, ${id} still fixes ${m.messageId} at ${m.line}:${m.column} (${JSON.stringify(m.fix)})\n--- fixed file ---\n${output}`, id);
            break;
          }
          text = output;
          fixes = more;
        }
        if (text !== code) stats.fixesApplied++;
      } catch (error) {
        crash(error, 'while fixing: ');
      }
    }
    const shifted = prepend(code);
    if (shifted) {
      let after;
      try {
        stats.lints++;
        after = linter.verify(shifted.code, config, { filename });
      } catch (error) {
        crash(error, 'with the prepended comment: ');
      }
      if (after) {
        const shiftOf = (m) => (m.line > shifted.afterLine ? PREFIX_LINES : 0);
        const a = reports.map(({ m }) => reportKey(m, 0)).sort();
        const b = after
          .filter((m) => split(m.ruleId))
          .map((m) => reportKey(m, shiftOf(m)))
          .sort();
        if (a.join('\n') !== b.join('\n')) {
          const missing = a.filter((k) => !b.includes(k));
          const extra = b.filter((k) => !a.includes(k));
          const where = split((missing[0] ?? extra[0] ?? '').split('|')[0]);
          fail(where?.variant ?? whole, 'reports unchanged with a prepended comment', `only without the comment:\n  ${missing.join('\n  ') || '-'}\nonly with it:\n  ${extra.join('\n  ') || '-'}`, where?.id);
        }
      }
    }
    return stats.failures.length > before ? 'failed' : 'ok';
  }

  /** Lints one input with one variant alone, without checking (for repro printing). */
  function lint(input, variantName) {
    const variant = variants.find((v) => v.name === variantName) ?? variants[0];
    return linter.verify(input.code, configFor(variant, input.lang, input.sourceType), { filename: filenameOf(input.lang, input.sourceType) });
  }

  return { check, lint, linter };
}

/** A short, printable description of one failure. */
export function formatFailure(f, { withCode = true, maxCode = 4000 } = {}) {
  const head = `[${f.label}] ${f.lang}/${f.sourceType} variant=${f.variant} invariant="${f.invariant}"${f.rule ? ` rule=${f.rule}` : ''}`;
  const code = withCode && f.code !== undefined ? `\n--- input (${f.code.length} chars) ---\n${f.code.length > maxCode ? `${f.code.slice(0, maxCode)}\n…` : f.code}` : '';
  return `${head}\n${f.detail}${code}`;
}
