import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import plugin from '../src/index';
import { rules } from '../src/rules';
import { examples } from './helpers/doc-examples';

/**
 * Every report offers a way out, and every way out works. The reports come from three places: the files of
 * examples/ (linted with their own config: the recommended preset, the TypeScript parser for .ts, inline
 * config comments), the `### Incorrect` examples of docs/rules/*.md, and the `code` of every invalid case of
 * tests/rules/*.test.ts (read by loading those files with a RuleTester that records its cases).
 *
 * For each report, its auto-fix alone and each of its suggestions alone is applied, the result is linted
 * again with every rule of the plugin, and:
 * - the output parses;
 * - the report it answered is gone (no report of the same rule and message id at the same place, or inside
 *   the text the edit wrote);
 * - no report of the plugin appears that was not there before.
 * The test prints how many reports offer a fix or a suggestion; every report must.
 */

interface InvalidCase {
  code: string;
  filename?: string;
  options?: unknown[];
  settings?: Record<string, unknown>;
  name?: string;
}
interface Recorded {
  title: string;
  rule: unknown;
  invalid: InvalidCase[];
}

const recorded = vi.hoisted(() => [] as Recorded[]);

// The rule test files run their cases through `new RuleTester().run(...)`: here that only records them.
vi.mock('@typescript-eslint/rule-tester', () => {
  class RuleTester {
    static afterAll: unknown;
    static describe: unknown;
    static it: unknown;
    static itOnly: unknown;
    run(title: string, rule: unknown, tests: { invalid: InvalidCase[] }): void {
      recorded.push({ title, rule, invalid: tests.invalid });
    }
  }
  return { RuleTester };
});

const root = path.join(__dirname, '..');
const ruleNames = Object.keys(rules);

/** One file to lint, and the rules whose reports it is about. */
interface Subject {
  /** Where it comes from, for failure messages. */
  origin: string;
  code: string;
  filename: string;
  /** The TypeScript parser (docs and rule tests, .ts examples) or ESLint's default (.js examples). */
  ts: boolean;
  /** Rule settings for the first lint; every other rule of the plugin runs at its defaults for the re-lint. */
  levels: Record<string, Linter.RuleEntry>;
  /** The rules whose reports are counted and whose fixes are tried (all the reported rules when undefined). */
  only?: string;
  settings?: Record<string, unknown>;
}

function configFor(subject: Subject, levels: Record<string, Linter.RuleEntry>): Linter.Config[] {
  return [
    {
      files: ['**/*.ts', '**/*.js'],
      languageOptions: subject.ts ? { parser: tsParser, sourceType: 'module' } : { sourceType: 'module' },
      plugins: { capmonster: plugin as never },
      rules: levels,
      settings: subject.settings ?? {},
    },
  ];
}

/** Every rule of the plugin on, with the subject's own settings for its rules. */
function allLevels(subject: Subject): Record<string, Linter.RuleEntry> {
  const levels: Record<string, Linter.RuleEntry> = {};
  for (const name of ruleNames) levels[`capmonster/${name}`] = 'error';
  return { ...levels, ...subject.levels };
}

const linter = new Linter({ configType: 'flat' });

function lint(subject: Subject, code: string, levels: Record<string, Linter.RuleEntry>): Linter.LintMessage[] {
  return linter.verify(code, configFor(subject, levels), { filename: subject.filename });
}

function lineStarts(code: string): number[] {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  return starts;
}

interface Placed {
  ruleId: string;
  messageId: string;
  start: number;
}

function placed(code: string, messages: Linter.LintMessage[]): Placed[] {
  const starts = lineStarts(code);
  return messages
    .filter((m) => m.ruleId?.startsWith('capmonster/'))
    .map((m) => ({ ruleId: m.ruleId!, messageId: m.messageId ?? '', start: starts[m.line - 1]! + m.column - 1 }));
}

/**
 * Matches the reports after an edit to those before it. A report before the edit moves with the text; one
 * that started inside the replaced text may be anywhere in the text written instead, or, when the edit
 * removed the code it was on, wherever the same construct is reported now.
 */
