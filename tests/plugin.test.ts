import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import plugin from '../src/index';
import { rules } from '../src/rules';

const root = path.join(__dirname, '..');
const ruleFiles = readdirSync(path.join(root, 'src/rules'))
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => f.replace(/\.ts$/, ''));
const names = Object.keys(rules);

describe('plugin', () => {
  it('has meta read from package.json', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-capmonster');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exports every rule file, sorted by name', () => {
    expect(names).toEqual([...ruleFiles].sort());
    expect(names).toEqual([...names].sort());
  });

  it.each(names)('%s has a doc, a test file and metadata that fits the conventions', (name) => {
    const rule = rules[name]!;
    expect(existsSync(path.join(root, 'docs/rules', `${name}.md`))).toBe(true);
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
    expect(rule.meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) /);
    expect(rule.meta.docs?.url).toContain(`docs/rules/${name}.md`);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
  });

  it('presets are derived from rule metadata', () => {
    const expected = (preset: 'recommended' | 'strict' | 'all') =>
      Object.fromEntries(
        names
          .filter((n) => {
            const first = rules[n]!.meta.docs?.recommended;
            if (preset === 'all') return true;
            if (preset === 'strict') return first !== undefined;
            return first === 'recommended';
          })
          .map((n) => [`capmonster/${n}`, 'error']),
      );
    for (const preset of ['recommended', 'strict', 'all'] as const) {
      const config = plugin.configs[preset];
      expect(config.name).toBe(`capmonster/${preset}`);
      expect(config.plugins?.capmonster).toBe(plugin);
      expect(config.rules).toEqual(expected(preset));
    }
    expect(Object.keys(plugin.configs.recommended.rules ?? {}).length).toBeGreaterThan(0);
    expect(Object.keys(plugin.configs.all.rules ?? {})).toHaveLength(names.length);
  });
});
