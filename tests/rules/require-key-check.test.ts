import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/require-key-check';

const ruleTester = new RuleTester();

const GUARD = (name: string): string =>
  `if (!${name}) throw new Error('${name} is not set: CapMonster bans clients that send requests without a valid key');`;

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids and options.
ruleTester.run<MessageIds, Options>('require-key-check', rule as never, {
  valid: [
      {
        name: "a key with an empty fallback, checked through a method of one return (if (!this.enabled()) return null)",
        filename: "solver.ts",
        code: `
export class Solver {
  private readonly key: string;
  private session = '';

  constructor() {
    this.key = process.env.ANTICAPTCHA_KEY || '';
  }

  enabled(): boolean {
    return !!this.key;
  }

  async solve(websiteURL: string, websiteKey: string): Promise<number | null> {
    if (!this.enabled()) return null;
    const res = await fetch('https://api.anti-captcha.com/createTask', {
      method: 'POST',
      body: JSON.stringify({ clientKey: this.key, task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey } }),
    });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      },
      {
        name: "a key with an empty fallback, checked, then written into a res.php URL template",
        filename: "answer.js",
        code: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY || '';
  if (!key) throw new Error('RUCAPTCHA_KEY is not set');
  const res = await fetch(\`https://rucaptcha.com/res.php?key=\${key}&action=get&id=\${id}&json=1\`);
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
      },
      {
        name: "the same key concatenated into the URL",
        filename: "answer.js",
        code: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY || '';
  if (!key) throw new Error('RUCAPTCHA_KEY is not set');
  const res = await fetch('https://rucaptcha.com/res.php?key=' + key + '&action=get&id=' + id + '&json=1');
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
      },
    {
      name: 'fetch: key checked in module scope with throw',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');

export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: KEY, task }),
  });
  return res.json();
}
`,
    },
    {
      name: 'axios (CommonJS): module-scope check that logs then exits',
      code: `
const axios = require('axios');
const { CAPMONSTER_KEY } = process.env;
if (!CAPMONSTER_KEY) {
  console.error('Set CAPMONSTER_KEY');
  process.exit(1);
}
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: CAPMONSTER_KEY });
  return data.balance;
}
module.exports = { balance };
`,
    },
    {
      name: 'typeof and length check',
      code: `
const key = process.env.CAPMONSTER_KEY;
if (typeof key !== 'string' || key.length !== 32) {
  throw new Error('bad key');
}
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: key }) });
`,
    },
    {
      name: 'regular-expression test',
      code: `
const KEY = process.env.CAPMONSTER_KEY ?? '';
if (!/^[0-9a-f]{32}/i.test(KEY)) process.exit(1);
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'node:assert',
      code: `
import assert from 'node:assert';
import got from 'got';
const KEY = process.env.CAPMONSTER_KEY;
assert(KEY, 'CAPMONSTER_KEY is not set');
export const create = (task) => got.post('https://api.capmonster.cloud/createTask', { json: { clientKey: KEY, task } }).json();
`,
    },
    {
      name: 'assert.ok inside the function that sends',
      code: `
const assert = require('assert');
async function create(task) {
  const clientKey = process.env.CAPMONSTER_KEY;
  assert.ok(clientKey);
  return fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
}
`,
    },
    {
      name: 'zod schema parse at the read',
      code: `
import { z } from 'zod';
const KEY = z.string().regex(/^[0-9a-f]{32}$/).parse(process.env.CAPMONSTER_KEY);
export async function getBalance() {
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
  return res.json();
}
`,
    },
    {
      name: 'zod schema parse of the whole environment',
      code: `
import { z } from 'zod';
const env = z.object({ CAPMONSTER_KEY: z.string().min(32) }).parse(process.env);
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: env.CAPMONSTER_KEY }) });
`,
    },
    {
      name: 'a same-file getter that checks and returns the key',
      code: `
