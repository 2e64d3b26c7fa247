import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { isRunTimeExpression, keyProblem, maskKey } from '../../src/capmonster/keys';
import plugin from '../../src/index';

describe('keyProblem', () => {
  it.each([
    ['3f6a9b2c4d5e6f708192a3b4c5d6e7f8', undefined],
    ['3F6A9B2C4D5E6F708192A3B4C5D6E7F8', undefined],
    ['3f6a9b2c4d5e6f708192a3b4c5d6e7f8__nocache', undefined],
    ['3f6a9b2c4d5e6f708192a3b4c5d6e7f8__solvemedia__recognizingthreshold_70', undefined],
    ['={{$credentials.apiKey}}', undefined],
    ['{{apiKey}}', undefined],
    [undefined, 'missing'],
    ['', 'empty'],
    ['   ', 'empty'],
    ['YOUR_API_KEY', 'placeholder'],
    ['API_KEY', 'placeholder'],
    ['<your capmonster.cloud API key>', 'placeholder'],
    ['xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'placeholder'],
    ['00000000000000000000000000000000', 'placeholder'],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'placeholder'],
    ['abababababababababababababababab', 'placeholder'],
    ['12345678901234567890123456789012', 'placeholder'],
    ['0123456789abcdef0123456789abcdef', 'placeholder'],
    ['67b6bcbb1a728ea8d563de6d169a2057', 'example'],
    ['123', 'format'],
    ['adfasdfasdfasdfasf', 'format'],
    ['3f6a9b2c4d5e6f708192a3b4c5d6e7f', 'format'],
    ['3f6a9b2c4d5e6f708192a3b4c5d6e7f8_nocache', 'format'],
  ])('%j → %s', (value, problem) => {
    expect(keyProblem(value)).toBe(problem);
  });

  it('is fast on 100 KB strings', () => {
    const inputs = [
      'a'.repeat(100_000),
      `${'0'.repeat(32)}${'__x'.repeat(33_000)}`,
      `${'f'.repeat(32)}__${'a_'.repeat(50_000)}!`,
      '{{'.repeat(50_000),
      '${'.repeat(50_000),
      `<${' '.repeat(100_000)}`,
    ];
    const start = performance.now();
    for (const s of inputs) {
      keyProblem(s);
      isRunTimeExpression(s);
    }
    expect(performance.now() - start).toBeLessThan(200);
  });
});

describe('maskKey', () => {
  it('shows at most the first and last two characters', () => {
    expect(maskKey('3f6a9b2c4d5e6f708192a3b4c5d6e7f8')).toBe('3f…f8');
    expect(maskKey('short')).toBe('…');
  });
});

describe('the key rules never crash', () => {
  const snippets = [
    'const { [name]: key } = process.env; fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: key }) });',
    'let key; key ||= process.env.K; fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: key }) });',
    'function f(...keys) { return fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: keys[0] }) }); } f(...process.argv);',
    'const a = () => b(); const b = () => a(); fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: a() }) });',
    'var k = k; fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: k }) });',
    'class A { #k = process.env.K; go() { return fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: this.#k }) }); } }',
    'const o = { get clientKey() { return process.env.K; } }; fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: o.clientKey }) });',
    'function s(k = process.env.K) { return fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: k }) }); } s(s);',
    'for (const k of process.argv) fetch(`https://api.capmonster.cloud/res.php?key=${k}&action=getbalance`);',
    'fetch("https://api.capmonster.cloud/in.php?key=&method=post");',
  ];
  it.each(snippets)('%s', (code) => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { parser: tsParser, sourceType: 'module' },
          plugins: { capmonster: plugin },
          rules: { 'capmonster/require-key-check': 'error', 'capmonster/no-hardcoded-client-key': 'error' },
        },
      ],
      'x.js',
    );
    expect(messages.filter((m) => m.fatal || m.ruleId === null)).toEqual([]);
  });
});
