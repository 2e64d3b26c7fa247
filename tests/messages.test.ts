import { describe, expect, it } from 'vitest';

import { FATAL_CODES } from '../src/capmonster/codes';
import { PROXY_CODES } from '../src/capmonster/branches';
import { rules } from '../src/rules';
import { CHECK_HINT } from '../src/rules/handle-ban-errors';
import { WHY } from '../src/rules/no-unbounded-polling';
import { REASONS, SOURCES } from '../src/rules/require-key-check';
import { LIBRARIES } from '../src/capmonster/libraries';

/** Why a check of the error never matches: the enums' reasons, and the ones the retry analysis writes. */
const MISLEADING = [
  ...LIBRARIES.flatMap((l) => (l.misleadingEnum ? [l.misleadingEnum.why] : [])),
  'the package throws a bare string',
  'the code is in error.error.errorCode',
  "Solve's codes have no ERROR_ prefix",
];

/**
 * Report messages fit on one line of a terminal, a CI log or an editor hover: at most 140 characters once
 * their data is filled in (the ban's name in parentheses, then what to do; the why belongs to the doc page).
 * Each report message is filled with every realistic value of each placeholder, the longest ones included.
 */
const MAX = 140;

/** Realistic values of each placeholder, per message id where the same name means different things. */
const VALUES: Record<string, Record<string, readonly (string | number)[]>> = {
  noAttemptBound: { max: [120, 60, 1] },
  boundAboveLimit: { count: [121, 6000, 300_000], max: [120, 60, 1] },
  missingDelay: { why: Object.values(WHY) },
  intervalTooShort: { ms: [0, 100, 1999, 9999], min: [2000, 10_000] },
  uncheckedResponse: { what: ['taskId', 'solution', 'status', 'balance', 'request', 'text'], check: Object.values(CHECK_HINT) },
  swallowedError: {},
  swallowedAccountError: {},
  helperSwallowsAccountError: { name: ['trySolve()', 'createTaskWithRetries()', 'solveNextAccountItem()', 'this helper()', 'trySolve() from ./solve-helpers', 'createTask() from ./captcha'] },
  retriesFatalError: { code: [...Object.keys(FATAL_CODES), 'WRONG_CAPTCHA_ID'], ban: [...new Set(Object.values(FATAL_CODES))] },
  invalidKey: { what: ['key', 'fallback key'], reason: Object.values(REASONS) },
  invalidKeyFrom: { from: ['./config', './transport/req', 'settings.json', 'credentials'], reason: Object.values(REASONS) },
  uncheckedKey: { source: [...Object.values(SOURCES), './config', './transport/req', 'settings.json'] },
  hardcodedKey: { preview: ['3f…f8', '…'] },
  retriesSameProxy: { code: [...PROXY_CODES, 'ERROR_PROXY_*'] },
  retriesZeroBalance: { what: ['ERROR_ZERO_BALANCE', 'HTTP 402 (zero balance)', 'an empty balance'] },
  blindRetry: {},
  nextTaskAfterFailure: { name: ['trySolve()', 'createTaskWithRetries()', 'solveNextAccountItem()', 'this helper()', 'trySolve() from ./solve-helpers', 'createTask() from ./captcha'] },
  checkNeverMatches: { why: [...MISLEADING] },
  pollsUntilSolved: { call: ['solver.recaptcha()', 'solveRecaptchaV2Proxyless()', 'this.solver.turnstile()', 'This call', 'page.solveRecaptchas()'] },
  keyNeverSet: { package: LIBRARIES.filter((l) => l.defaultKey !== undefined).map((l) => l.package) },
};

/** Every way of filling a message's placeholders with the values above. */
function filled(id: string, text: string): string[] {
  const names = [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!))];
  let out = [text];
  for (const name of names) {
    const values = VALUES[id]?.[name];
    if (!values) throw new Error(`${id}: no realistic values for {{${name}}}`);
    out = out.flatMap((t) => values.map((v) => t.replace(new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, 'g'), String(v))));
  }
  return out;
}

/** Message ids that name a suggestion (their text describes an edit); every other id is a report. */
function isSuggestion(id: string): boolean {
  return !(id in VALUES);
}

describe('messages', () => {
  const all = Object.entries(rules).flatMap(([rule, r]) => Object.entries(r.meta.messages).map(([id, text]) => ({ rule, id, text })));

  it('every report message id has realistic data here', () => {
    const reports = all.filter((m) => !isSuggestion(m.id)).map((m) => m.id);
    expect(reports.sort()).toEqual(Object.keys(VALUES).sort());
  });

  it.each(all.filter((m) => !isSuggestion(m.id)).map((m) => [`${m.rule}/${m.id}`, m] as const))(
    '%s fits in 140 characters with realistic data',
    (_name, m) => {
      const long = filled(m.id, m.text).filter((t) => t.length > MAX).map((t) => `${t.length}: ${t}`);
      expect(long).toEqual([]);
    },
  );

  it.each(all.map((m) => [`${m.rule}/${m.id}`, m] as const))('%s is one sentence that ends with a period', (_name, m) => {
    expect(m.text).toMatch(/^[A-Z{`][^\n]*\.$/);
  });
});
