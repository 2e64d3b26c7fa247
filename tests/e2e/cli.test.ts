/**
 * End to end, the way users get the plugin: `npm pack`, install the tarball next to ESLint 9 or 10 in a
 * scratch project, and run the real ESLint CLI on a copy of `examples/` with an eslint.config.js and an
 * eslint.config.ts. The expected reports live next to the examples:
 *
 * - `examples/expected.json`: `{ "<file>": [{ "ruleId": "capmonster/<rule>", "line": <n> }] }`, paths relative
 *   to examples/; a file that is not listed must have no report at all (an absent manifest means no reports).
 * - `examples/expected-after-fix.json` (optional, same format): the reports left after `eslint --fix`.
 *
 * The settings fixture (`fixtures/wrappers`, expectations in its expected.json) proves that
 * `settings.capmonster` makes calls of imported wrappers count, and that without settings they do not.
 *
 * Write the manifests with `npm run build && node tests/e2e/print-manifest.mjs examples [--after-fix]`, then review them.
 * Set CAPMONSTER_E2E_KEEP=1 to keep the scratch projects (their folder is printed), CAPMONSTER_E2E_TARBALL=<tgz>
 * to test a given tarball instead of packing, CAPMONSTER_E2E_EXAMPLES=<dir> to lint another examples folder.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Library, LIBRARIES } from '../../src/capmonster/libraries';

import {
  copyExamples,
  copyFixture,
  count,
  createProject,
  eslint,
  expectedFor,
  FIXTURES,
  fatals,
  type Manifest,
  pack,
  type ProjectSpec,
  readManifest,
  reportsUnder,
  ROOT,
  run,
  runNpm,
  snapshot,
  sortKeys,
  stageWrappers,
  tarballFiles,
} from './harness';

/** CAPMONSTER_E2E_EXAMPLES=<dir> runs the suite on another examples folder (with its own manifests). */
const EXAMPLES = path.resolve(process.env.CAPMONSTER_E2E_EXAMPLES ?? path.join(ROOT, 'examples'));
const CONFIGS = ['eslint.config.js', 'eslint.config.ts'] as const;

const work = mkdtempSync(path.join(tmpdir(), 'capmonster-e2e-'));
const projects: ProjectSpec[] = [
  { dir: path.join(work, 'eslint-9'), eslint: '9', type: 'commonjs' },
  { dir: path.join(work, 'eslint-10'), eslint: '10', type: 'module', extra: ['@microsoft/eslint-formatter-sarif@3'] },
];
let tarball = '';

