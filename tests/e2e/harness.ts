/**
 * Helpers of the end-to-end suite: pack the plugin, make scratch projects that install the tarball from
 * disk and ESLint from the registry, run the real ESLint CLI, and compare its JSON output with manifests
 * of expected reports (`{ "<file>": [{ "ruleId": "capmonster/x", "line": n }] }`).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.join(__dirname, '..', '..');
export const FIXTURES = path.join(__dirname, 'fixtures');
/** Fixture sources carry this suffix so that the repository's own `tsc` and `eslint .` leave them alone. */
export const FIXTURE_SUFFIX = '.fixture';

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of child processes: no colours, and nothing of the `npm test` that may be running us. */
function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
  for (const name of Object.keys(env)) {
    if (/^npm_(?:package_|lifecycle_|config_local_prefix$)/.test(name)) delete env[name];
  }
  return env;
}

/** Runs a command without a shell; never rejects on a non-zero exit (the caller asserts the code). */
export function run(command: string, args: readonly string[], cwd: string, timeout = 180_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, timeout, maxBuffer: 64 * 1024 * 1024, env: childEnv() },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${command} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`));
          return;
        }
        resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** npm as a command line: the npm that runs `npm test` when there is one, else `npm` on the PATH. */
function npm(): [string, string[]] {
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.[cm]?js$/.test(cli)) return [process.execPath, [cli]];
  return [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
}

export async function runNpm(args: readonly string[], cwd: string, timeout?: number): Promise<RunResult> {
  const [command, prefix] = npm();
  return run(command, [...prefix, ...args], cwd, timeout);
}

function describeFailure(what: string, result: RunResult): string {
  return `${what} exited with ${result.code}\n--- stdout\n${result.stdout.slice(-4000)}\n--- stderr\n${result.stderr.slice(-4000)}`;
}

/**
 * `npm pack` of the repository into `dest`; returns the tarball's path. Under `npm test` the build has
 * just run, so the `prepare` build is skipped; run alone (`npx vitest run tests/e2e`), it builds.
 * CAPMONSTER_E2E_TARBALL=<path.tgz> tests that tarball instead (e.g. the one a release publishes).
 */
export async function pack(dest: string): Promise<string> {
  mkdirSync(dest, { recursive: true });
  const given = process.env.CAPMONSTER_E2E_TARBALL;
  if (given) {
    const copy = path.join(dest, path.basename(given));
    cpSync(path.resolve(given), copy);
    return copy;
  }
  const args = ['pack', '--pack-destination', dest, '--json'];
  if (process.env.npm_lifecycle_event === 'test') args.push('--ignore-scripts');
  const result = await runNpm(args, ROOT);
  if (result.code !== 0) throw new Error(describeFailure('npm pack', result));
  const tarballs = readdirSync(dest).filter((f) => f.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`npm pack left ${tarballs.length} tarballs in ${dest}`);
  return path.join(dest, tarballs[0]!);
}

/** Paths inside a tarball, without the leading `package/`. */
export async function tarballFiles(tarball: string): Promise<string[]> {
  const result = await run('tar', ['-tzf', tarball], path.dirname(tarball));
  if (result.code !== 0) throw new Error(describeFailure('tar -tzf', result));
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.endsWith('/'))
    .map((line) => line.replace(/^package\//, ''))
    .sort();
}

/** Copies a fixture folder, dropping the `.fixture` suffix of its files. */
export function copyFixture(from: string, to: string): void {
  cpSync(from, to, { recursive: true });
  renameFixtures(to);
}

function renameFixtures(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) renameFixtures(full);
    else if (entry.name.endsWith(FIXTURE_SUFFIX)) renameSync(full, full.slice(0, -FIXTURE_SUFFIX.length));
  }
}

/**
 * Lays out the settings fixture under `dest`: `settings/` and `settings-list/` (linted with settings),
 * `no-sleep/` (a copy of settings/ linted with the wrappers but no sleep helpers) and `control/` (copies
 * linted with no settings at all). Keep tests/e2e/print-manifest.mjs in step.
 */
export function stageWrappers(dest: string): void {
  const from = path.join(FIXTURES, 'wrappers');
  for (const folder of ['settings', 'settings-list']) {
    copyFixture(path.join(from, folder), path.join(dest, folder));
    copyFixture(path.join(from, folder), path.join(dest, 'control', folder));
  }
  copyFixture(path.join(from, 'settings'), path.join(dest, 'no-sleep'));
}

const LINTABLE = /\.[cm]?[jt]sx?$/;

/** Copies the lintable files of `examples/` (not its config or manifests). */
export function copyExamples(from: string, to: string): void {
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      if (statSync(source).isDirectory()) return true;
      const name = path.basename(source);
      return LINTABLE.test(name) && !/^eslint\.config\./.test(name);
    },
  });
}

/** Every file under `dir`, relative, with `/` separators, mapped to its content. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (sub: string) => {
    for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(rel);
      else out.set(rel, readFileSync(path.join(dir, rel), 'utf8'));
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

export interface ProjectSpec {
  dir: string;
  eslint: string;
  /** `type` of the scratch project's package.json: decides whether eslint.config.js is CommonJS or ESM. */
  type: 'commonjs' | 'module';
  /** More packages to install, e.g. the SARIF formatter the README documents. */
  extra?: readonly string[];
}

/**
 * Creates a scratch project: package.json, the configs and type-check files of `fixtures/project`, then
 * one `npm install` of the tarball, ESLint, @typescript-eslint/parser, TypeScript, typescript-eslint (for the
 * README's set-up) and jiti: ESLint 9 and 10 load eslint.config.ts through jiti, unless they run with
 * `--flag unstable_native_nodejs_ts_config` on a Node.js that strips types (not Node 20).
 */
export async function createProject(spec: ProjectSpec, tarball: string): Promise<void> {
  mkdirSync(spec.dir, { recursive: true });
  writeFileSync(
    path.join(spec.dir, 'package.json'),
    `${JSON.stringify({ name: `capmonster-e2e-eslint-${spec.eslint}`, version: '0.0.0', private: true, type: spec.type }, null, 2)}\n`,
  );
  copyFixture(path.join(FIXTURES, 'project'), spec.dir);
  const jsConfig = spec.type === 'module' ? 'eslint.config.module.js' : 'eslint.config.commonjs.js';
  renameSync(path.join(spec.dir, jsConfig), path.join(spec.dir, 'eslint.config.js'));
  const result = await runNpm(
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--no-package-lock',
      '--loglevel=error',
      tarball,
      `eslint@${spec.eslint}`,
      '@typescript-eslint/parser@8',
      'typescript@5.9',
      'typescript-eslint@8',
      'jiti@2',
      ...(spec.extra ?? []),
    ],
    spec.dir,
    600_000,
  );
  if (result.code !== 0) throw new Error(describeFailure(`npm install in ${spec.dir}`, result));
}

// ---------------------------------------------------------------------------------------------------
// ESLint CLI output

export interface LintMessage {
  ruleId: string | null;
  line: number;
  column: number;
  message: string;
  severity: number;
  fatal?: boolean;
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  output?: string;
}

export interface Report {
  ruleId: string;
  line: number;
}

/** Expected reports per file, relative path with `/` separators. */
export type Manifest = Record<string, Report[]>;

export interface Lint {
  code: number;
  stderr: string;
  results: LintResult[];
}

/** `node node_modules/eslint/bin/eslint.js -c <config> -f json ...args` in the project. */
export async function eslint(projectDir: string, config: string, args: readonly string[]): Promise<Lint> {
  const bin = path.join(projectDir, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const result = await run(process.execPath, [bin, '-c', config, '-f', 'json', ...args], projectDir);
  if (result.code !== 0 && result.code !== 1) throw new Error(describeFailure(`eslint ${args.join(' ')}`, result));
  let results: LintResult[];
  try {
    results = JSON.parse(result.stdout) as LintResult[];
  } catch {
    throw new Error(describeFailure(`eslint ${args.join(' ')} printed no JSON`, result));
  }
  return { code: result.code, stderr: result.stderr, results };
}

function relative(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join('/');
}

function byLine(a: Report, b: Report): number {
  return a.line - b.line || a.ruleId.localeCompare(b.ruleId);
}

/** Fatal messages (parse errors, crashes reported as messages) of the results under `dir`, readable. */
export function fatals(results: readonly LintResult[], dir: string): string[] {
  return results.flatMap((r) =>
    r.messages
      .filter((m) => m.fatal === true || m.ruleId === null)
      .map((m) => `${relative(dir, r.filePath)}:${m.line}:${m.column} ${m.message}`),
  );
}

/** The reports of every linted file under `dir` (files outside it are left out), sorted by line. */
export function reportsUnder(results: readonly LintResult[], dir: string): Manifest {
  const out: Manifest = {};
  for (const r of results) {
    const rel = relative(dir, r.filePath);
    if (rel.startsWith('..') || path.isAbsolute(rel)) continue;
    out[rel] = r.messages
      .filter((m) => m.ruleId !== null)
      .map((m) => ({ ruleId: m.ruleId as string, line: m.line }))
      .sort(byLine);
  }
  return out;
}

function isReport(value: unknown): value is Report {
  if (typeof value !== 'object' || value === null) return false;
  const { ruleId, line } = value as Record<string, unknown>;
  return typeof ruleId === 'string' && Number.isInteger(line) && (line as number) > 0;
}

/**
 * Reads a manifest; keys starting with `$` are comments. Returns undefined when the file is absent.
 * Throws on anything that is not `{ "<file>": [{ "ruleId": string, "line": positive integer }] }`.
 */
export function readManifest(file: string): Manifest | undefined {
  if (!existsSync(file)) return undefined;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error(`${file}: expected an object`);
  const out: Manifest = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith('$')) continue;
    if (!Array.isArray(value) || !value.every(isReport)) {
      throw new Error(`${file}: "${key}" must be a list of { "ruleId": "capmonster/<rule>", "line": <n> }`);
    }
    out[key] = value.map(({ ruleId, line }) => ({ ruleId, line })).sort(byLine);
  }
  return out;
}

/**
 * What the comparison expects: every linted file with its manifest entry, or no reports when it has none.
 * Manifest entries for files that were not linted are kept, so a misspelt or vanished file shows in the diff.
 */
export function expectedFor(actual: Manifest, manifest: Manifest): Manifest {
  const out: Manifest = {};
  for (const file of new Set([...Object.keys(actual), ...Object.keys(manifest)])) out[file] = manifest[file] ?? [];
  return sortKeys(out);
}

export function sortKeys(manifest: Manifest): Manifest {
  return Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
}

/** Total number of reports in a manifest. */
export function count(manifest: Manifest): number {
  return Object.values(manifest).reduce((n, reports) => n + reports.length, 0);
}