function getKey() {
  const key = process.env.CAPMONSTER_KEY;
  if (!key) throw new Error('CAPMONSTER_KEY is not set');
  return key;
}
export async function createTask(task) {
  return fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: getKey(), task }) });
}
`,
    },
    {
      name: 'check in main before calling the function that sends',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) });
  return res.json();
}
async function main() {
  if (!KEY) {
    console.error('no key');
    return;
  }
  await createTask({ type: 'TurnstileTask' });
}
main();
`,
    },
    {
      name: 'a validating function called at start-up',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
function validateEnv() {
  if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
}
validateEnv();
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'the request only runs when the key is set',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
export async function balance() {
  if (KEY) {
    const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
    return res.json();
  }
  return null;
}
`,
    },
    {
      name: 'fallback to a function that throws',
      code: `
function fail(message) {
  throw new Error(message);
}
const KEY = process.env.CAPMONSTER_KEY ?? fail('CAPMONSTER_KEY is not set');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'empty fallback caught by the check that follows',
      code: `
const KEY = process.env.CAPMONSTER_KEY || '';
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'class: key checked in the constructor',
      code: `
import axios from 'axios';
export class CapMonster {
  private readonly key: string;
  constructor() {
    const key = process.env.CAPMONSTER_KEY;
    if (!key) throw new Error('CAPMONSTER_KEY is not set');
    this.key = key;
  }
  async balance(): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: this.key });
    return data.balance;
  }
}
`,
    },
    {
      name: 'class: this.key checked in the constructor',
      code: `
class Solver {
  constructor() {
    this.key = process.env.CAPMONSTER_KEY;
    if (!this.key) throw new Error('no key');
  }
  create(task) {
    return fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: this.key, task }) });
  }
}
`,
    },
    {
      name: 'a first getBalance whose error is tested and stops',
      code: `
import axios from 'axios';
const KEY = process.env.CAPMONSTER_KEY;
const API = 'https://api.capmonster.cloud';
export async function main(task) {
  const { data: balance } = await axios.post(API + '/getBalance', { clientKey: KEY });
  if (balance.errorId !== 0) throw new Error(balance.errorCode);
  const { data } = await axios.post(API + '/createTask', { clientKey: KEY, task });
  return data.taskId;
}
`,
    },
    {
      name: 'official client: awaited getBalance before Solve',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function solve(websiteURL: string, websiteKey: string) {
  await client.getBalance();
  return client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
}
`,
    },
    {
      name: 'official client: key checked before the options are made',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const clientKey = process.env.CAPMONSTER_KEY;
if (!clientKey) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
    },
    {
      name: '2captcha in.php with a checked key in URLSearchParams',
      code: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
async function submit(body) {
  const { data } = await axios.post('https://api.capmonster.cloud/in.php', new URLSearchParams({ key: KEY, method: 'base64', body }));
  return data;
}
`,
    },
    {
      name: 'keys passed in as parameters are the caller’s business',
      code: `
export async function createTask(clientKey: string, task: object) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
export class Client {
  constructor(private readonly apiKey: string) {}
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.apiKey }) });
  }
}
`,
    },
    {
      name: 'a clientKey variable that is never sent',
      code: `
const clientKey = process.env.CAPMONSTER_KEY;
console.log('CapMonster key configured:', Boolean(clientKey));
const placeholder = 'YOUR_API_KEY';
export { placeholder };
`,
    },
    {
      name: 'a file with no CapMonster requests that reads process.env.API_KEY',
      code: `
const API_KEY = process.env.API_KEY;
export async function weather(city) {
  const res = await fetch('https://api.weather.example/v1?city=' + city + '&key=' + API_KEY);
  return res.json();
}
`,
    },
    {
      name: 'other services in a CapMonster file keep their placeholders',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('no key');
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
await fetch('https://api.example.com/report', { headers: { 'x-api-key': 'YOUR_API_KEY' } });
`,
    },
    {
      name: 'a well-formed literal key is no-hardcoded-client-key’s business',
      code: `
const KEY = '3f6a9b2c4d5e6f708192a3b4c5d6e7f8';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'a key with a __nocache suffix',
      code: `
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: '3f6a9b2c4d5e6f708192a3b4c5d6e7f8__nocache', task: {} }) });
`,
    },
    {
      name: 'an n8n-style credential expression is not a literal key',
      code: `
const options = { method: 'POST', url: 'https://api.capmonster.cloud/createTask', body: { clientKey: '={{$credentials.apiKey}}', task: {} } };
await this.helpers.request(options);
`,
    },
    {
      name: 'a key imported from another module is unknown',
      code: `
import { CAPMONSTER_KEY } from './secrets';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: CAPMONSTER_KEY }) });
`,
    },
    {
      name: 'getter in a class that checks and returns',
      code: `
class Api {
  get key() {
    const k = process.env.CAPMONSTER_KEY;
    if (!k) throw new Error('no key');
    return k;
  }
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
`,
    },
    {
      name: 'the wrapper checks the key it is given',
      code: `
async function createTask(clientKey, task) {
  if (!clientKey) throw new Error('no CapMonster key');
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
createTask(process.env.CAPMONSTER_KEY, { type: 'TurnstileTask' });
`,
    },
    {
      name: 'the constructor checks the key it is given',
      code: `
class Solver {
  constructor(key) {
    if (!key) throw new Error('no key');
    this.key = key;
  }
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
new Solver(process.env.CAPMONSTER_KEY).balance();
`,
    },
    {
      name: 'the suggested guard silences the rule (module constant)',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
${GUARD('KEY')}
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'the suggested guard silences the rule (read in the request)',
      code: `
async function createTask(task) {
  ${GUARD('process.env.CAPMONSTER_KEY')}
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: process.env['CAPMONSTER_KEY'], task }),
  });
  return res.json();
}
`,
    },
    {
      name: 'the suggested guard silences the rule (this.key)',
      code: `