/** The files of examples/ the CLI lints (relative, `/` separators). */
function exampleFiles(): string[] {
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(EXAMPLES, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else if (/\.[cm]?[jt]sx?$/.test(entry.name) && !entry.name.startsWith('eslint.config.')) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

const expected: Manifest = readManifest(path.join(EXAMPLES, 'expected.json')) ?? {};
const expectedAfterFix: Manifest | undefined = readManifest(path.join(EXAMPLES, 'expected-after-fix.json'));
const wrappersExpected: Manifest = readManifest(path.join(FIXTURES, 'wrappers', 'expected.json')) ?? {};

beforeAll(async () => {
  tarball = await pack(path.join(work, 'pack'));
  for (const project of projects) {
    copyExamples(EXAMPLES, path.join(project.dir, 'examples'));
    stageWrappers(path.join(project.dir, 'wrappers'));
  }
  await Promise.all(projects.map((project) => createProject(project, tarball)));
}, 600_000);

afterAll(() => {
  if (process.env.CAPMONSTER_E2E_KEEP) console.log(`e2e scratch projects kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
});

describe('packed tarball', () => {
  it('holds only dist/, docs/, README.md, LICENSE and package.json', async () => {
    const files = await tarballFiles(tarball);
    const allowed = (f: string) =>
      ['package.json', 'README.md', 'LICENSE'].includes(f) ||
      /^dist\/.+(?:\.d\.ts|\.js)$/.test(f) ||
      /^docs\/.+\.md$/.test(f);
    expect(files.filter((f) => !allowed(f))).toEqual([]);
    const docs = readdirSync(path.join(ROOT, 'docs', 'rules')).map((f) => `docs/rules/${f}`);
    for (const needed of ['package.json', 'README.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', ...docs]) {
      expect(files, `${needed} is missing from the tarball`).toContain(needed);
    }
  });

  it('publint finds nothing, not even a suggestion', async () => {
    const { publint } = await import('publint');
    const { formatMessage } = await import('publint/utils');
    const bytes = readFileSync(tarball);
    const tarballBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const { messages, pkg } = await publint({ pack: { tarball: tarballBuffer }, level: 'suggestion', strict: true });
    expect(messages.map((m) => `${m.type} ${m.code}: ${formatMessage(m, pkg, { color: false }) ?? ''}`)).toEqual([]);
  });

  it('arethetypeswrong finds no problem for any module resolution', async () => {
    const attw = path.join(ROOT, 'node_modules', '@arethetypeswrong', 'cli', 'dist', 'index.js');
    const result = await run(process.execPath, [attw, tarball, '--format', 'json'], ROOT);
    const report = JSON.parse(result.stdout) as { problems?: unknown };
    const problems = report.problems ?? [];
    expect(Array.isArray(problems) ? problems : Object.values(problems as object)).toEqual([]);
    expect(result.code).toBe(0);
  });
});

describe.each(projects)('ESLint $eslint, "type": "$type" project', (project) => {
  const { dir } = project;
  const exampleDir = path.join(dir, 'examples');
  const wrapperDir = path.join(dir, 'wrappers');

  it('installed the intended ESLint major and the packed plugin', () => {
    const version = (name: string) =>
      (JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
    expect(version('eslint').split('.')[0]).toBe(project.eslint);
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(version('eslint-plugin-capmonster')).toBe(own.version);
  });

  describe.each(CONFIGS)('%s', (config) => {
    it('reports exactly what examples/expected.json and the settings fixture expect, with the right exit code', async () => {
      const lint = await eslint(dir, config, ['examples', 'wrappers']);
      expect(fatals(lint.results, dir)).toEqual([]);

      const examples = reportsUnder(lint.results, exampleDir);
      expect(Object.keys(examples).sort(), 'every example file is linted').toEqual(exampleFiles());
      expect(sortKeys(examples)).toEqual(expectedFor(examples, expected));

      // Settings name the wrappers and sleep helpers; the control copies have no settings and no report.
      const wrappers = reportsUnder(lint.results, wrapperDir);
      expect(Object.keys(wrappers).filter((f) => f.startsWith('control/')).length).toBeGreaterThan(0);
      expect(sortKeys(wrappers)).toEqual(expectedFor(wrappers, wrappersExpected));

      expect(lint.code).toBe(count(expected) + count(wrappersExpected) > 0 ? 1 : 0);
    });

    it('--fix output parses, a second --fix changes nothing, and the remaining reports are the expected ones', async () => {
      const fixRoot = `fix-${config.replace(/\W/g, '-')}`;
      const fixDir = path.join(dir, fixRoot, 'examples');
      rmSync(path.join(dir, fixRoot), { recursive: true, force: true });
      copyExamples(EXAMPLES, fixDir);
      const before = snapshot(fixDir);

      const first = await eslint(dir, config, ['--fix', `${fixRoot}/examples`]);
      expect(fatals(first.results, dir), 'fixed code parses').toEqual([]);
      const fixed = snapshot(fixDir);

      const second = await eslint(dir, config, ['--fix', `${fixRoot}/examples`]);
      expect(fatals(second.results, dir)).toEqual([]);
      expect(second.results.filter((r) => r.output !== undefined).map((r) => r.filePath), 'second --fix rewrites nothing').toEqual([]);
      expect(snapshot(fixDir)).toEqual(fixed);

      const remaining = reportsUnder(second.results, fixDir);
      expect(remaining).toEqual(reportsUnder(first.results, fixDir));

      // A file with no expected report is never rewritten.
      for (const [file, content] of before) {
        if ((expected[file] ?? []).length === 0) expect(fixed.get(file), `${file} has no report in examples/expected.json, so --fix must leave it unchanged`).toBe(content);
      }
      if (expectedAfterFix) {
        expect(sortKeys(remaining)).toEqual(expectedFor(remaining, expectedAfterFix));
        // Where --fix removed reports, it rewrote the file.
        for (const [file, reports] of Object.entries(expected)) {
          if ((expectedAfterFix[file] ?? []).length < reports.length) {
            expect(fixed.get(file), `${file} should have been rewritten by --fix`).not.toBe(before.get(file));
          }
        }
      }
      expect(second.code).toBe(count(remaining) > 0 ? 1 : 0);
    });
  });

  it.each(['scoped-spread.config.mjs', 'scoped-extends.config.mjs'])(
    '%s limits the plugin to the files it names',
    async (config) => {
      const lint = await eslint(dir, config, ['examples']);
      expect(fatals(lint.results, dir)).toEqual([]);
      const examples = reportsUnder(lint.results, exampleDir);
      const inScope = (file: string) => /^bad-[^/]*\.js$/.test(file);
      const scoped = Object.fromEntries(Object.entries(expected).filter(([file]) => inScope(file)));
      expect(sortKeys(examples)).toEqual(expectedFor(examples, scoped));
      expect(lint.code).toBe(count(scoped) > 0 ? 1 : 0);
    },
  );

  it.runIf(project.extra?.includes('@microsoft/eslint-formatter-sarif@3'))(
    'the README SARIF command writes the same reports for code scanning',
    async () => {
      const bin = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
      const args = ['-c', 'eslint.config.js', '-f', '@microsoft/eslint-formatter-sarif', '-o', 'eslint.sarif', 'examples'];
      const result = await run(process.execPath, [bin, ...args], dir);
      expect(result.code).toBe(count(expected) > 0 ? 1 : 0);
      interface SarifResult {
        ruleId?: string;
        locations?: { physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number } } }[];
      }
      const sarif = JSON.parse(readFileSync(path.join(dir, 'eslint.sarif'), 'utf8')) as {
        version: string;
        runs: { results: SarifResult[] }[];
      };
      expect(sarif.version).toBe('2.1.0');
      const reports: Manifest = {};
      for (const r of sarif.runs[0]?.results ?? []) {
        const location = r.locations?.[0]?.physicalLocation;
        const file = path.relative(exampleDir, fileURLToPath(location?.artifactLocation?.uri ?? '')).split(path.sep).join('/');
        (reports[file] ??= []).push({ ruleId: r.ruleId ?? '(none)', line: location?.region?.startLine ?? 0 });
      }
      for (const list of Object.values(reports)) list.sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
      const withReports = Object.fromEntries(Object.entries(expected).filter(([, list]) => list.length > 0));
      expect(sortKeys(reports)).toEqual(sortKeys(withReports));
    },
  );

  it('eslint.config.ts and the documented usage type-check against the packed types (tsc --noEmit)', async () => {
    const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], dir);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it("the README's eslint.config.ts set-ups with typescript-eslint type-check", async () => {
    const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.readme.json'], dir);
    expect(result.stdout + result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  // The presets are typed by name (`Omit<ESLint.Plugin, 'configs'> & {...}`), so the fixture's
  // `@ts-expect-error` on a misspelt name is used and tsc prints nothing.
  it('a misspelt preset name is a type error', async () => {
    const tsc = path.join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.presets.json'], dir);
    expect(result.stdout + result.stderr).toBe('');
  });

  it.each([
    ['invalid-wrapper.config.cjs', 'wrappers["fetchResult"] must be one of'],
    ['invalid-key.config.cjs', 'unknown key "sleepFunction"'],
  ])('%s stops ESLint with an error that names the bad entry', async (config, text) => {
    const bin = path.join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const result = await run(process.execPath, [bin, '-c', config, 'wrappers/settings/poll-forever.js'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('invalid settings.capmonster');
    expect(result.stderr).toContain(text);
  });
});

/**
 * Two real client packages installed as devDependencies of a scratch package (fixtures/libraries): the
 * import shapes its sources use run against them, the table's names for them exist, and the CLI reports
 * what the fixture's expected.json lists.
 */
describe('client packages installed as devDependencies', () => {
  const project = projects[0]!;
  const dir = path.join(project.dir, 'libraries');
  const librariesExpected: Manifest = readManifest(path.join(FIXTURES, 'libraries', 'expected.json')) ?? {};
  const installed = ['2captcha', '@zennolab_com/capmonstercloud-client'];

  beforeAll(async () => {
    copyFixture(path.join(FIXTURES, 'libraries'), dir);
    const result = await runNpm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', '--loglevel=error'], dir, 600_000);
    expect(result.code, result.stderr).toBe(0);
  }, 600_000);

  it('the import shapes the sources use give clients with the methods they call', async () => {
    const result = await run(process.execPath, ['shapes.mjs'], dir);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it.each(installed)("the table's entry for %s names its version, its client maker, key setters and methods", (pkg) => {
    const library = LIBRARIES.find((l) => l.package === pkg) as Library;
    const load = createRequire(path.join(dir, 'package.json'));
    expect((load(`${pkg}/package.json`) as { version: string }).version).toBe(library.version);
    const mod = load(pkg) as Record<string, unknown>;
    const at = (name: string): unknown => (name === 'default' ? mod : name.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], mod));
    for (const name of library.client.names) expect(typeof at(name), name).toBe('function');
    // A client made the way the table says, with a dummy key (no request is sent).
    const made = library.key.find((k) => k.made)?.made;
    const maker = at(library.client.names[0]!) as (...args: unknown[]) => Record<string, unknown>;
    const Options = made ? (at(made[0]) as new (o: object) => object) : undefined;
    const client = library.client.kind === 'class' ? new (maker as unknown as new (k: string) => Record<string, unknown>)('k') : maker(Options ? new Options({ [made![2]!]: 'k' }) : 'k');
    for (const method of library.methods) {
      if (!Array.isArray(method.names)) continue;
      for (const name of method.names as readonly string[]) expect(typeof client[name], `${pkg} ${name}`).toBe('function');
    }
    for (const place of library.key) {
      if (place.property?.length === 1) expect(place.property[0]! in client, `${pkg} ${place.property[0]}`).toBe(true);
    }
  });

  it('the CLI reports what its expected.json lists', async () => {
    const lint = await eslint(project.dir, 'eslint.config.js', ['libraries']);
    expect(fatals(lint.results, project.dir)).toEqual([]);
    const reports = reportsUnder(lint.results, dir);
    expect(sortKeys(reports)).toEqual(expectedFor(reports, librariesExpected));
  });
});
