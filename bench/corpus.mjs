// The non-CapMonster corpus of the benchmark (and of the robustness tests):
// JS and TS sources of pinned npm package versions, fetched with `npm pack`
// into the git-ignored bench/.corpus/ on first use and reused after.
//
//   import { loadCorpus, PACKAGES } from './corpus.mjs';
//   const files = await loadCorpus(); // [{ file, pkg, code }], sorted, deterministic
//
// Deterministic: exact versions, explicit folders, files sorted by path.
// Skipped: declaration files (.d.ts/.d.mts/.d.cts), minified files, files over
// 1 MB, and the few generated parser/printer tables listed in `exclude`.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** Where the packed packages are extracted (git-ignored). */
export const CORPUS_DIR = join(HERE, '.corpus');

/**
 * The pinned packages. `include`: folders (or files) inside the package to take;
 * `exclude`: path prefixes (relative to the package root) to leave out.
 * @type {ReadonlyArray<{ name: string, version: string, include: string[], exclude?: string[] }>}
 */
export const PACKAGES = Object.freeze([
  {
    name: 'webpack',
    version: '5.112.2',
    include: ['lib'],
    // Generated parser/printer tables (tens of thousands of lines of one switch), the
    // CSS/HTML front-ends and a few large folders: kept out so the corpus stays
    // just over the 300k lines the bench needs (its rounds must fit 10 minutes on 2 cores).
    exclude: [
      'lib/css',
      'lib/html',
      'lib/javascript/syntax-',
      'lib/javascript/regexp.js',
      'lib/dependencies',
      'lib/optimize',
      'lib/config',
      'lib/stats',
      'lib/performance',
      'lib/util',
      'lib/fs',
      'lib/template',
      'lib/hmr',
      'lib/cache',
      'lib/sharing',
    ],
  },
  {
    name: 'three',
    version: '0.187.0',
    include: ['src'],
    exclude: ['src/renderers', 'src/nodes'],
  },
  { name: 'zod', version: '4.6.7', include: ['src'] },
  { name: 'rxjs', version: '7.8.2', include: ['src'] },
  { name: 'axios', version: '1.21.1', include: ['lib'] },
  // Compiled captcha-service clients: captcha code that is not CapMonster-Cloud-shaped.
  { name: '2captcha-ts', version: '2.4.1', include: ['dist'] },
  { name: '@antiadmin/anticaptchaofficial', version: '1.0.56', include: ['index.js'] },
  { name: '@zennolab_com/capmonstercloud-client', version: '2.6.1', include: ['dist'] },
]);

const SOURCE = /\.(?:[cm]?js|[cm]?ts|jsx|tsx)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;
const MAX_BYTES = 1024 * 1024;

/** Folder name of one pinned package under CORPUS_DIR. */
function folderOf(pkg) {
  return `${pkg.name.replace(/^@/u, '').replace(/\//gu, '-')}-${pkg.version}`;
}

/** Minified or bundled output: very long lines or a very high average line length. */
function looksMinified(code) {
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, code.length - start);
  return longest > 2000 || code.length / lines > 200;
}

/** `npm pack` + `tar -xz` into CORPUS_DIR/<folder>/package; atomic, so concurrent callers are safe. */
function fetchPackage(pkg, log) {
  const target = join(CORPUS_DIR, folderOf(pkg));
  if (existsSync(join(target, 'package', 'package.json'))) return join(target, 'package');
  mkdirSync(CORPUS_DIR, { recursive: true });
  const tmp = `${target}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(tmp, { recursive: true });
  try {
    log(`corpus: npm pack ${pkg.name}@${pkg.version}`);
    const out = execFileSync('npm', ['pack', `${pkg.name}@${pkg.version}`, '--silent', '--pack-destination', tmp], {
      cwd: tmp,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      shell: process.platform === 'win32',
    });
    const tarball = out.trim().split('\n').pop().trim();
    execFileSync('tar', ['-xzf', join(tmp, tarball), '-C', tmp], { stdio: 'inherit' });
    rmSync(join(tmp, tarball), { force: true });
    try {
      renameSync(tmp, target);
    } catch (error) {
      // Another process got there first: use its copy.
      if (!existsSync(join(target, 'package', 'package.json'))) throw error;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return join(target, 'package');
}

/** Every file below `path` (sorted, skipping node_modules), appended to `out`. */
export function listFiles(path, out) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isFile()) {
    out.push(path);
    return;
  }
  if (!st.isDirectory()) return;
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules') continue;
    listFiles(join(path, name), out);
  }
}

let cached;

/**
 * Load (fetching on first use) the corpus.
 * @param {{ log?: (msg: string) => void }} [options]
 * @returns {Promise<Array<{ file: string, pkg: string, code: string }>>}
 */
export async function loadCorpus(options = {}) {
  if (cached) return cached;
  const log = options.log ?? ((msg) => process.stderr.write(`${msg}\n`));
  const files = [];
  for (const pkg of PACKAGES) {
    const root = fetchPackage(pkg, log);
    const paths = [];
    for (const inc of pkg.include) listFiles(join(root, inc), paths);
    const excluded = (pkg.exclude ?? []).map((e) => e.split('/').join(sep));
    for (const file of paths.sort()) {
      const rel = relative(root, file);
      if (!SOURCE.test(file) || DECLARATION.test(file) || /\.min\./u.test(file)) continue;
      if (excluded.some((prefix) => rel.startsWith(prefix))) continue;
      if (statSync(file).size > MAX_BYTES) continue;
      const code = readFileSync(file, 'utf8');
      if (looksMinified(code)) continue;
      files.push({ file, pkg: `${pkg.name}@${pkg.version}`, code });
    }
  }
  cached = files;
  return files;
}

/** Number of lines of a source text. */
export function countLines(code) {
  let n = 1;
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) n++;
  return n;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = await loadCorpus();
  const per = new Map();
  for (const f of files) {
    const e = per.get(f.pkg) ?? { files: 0, lines: 0 };
    e.files++;
    e.lines += countLines(f.code);
    per.set(f.pkg, e);
  }
  let total = 0;
  for (const [pkg, e] of per) {
    total += e.lines;
    console.log(`${pkg.padEnd(48)} ${String(e.files).padStart(5)} files ${String(e.lines).padStart(8)} lines`);
  }
  console.log(`${'total'.padEnd(48)} ${String(files.length).padStart(5)} files ${String(total).padStart(8)} lines`);
}