import axios from 'axios';
export class CapMonster {
  constructor() {
    this.key = process.env.CAPMONSTER_KEY;
    ${GUARD('this.key')}
  }
  async createTask(task) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: this.key, task });
    return data.taskId;
  }
}
`,
    },
    {
      name: 'the suggested guard silences the rule (config path)',
      code: `
const fs = require('fs');
const config = JSON.parse(fs.readFileSync('./config.json', 'utf8'));
${GUARD('config.capmonster.key')}
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: config.capmonster.key, task }) });
  return res.json();
}
`,
    },
    {
      name: 'a wrapper getBalance that throws on error, awaited first',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const API = 'https://api.capmonster.cloud';
async function getBalance() {
  const res = await fetch(API + '/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
  const data = await res.json();
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
async function createTask(task) {
  const res = await fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) });
  return res.json();
}
export async function main() {
  await getBalance();
  return createTask({ type: 'TurnstileTask' });
}
`,
    },
    {
      name: 'a variable that starts empty and is filled in, then checked',
      code: `
let clientKey = '';
if (process.env.NODE_ENV === 'production') clientKey = process.env.CAPMONSTER_KEY;
else clientKey = process.env.CAPMONSTER_DEV_KEY;
if (!clientKey) process.exit(1);
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey }) });
`,
    },
    {
      name: 'express handler that answers 500 before any request',
      code: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
app.post('/solve', async (req, res) => {
  if (!KEY) return res.status(500).send('CapMonster is not configured');
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: KEY, task: req.body.task });
  res.json(data);
});
`,
    },
  ],
  invalid: [
      {
        name: "look-alike: the method tests something else, so the empty fallback is sent",
        filename: "solver.ts",
        code: `
export class Solver {
  private readonly key: string;
  private session = '';

  constructor() {
    this.key = process.env.ANTICAPTCHA_KEY || '';
  }

  enabled(): boolean {
    return !!this.session || true;
  }

  async solve(websiteURL: string, websiteKey: string): Promise<number | null> {
    if (!this.enabled()) return null;
    const res = await fetch('https://api.anti-captcha.com/createTask', {
      method: 'POST',
      body: JSON.stringify({ clientKey: this.key, task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey } }),
    });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
        errors: [
          {
            messageId: 'invalidKey',
            line: 7,
            column: 47,
            suggestions: [
              {
                messageId: 'removeFallback',
                data: {"subject":"process.env.ANTICAPTCHA_KEY"},
                output: `
export class Solver {
  private readonly key: string;
  private session = '';

  constructor() {
    if (!process.env.ANTICAPTCHA_KEY) throw new Error('process.env.ANTICAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
    this.key = process.env.ANTICAPTCHA_KEY;
  }

  enabled(): boolean {
    return !!this.session || true;
  }

  async solve(websiteURL: string, websiteKey: string): Promise<number | null> {
    if (!this.enabled()) return null;
    const res = await fetch('https://api.anti-captcha.com/createTask', {
      method: 'POST',
      body: JSON.stringify({ clientKey: this.key, task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey } }),
    });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "the same URL template without the check: the empty fallback is sent",
        filename: "answer.js",
        code: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY || '';
  const res = await fetch(\`https://rucaptcha.com/res.php?key=\${key}&action=get&id=\${id}&json=1\`);
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
        errors: [
          {
            messageId: 'invalidKey',
            line: 3,
            column: 44,
            suggestions: [
              {
                messageId: 'removeFallback',
                data: {"subject":"key"},
                output: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY;
  if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
  const res = await fetch(\`https://rucaptcha.com/res.php?key=\${key}&action=get&id=\${id}&json=1\`);
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "an empty key written into the URL itself",
        filename: "answer.js",
        code: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY || '';
  const res = await fetch(\`https://rucaptcha.com/res.php?key=&action=get&id=\${id}&json=1\`);
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
        errors: [
          {
            messageId: 'invalidKey',
            line: 4,
            column: 27,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
export async function answer(id) {
  const key = process.env.RUCAPTCHA_KEY || '';
  if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
  const res = await fetch(\`https://rucaptcha.com/res.php?key=\${process.env.CAPMONSTER_API_KEY}&action=get&id=\${id}&json=1\`);
  const body = await res.json();
  if (body.status !== 1) throw new Error(body.request);
  return body.request;
}
`,
              },
            ],
          },
        ],
      },
    {
      name: "an empty fallback sent by a lone getBalance",
      filename: "file.js",
      code: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY ?? '';
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
module.exports = { balance };
`,
      errors: [
        {
          messageId: 'invalidKey',
          line: 3,
          column: 43,
          suggestions: [
            {
              messageId: 'removeFallback',
              output: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
module.exports = { balance };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a checked getBalance is no check of its own key: a balance() that sends nothing else is reported",
      filename: "file.js",
      code: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
module.exports = { balance };
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
module.exports = { balance };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch (ESM): module constant from process.env, no check',
      code: `
const KEY = process.env.CAPMONSTER_KEY;

export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: KEY, task }),
  });
  return res.json();
}
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 2,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');

