import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import type { FunctionNode, LoopNode } from './ast';
import { HOST_SIGNAL } from './endpoints';
import type { CapMethod } from './methods';
import { FileAnalysis } from './requests';
import type { Field } from './senders';
import { resolveSettings, type ResolvedSettings } from './settings';
import { type FileIndex, Values } from './values';

export * from './ast';
export * from './codes';
export * from './methods';
export type { Field } from './senders';
export type { CapMonsterSettings, ResolvedSettings } from './settings';
export { UNKNOWN, type Part, type Frame, type Values } from './values';

export { OFFICIAL_PACKAGE } from './requests';

/** One place in the source that sends a CapMonster request (or, through a wrapper, several). */
export interface CapRequest {
  /** The call that sends it: the HTTP call, `client.Solve(...)`, or the call of a wrapper. */
  readonly call: TSESTree.CallExpression;
  /** The main method: a creating method when there is one, else the only one (`unknown` when not static). */
  readonly method: CapMethod;
  /** Every method the call sends (more than one for a wrapper like `solve()` that creates and polls). */
  readonly methods: ReadonlySet<CapMethod>;
  readonly protocol: 'json' | 'text' | 'official';
  readonly via: 'http' | 'official' | 'wrapper' | 'settings';
  /** Body, query and form fields, by name (for a wrapper call: what this call site passes in). */
  readonly fields: ReadonlyMap<string, Field>;
  /** The expression sent as the key (`clientKey`, 2captcha `key`, the official client's `ClientOptions.clientKey`). */
  readonly key?: TSESTree.Node;
  /** The expression sent as the task id (`taskId`, 2captcha `id`). */
  readonly taskId?: TSESTree.Node;
  /** The `task` object of a `createTask`. */
  readonly task?: TSESTree.Node;
  /** For a call of a same-file wrapper: the wrapper. */
  readonly wrapper?: Wrapper;
  /** The call repeats result requests by itself (it calls a wrapper that polls): it is not a single request. */
  readonly polls: boolean;
}

/** A same-file function, arrow or method that sends CapMonster requests. */
export interface Wrapper {
  readonly fn: FunctionNode;
  readonly name: string;
  readonly methods: Set<CapMethod>;
  /** The requests it sends: its own HTTP calls and its calls of other wrappers. */
  readonly requests: CapRequest[];
  /** It repeats result requests itself (a loop, an interval or recursion): it creates and/or polls to the end. */
  polls: boolean;
}

export interface OfficialClient {
  /** The package is imported or required in this file. */
  readonly imported: boolean;
  /** `new ClientOptions(...)` expressions. */
  readonly options: readonly TSESTree.NewExpression[];
  /** `CapMonsterCloudClientFactory.Create(...)` calls. */
  readonly creates: readonly TSESTree.CallExpression[];
}

export interface BranchNodes {
  ifs: TSESTree.IfStatement[];
  switches: TSESTree.SwitchStatement[];
  conditionals: TSESTree.ConditionalExpression[];
  tries: TSESTree.TryStatement[];
}

/** Everything this plugin knows about one file, computed once and shared by every rule. */
export interface CapMonsterFile {
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** The value-flow layer: what expressions hold, functions and their call sites, fields, `this`. */
  readonly values: Values;
  readonly settings: ResolvedSettings;
  /**
   * False when the file sends no CapMonster request (and makes no official client): either it shows no
   * CapMonster signal at all (then every list is empty), or it only mentions CapMonster. Rules stop there.
   */
  readonly isCapMonster: boolean;
  readonly requests: readonly CapRequest[];
  readonly wrappers: ReadonlyMap<FunctionNode, Wrapper>;
  readonly official: OfficialClient;
  readonly functions: readonly FunctionNode[];
  readonly loops: readonly LoopNode[];
  readonly calls: readonly TSESTree.CallExpression[];
  /** If statements, switches, conditionals and try statements, collected in the same pass. */
  readonly branches: BranchNodes;
  /** The request a call sends, if it is one. */
  requestAt(call: TSESTree.Node): CapRequest | undefined;
  /** Per-file memo for the analyses built on this one (polls, keys, responses, retries). */
  memo<T>(key: string, compute: () => T): T;
}

/**
 * Words that appear in every file that talks to CapMonster, directly or through a compatible API.
 * Kept to plain alternatives so the test is one linear scan.
 */
const SIGNAL =
  /capmonster|clientKey|getTaskResult|createTask|in\.php|res\.php|anti-?captcha|2captcha|rucaptcha|65\.21\.216\.235/i;

const cache = new WeakMap<TSESTree.Program, CapMonsterFile>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The shared analysis of the file being linted. */
export function getCapMonster(context: AnyContext): CapMonsterFile {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  let file = cache.get(ast);
  if (!file) {
    file = analyze(sourceCode, resolveSettings(context.settings));
    cache.set(ast, file);
  }
  return file;
}

function hasSignal(text: string, settings: ResolvedSettings): boolean {
  if (SIGNAL.test(text)) return true;
  for (const name of settings.wrappers.keys()) if (text.includes(name)) return true;
  return false;
}

const NOTHING: FileIndex = { calls: [], news: [], functions: [], memberWrites: [] };

function emptyFile(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): CapMonsterFile {
  const memos = new Map<string, unknown>();
  let values: Values | undefined;
  return {
    sourceCode,
    get values(): Values {
      return (values ??= new Values(sourceCode, NOTHING));
    },
    settings,
    isCapMonster: false,
    requests: [],
    wrappers: new Map(),
    official: { imported: false, options: [], creates: [] },
    functions: [],
    loops: [],
    calls: [],
    branches: { ifs: [], switches: [], conditionals: [], tries: [] },
    requestAt: () => undefined,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

function analyze(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings): CapMonsterFile {
  if (!hasSignal(sourceCode.text, settings)) return emptyFile(sourceCode, settings);
  return new FileAnalysis(sourceCode, settings, HOST_SIGNAL.test(sourceCode.text));
}
