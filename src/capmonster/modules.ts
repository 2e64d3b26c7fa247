import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { propertyName, unwrap } from './ast';
import type { CapMethod } from './methods';
import type { ExternalKind } from './origins';

/**
 * The project's own modules a file imports: resolved the way Node and TypeScript do, read, analysed with
 * the same analysis, and summarised (what each export sends, waits, swallows or holds), so that the rules
 * judge a file with what its imports do. Relative specifiers only; never `node_modules`. Summaries are kept
 * per absolute path for the whole run, and read again when the file's modification time or size changes.
 * Anything that cannot be resolved, read or parsed is unknown.
 */

/** What an imported function does when called. */
export interface FunctionExport {
  kind: 'function';
  /** The CapMonster requests it sends. */
  sends?: Sends;
  /** It waits: a fixed time, or a time read from one of its arguments (`sleep(ms)`: `ms × factor + offset`). */
  waits?: Waits;
  /** It turns every failure of the task it creates into `null`/`undefined`/`false`/nothing. */
  swallows?: boolean;
}

export interface Sends {
  methods: CapMethod[];
  protocol: 'json' | 'text' | 'official';
  /** It repeats result requests itself: it creates and/or polls to the end. */
  polls: boolean;
  /** The arguments that carry the key and the task id. */
  keyParam?: number;
  taskIdParam?: number;
  /** It hands back the reply it got without checking it (and how the reply tells an error). */
  raw?: { kind: 'json' | 'text' | 'official'; method: CapMethod; json1: boolean };
}

export interface Waits {
  ms?: number;
  param?: number;
  factor?: number;
  offset?: number;
}

/** A constant: its text or number, and what it is as a key. */
export interface ValueExport {
  kind: 'value';
  text?: string;
  number?: number;
  key?: KeySummary;
}

/** What an exported value is as a key: a literal (its text), or a read from outside the program. */
export interface KeySummary {
  literal: boolean;
  value?: string;
  external?: ExternalKind;
  /** The module checks it (or a literal fallback covers it) before anything can use it. */
  checked: boolean;
}

/** An object, a class or an instance: its members; for a class, the constructor argument that ends up sent as the key. */
export interface ObjectExport {
  kind: 'object';
  members: Map<string, ExportSummary>;
  ctorKeyParam?: number;
}

export type ExportSummary = FunctionExport | ValueExport | ObjectExport;

export interface ModuleSummary {
  /** The absolute path of the module. */
  readonly path: string;
  readonly exports: ReadonlyMap<string, ExportSummary>;
}

/** An imported binding of the linted file: the module as written, the export's name there, and what it is. */
export interface ImportedBinding {
  readonly specifier: string;
  readonly name: string;
  readonly exported: ExportSummary | undefined;
}

/** Where the file being analysed sits in the graph of imports being followed. */
export interface ModuleEnv {
  readonly filename: string;
  readonly languageOptions: Readonly<Record<string, unknown>>;
  /** Modules being summarised on the way here (an import cycle stops at them). */
  readonly stack: readonly string[];
}

const MAX_DEPTH = 3;
const MAX_BYTES = 1_000_000;
const CODE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
const JS_TO_TS: Readonly<Record<string, readonly string[]>> = {
  '.js': ['.ts', '.tsx'],
  '.jsx': ['.tsx'],
  '.mjs': ['.mts'],
  '.cjs': ['.cts'],
};

/** The file a relative specifier names, the way Node and TypeScript resolve it; undefined for anything else. */
export function resolveModule(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const dir = path.dirname(from);
  // The files of one folder import the same modules again and again: one resolution per folder and specifier.
  const key = `${dir}\u0000${specifier}`;
  const now = Date.now();
  const hit = resolutions.get(key);
  if (hit && now - hit.at < FRESH_MS) return hit.file;
  const file = resolveNow(path.resolve(dir, specifier));
  resolutions.set(key, { at: now, file });
  return file;
}

const resolutions = new Map<string, { at: number; file: string | undefined }>();

function resolveNow(base: string): string | undefined {
  if (base.split(path.sep).includes('node_modules')) return undefined;
  const has = (file: string): boolean => listing(path.dirname(file)).has(path.basename(file));
  const ext = path.extname(base);
  if (ext === '.json' || CODE_EXTENSIONS.includes(ext)) {
    if (has(base)) return base;
    for (const ts of JS_TO_TS[ext] ?? []) {
      const c = base.slice(0, -ext.length) + ts;
      if (has(c)) return c;
    }
  }
  const names = listing(path.dirname(base));
  const stem = path.basename(base);
  for (const e of CODE_EXTENSIONS) if (names.has(stem + e)) return base + e;
  const inside = listing(base);
  for (const e of CODE_EXTENSIONS) if (inside.has(`index${e}`)) return path.join(base, `index${e}`);
  return undefined;
}

