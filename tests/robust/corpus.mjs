// The real-code corpus of the robustness battery: the benchmark's pinned corpus (bench/corpus.mjs,
// `npm pack` into the git-ignored bench/.corpus/) plus the sources of a few packages already installed
// at the versions package-lock.json pins (no download needed for those).

import { listFiles } from '../../bench/corpus.mjs';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const BENCH_CORPUS = join(ROOT, 'bench', 'corpus.mjs');

/**
 * Packages of the corpus that are captcha-service clients: they contain captcha code (CapMonster's own
 * SDK among them), so the "no report on code without CapMonster" check does not apply to them.
 */
export const CAPTCHA_CLIENT_PACKAGES = ['2captcha-ts', '@antiadmin/anticaptchaofficial', '@zennolab_com/capmonstercloud-client'];

/** A package whose name says captcha is exempt too, so a new captcha client in the corpus is not misjudged. */
export function isCaptchaClient(pkgName) {
  const name = pkgName.replace(/@[^@/]+$/u, '');
  return CAPTCHA_CLIENT_PACKAGES.includes(name) || /captcha|capmonster/iu.test(name);
}

/** Installed packages added to the corpus: folders inside node_modules/<name>. */
export const INSTALLED_EXTRAS = [
  { name: 'eslint', include: ['lib'] },
  { name: '@typescript-eslint/eslint-plugin', include: ['dist/rules'] },
];

const SOURCE = /\.(?:[cm]?js|[cm]?ts)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;


function installedExtras() {
  const files = [];
  for (const extra of INSTALLED_EXTRAS) {
    const root = join(ROOT, 'node_modules', ...extra.name.split('/'));
    const pj = join(root, 'package.json');
    if (!existsSync(pj)) continue;
    const version = JSON.parse(readFileSync(pj, 'utf8')).version;
    const paths = [];
    for (const inc of extra.include) listFiles(join(root, inc), paths);
    for (const file of paths) {
      if (!SOURCE.test(file) || DECLARATION.test(file) || /\.min\./u.test(file)) continue;
      if (statSync(file).size > 1024 * 1024) continue;
      files.push({ file: relative(ROOT, file), pkg: `${extra.name}@${version}`, code: readFileSync(file, 'utf8') });
    }
  }
  return files;
}

/**
 * Loads the corpus. With `download: false`, uses the benchmark corpus only when every package is
 * already in bench/.corpus/ (never downloads), and says why otherwise.
 * @returns {Promise<{ files: Array<{ file: string, pkg: string, code: string }> | null, reason?: string, packages: string[] }>}
 */
export async function loadRobustCorpus({ download = true, log } = {}) {
  if (!existsSync(BENCH_CORPUS)) return { files: null, reason: 'bench/corpus.mjs does not exist yet', packages: [] };
  const bench = await import(pathToFileURL(BENCH_CORPUS).href);
  if (typeof bench.loadCorpus !== 'function') return { files: null, reason: 'bench/corpus.mjs does not export loadCorpus()', packages: [] };
  if (!download) {
    const dir = bench.CORPUS_DIR ?? join(ROOT, 'bench', '.corpus');
    const missing = (bench.PACKAGES ?? []).filter((p) => {
      const folder = `${p.name.replace(/^@/u, '').replace(/\//gu, '-')}-${p.version}`;
      return !existsSync(join(dir, folder, 'package', 'package.json'));
    });
    if (!bench.PACKAGES || missing.length > 0) {
      return {
        files: null,
        reason: `the corpus is not downloaded (${missing.length > 0 ? `missing ${missing.map((p) => `${p.name}@${p.version}`).join(', ')}` : 'unknown package list'}); run \`npm run test:robust\` or \`node bench/corpus.mjs\` once`,
        packages: [],
      };
    }
  }
  const files = [...(await bench.loadCorpus(log ? { log } : {})), ...installedExtras()];
  return { files, packages: [...new Set(files.map((f) => f.pkg))] };
}

/** Language and source type of a corpus file. */
export function kindOf(file) {
  if (/\.[cm]?ts$/u.test(file)) return { lang: 'ts', sourceTypes: ['module'] };
  if (file.endsWith('.mjs')) return { lang: 'js', sourceTypes: ['module'] };
  if (file.endsWith('.cjs')) return { lang: 'js', sourceTypes: ['commonjs'] };
  return { lang: 'js', sourceTypes: ['module', 'commonjs', 'script'] };
}
