import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';

import { type CapMonsterFile, getCapMonster } from '../../src/capmonster';

/** Runs the shared analysis on a snippet, as a rule would, and hands it back. */
export function analyze(
  code: string,
  options: { filename?: string; settings?: Record<string, unknown>; parser?: 'ts' | 'espree' } = {},
): CapMonsterFile {
  let file: CapMonsterFile | undefined;
  const rule = {
    create(context: TSESLint.RuleContext<string, []>) {
      return {
        Program() {
          file = getCapMonster(context);
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.mjs', '**/*.cjs'],
        languageOptions: options.parser === 'espree' ? { sourceType: 'module' } : { parser: tsParser },
        plugins: { probe: { rules: { probe: rule as never } } },
        rules: { 'probe/probe': 'error' },
        settings: options.settings ?? {},
      },
    ],
    options.filename ?? 'client.ts',
  );
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`parse error: ${fatal.message}`);
  if (!file) throw new Error('the probe rule did not run');
  return file;
}

/** `line: method` for every request, in source order: a compact picture to assert on. */
export function requestSummary(file: CapMonsterFile): string[] {
  return [...file.requests]
    .sort((a, b) => a.call.range[0] - b.call.range[0])
    .map((r) => `${r.call.loc.start.line}: ${r.method} (${r.via})`);
}

export function textOf(file: CapMonsterFile, node: { range: [number, number] } | undefined): string | undefined {
  return node ? file.sourceCode.text.slice(node.range[0], node.range[1]) : undefined;
}