/** How long a folder's files, and where a specifier leads, are trusted before they are read again. */
const FRESH_MS = 3000;

const listings = new Map<string, { at: number; files: ReadonlySet<string> }>();

/**
 * The files of a folder, read once every few seconds: resolving a specifier tries up to fifteen names, and a
 * look-up in a set costs nothing next to a `stat` of each (a bundler's sources resolve thousands of imports).
 */
function listing(dir: string): ReadonlySet<string> {
  const now = Date.now();
  const hit = listings.get(dir);
  if (hit && now - hit.at < FRESH_MS) return hit.files;
  let files: ReadonlySet<string>;
  try {
    files = new Set(
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => e.name),
    );
  } catch {
    files = new Set();
  }
  listings.set(dir, { at: now, files });
  return files;
}

function stat(file: string): import('node:fs').Stats | undefined {
  try {
    // Most candidates do not exist: no exception for them (building one costs more than the look-up).
    return statSync(file, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

interface CacheEntry {
  mtimeMs: number;
  size: number;
  summary: ModuleSummary | undefined;
  /** The module's text names CapMonster. */
  signal: boolean;
  /** It names CapMonster or imports a module that does (worked out once). */
  reaches?: boolean;
}

/**
 * How a module is summarised: a callback the shared analysis registers (it parses the text with the
 * importing file's parser and runs the analysis on it), kept out of this file to keep the layers apart.
 */
export type Summarise = (file: string, text: string, env: ModuleEnv) => ModuleSummary | undefined;

/** Summaries per absolute path, for the whole run (one ESLint process lints many files). */
class ModuleCache {
  private readonly entries = new Map<string, CacheEntry>();

  constructor(private readonly signal: RegExp) {}

  /** The summary of a module, read again when it changed on disk. */
  summary(file: string, env: ModuleEnv, summarise: Summarise): ModuleSummary | undefined {
    const entry = this.entry(file);
    if (!entry) return undefined;
    if (entry.summary === undefined && !env.stack.includes(file) && env.stack.length < MAX_DEPTH) {
      const text = read(file);
      if (text === undefined) return undefined;
      try {
        entry.summary = file.endsWith('.json') ? jsonSummary(file, text) : summarise(file, text, { ...env, stack: [...env.stack, file] });
      } catch {
        entry.summary = undefined;
      }
    }
    return entry.summary;
  }

  /**
   * Whether a module names CapMonster, or imports a module that does (one hop: `solve-helpers.ts` wraps
   * `transport/request.ts`). Worked out once per path, modification time and size. Nothing further: a dense
   * import graph (a bundler's sources) would otherwise reach the one file that happens to hold a CapMonster
   * word from most of its files.
   */
  reachesCapMonster(file: string): boolean {
    const entry = this.entry(file);
    if (!entry) return false;
    if (entry.signal) return true;
    if (entry.reaches === undefined) {
      entry.reaches = false;
      const text = read(file);
      for (const spec of text === undefined ? [] : relativeSpecifiers(text)) {
        const next = resolveModule(file, spec);
        if (next && this.entry(next)?.signal) {
          entry.reaches = true;
          break;
        }
      }
    }
    return entry.reaches;
  }

  private entry(file: string): CacheEntry | undefined {
    // Compared with the disk every time: an editor re-lints a file right after an edit of a module it imports.
    const hit = this.entries.get(file);
    const st = stat(file);
    if (!st?.isFile() || st.size > MAX_BYTES) return undefined;
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit;
    const text = read(file);
    const entry: CacheEntry = { mtimeMs: st.mtimeMs, size: st.size, summary: undefined, signal: text !== undefined && this.signal.test(text) };
    this.entries.set(file, entry);
    return entry;
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

const IMPORT_SPECIFIER = /(?:\bfrom|\bimport\s*\(|\bimport|\brequire\s*\()\s*(['"])(\.{1,2}\/[^'"\n]*|\.{1,2})\1/g;

/** The relative specifiers a module's text imports or requires. */
export function relativeSpecifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT_SPECIFIER)) out.push(m[2]!);
  return out;
}

let cache: ModuleCache | undefined;

/** The run's module cache (made on first use). */
export function moduleCache(signal: RegExp): ModuleCache {
  return (cache ??= new ModuleCache(signal));
}

export type { ModuleCache };

/* -------------------------------------------------------------------------------------------------- */
/* JSON modules                                                                                        */
/* -------------------------------------------------------------------------------------------------- */

function jsonSummary(file: string, text: string): ModuleSummary | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  const value = jsonExport(data, 0);
  const exports = new Map<string, ExportSummary>();
  if (value) exports.set('default', value);
  if (value?.kind === 'object') for (const [k, v] of value.members) exports.set(k, v);
  return { path: file, exports };
}

function jsonExport(data: unknown, depth: number): ExportSummary | undefined {
  if (typeof data === 'string') return { kind: 'value', text: data, key: { literal: true, value: data, checked: false } };
  if (typeof data === 'number') return { kind: 'value', number: data, text: String(data) };
  if (data && typeof data === 'object' && !Array.isArray(data) && depth < 6) {
    const members = new Map<string, ExportSummary>();
    for (const [k, v] of Object.entries(data)) {
      const e = jsonExport(v, depth + 1);
      if (e) members.set(k, e);
    }
    return { kind: 'object', members };
  }
  return undefined;
}

/* -------------------------------------------------------------------------------------------------- */
/* Imported bindings                                                                                   */
/* -------------------------------------------------------------------------------------------------- */

/** Where an imported binding comes from: `import x from 'm'`, `import { a as x } from 'm'`, `const { a: x } = require('m')`. */
export function importOf(
  variableOf: (id: TSESTree.Identifier) => TSESLint.Scope.Variable | undefined,
  id: TSESTree.Identifier,
): { source: string; name: string } | undefined {
  const v = variableOf(id);
  const def = v?.defs.length === 1 ? v.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'ImportBinding') {
    const decl = def.parent;
    if (decl?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const source = String(decl.source.value);
    const spec = def.node;
    if (spec.type === AST_NODE_TYPES.ImportDefaultSpecifier) return { source, name: 'default' };
    if (spec.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return { source, name: '*' };
    if (spec.type === AST_NODE_TYPES.ImportSpecifier) {
      const imported = spec.imported;
      return { source, name: imported.type === AST_NODE_TYPES.Identifier ? imported.name : String(imported.value) };
    }
    return undefined;
  }
  if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return undefined;
  const decl = def.node;
  let init = unwrap(decl.init!);
  let member: string | undefined;
  if (init.type === AST_NODE_TYPES.MemberExpression) {
    member = propertyName(init);
    init = unwrap(init.object);
  }
  const source = requireSource(init);
  if (source === undefined) return undefined;
  if (member !== undefined) return decl.id.type === AST_NODE_TYPES.Identifier ? { source, name: member } : undefined;
  if (decl.id.type === AST_NODE_TYPES.Identifier) return { source, name: '*' };
  if (decl.id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const p of decl.id.properties) {
      if (p.type !== AST_NODE_TYPES.Property) continue;
      const value = p.value.type === AST_NODE_TYPES.AssignmentPattern ? p.value.left : p.value;
      if (value === def.name) {
        const name = propertyName(p);
        return name === undefined ? undefined : { source, name };
      }
    }
  }
  return undefined;
}

/** `require('m')`, `await import('m')`: the module named. */
export function requireSource(node: TSESTree.Node): string | undefined {
  const n = unwrap(node);
  if (n.type === AST_NODE_TYPES.AwaitExpression) return requireSource(n.argument);
  if (n.type === AST_NODE_TYPES.ImportExpression) {
    return n.source.type === AST_NODE_TYPES.Literal && typeof n.source.value === 'string' ? n.source.value : undefined;
  }
  if (
    n.type === AST_NODE_TYPES.CallExpression &&
    n.callee.type === AST_NODE_TYPES.Identifier &&
    n.callee.name === 'require' &&
    n.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    typeof n.arguments[0].value === 'string'
  ) {
    return n.arguments[0].value;
  }
  return undefined;
}

/** A member of an export: `obj.name` of an object, class or instance export. */
/** A module named in a message: its specifier, or its last part when the specifier is long (`./transport/settings` → `settings`). */
export function shortSpecifier(from: string): string {
  return from.length <= 16 ? from : (from.split('/').pop() ?? from);
}

export function memberOf(e: ExportSummary | undefined, name: string): ExportSummary | undefined {
  return e?.kind === 'object' ? e.members.get(name) : undefined;
}
