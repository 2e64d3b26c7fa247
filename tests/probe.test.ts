import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'vitest';
import { Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import plugin from '../src/index';
import { analyze, requestSummary } from './capmonster/analyze';

it('probe', () => {
  const dir = process.env.PROBE_DIR ?? '/tmp/shapes';
  for (const f of readdirSync(dir).sort()) {
    const code = readFileSync(`${dir}/${f}`, 'utf8');
    let summary: string[] = [];
    try { summary = requestSummary(analyze(code, { filename: f.endsWith('.ts') ? 'x.ts' : 'x.js', parser: f.endsWith('.ts') ? 'ts' : 'espree' })); } catch (e) { summary = [String(e)]; }
    const linter = new Linter({ configType: 'flat' });
    const msgs = linter.verify(code, [{ files: ['**/*.ts', '**/*.js'], languageOptions: f.endsWith('.ts') ? { parser: tsParser } : { sourceType: 'module' } }, { files: ['**/*.ts', '**/*.js'], ...plugin.configs.all } as never], f.endsWith('.ts') ? 'x.ts' : 'x.js');
    console.log(`== ${f}\n  requests: ${summary.join(' | ')}\n${msgs.map((m) => `  ${m.line}:${m.column} ${m.ruleId} ${m.messageId ?? m.message}`).join('\n')}`);
  }
});
