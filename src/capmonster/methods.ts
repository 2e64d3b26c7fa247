/**
 * What a CapMonster request asks for. JSON methods keep their API names; 2captcha-style calls are
 * named by endpoint and action; `solve` is the official client's `Solve()` (create + poll).
 */
export type CapMethod =
  | 'createTask'
  | 'getTaskResult'
  | 'getBalance'
  | 'reportIncorrect'
  | 'in.php'
  | 'res.php:get'
  | 'res.php:getbalance'
  | 'res.php:report'
  | 'res.php'
  | 'solve'
  | 'unknown';

export const CAP_METHODS: readonly CapMethod[] = [
  'createTask',
  'getTaskResult',
  'getBalance',
  'reportIncorrect',
  'in.php',
  'res.php:get',
  'res.php:getbalance',
  'res.php:report',
  'res.php',
  'solve',
  'unknown',
];

/** A request for one task's result: what a poll repeats. */
export function isResultMethod(m: CapMethod): boolean {
  return m === 'getTaskResult' || m === 'res.php:get';
}

/** A request that creates a task (or, for `solve`, creates one and polls it to the end). */
export function isCreateMethod(m: CapMethod): boolean {
  return m === 'createTask' || m === 'in.php' || m === 'solve';
}

export function isBalanceMethod(m: CapMethod): boolean {
  return m === 'getBalance' || m === 'res.php:getbalance';
}

/** Maps a JSON API path segment or a settings value to a method. */
export function methodFromName(name: string): CapMethod | undefined {
  const n = name.replace(/^\/+/, '');
  if (n === 'createTask' || n === 'getTaskResult' || n === 'getBalance') return n;
  if (n.startsWith('reportIncorrect')) return 'reportIncorrect';
  if ((CAP_METHODS as readonly string[]).includes(n)) return n as CapMethod;
  return undefined;
}

/** Whether some method of a set passes `test` (without copying the set into an array). */
export function anyMethod(methods: ReadonlySet<CapMethod>, test: (m: CapMethod) => boolean): boolean {
  for (const m of methods) if (test(m)) return true;
  return false;
}

/** Whether every method of a set passes `test`. */
export function everyMethod(methods: ReadonlySet<CapMethod>, test: (m: CapMethod) => boolean): boolean {
  for (const m of methods) if (!test(m)) return false;
  return true;
}