export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: KEY, task }),
  });
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios (CommonJS): destructured from process.env',
      code: `
const axios = require('axios');
const { CAPMONSTER_KEY } = process.env;
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: CAPMONSTER_KEY });
  return data.balance;
}
module.exports = { balance };
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 9,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const axios = require('axios');
const { CAPMONSTER_KEY } = process.env;
if (!CAPMONSTER_KEY) throw new Error('CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
async function balance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: CAPMONSTER_KEY });
  return data.balance;
}
module.exports = { balance };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'read in the request itself: the guard goes before the statement',
      code: `
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: process.env['CAPMONSTER_KEY'], task }),
  });
  return res.json();
}
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 5,
          column: 39,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
async function createTask(task) {
  if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
  const res = await fetch('https://api.capmonster.cloud/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: process.env['CAPMONSTER_KEY'], task }),
  });
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'process.argv',
      code: `
const got = require('got');
const [, , key] = process.argv;
got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: key } }).json().then(console.log);
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 12,
          data: { source: 'the command line' },
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const got = require('got');
const [, , key] = process.argv;
if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: key } }).json().then(console.log);
`,
            },
          ],
        },
      ],
    },
    {
      name: 'import.meta.env in a TypeScript browser client',
      code: `
const CLIENT_KEY: string = import.meta.env.VITE_CAPMONSTER_KEY;
export async function getBalance(): Promise<number> {
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: CLIENT_KEY }) });
  const data = (await res.json()) as { balance: number };
  return data.balance;
}
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 2,
          column: 28,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const CLIENT_KEY: string = import.meta.env.VITE_CAPMONSTER_KEY;
if (!CLIENT_KEY) throw new Error('CLIENT_KEY is not set: CapMonster bans clients that send requests without a valid key');
export async function getBalance(): Promise<number> {
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: CLIENT_KEY }) });
  const data = (await res.json()) as { balance: number };
  return data.balance;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'JSON config read with readFileSync',
      code: `
const fs = require('fs');
const config = JSON.parse(fs.readFileSync('./config.json', 'utf8'));
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: config.capmonster.key, task }) });
  return res.json();
}
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 16,
          data: { source: 'a configuration file' },
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const fs = require('fs');
const config = JSON.parse(fs.readFileSync('./config.json', 'utf8'));
if (!config.capmonster.key) throw new Error('config.capmonster.key is not set: CapMonster bans clients that send requests without a valid key');
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: config.capmonster.key, task }) });
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'require of a JSON file, destructured',
      code: `
const axios = require('axios');
const { apiKey } = require('./capmonster.json');
axios.post('https://api.capmonster.cloud/getBalance', { clientKey: apiKey });
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 20,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const axios = require('axios');
const { apiKey } = require('./capmonster.json');
if (!apiKey) throw new Error('apiKey is not set: CapMonster bans clients that send requests without a valid key');
axios.post('https://api.capmonster.cloud/getBalance', { clientKey: apiKey });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-config get()',
      code: `
import config from 'config';
import axios from 'axios';
const clientKey = config.get('capmonster.key');
export const balance = () => axios.post('https://api.capmonster.cloud/getBalance', { clientKey });
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 4,
          column: 19,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
