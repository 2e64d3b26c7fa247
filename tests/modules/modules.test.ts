import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import plugin from '../../src/index';

/**
 * A project split into modules (tests/modules/project, staged into a temporary folder with the `.fixture`
 * suffixes dropped), linted through the real `ESLint` class: the rules judge each file with what its
 * relative imports do, with no settings.
 */

let dir: string;
let eslint: ESLint;

function stage(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  const rename = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) rename(full);
      else if (name.endsWith('.fixture')) renameSync(full, full.slice(0, -'.fixture'.length));
    }
  };
  rename(to);
}

async function lint(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([path.join(dir, file)]);
  return result!.messages.map((m) => `${m.line}:${m.ruleId ?? 'fatal'}:${m.messageId ?? m.message}`);
}

async function messages(file: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([path.join(dir, file)]);
  return result!.messages.map((m) => m.message);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'capmonster-modules-'));
  stage(path.join(__dirname, 'project'), dir);
  eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.all as never],
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('a file judged with what its imports do', () => {
  it('reports a poll around a result request of another module, its imported 500 ms sleep, and the reply the helper hands back unchecked', async () => {
    expect(await lint('solver.ts')).toEqual([
      '5:capmonster/min-poll-interval:intervalTooShort',
      '5:capmonster/no-unbounded-polling:noAttemptBound',
      '8:capmonster/handle-ban-errors:uncheckedResponse',
    ]);
  });

  it('is silent about a loop over tasks that calls an imported helper which polls to the end', async () => {
    expect(await lint('tasks.ts')).toEqual([]);
  });

  it('follows a .js specifier to the .ts source, and knows a helper that waits seconds × 1000', async () => {
    expect(await lint('js-specifier.ts')).toEqual(['5:capmonster/no-unbounded-polling:boundAboveLimit']);
  });

  it('reports a key an imported config module reads from the environment without a check, once, at its first use', async () => {
    expect(await lint('transport/request.ts')).toEqual(['9:capmonster/require-key-check:uncheckedKey']);
    expect((await messages('transport/request.ts'))[0]).toContain('../config');
  });

  it('reports a loop over accounts around an imported helper that turns every failure into null', async () => {
    expect(await lint('accounts.ts')).toEqual([
      '6:capmonster/handle-ban-errors:helperSwallowsAccountError',
      '6:capmonster/no-retry-on-zero-balance:nextTaskAfterFailure',
    ]);
    expect((await messages('accounts.ts'))[0]).toContain('trySolve() from ./solve-helpers');
  });

  it('reports an empty key in a required JSON file where it is sent', async () => {
    expect(await lint('balance.js')).toEqual(['5:capmonster/require-key-check:invalidKeyFrom']);
    expect((await messages('balance.js'))[0]).toContain('./settings.json');
  });

  it('stops at an import cycle, and still judges what it knows', async () => {
    expect(await lint('cycle-a.ts')).toEqual(['6:capmonster/no-unbounded-polling:noAttemptBound']);
    expect(await lint('cycle-b.ts')).toEqual([]);
  });

  it('keeps an import that cannot be resolved or parsed unknown: silent, never an error', async () => {
    expect(await lint('missing.ts')).toEqual([]);
    expect(await lint('uses-broken.ts')).toEqual([]);
  });

  it('sees an edited import on the next lint of the same ESLint instance', async () => {
    expect(await lint('transport/request.ts')).toEqual(['9:capmonster/require-key-check:uncheckedKey']);
    writeFileSync(
      path.join(dir, 'config.ts'),
      "export const KEY = process.env.CAPMONSTER_KEY;\nif (!KEY) throw new Error('CAPMONSTER_KEY is not set');\n// checked now\n",
    );
    expect(await lint('transport/request.ts')).toEqual([]);
  });
});
