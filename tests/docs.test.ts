import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { rules } from '../src/rules';
import { type Example, examples } from './helpers/doc-examples';

/**
 * Every rule doc is tested: its headings are in order, and its examples do what the doc says.
 * In a `### Incorrect` block, each line the rule reports carries a trailing `// ❌ messageId` comment and no
 * other line is reported; a `### Correct` block produces no report at all. An example may set the rule's
 * options with an HTML comment right above its fence: `<!-- options: {"maxAttempts": 60} -->`.
 */
const root = path.join(__dirname, '..');
const MARKER = /\/\/ ❌ ([A-Z]+)\s*$/i;

function lint(name: string, example: Example) {
  const linter = new Linter({ configType: 'flat' });
  const filename = example.lang.startsWith('t') ? 'example.ts' : 'example.js';
  const level = example.options === undefined ? 'error' : ['error', example.options];
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.ts', '**/*.js'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { capmonster: plugin },
        rules: { [`capmonster/${name}`]: level as Linter.RuleEntry },
      },
    ],
    filename,
  );
}

describe.each(Object.keys(rules))('docs/rules/%s.md', (name) => {
  const doc = readFileSync(path.join(root, 'docs/rules', `${name}.md`), 'utf8');
  const rule = rules[name]!;

  it('opens with the generated header and has its sections in order', () => {
    expect(doc.startsWith(`# capmonster/${name}\n`)).toBe(true);
    expect(doc).toContain(`📝 ${rule.meta.docs!.description}.`);
    const headings = doc.split('\n').filter((l) => /^## /.test(l));
    const expected = ['## Rule details', ...(rule.meta.schema && (rule.meta.schema as unknown[]).length > 0 ? ['## Options'] : []), '## When not to use it'];
    expect(headings.filter((h) => expected.includes(h))).toEqual(expected);
  });

  const list = examples(doc);

  it('has incorrect and correct examples', () => {
    expect(list.some((e) => e.kind === 'incorrect')).toBe(true);
    expect(list.some((e) => e.kind === 'correct')).toBe(true);
  });

  it.each(list.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', (_title, example) => {
    const messages = lint(name, example);
    const fatal = messages.filter((m) => m.fatal);
    expect(fatal).toEqual([]);
    const got = messages.map((m) => `${m.line}:${m.messageId}`).sort();
    const want = example.code
      .split('\n')
      .flatMap((l, i) => {
        const m = MARKER.exec(l);
        return m ? [`${i + 1}:${m[1]}`] : [];
      })
      .sort();
    if (example.kind === 'correct') expect(got).toEqual([]);
    else {
      expect(want.length).toBeGreaterThan(0);
      expect(got).toEqual(want);
    }
  });
});
