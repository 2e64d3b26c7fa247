import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Linter } from 'eslint';

import type { FunctionNode, LoopNode } from './ast';
import { CAPMONSTER_SIGNAL as SIGNAL, HOST_SIGNAL } from './endpoints';
import type { CapMethod } from './methods';
import type { LibraryCall, LibraryClients } from './clients';
import { FileAnalysis } from './requests';
import type { ExportSummary, FunctionExport, ModuleEnv, ModuleSummary } from './modules';
import { summaryOf } from './summaries';
import { moduleCache, relativeSpecifiers, resolveModule } from './modules';
import type { Field } from './senders';
import { resolveSettings, type ResolvedSettings } from './settings';
import { type FileIndex, Values } from './values';

export * from './ast';
export * from './codes';
export * from './methods';
export type { Field } from './senders';
export type { CapMonsterSettings, ResolvedSettings } from './settings';
export { UNKNOWN, type Part, type Frame, type Values } from './values';

export { LIBRARIES, libraryOf, type Library } from './libraries';
export type { LibraryCall } from './clients';

/** One place in the source that sends a CapMonster request (or, through a wrapper, several). */
export interface CapRequest {
  /** The call that sends it: the HTTP call, `client.Solve(...)`, or the call of a wrapper. */
  readonly call: TSESTree.CallExpression;
  /** The main method: a creating method when there is one, else the only one (`unknown` when not static). */
  readonly method: CapMethod;
  /** Every method the call sends (more than one for a wrapper like `solve()` that creates and polls). */
  readonly methods: ReadonlySet<CapMethod>;
  readonly protocol: 'json' | 'text' | 'official';
  readonly via: 'http' | 'library' | 'wrapper' | 'settings' | 'module';
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
  /** For a call of a function imported from another module of the project: where it comes from and what it does. */
  readonly module?: { readonly specifier: string; readonly name: string; readonly exported: FunctionExport };
  /** For a call of a client package's method: the package, the method and the client. */
  readonly library?: LibraryCall;
}

/** A call of a package that sends its own placeholder key, in a file that never sets one. */
export interface UnsetKey {
  readonly request: CapRequest;
  readonly library: string;
  readonly placeholder: string;
}

/**
 * An expression sent as a key somewhere the file cannot show as a request: the key given to the constructor
 * of a class imported from another module (`new Client(process.env.KEY)`) whose requests send it.
 */
export interface KeySink {
  readonly node: TSESTree.Node;
  /** The call, `new` or assignment that takes it. */
  readonly position: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.AssignmentExpression;
  /** Where the knowledge comes from, for messages: `./api`, or a client package's name. */
  readonly from: string;
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
   * False when the file sends no CapMonster request (and gives no key to a client): either it shows no
   * CapMonster signal at all (then every list is empty), or it only mentions CapMonster. Rules stop there.
   */
  readonly isCapMonster: boolean;
  readonly requests: readonly CapRequest[];
  readonly wrappers: ReadonlyMap<FunctionNode, Wrapper>;
  /** The client packages' clients, calls and keys (undefined in a file without CapMonster signal). */
  readonly clients: LibraryClients | undefined;
  /** Calls of a package that sends its own placeholder key, in a file that never sets one. */
  readonly unsetKeys: readonly UnsetKey[];
  readonly functions: readonly FunctionNode[];
  readonly loops: readonly LoopNode[];
  readonly calls: readonly TSESTree.CallExpression[];
  /** If statements, switches, conditionals and try statements, collected in the same pass. */
  readonly branches: BranchNodes;
  /** Keys handed to imported constructors whose requests send them. */
  readonly keySinks: readonly KeySink[];
  /** The request a call sends, if it is one. */
  requestAt(call: TSESTree.Node): CapRequest | undefined;
  /**
   * What an expression is when it comes from another module of the project: an imported binding, a member
   * of one (`api.getResult`, `CONFIG.key`), or an instance of an imported class. Undefined otherwise.
   */
  importedExport(node: TSESTree.Node): { readonly specifier: string; readonly name: string; readonly exported: ExportSummary } | undefined;
  /** Per-file memo for the analyses built on this one (polls, keys, responses, retries). */
  memo<T>(key: string, compute: () => T): T;
}


const cache = new WeakMap<TSESTree.Program, CapMonsterFile>();

type AnyContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Internal setting: the modules being summarised on the way to this one (see `summarise`). */
const STACK_SETTING = 'capmonster:modules';