import config from 'config';
import axios from 'axios';
const clientKey = config.get('capmonster.key');
if (!clientKey) throw new Error('clientKey is not set: CapMonster bans clients that send requests without a valid key');
export const balance = () => axios.post('https://api.capmonster.cloud/getBalance', { clientKey });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'dotenv loaded but the key never checked',
      code: `
require('dotenv').config();
const KEY = process.env.CAPMONSTER_KEY;
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
require('dotenv').config();
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a check that only logs is not a check',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) console.warn('CAPMONSTER_KEY is not set');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 2,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
if (!KEY) console.warn('CAPMONSTER_KEY is not set');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'console.assert only logs',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
console.assert(KEY, 'no key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 2, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
console.assert(KEY, 'no key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
        },
      ] }],
    },
    {
      name: 'a TypeScript non-null assertion is not a check',
      code: `
import axios from 'axios';
const KEY = process.env.CAPMONSTER_KEY!;
export async function createTask(task: object): Promise<number> {
  const { data } = await axios.post<{ taskId: number }>('https://api.capmonster.cloud/createTask', { clientKey: KEY, task });
  return data.taskId;
}
`,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
import axios from 'axios';
const KEY = process.env.CAPMONSTER_KEY!;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
export async function createTask(task: object): Promise<number> {
  const { data } = await axios.post<{ taskId: number }>('https://api.capmonster.cloud/createTask', { clientKey: KEY, task });
  return data.taskId;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a cast is not a check',
      code: `
const KEY = process.env.CAPMONSTER_KEY as string;
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 2, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const KEY = process.env.CAPMONSTER_KEY as string;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
        },
      ] }],
    },
    {
      name: 'a check after the request comes too late',
      code: `
async function run(task) {
  const key = process.env.CAPMONSTER_KEY;
  await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: key, task }) });
  if (!key) throw new Error('no key');
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 15, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
async function run(task) {
  const key = process.env.CAPMONSTER_KEY;
  if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
  await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: key, task }) });
  if (!key) throw new Error('no key');
}
`,
        },
      ] }],
    },
    {
      name: 'placeholder constant',
      code: `
const API_KEY = 'YOUR_API_KEY';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: API_KEY }) });
`,
      errors: [{
        messageId: 'invalidKey',
        line: 2,
        column: 17,
        data: { what: 'key', reason: 'is a placeholder' },
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
const API_KEY = process.env.CAPMONSTER_API_KEY;
if (!API_KEY) throw new Error('API_KEY is not set: CapMonster bans clients that send requests without a valid key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: API_KEY }) });
`,
          },
        ],
      }],
    },
    {
      name: 'angle-bracket placeholder in the official client',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: '<your capmonster.cloud API key>' }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
      errors: [{
        messageId: 'invalidKey',
        line: 3,
        column: 83,
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_API_KEY }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
          },
        ],
      }],
    },
    {
      name: 'empty key sent directly (got)',
      code: `
import got from 'got';
export const balance = () => got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: '' } }).json();
`,
      errors: [{
        messageId: 'invalidKey',
        line: 3,
        column: 103,
        data: { what: 'key', reason: 'is empty' },
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
import got from 'got';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
export const balance = () => got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.CAPMONSTER_API_KEY } }).json();
`,
          },
        ],
      }],
    },
    {
      name: 'empty fallback: process.env.KEY ?? ""',
      code: `
const KEY = process.env.CAPMONSTER_KEY ?? '';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [{
        messageId: 'invalidKey',
        line: 2,
        column: 43,
        data: { what: 'fallback key', reason: 'is empty' },
        suggestions: [
          {
            messageId: 'removeFallback',
            output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
          },
        ],
      }],
    },
    {
      name: 'placeholder fallback: || "YOUR_API_KEY", even with a truthiness check',
      code: `
const KEY = process.env.CAPMONSTER_KEY || 'YOUR_API_KEY';
if (!KEY) throw new Error('no key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [{
        messageId: 'invalidKey',
        line: 2,
        column: 43,
        data: { what: 'fallback key', reason: 'is a placeholder' },
        suggestions: [
          {
            messageId: 'removeFallback',
            output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
if (!KEY) throw new Error('no key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
          },
        ],
      }],
    },
    {
      name: 'a run of one character and a counting sequence',
      code: `
const KEYS = { test: '00000000000000000000000000000000', demo: '12345678901234567890123456789012' };
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.test }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.demo }) });
`,
      errors: [
        {
          messageId: 'invalidKey',
          line: 2,
          column: 22,
          data: { what: 'key', reason: 'is a placeholder' },
          suggestions: [
            {
              messageId: 'keyFromEnv',
              output: `
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const KEYS = { test: process.env.CAPMONSTER_API_KEY, demo: '12345678901234567890123456789012' };
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.test }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.demo }) });
`,
            },
          ],
        },
        {
          messageId: 'invalidKey',
          line: 2,
          column: 64,
          data: { what: 'key', reason: 'is a placeholder' },
          suggestions: [
            {
              messageId: 'keyFromEnv',
              output: `
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const KEYS = { test: '00000000000000000000000000000000', demo: process.env.CAPMONSTER_API_KEY };
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.test }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEYS.demo }) });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'xxxx placeholder in request (node-fetch)',
      code: `
import fetch from 'node-fetch';
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }) });
`,
      errors: [{
        messageId: 'invalidKey',
        line: 3,
        column: 108,
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
import fetch from 'node-fetch';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: process.env.CAPMONSTER_API_KEY }) });
`,
          },
        ],
      }],
    },
    {
      name: 'not the key format',
      code: `
const clientKey = '123';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey }) });
`,
      errors: [
        {
          messageId: 'invalidKey',
          line: 2,
          column: 19,
          data: { what: 'key', reason: 'is not in the key format' },
          suggestions: [
            {
              messageId: 'keyFromEnv',
              output: `
const clientKey = process.env.CAPMONSTER_API_KEY;
if (!clientKey) throw new Error('clientKey is not set: CapMonster bans clients that send requests without a valid key');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey }) });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the example key from the documentation',
      code: `
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: '67b6bcbb1a728ea8d563de6d169a2057', task: {} }) });
`,
      errors: [{
        messageId: 'invalidKey',
        line: 2,
        column: 102,
        data: { what: 'key', reason: "is the docs' example key" },
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.CAPMONSTER_API_KEY, task: {} }) });
`,
          },
        ],
      }],
    },
    {
      name: '2captcha in.php: placeholder in the query string',
      code: `
const axios = require('axios');
axios.get('https://api.capmonster.cloud/in.php?key=YOUR_API_KEY&method=userrecaptcha&googlekey=6Le-wvkSAAAAAPBMRTvw0Q4Muexq9bi0DJwx_mJ-&pageurl=https://example.com');
`,
      errors: [{
        messageId: 'invalidKey',
        line: 3,
        column: 11,
        suggestions: [
          {
            messageId: 'keyFromEnv',
            output: `
const axios = require('axios');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
axios.get(\`https://api.capmonster.cloud/in.php?key=\${process.env.CAPMONSTER_API_KEY}&method=userrecaptcha&googlekey=6Le-wvkSAAAAAPBMRTvw0Q4Muexq9bi0DJwx_mJ-&pageurl=https://example.com\`);
`,
          },
        ],
      }],
    },
    {
      name: '2captcha res.php: key in a template query string, unchecked',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
async function poll(id) {
  const res = await fetch(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${id}\`);
  return res.text();
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 2, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
async function poll(id) {
  const res = await fetch(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${id}\`);
  return res.text();
}
`,
        },
      ] }],
    },
    {
      name: '2captcha res.php: key in axios params',
      code: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
async function balance() {
  const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: KEY, action: 'getbalance' } });
  return Number(data);
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
async function balance() {
  const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: KEY, action: 'getbalance' } });
  return Number(data);
}
`,
        },
      ] }],
    },
    {
      name: '2captcha: url.searchParams.set',
      code: `
