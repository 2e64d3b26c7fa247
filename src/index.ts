import type { ESLint, Linter } from 'eslint';

import type { PresetName } from './capmonster/create-rule';
import { rules } from './rules';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pkg = require('../package.json') as { name: string; version: string };

type RuleLevel = 'error' | 'warn' | 'off';

type CapMonsterPlugin = Omit<ESLint.Plugin, 'configs'> & {
  meta: { name: string; version: string; namespace: string };
  rules: NonNullable<ESLint.Plugin['rules']>;
  configs: Record<'recommended' | 'strict' | 'all', Linter.Config & { name: string }>;
};

const PRESET_ORDER: readonly PresetName[] = ['recommended', 'strict'];

function rulesFor(preset: PresetName | 'all'): Record<string, RuleLevel> {
  const enabled: Record<string, RuleLevel> = {};
  for (const [name, rule] of Object.entries(rules)) {
    const first = rule.meta.docs?.recommended;
    const on =
      preset === 'all' ||
      (first !== undefined && PRESET_ORDER.indexOf(first) <= PRESET_ORDER.indexOf(preset));
    if (on) enabled[`capmonster/${name}`] = 'error';
  }
  return enabled;
}

const plugin: CapMonsterPlugin = {
  meta: { name: pkg.name, version: pkg.version, namespace: 'capmonster' },
  rules: rules as unknown as CapMonsterPlugin['rules'],
  configs: {} as CapMonsterPlugin['configs'],
};

for (const preset of ['recommended', 'strict', 'all'] as const) {
  plugin.configs[preset] = {
    name: `capmonster/${preset}`,
    plugins: { capmonster: plugin },
    rules: rulesFor(preset),
  };
}

export = plugin;
