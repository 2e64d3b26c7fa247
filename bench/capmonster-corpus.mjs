// The CapMonster-heavy corpus of the benchmark: code that talks to CapMonster, so every
// rule does its full work. Sources, in this order:
//   - examples/*.{js,mjs,cjs,ts,mts,cts}   the plugin's examples (not eslint.config.js)
//   - bench/fixtures/*                     realistic clients: fetch/axios/got/request/node-fetch
//                                          loops, wrappers, classes, the official client, in.php/res.php
//   - docs/rules/*.md                      the fenced ```js / ```ts examples of every rule doc
//   - tests/rules/*.test.ts                the `code` strings of every rule test case
//   - tests/modules/project/**             a client split into modules (sends, polls, config, sleep helpers)
// The set is then replicated (copy-1/, copy-2/, ...) until it holds at least `minLines` lines.
// The files are linted with lintText and a filePath under bench/.corpus/capmonster/, where they are also
// written, so that the imports between modules (examples/bad-split-*.js, the project) resolve as they do
// in a real run: each copy's modules are read and summarised once, then served from the plugin's cache.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { CORPUS_DIR, countLines } from './corpus.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const require = createRequire(import.meta.url);

const CODE_FILE = /\.(?:[cm]?js|[cm]?ts)$/u;
const DECLARATION = /\.d\.[cm]?ts$/u;

function listDir(dir, filter) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter(filter)
    .sort()
    .map((name) => join(dir, name));
}

/** Fenced ```js / ```ts / ... blocks of a Markdown file. */
function fencedBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  let lang;
  let body;
  for (const line of lines) {
    if (lang === undefined) {
      const open = /^\s*```\s*([a-z]+)\s*$/iu.exec(line);
      if (open) {
        lang = open[1].toLowerCase();
        body = [];
      }
    } else if (/^\s*```\s*$/u.test(line)) {
      const ext = { js: 'js', javascript: 'js', mjs: 'mjs', cjs: 'cjs', ts: 'ts', typescript: 'ts' }[lang];
      if (ext) blocks.push({ ext, code: `${body.join('\n')}\n` });
      lang = undefined;
    } else {
      body.push(line);
    }
  }
  return blocks;
}

/** The static `code` strings of RuleTester cases in a test file. */
function testCaseCodes(source) {
  let ast;
  try {
    ast = require('@typescript-eslint/parser').parse(source, { range: false, loc: false, comment: false });
  } catch {
    return [];
  }
  const codes = [];
  const stack = [ast];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const child of node) stack.push(child);
      continue;
    }
    if (
      node.type === 'Property' &&
      !node.computed &&
      ((node.key.type === 'Identifier' && node.key.name === 'code') || (node.key.type === 'Literal' && node.key.value === 'code'))
    ) {
      const value = node.value;
      if (value.type === 'Literal' && typeof value.value === 'string') codes.push(value.value);
      else if (value.type === 'TemplateLiteral' && value.expressions.length === 0) {
        const cooked = value.quasis[0]?.value?.cooked;
        if (typeof cooked === 'string') codes.push(cooked);
      }
    }
    for (const key of Object.keys(node)) {
      if (key === 'parent') continue;
      const child = node[key];
      if (child && typeof child === 'object') stack.push(child);
    }
  }
  return codes.filter((code) => code.trim().length > 0);
}

/**
 * The distinct CapMonster sources (before replication).
 * @returns {Array<{ name: string, origin: 'examples' | 'fixtures' | 'docs' | 'tests' | 'project', code: string, lint?: boolean }>}
 */
export function capMonsterSources() {
  const sources = [];
  const codeFile = (name) => CODE_FILE.test(name) && !DECLARATION.test(name) && name !== 'eslint.config.js';

  for (const file of listDir(join(ROOT, 'examples'), codeFile)) {
    sources.push({ name: `examples/${basename(file)}`, origin: 'examples', code: readFileSync(file, 'utf8') });
  }
  for (const file of listDir(join(HERE, 'fixtures'), codeFile)) {
    sources.push({ name: `fixtures/${basename(file)}`, origin: 'fixtures', code: readFileSync(file, 'utf8') });
  }
  for (const file of listDir(join(ROOT, 'docs', 'rules'), (n) => n.endsWith('.md'))) {
    const rule = basename(file, '.md');
    fencedBlocks(readFileSync(file, 'utf8')).forEach((block, i) => {
      sources.push({ name: `docs/${rule}-${i + 1}.${block.ext}`, origin: 'docs', code: block.code });
    });
  }
  for (const file of listDir(join(ROOT, 'tests', 'rules'), (n) => n.endsWith('.test.ts'))) {
    const rule = basename(file, '.test.ts');
    testCaseCodes(readFileSync(file, 'utf8')).forEach((code, i) => {
      // RuleTester parses every case with the TypeScript parser: keep them .ts.
      sources.push({ name: `tests/${rule}-${i + 1}.ts`, origin: 'tests', code });
    });
  }
  // A client split into modules, with the JSON settings one of them imports (written, not linted).
  const project = join(ROOT, 'tests', 'modules', 'project');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const name = `project/${relative(project, full).split('\\').join('/').replace(/\.fixture$/u, '')}`;
      sources.push({ name, origin: 'project', code: readFileSync(full, 'utf8'), lint: CODE_FILE.test(name) });
    }
  };
  if (existsSync(project)) walk(project);
  return sources;
}

/**
 * The CapMonster-heavy corpus: the sources replicated to at least `minLines` lines.
 * @param {{ minLines?: number }} [options]
 * @returns {Promise<{ files: Array<{ file: string, pkg: string, code: string, copy: number }>, sources: ReturnType<typeof capMonsterSources>, lines: number }>}
 */
export async function buildCapMonsterCorpus(options = {}) {
  const minLines = options.minLines ?? 20_000;
  const sources = capMonsterSources();
  if (sources.length === 0) throw new Error('no CapMonster sources found (examples/, bench/fixtures/)');
  const files = [];
  let lines = 0;
  for (let copy = 1; lines < minLines; copy++) {
    for (const source of sources) {
      const file = join(CORPUS_DIR, 'capmonster', `copy-${copy}`, source.name);
      mkdirSync(dirname(file), { recursive: true });
      if (!existsSync(file) || readFileSync(file, 'utf8') !== source.code) writeFileSync(file, source.code);
      if (source.lint === false) continue;
      files.push({ file, pkg: `capmonster:${source.origin}`, code: source.code, copy });
      lines += countLines(source.code);
    }
  }
  return { files, sources, lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { files, sources, lines } = await buildCapMonsterCorpus();
  const per = new Map();
  for (const s of sources) {
    const e = per.get(s.origin) ?? { files: 0, lines: 0 };
    e.files++;
    e.lines += countLines(s.code);
    per.set(s.origin, e);
  }
  for (const [origin, e] of per) console.log(`${origin.padEnd(10)} ${String(e.files).padStart(4)} files ${String(e.lines).padStart(6)} lines`);
  console.log(`replicated: ${files.length} files, ${lines} lines`);
}
