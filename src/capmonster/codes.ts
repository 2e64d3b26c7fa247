/** The four reasons CapMonster Cloud bans an account for 10 minutes. */
export type Ban = 'KeyDoesntExist' | 'ZeroBalance' | 'WrongTaskId' | 'BadProxy';

/** Requests per task that CapMonster answers before a WrongTaskId ban. */
export const MAX_RESULT_REQUESTS = 120;
/** The documented minimum time between two result requests for a task. */
export const MIN_POLL_INTERVAL_MS = 2000;

/**
 * Error codes after which sending the same request again is pointless and, repeated, gets the
 * account banned (zero balance and proxy codes are listed apart: they have rules of their own).
 */
export const FATAL_CODES: Readonly<Record<string, Ban>> = {
  ERROR_KEY_DOES_NOT_EXIST: 'KeyDoesntExist',
  ERROR_IP_BANNED: 'KeyDoesntExist',
  ERROR_IP_BLOCKED: 'KeyDoesntExist',
  ERROR_NO_SUCH_CAPCHA_ID: 'WrongTaskId',
  WRONG_CAPTCHA_ID: 'WrongTaskId',
  ERROR_WRONG_CAPTCHA_ID: 'WrongTaskId',
  ERROR_TOO_MUCH_REQUESTS: 'WrongTaskId',
};

export const ZERO_BALANCE_CODE = 'ERROR_ZERO_BALANCE';
export const PROXY_CODE_PREFIX = 'ERROR_PROXY';
export const PROXY_BANNED_CODE = 'ERROR_PROXY_BANNED';

/** Both spellings of the not-ready marker: JSON API (`CAPTCHA_`) and 2captcha-style text (`CAPCHA_`). */
export const NOT_READY_CODES = ['CAPTCHA_NOT_READY', 'CAPCHA_NOT_READY'] as const;

/** Codes that mean "wait and try again": retrying them is right. */
export const TRANSIENT_CODES = [
  ...NOT_READY_CODES,
  'ERROR_NO_SLOT_AVAILABLE',
  'ERROR_SERVICE_NOT_AVAILABLE',
] as const;

/**
 * Brings the spellings of one code together: `ERROR_ZERO_BALANCE`, `ZERO_BALANCE` (the official
 * client's `ErrorType`), any case. Returns the `ERROR_`-prefixed upper-case form.
 */
export function normalizeCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (upper === 'WRONG_CAPTCHA_ID' || upper.startsWith('ERROR_') || upper.endsWith('_NOT_READY')) return upper;
  return `ERROR_${upper}`;
}

export function isZeroBalanceCode(code: string): boolean {
  return normalizeCode(code) === ZERO_BALANCE_CODE;
}

export function isProxyCode(code: string): boolean {
  return normalizeCode(code).startsWith(PROXY_CODE_PREFIX);
}

/** The ban a fatal code leads to, for codes that are not zero balance or proxy codes. */
export function fatalBan(code: string): Ban | undefined {
  return FATAL_CODES[normalizeCode(code)];
}

/** HTTP statuses seen on CapMonster for the fatal conditions (not documented, observed). */
export const HTTP_STATUS_BAN: Readonly<Record<number, Ban>> = {
  402: 'ZeroBalance',
  403: 'KeyDoesntExist',
  429: 'WrongTaskId',
};

/**
 * A CapMonster key: 32 hex characters, optionally followed by `__suffix` parts (`__nocache`,
 * `__recognizingthreshold_70`). Linear-time: no nested quantifiers can overlap.
 */
export const KEY_FORMAT = /^[0-9a-f]{32}(?:__[a-z0-9-]+(?:_[a-z0-9-]+)*)*$/i;

export function isKeyFormat(value: string): boolean {
  return value.length <= 512 && KEY_FORMAT.test(value);
}
