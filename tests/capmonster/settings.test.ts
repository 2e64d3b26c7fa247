import { describe, expect, it } from 'vitest';

import { resolveSettings } from '../../src/capmonster/settings';

describe('settings.capmonster', () => {
  it('is optional', () => {
    expect(resolveSettings({}).wrappers.size).toBe(0);
    expect(resolveSettings(undefined).sleepFunctions.size).toBe(0);
  });

  it('reads wrappers and both forms of sleepFunctions', () => {
    const list = resolveSettings({ capmonster: { wrappers: { fetchResult: 'getTaskResult' }, sleepFunctions: ['pause'] } });
    expect([...list.wrappers]).toEqual([['fetchResult', 'getTaskResult']]);
    expect([...list.sleepFunctions]).toEqual([['pause', undefined]]);
    const map = resolveSettings({ capmonster: { sleepFunctions: { backoff: null, pause: 3000 } } });
    expect([...map.sleepFunctions]).toEqual([
      ['backoff', undefined],
      ['pause', 3000],
    ]);
  });

  it.each([
    ['not an object', 'fast', 'expected an object'],
    ['an unknown key', { wrapper: {} }, 'unknown key "wrapper"'],
    ['wrappers as a list', { wrappers: ['a'] }, '"wrappers" must be an object'],
    ['a method that does not exist', { wrappers: { a: 'getResult' } }, 'wrappers["a"] must be one of createTask'],
    ['the internal method unknown', { wrappers: { a: 'unknown' } }, 'wrappers["a"] must be one of'],
    ['an empty sleep name', { sleepFunctions: [''] }, 'entries must be non-empty strings'],
    ['a negative delay', { sleepFunctions: { pause: -1 } }, 'sleepFunctions["pause"] must be a delay'],
    ['sleepFunctions as a string', { sleepFunctions: 'sleep' }, '"sleepFunctions" must be an array'],
  ])('rejects %s with a message that names it', (_name, value, message) => {
    expect(() => resolveSettings({ capmonster: value })).toThrow(message);
    expect(() => resolveSettings({ capmonster: value })).toThrow(/^eslint-plugin-capmonster: invalid settings\.capmonster: /);
  });
});
