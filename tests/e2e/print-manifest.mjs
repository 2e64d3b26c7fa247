// Prints what the current build reports, in the manifest format of the e2e suite, so that
// examples/expected.json, examples/expected-after-fix.json and tests/e2e/fixtures/wrappers/expected.json
// can be written from it. REVIEW every entry against the comments of the example before saving it:
// the manifest states what the rules must report, not whatever they report today.
//
//   npm run build
//   node tests/e2e/print-manifest.mjs examples              > examples/expected.json
//   node tests/e2e/print-manifest.mjs examples --after-fix  > examples/expected-after-fix.json
//   node tests/e2e/print-manifest.mjs wrappers              (entries for fixtures/wrappers/expected.json)
//   node tests/e2e/print-manifest.mjs libraries             (entries for fixtures/libraries/expected.json)
//
// It lints with the repository's ESLint and dist/ (no pack, no install), through the e2e suite's own
// eslint.config.js, in a temporary folder.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const [what = 'examples', flag] = process.argv.slice(2);
if (!['examples', 'wrappers', 'libraries'].includes(what) || (flag !== undefined && flag !== '--after-fix')) {
  console.error('usage: node tests/e2e/print-manifest.mjs examples|wrappers|libraries [--after-fix]');
  process.exit(2);
}

const work = mkdtempSync(path.join(tmpdir(), 'capmonster-manifest-'));
try {
  // node_modules with the plugin (this repository, built) and the parser the config needs.
  mkdirSync(path.join(work, 'node_modules', '@typescript-eslint'), { recursive: true });
  symlinkSync(root, path.join(work, 'node_modules', 'eslint-plugin-capmonster'), 'dir');
  symlinkSync(
    path.join(root, 'node_modules', '@typescript-eslint', 'parser'),
    path.join(work, 'node_modules', '@typescript-eslint', 'parser'),
    'dir',
  );
  cpSync(path.join(here, 'fixtures', 'project', 'eslint.config.commonjs.js.fixture'), path.join(work, 'eslint.config.cjs'));

  const target = path.join(work, what);
  if (what === 'examples') {
    cpSync(path.join(root, 'examples'), target, {
      recursive: true,
      filter: (source) =>
        statSync(source).isDirectory() || (/\.[cm]?[jt]sx?$/.test(source) && !/^eslint\.config\./.test(path.basename(source))),
    });
  } else if (what === 'libraries') {
    // The client packages fixture: lintable without its packages installed (the plugin never loads them).
    cpSync(path.join(here, 'fixtures', 'libraries'), target, { recursive: true, filter: (source) => !source.endsWith('.json') });
    for (const entry of readdirSync(target)) renameSync(path.join(target, entry), path.join(target, entry.replace(/\.fixture$/, '')));
  } else {
    // The layout of stageWrappers() in harness.ts.
    const from = path.join(here, 'fixtures', 'wrappers');
    for (const folder of ['settings', 'settings-list']) {
      cpSync(path.join(from, folder), path.join(target, folder), { recursive: true });
      cpSync(path.join(from, folder), path.join(target, 'control', folder), { recursive: true });
    }
    cpSync(path.join(from, 'settings'), path.join(target, 'no-sleep'), { recursive: true });
    const strip = (dir) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) strip(full);
        else if (entry.name.endsWith('.fixture')) renameSync(full, full.slice(0, -'.fixture'.length));
      }
    };
    strip(target);
  }

  const eslintBin = path.join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const lint = (extra) => {
    try {
      return execFileSync(process.execPath, [eslintBin, '-c', 'eslint.config.cjs', '-f', 'json', ...extra, what], {
        cwd: work,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      if (error.status === 1) return error.stdout;
      throw error;
    }
  };
  if (flag === '--after-fix') lint(['--fix']);
  const results = JSON.parse(lint([]));

  const manifest = {};
  for (const result of results.sort((a, b) => a.filePath.localeCompare(b.filePath))) {
    const file = path.relative(target, result.filePath).split(path.sep).join('/');
    const fatal = result.messages.filter((m) => m.ruleId === null);
    if (fatal.length > 0) console.error(`${file}: ${fatal.map((m) => `${m.line}:${m.column} ${m.message}`).join('; ')}`);
    const reports = result.messages
      .filter((m) => m.ruleId !== null)
      .map((m) => ({ ruleId: m.ruleId, line: m.line }))
      .sort((a, b) => a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    if (reports.length > 0 || what !== 'examples') manifest[file] = reports;
  }
  const lines = Object.entries(manifest).map(
    ([file, reports]) =>
      `  ${JSON.stringify(file)}: [${reports.map((r) => `\n    { "ruleId": ${JSON.stringify(r.ruleId)}, "line": ${r.line} }`).join(',')}${reports.length > 0 ? '\n  ' : ''}]`,
  );
  process.stdout.write(`{\n${lines.join(',\n')}\n}\n`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