export async function result(id: string) {
  const url = new URL('https://api.capmonster.cloud/res.php');
  url.searchParams.set('key', process.env.CAPMONSTER_KEY);
  url.searchParams.set('action', 'get');
  url.searchParams.set('id', id);
  const res = await fetch(url);
  return res.text();
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 4, column: 31, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
export async function result(id: string) {
  const url = new URL('https://api.capmonster.cloud/res.php');
  if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
  url.searchParams.set('key', process.env.CAPMONSTER_KEY);
  url.searchParams.set('action', 'get');
  url.searchParams.set('id', id);
  const res = await fetch(url);
  return res.text();
}
`,
        },
      ] }],
    },
    {
      name: 'a check of a property with the key variable’s name does not check the variable',
      code: `
import config from './config.js';

const key = process.env.CAPMONSTER_KEY;
if (!config.key) throw new Error('config.key is not set');

export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: key }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 4, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import config from './config.js';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
if (!config.key) throw new Error('config.key is not set');

export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: key }) });
`,
        },
      ] }],
    },
    {
      name: 'an environment name that is not an identifier: the guard reads it with brackets',
      code: `
export async function balance() {
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: process.env['CAPMONSTER-KEY'] }) });
  return res.json();
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 122, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
export async function balance() {
  if (!process.env["CAPMONSTER-KEY"]) throw new Error('process.env["CAPMONSTER-KEY"] is not set: CapMonster bans clients that send requests without a valid key');
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: process.env['CAPMONSTER-KEY'] }) });
  return res.json();
}
`,
        },
      ] }],
    },
    {
      name: 'an environment name with a quote: the guard escapes it in its message',
      code: `
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: process.env["CAP'KEY"] }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 2, column: 108, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
if (!process.env["CAP'KEY"]) throw new Error('process.env["CAP\\'KEY"] is not set: CapMonster bans clients that send requests without a valid key');
await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: process.env["CAP'KEY"] }) });
`,
        },
      ] }],
    },
    {
      name: '2captcha: FormData with a got searchParams balance',
      code: `