function unmatched(before: Placed[], after: Placed[], edit: { range: [number, number]; text: string }): { left: Placed[]; gone: Set<Placed> } {
  const [s, e] = edit.range;
  const delta = edit.text.length - (e - s);
  const pool = new Set(before);
  const key = (p: Placed) => `${p.ruleId}:${p.messageId}`;
  const moved = (b: Placed) => (b.start < s ? b.start : b.start >= e ? b.start + delta : -1);
  let rest: Placed[] = [];
  for (const a of after) {
    const exact = [...pool].find((b) => key(b) === key(a) && moved(b) === a.start);
    if (exact) pool.delete(exact);
    else rest.push(a);
  }
  const inside = (b: Placed) => b.start >= s && b.start < e;
  const next: Placed[] = [];
  for (const a of rest) {
    const written = a.start >= s && a.start <= s + edit.text.length;
    const fuzzy = written ? [...pool].find((b) => key(b) === key(a) && b.start >= s && b.start <= e) : undefined;
    if (fuzzy) pool.delete(fuzzy);
    else next.push(a);
  }
  rest = next;
  const left: Placed[] = [];
  for (const a of rest) {
    const relocated = [...pool].find((b) => key(b) === key(a) && inside(b));
    if (relocated) pool.delete(relocated);
    else left.push(a);
  }
  return { left, gone: pool };
}

interface Tally {
  reports: number;
  offered: number;
  edits: number;
  failures: string[];
  messages: { id: string; text: string }[];
}

function newTally(): Tally {
  return { reports: 0, offered: 0, edits: 0, failures: [], messages: [] };
}

const totals: Record<string, Tally> = {};

function where(subject: Subject, m: Linter.LintMessage): string {
  return `${subject.origin} ${m.line}:${m.column} ${m.ruleId}/${m.messageId}`;
}

/** Lints a subject, then tries every fix and suggestion of every report it counts. */
function check(subject: Subject, tally: Tally): void {
  const first = lint(subject, subject.code, subject.levels);
  const fatal = first.filter((m) => m.fatal);
  if (fatal.length > 0) {
    tally.failures.push(`${subject.origin}: does not parse: ${fatal[0]!.message}`);
    return;
  }
  const counted = first.filter((m) => m.ruleId?.startsWith('capmonster/') && (!subject.only || m.ruleId === `capmonster/${subject.only}`));
  if (counted.length === 0) return;
  const levels = allLevels(subject);
  const all = lint(subject, subject.code, levels);
  const before = placed(subject.code, all);
  const starts = lineStarts(subject.code);
  for (const m of counted) {
    tally.reports++;
    tally.messages.push({ id: `${m.ruleId}/${m.messageId}`, text: m.message });
    const edits: { label: string; fix: { range: [number, number]; text: string } }[] = [];
    if (m.fix) edits.push({ label: 'fix', fix: m.fix });
    for (const s of m.suggestions ?? []) if (s.fix) edits.push({ label: `suggestion ${s.messageId ?? s.desc}`, fix: s.fix });
    if (edits.length === 0) {
      tally.failures.push(`${where(subject, m)}: no fix and no suggestion`);
      continue;
    }
    tally.offered++;
    const self = before.find(
      (b) => b.ruleId === m.ruleId && b.messageId === m.messageId && b.start === starts[m.line - 1]! + m.column - 1,
    );
    for (const { label, fix } of edits) {
      tally.edits++;
      const output = subject.code.slice(0, fix.range[0]) + fix.text + subject.code.slice(fix.range[1]);
      const after = lint(subject, output, levels);
      const broken = after.find((x) => x.fatal);
      if (broken) {
        tally.failures.push(`${where(subject, m)}: ${label} gives code that does not parse (${broken.message}):\n${output}`);
        continue;
      }
      const { left, gone } = unmatched(before, placed(output, after), fix);
      if (!self) tally.failures.push(`${where(subject, m)}: the report is not found again with every rule on`);
      else if (!gone.has(self)) {
        tally.failures.push(`${where(subject, m)}: ${label} leaves the report in place:\n${output}`);
      }
      if (left.length > 0) {
        const text = left.map((p) => `${p.ruleId}/${p.messageId} at offset ${p.start}`).join(', ');
        tally.failures.push(`${where(subject, m)}: ${label} adds ${text}:\n${output}`);
      }
    }
  }
}