/** The shared analysis of the file being linted. */
export function getCapMonster(context: AnyContext): CapMonsterFile {
  const sourceCode = context.sourceCode;
  const ast = sourceCode.ast;
  let file = cache.get(ast);
  if (!file) {
    file = analyze(sourceCode, resolveSettings(context.settings), moduleEnv(context));
    cache.set(ast, file);
  }
  return file;
}

/** Where the file sits among the project's modules: its path, its parser, and the imports followed to get here. */
function moduleEnv(context: AnyContext): ModuleEnv | undefined {
  const filename = context.physicalFilename ?? context.filename;
  if (!filename || !filename.includes('/') && !filename.includes('\\')) return undefined;
  const stack = (context.settings as Record<string, unknown>)[STACK_SETTING];
  return {
    filename,
    languageOptions: (context.languageOptions ?? {}) as unknown as Readonly<Record<string, unknown>>,
    stack: Array.isArray(stack) ? (stack as string[]) : [],
  };
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
    clients: undefined,
    unsetKeys: [],
    functions: [],
    loops: [],
    calls: [],
    branches: { ifs: [], switches: [], conditionals: [], tries: [] },
    keySinks: [],
    requestAt: () => undefined,
    importedExport: () => undefined,
    memo<T>(key: string, compute: () => T): T {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    },
  };
}

function analyze(sourceCode: Readonly<TSESLint.SourceCode>, settings: ResolvedSettings, env: ModuleEnv | undefined): CapMonsterFile {
  if (!hasSignal(sourceCode.text, settings) && !(env && importsCapMonster(sourceCode.text, env))) return emptyFile(sourceCode, settings);
  return new FileAnalysis(sourceCode, settings, HOST_SIGNAL.test(sourceCode.text), env, summarise);
}

/** Words of code that waits: `await`, timers, promise chains. */
const ASYNC_SIGNAL = /\bawait\b|\bset(?:Interval|Timeout)\b|\.then\s*\(/;

/**
 * A file with no CapMonster word of its own that waits on something and imports a module of the project
 * that has one, or that imports one that does.
 */
function importsCapMonster(text: string, env: ModuleEnv): boolean {
  // Only code that waits on something (a poll, a retry, a promise chain) can repeat an imported request.
  if (!ASYNC_SIGNAL.test(text)) return false;
  const specifiers = relativeSpecifiers(text);
  if (specifiers.length === 0) return false;
  const modules = moduleCache(SIGNAL);
  return specifiers.some((spec) => {
    const file = resolveModule(env.filename, spec);
    return file !== undefined && modules.reachesCapMonster(file);
  });
}

let linter: Linter | undefined;

/**
 * Summarises an imported module: parsed with the importing file's parser by an ESLint `Linter` of the
 * plugin's own, whose one internal rule runs the shared analysis on it (scopes built as ESLint builds them).
 */
function summarise(file: string, text: string, env: ModuleEnv): ModuleSummary | undefined {
  // eslint is a peer dependency: loaded when a file first imports a module of the project.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  linter ??= new (require('eslint') as { Linter: typeof Linter }).Linter({ configType: 'flat', cwd: '/' });
  let summary: ModuleSummary | undefined;
  const rule = {
    meta: { type: 'problem' as const, schema: [] },
    create(context: AnyContext) {
      const analysis = new FileAnalysis(context.sourceCode, resolveSettings({}), HOST_SIGNAL.test(context.sourceCode.text), moduleEnv(context), summarise);
      summary = summaryOf(analysis, file);
      return {};
    },
  };
  const { parser, parserOptions, ecmaVersion } = env.languageOptions as { parser?: unknown; parserOptions?: unknown; ecmaVersion?: unknown };
  const sourceType = file.endsWith('.cjs') || file.endsWith('.cts') ? 'commonjs' : file.endsWith('.mjs') || file.endsWith('.mts') ? 'module' : (env.languageOptions.sourceType ?? 'module');
  linter.verify(
    text,
    [
      {
        files: ['**/*.*'],
        languageOptions: { ...(parser ? { parser } : {}), ...(parserOptions ? { parserOptions } : {}), ...(ecmaVersion ? { ecmaVersion } : {}), sourceType } as Linter.LanguageOptions,
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { 'capmonster-internal': { rules: { summary: rule as never } } },
        rules: { 'capmonster-internal/summary': 'error' },
        settings: { [STACK_SETTING]: env.stack },
      },
    ],
    file,
  );
  return summary;
}