import got from 'got';
const key = process.env.CAPMONSTER_KEY;
export async function submit(file: Blob) {
  const form = new FormData();
  form.append('key', key);
  form.append('method', 'post');
  form.append('file', file);
  return got.post('https://api.capmonster.cloud/in.php', { body: form }).text();
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import got from 'got';
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
export async function submit(file: Blob) {
  const form = new FormData();
  form.append('key', key);
  form.append('method', 'post');
  form.append('file', file);
  return got.post('https://api.capmonster.cloud/in.php', { body: form }).text();
}
`,
        },
      ] }],
    },
    {
      name: 'official client: clientKey straight from process.env',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(
  new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }),
);
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
      errors: [{ messageId: 'uncheckedKey', line: 5, column: 34, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = CapMonsterCloudClientFactory.Create(
  new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }),
);
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
        },
      ] }],
    },
    {
      name: 'official client (CommonJS): options made for a client used elsewhere',
      code: `
const { CapMonsterCloudClientFactory, ClientOptions } = require('@zennolab_com/capmonstercloud-client');
const options = new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY });
module.exports = CapMonsterCloudClientFactory.Create(options);
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 48, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const { CapMonsterCloudClientFactory, ClientOptions } = require('@zennolab_com/capmonstercloud-client');
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
const options = new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY });
module.exports = CapMonsterCloudClientFactory.Create(options);
`,
        },
      ] }],
    },
    {
      name: 'class: this.key set from process.env in the constructor',
      code: `
import axios from 'axios';
export class CapMonster {
  constructor() {
    this.key = process.env.CAPMONSTER_KEY;
  }
  async createTask(task) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: this.key, task });
    return data.taskId;
  }
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 5, column: 16, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import axios from 'axios';
export class CapMonster {
  constructor() {
    this.key = process.env.CAPMONSTER_KEY;
    if (!this.key) throw new Error('this.key is not set: CapMonster bans clients that send requests without a valid key');
  }
  async createTask(task) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: this.key, task });
    return data.taskId;
  }
}
`,
        },
      ] }],
    },
    {
      name: 'class field initialised from process.env: the guard goes before the class',
      code: `
class CapMonster {
  key = process.env.CAPMONSTER_KEY;
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
`,
      errors: [{
        messageId: 'uncheckedKey',
        line: 3,
        column: 9,
        suggestions: [
          {
            messageId: 'addKeyCheck',
            output: `
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
class CapMonster {
  key = process.env.CAPMONSTER_KEY;
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
`,
          },
        ],
      }],
    },
    {
      name: 'the caller passes an unchecked key to a wrapper function',
      code: `
async function createTask(clientKey, task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
createTask(process.env.CAPMONSTER_KEY, { type: 'TurnstileTask' });
`,
      errors: [{ messageId: 'uncheckedKey', line: 6, column: 12, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
async function createTask(clientKey, task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
createTask(process.env.CAPMONSTER_KEY, { type: 'TurnstileTask' });
`,
        },
      ] }],
    },
    {
      name: 'the caller constructs a client class with an unchecked key',
      code: `
class Solver {
  constructor(key) {
    this.key = key;
  }
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
const solver = new Solver(process.env.CAPMONSTER_KEY);
solver.balance();
`,
      errors: [{ messageId: 'uncheckedKey', line: 10, column: 27, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
class Solver {
  constructor(key) {
    this.key = key;
  }
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
const solver = new Solver(process.env.CAPMONSTER_KEY);
solver.balance();
`,
        },
      ] }],
    },
    {
      name: 'a getter that does not check',
      code: `
const getKey = () => process.env.CAPMONSTER_KEY;
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: getKey() }) });
`,
      errors: [{
        messageId: 'uncheckedKey',
        line: 2,
        column: 22,
        suggestions: [
          {
            messageId: 'addKeyCheck',
            output: `
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
const getKey = () => process.env.CAPMONSTER_KEY;
export const balance = () => fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: getKey() }) });
`,
          },
        ],
      }],
    },
    {
      name: 'a getBalance whose reply is not tested is not a check',
      code: `