function exampleSubjects(): Subject[] {
  const dir = path.join(root, 'examples');
  return readdirSync(dir)
    .filter((f) => /\.(?:js|ts)$/.test(f) && !f.startsWith('eslint.config.'))
    .sort()
    .map((f) => ({
      origin: `examples/${f}`,
      code: readFileSync(path.join(dir, f), 'utf8'),
      filename: f,
      ts: f.endsWith('.ts'),
      levels: plugin.configs.recommended.rules as Record<string, Linter.RuleEntry>,
    }));
}

function docSubjects(): Subject[] {
  return ruleNames.flatMap((name) => {
    const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
    return examples(doc)
      .filter((e) => e.kind === 'incorrect')
      .map((e) => ({
        origin: `docs/rules/${name}.md:${e.line + 1}`,
        code: e.code,
        filename: e.lang.startsWith('t') ? 'example.ts' : 'example.js',
        ts: true,
        levels: { [`capmonster/${name}`]: (e.options === undefined ? 'error' : ['error', e.options]) as Linter.RuleEntry },
        only: name,
      }));
  });
}

function testSubjects(): Subject[] {
  return recorded.flatMap(({ title, rule, invalid }) => {
    const name = ruleNames.find((n) => rules[n] === rule);
    if (!name) throw new Error(`${title}: a rule test runs a rule the plugin does not export`);
    return invalid.map((c, i) => ({
      origin: `${title} invalid #${i + 1} (${c.name ?? 'unnamed'})`,
      code: c.code,
      filename: c.filename ?? 'file.ts',
      ts: true,
      levels: { [`capmonster/${name}`]: (c.options ? ['error', ...c.options] : 'error') as Linter.RuleEntry },
      only: name,
      settings: c.settings,
    }));
  });
}

const MAX_MESSAGE = 140;

function percent(t: Tally): string {
  return t.reports === 0 ? '100%' : `${((100 * t.offered) / t.reports).toFixed(1)}%`;
}

function summary(label: string, t: Tally): string {
  return `${label}: reports: ${t.reports}, with fix or suggestion: ${t.offered} (${percent(t)}); ${t.edits} fixes and suggestions applied`;
}

beforeAll(async () => {
  const dir = path.join(root, 'tests/rules');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort()) {
    await import(path.join(dir, file));
  }
});

afterAll(() => {
  const total = newTally();
  const lines: string[] = [];
  for (const [label, t] of Object.entries(totals)) {
    lines.push(summary(label, t));
    total.reports += t.reports;
    total.offered += t.offered;
    total.edits += t.edits;
  }
  lines.push(summary('all', total));
  console.log(lines.join('\n'));
});

describe('every report offers a fix or a suggestion, and each one works', () => {
  const sources: [string, () => Subject[]][] = [
    ['examples', exampleSubjects],
    ['doc examples', docSubjects],
    ['rule tests', testSubjects],
  ];
  it.each(sources)('%s', (label, subjects) => {
    const tally = (totals[label] = newTally());
    const list = subjects();
    expect(list.length).toBeGreaterThan(0);
    for (const subject of list) check(subject, tally);
    expect(tally.reports).toBeGreaterThan(0);
    const long = tally.messages.filter((m) => m.text.length > MAX_MESSAGE).map((m) => `${m.id} (${m.text.length}): ${m.text}`);
    expect([...new Set(long)]).toEqual([]);
    expect(tally.failures).toEqual([]);
    expect(tally.offered).toBe(tally.reports);
  });
});
