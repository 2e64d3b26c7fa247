// Types of suites.mjs, the shared core of the robustness battery (used by robust.test.ts).

/** The plugin object, as much of it as the battery reads. */
export interface PluginLike {
  rules: Record<string, { meta?: { messages?: Record<string, string>; schema?: unknown; fixable?: string; hasSuggestions?: boolean; defaultOptions?: unknown[] } }>;
  configs: { all: { rules?: Record<string, unknown> } };
}

export interface Failure {
  label: string;
  lang: string;
  sourceType: string;
  variant: string;
  invariant: string;
  rule?: string;
  detail: string;
  code?: string;
}

export interface RuleCounts {
  reports: number;
  fixes: number;
  suggestions: number;
  messageIds: Record<string, number>;
}

export interface Stats {
  inputs: number;
  skipped: number;
  lints: number;
  reports: number;
  fixes: number;
  fixesApplied: number;
  suggestions: number;
  failures: Failure[];
  perRule: Record<string, RuleCounts>;
  notes: string[];
  layer: Record<string, number>;
  perPackage?: Record<string, { files: number; reports: number }>;
}

export interface PathologicalStats extends Stats {
  timings: Array<{ input: string; bytes: number; controlMs: number; rules: Record<string, number> }>;
}

export interface ConfigStats extends Stats {
  cases: Array<{ rule: string; label: string; options: unknown; message: string }>;
}

export interface CorpusFile {
  file: string;
  pkg: string;
  code: string;
}

export declare const SEEDS: readonly number[];
export declare const ROOT: string;
export declare const CAPTCHA_CLIENT_PACKAGES: readonly string[];

export declare function newStats(plugin: PluginLike): Stats;
export declare function createChecker(
  plugin: object,
  options: { variants: Array<{ name: string; rules: Record<string, unknown> }>; settings?: object; probe?: object },
): {
  check(input: { code: string; lang: 'js' | 'ts'; sourceType: string; label: string; expectNoReports?: boolean }, stats: Stats): 'ok' | 'unparseable' | 'failed';
};
export declare function mergeStats(a: Stats, b: Stats): Stats;
export declare function formatFailure(f: Failure, options?: { withCode?: boolean; maxCode?: number }): string;
export declare function probePlugin(getCapMonster: (context: never) => unknown): object;
export declare function variantsOf(plugin: PluginLike): Array<{ name: string; rules: Record<string, unknown> }>;

export declare function generateProgram(
  seed: number,
  index: number,
): { code: string; lang: 'js' | 'ts'; sourceType: string; label: string; features: string[]; expectNoReports: boolean };

export declare function runDomain(plugin: PluginLike, options: { seed: number; start?: number; count: number; probe?: object }): Stats;
export declare function runEslump(plugin: PluginLike, options: { seed: number; start?: number; count: number; maxDepth?: number }): Stats;
export declare function runCorpus(plugin: PluginLike, options: { files: CorpusFile[]; start?: number; count?: number }): Stats;
export declare function runRegressions(plugin: PluginLike): Stats;
export declare function runPathological(plugin: PluginLike, options?: { limitMs?: number; only?: string[] }): PathologicalStats;
export declare function runBadConfig(plugin: PluginLike, options?: { sampleCount?: number }): ConfigStats;
export declare function runRegexSafety(options?: { limitMs?: number; pairs?: boolean }): {
  tried: number;
  strings: number;
  slowest: Array<{ where: string; source: string; ms: number }>;
  failures: Array<{ where: string; source: string; ms: number; sample: string }>;
  dynamic: string[];
};
export declare function loadRobustCorpus(options?: {
  download?: boolean;
  log?: (msg: string) => void;
}): Promise<{ files: CorpusFile[] | null; reason?: string; packages: string[] }>;
export declare function coverageProblems(plugin: PluginLike, stats: Stats): { problems: string[]; warnings: string[] };
export declare function perRuleTable(plugin: PluginLike, stats: Stats): string[];