import axios from 'axios';
const KEY = process.env.CAPMONSTER_KEY;
export async function main(task) {
  const { data: balance } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  console.log('balance', balance.balance);
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: KEY, task });
  return data.taskId;
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import axios from 'axios';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
export async function main(task) {
  const { data: balance } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: KEY });
  console.log('balance', balance.balance);
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: KEY, task });
  return data.taskId;
}
`,
        },
      ] }],
    },
    {
      name: 'request (callback style) with a key from the environment',
      code: `
const request = require('request');
const KEY = process.env.CAPMONSTER_KEY;
request.post({ url: 'https://api.capmonster.cloud/getBalance', json: { clientKey: KEY } }, (err, res, body) => console.log(body));
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const request = require('request');
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
request.post({ url: 'https://api.capmonster.cloud/getBalance', json: { clientKey: KEY } }, (err, res, body) => console.log(body));
`,
        },
      ] }],
    },
    {
      name: 'one report per source, however many requests send it',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const API = 'https://api.capmonster.cloud';
async function post(method, body) {
  const res = await fetch(API + '/' + method, { method: 'POST', body: JSON.stringify({ clientKey: KEY, ...body }) });
  return res.json();
}
export const create = (task) => post('createTask', { task });
export const result = (taskId) => post('getTaskResult', { taskId });
export const balance = () => fetch(API + '/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 2, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
const API = 'https://api.capmonster.cloud';
async function post(method, body) {
  const res = await fetch(API + '/' + method, { method: 'POST', body: JSON.stringify({ clientKey: KEY, ...body }) });
  return res.json();
}
export const create = (task) => post('createTask', { task });
export const result = (taskId) => post('getTaskResult', { taskId });
export const balance = () => fetch(API + '/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
        },
      ] }],
    },
    {
      name: 'a config object holding the env read',
      code: `
const config = {
  capmonster: { key: process.env.CAPMONSTER_KEY, host: 'https://api.capmonster.cloud' },
};
fetch(config.capmonster.host + '/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: config.capmonster.key }) });
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 22, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const config = {
  capmonster: { key: process.env.CAPMONSTER_KEY, host: 'https://api.capmonster.cloud' },
};
if (!config.capmonster.key) throw new Error('config.capmonster.key is not set: CapMonster bans clients that send requests without a valid key');
fetch(config.capmonster.host + '/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: config.capmonster.key }) });
`,
        },
      ] }],
    },
    {
      name: 'official client: a getBalance whose error is swallowed is not a check',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';
const clientKey = process.env.CAPMONSTER_KEY;
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey }));
export async function solve(websiteURL: string, websiteKey: string) {
  try {
    await client.getBalance();
  } catch (error) {
    console.error('balance check failed', error);
  }
  return client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 19, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';
const clientKey = process.env.CAPMONSTER_KEY;
if (!clientKey) throw new Error('clientKey is not set: CapMonster bans clients that send requests without a valid key');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey }));
export async function solve(websiteURL: string, websiteKey: string) {
  try {
    await client.getBalance();
  } catch (error) {
    console.error('balance check failed', error);
  }
  return client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
}
`,
        },
      ] }],
    },
    {
      name: 'node-fetch: key merged into the body with Object.assign',
      code: `
const fetch = require('node-fetch');
const key = process.env.CM_KEY;
function request(method, body) {
  return fetch('https://api.capmonster.cloud/' + method, {
    method: 'POST',
    body: JSON.stringify(Object.assign({ clientKey: key }, body)),
  }).then((res) => res.json());
}
`,
      errors: [{ messageId: 'uncheckedKey', line: 3, column: 13, suggestions: [
        {
          messageId: 'addKeyCheck',
          output: `
const fetch = require('node-fetch');
const key = process.env.CM_KEY;
if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
function request(method, body) {
  return fetch('https://api.capmonster.cloud/' + method, {
    method: 'POST',
    body: JSON.stringify(Object.assign({ clientKey: key }, body)),
  }).then((res) => res.json());
}
`,
        },
      ] }],
    },
    {
      name: "the suggested guard follows the file's style: double quotes, no semicolons",
      filename: "file.js",
      code: `
const KEY = process.env.CAPMONSTER_KEY || "YOUR_API_KEY"
fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: KEY }) })
`,
      errors: [
        {
          messageId: 'invalidKey',
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'removeFallback',
              output: `
const KEY = process.env.CAPMONSTER_KEY
if (!KEY) throw new Error("KEY is not set: CapMonster bans clients that send requests without a valid key")
fetch("https://api.capmonster.cloud/getBalance", { method: "POST", body: JSON.stringify({ clientKey: KEY }) })
`,
            },
          ],
        },
      ],
    },
  ],
});
