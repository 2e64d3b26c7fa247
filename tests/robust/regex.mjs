// Regex safety: every regular expression in the plugin's source (the ones that run on user code: key
// format, placeholders, URLs, signals) is collected straight from src/ — literals and `RegExp('...')`
// with literal arguments — so new files and rules are covered without exporting anything. Each one runs
// on 100 KB adversarial strings built from its own characters and must finish well under a second.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const tsParser = require('@typescript-eslint/parser');

function walkFiles(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkFiles(p, out);
    else if (/\.[cm]?ts$/u.test(name) && !/\.d\.[cm]?ts$/u.test(name)) out.push(p);
  }
  return out;
}

function visit(node, fn) {
  if (!node || typeof node.type !== 'string') return;
  fn(node);
  for (const key of Object.keys(node)) {
    if (key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments') continue;
    const child = node[key];
    if (Array.isArray(child)) for (const c of child) visit(c, fn);
    else if (child && typeof child === 'object' && typeof child.type === 'string') visit(child, fn);
  }
}

/**
 * Every regular expression written in the source files under `srcDir`.
 * @returns {{ regexes: Array<{ where: string, source: string, flags: string }>, dynamic: string[] }}
 */
export function collectRegexes(srcDir, rootDir = srcDir) {
  const regexes = [];
  const dynamic = [];
  for (const file of walkFiles(srcDir)) {
    const code = readFileSync(file, 'utf8');
    const ast = tsParser.parse(code, { loc: true, range: true, filePath: file });
    const rel = relative(rootDir, file);
    visit(ast, (node) => {
      if (node.type === 'Literal' && node.regex) {
        regexes.push({ where: `${rel}:${node.loc.start.line}`, source: node.regex.pattern, flags: node.regex.flags });
      } else if ((node.type === 'NewExpression' || node.type === 'CallExpression') && node.callee.type === 'Identifier' && node.callee.name === 'RegExp') {
        const [p, f] = node.arguments;
        const lit = (n) => (n?.type === 'Literal' && typeof n.value === 'string' ? n.value : n?.type === 'TemplateLiteral' && n.expressions.length === 0 ? n.quasis[0].value.cooked : undefined);
        const source = lit(p);
        const flags = f === undefined ? '' : lit(f);
        if (source !== undefined && flags !== undefined) regexes.push({ where: `${rel}:${node.loc.start.line}`, source, flags });
        else dynamic.push(`${rel}:${node.loc.start.line}`);
      }
    });
  }
  return { regexes, dynamic };
}

/** Characters the pattern can match, picked from its text and its classes. */
function alphabet(source) {
  const chars = new Set(['a', 'A', '0', '_', '-', '.', '/', ' ', '\n', '|', '=', '&', '?', ':', '"', "'", '`', '\\', '{', '(', '$', '\uffff']);
  const stripped = source.replace(/\\[dDwWsSbBnrtvf0]|\\u\{?[0-9a-fA-F]+\}?|\\x[0-9a-fA-F]{2}/gu, '');
  for (const ch of stripped) if (ch.charCodeAt(0) > 31 && ch.charCodeAt(0) < 127 && ch !== '^' && ch !== '$') chars.add(ch);
  if (/\\d/u.test(source)) chars.add('7');
  if (/\\w/u.test(source)) chars.add('z');
  if (/\\s/u.test(source)) chars.add('\t');
  return [...chars];
}

/** Literal words in the pattern (the parts of alternations), used to build near-matches. */
function words(source) {
  return [...new Set(source.replace(/\\./gu, '').split(/[^\w.-]+/u).filter((w) => w.length >= 2))].slice(0, 24);
}

/**
 * 100 KB adversarial strings for one pattern: each character repeated; pairs alternated; each word of
 * the pattern repeated and cut one short; plus key-like shapes. Each ends in a character that breaks a
 * match, to force backtracking where a pattern allows it.
 */
export function adversarialStrings(source, { size = 100_000, pairs = true } = {}) {
  const out = [];
  const chars = alphabet(source);
  const fill = (unit, tail = '!') => unit.repeat(Math.ceil(size / unit.length)).slice(0, size) + tail;
  for (const c of chars) out.push(fill(c), fill(c, '\u0000'));
  if (pairs) {
    for (const a of chars) for (const b of chars) if (a < b) out.push(fill(a + b));
  }
  for (const w of words(source)) {
    out.push(fill(w), fill(w.slice(0, -1)), fill(`${w} `), fill(`${w}_`), fill(`${w}=&`));
  }
  out.push(
    `${'0'.repeat(32)}${fill('__a_b-')}`,
    `${'a'.repeat(32)}${fill('__a')}`,
    `${'f'.repeat(32)}${fill('_a_')}`,
    fill('https://api.capmonster.cloud/'),
    fill('api.capmonster.cloud/getTaskResult?key=k&'),
    fill('capmonster.clou'),
    fill('/getTaskResul'),
    fill('/in.ph'),
    `/${fill('/')}`,
    fill('ERROR_'),
    fill('ERROR_PROXY'),
    fill('%', ''),
    fill('\t \n'),
  );
  return out;
}

/**
 * Runs each regex against each adversarial string; returns the slowest timings and the failures.
 * @returns {{ tried: number, strings: number, slowest: Array<{ where: string, ms: number }>, failures: Array<{ where: string, source: string, ms: number, sample: string }> }}
 */
export function checkRegexes(regexes, { limitMs = 250, size = 100_000, pairs = true } = {}) {
  const failures = [];
  const slowest = [];
  let strings = 0;
  for (const r of regexes) {
    let re;
    try {
      re = new RegExp(r.source, r.flags);
    } catch (error) {
      failures.push({ where: r.where, source: r.source, ms: 0, sample: `does not compile: ${error.message}` });
      continue;
    }
    let worst = 0;
    let worstSample = '';
    for (const s of adversarialStrings(r.source, { size, pairs })) {
      strings++;
      const t0 = performance.now();
      re.lastIndex = 0;
      if (re.global || re.sticky) s.replace(re, '');
      else re.test(s);
      re.lastIndex = 0;
      s.split(re, 2);
      const ms = performance.now() - t0;
      if (ms > worst) {
        worst = ms;
        worstSample = s;
      }
    }
    slowest.push({ where: r.where, source: r.source, ms: worst });
    if (worst > limitMs) failures.push({ where: r.where, source: r.source, ms: worst, sample: `${JSON.stringify(worstSample.slice(0, 60))}… (${worstSample.length} chars)` });
  }
  slowest.sort((a, b) => b.ms - a.ms);
  return { tried: regexes.length, strings, slowest, failures };
}
