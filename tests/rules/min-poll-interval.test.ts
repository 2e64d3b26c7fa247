import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/min-poll-interval';

const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids and options.
ruleTester.run<MessageIds, Options>('min-poll-interval', rule as never, {
  valid: [
      {
        name: "the same period passed as 5000 by the file's only call site",
        filename: "client.ts",
        code: `
import axios from 'axios';

class AntiCaptcha {
  constructor(private readonly key: string) {}

  result(taskId: number, maxChecks = 20, period = 1500): Promise<unknown> {
    let checks = 0;
    return new Promise((resolve, reject) => {
      const timer = setInterval(async () => {
        if (++checks > maxChecks) {
          clearInterval(timer);
          reject(new Error('timeout'));
          return;
        }
        const { data } = await axios.post('https://api.anti-captcha.com/getTaskResult', { clientKey: this.key, taskId });
        if (data.errorId !== 0) {
          clearInterval(timer);
          reject(new Error(data.errorCode));
        } else if (data.status === 'ready') {
          clearInterval(timer);
          resolve(data.solution);
        }
      }, period);
    });
  }
}

export const solve = (key: string, taskId: number) => new AntiCaptcha(key).result(taskId, 20, 5000);
`,
      },
    {
      name: "a stored timer promise of 5 s awaited before each request",
      filename: "file.ts",
      code: `
import axios from 'axios';
const wait = (s: number) => new Promise<void>((r) => setTimeout(r, s * 1000));
const pending: Record<string, Promise<void>> = {};
export function submitted(id: string) {
  pending[id] = wait(20);
}
export async function get(key: string, id: string) {
  for (let i = 0; i < 60; i++) {
    await pending[id];
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    pending[id] = wait(5);
  }
  throw new Error('timeout');
}
export async function getMany(key: string, ids: string[]) {
  for (let i = 0; i < 60; i++) {
    await Promise.all(ids.map((id) => pending[id]));
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', ids: ids.join(), json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    for (const id of ids) pending[id] = wait(5);
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: 'fetch: 3 s sleep helper',
      code: `
const API = 'https://api.capmonster.cloud';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitResult(taskId) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(3000);
    const data = await fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((r) => r.json());
    if (data.status === 'ready') return data.solution;
  }
}
`,
    },
    {
      name: 'exactly 2000 ms passes',
      code: `
import axios from 'axios';
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2_000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') return data.solution;
  }
}
`,
    },
    {
      name: 'two waits of 1 s each in one round add up to 2 s',
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await sleep(1000);
  }
}
`,
    },
    {
      name: 'a helper taking seconds: wait(3) is 3000 ms',
      code: `
const wait = (seconds) => new Promise((resolve) => setTimeout(resolve, seconds * 1000));
async function poll(taskId) {
  for (let i = 0; i < 40; i++) {
    await wait(3);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'imported sleep: length unknown, no report',
      code: `
import { sleep } from './utils';
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await sleep(500);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'delay read from config: unknown, no report',
      code: `
const config = require('./config.json');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(config.pollInterval);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: config.key, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: "official client without timeouts for reCAPTCHA: the client's defaults wait 3 s",
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
    },
    {
      name: 'official client with a 3 s interval',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
export const solve = (websiteURL: string, websiteKey: string) =>
  client.Solve(new TurnstileRequest({ websiteURL, websiteKey }), { firstRequestDelay: 1000, requestsInterval: 3000, timeout: 120_000 });
`,
    },
    {
      name: 'minIntervalMs option lowered to 1000',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      options: [{ minIntervalMs: 1000 }],
    },
    {
      name: 'look-alike: polling an unrelated API every 500 ms',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForBuild(id) {
  for (let i = 0; i < 100; i++) {
    await sleep(500);
    const build = await fetch('https://ci.example.com/api/builds/' + id).then((r) => r.json());
    if (build.state !== 'running') return build;
  }
}
`,
    },
    {
      name: 'look-alike: a fast loop over tasks that calls a solving wrapper',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function solve(task) {
  const { taskId } = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) }).then((r) => r.json());
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
async function solveAll(tasks) {
  for (let i = 0; i < tasks.length; i++) {
    await sleep(100);
    await solve(tasks[i]);
  }
}
`,
    },
  ],
  invalid: [
      {
        name: "a setInterval poll whose period is a default parameter no call site of the file passes",
        filename: "client.ts",
        code: `
import axios from 'axios';

export class AntiCaptcha {
  constructor(private readonly key: string) {}

  result(taskId: number, maxChecks = 20, period = 1500): Promise<unknown> {
    let checks = 0;
    return new Promise((resolve, reject) => {
      const timer = setInterval(async () => {
        if (++checks > maxChecks) {
          clearInterval(timer);
          reject(new Error('timeout'));
          return;
        }
        const { data } = await axios.post('https://api.anti-captcha.com/getTaskResult', { clientKey: this.key, taskId });
        if (data.errorId !== 0) {
          clearInterval(timer);
          reject(new Error(data.errorCode));
        } else if (data.status === 'ready') {
          clearInterval(timer);
          resolve(data.solution);
        }
      }, period);
    });
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 10,
            column: 21,
            suggestions: [
              {
                messageId: 'setInterval',
                data: {"from":"period","min":2000},
                output: `
import axios from 'axios';

export class AntiCaptcha {
  constructor(private readonly key: string) {}

  result(taskId: number, maxChecks = 20, period = 1500): Promise<unknown> {
    let checks = 0;
    return new Promise((resolve, reject) => {
      const timer = setInterval(async () => {
        if (++checks > maxChecks) {
          clearInterval(timer);
          reject(new Error('timeout'));
          return;
        }
        const { data } = await axios.post('https://api.anti-captcha.com/getTaskResult', { clientKey: this.key, taskId });
        if (data.errorId !== 0) {
          clearInterval(timer);
          reject(new Error(data.errorCode));
        } else if (data.status === 'ready') {
          clearInterval(timer);
          resolve(data.solution);
        }
      }, 2000);
    });
  }
}
`,
              },
            ],
          },
        ],
      },
    {
      name: "a stored timer promise of 1 s is too short",
      filename: "file.js",
      code: `
const axios = require('axios');
const wait = (s) => new Promise((r) => setTimeout(r, s * 1000));
let next = Promise.resolve();
async function get(key, id) {
  for (let i = 0; i < 60; i++) {
    await next;
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    next = wait(1);
  }
}
module.exports = { get };
`,
      output: null,
      errors: [
        {
          messageId: 'intervalTooShort',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'waitLonger',
              output: `
const axios = require('axios');
const wait = (s) => new Promise((r) => setTimeout(r, s * 1000));
let next = Promise.resolve();
async function get(key, id) {
  for (let i = 0; i < 60; i++) {
    await next;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    next = wait(1);
  }
}
module.exports = { get };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'sleep(1000) in a loop: the literal argument is raised to 2000',
      code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(1000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 4, column: 3, data: { ms: 1000, min: 2000 } }],
    },
    {
      name: 'a same-file const interval is raised (TS, axios, while with a counter)',
      code: `
import axios from 'axios';
const POLL_INTERVAL_MS = 500;
export async function poll(taskId: number): Promise<unknown> {
  let tries = 0;
  while (tries++ < 60) {
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
      output: `
import axios from 'axios';
const POLL_INTERVAL_MS = 2000;
export async function poll(taskId: number): Promise<unknown> {
  let tries = 0;
  while (tries++ < 60) {
    await new Promise<void>((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 6, column: 3, data: { ms: 500, min: 2000 } }],
    },
    {
      name: 'setInterval every second (2captcha style res.php)',
      code: `
const axios = require('axios');
function solveImage(id) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 60) { clearInterval(timer); return reject(new Error('timeout')); }
      const res = await axios.get(\`https://api.capmonster.cloud/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`);
      if (res.data !== 'CAPCHA_NOT_READY') { clearInterval(timer); resolve(res.data); }
    }, 1000);
  });
}
`,
      output: `
const axios = require('axios');
function solveImage(id) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 60) { clearInterval(timer); return reject(new Error('timeout')); }
      const res = await axios.get(\`https://api.capmonster.cloud/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`);
      if (res.data !== 'CAPCHA_NOT_READY') { clearInterval(timer); resolve(res.data); }
    }, 2000);
  });
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 6, column: 19, data: { ms: 1000, min: 2000 } }],
    },
    {
      name: 'recursion through setTimeout every 1.5 s',
      code: `
const request = require('request');
function check(id, done, attempt = 0) {
  if (attempt >= 30) return done(new Error('timeout'));
  request.get('https://api.capmonster.cloud/res.php?key=' + process.env.KEY + '&action=get&id=' + id, (err, res, body) => {
    if (body === 'CAPCHA_NOT_READY') return setTimeout(() => check(id, done, attempt + 1), 1500);
    done(null, body);
  });
}
`,
      output: `
const request = require('request');
function check(id, done, attempt = 0) {
  if (attempt >= 30) return done(new Error('timeout'));
  request.get('https://api.capmonster.cloud/res.php?key=' + process.env.KEY + '&action=get&id=' + id, (err, res, body) => {
    if (body === 'CAPCHA_NOT_READY') return setTimeout(() => check(id, done, attempt + 1), 2000);
    done(null, body);
  });
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 6, column: 62 }],
    },
    {
      name: 'official client requestsInterval of 100 ms (inline literal)',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
export async function solve(websiteURL: string, websiteKey: string) {
  return client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { timeout: 60_000, requestsInterval: 100 });
}
`,
      output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
export async function solve(websiteURL: string, websiteKey: string) {
  return client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { timeout: 60_000, requestsInterval: 2000 });
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 5, column: 10, data: { ms: 100, min: 2000 } }],
    },
    {
      name: 'official client timeouts in a same-file const, interval computed: no auto-fix, a suggestion sets the interval',
      code: `
const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
const TIMEOUTS = { firstRequestDelay: 1000, requestsInterval: 0.5 * 1000, timeout: 60 * 1000 };
module.exports = (websiteURL, websiteKey) => client.Solve(new HCaptchaRequest({ websiteURL, websiteKey }), TIMEOUTS);
`,
      output: null,
      errors: [{
        messageId: 'intervalTooShort',
        line: 5,
        column: 46,
        data: { ms: 500, min: 2000 },
        suggestions: [
          {
            messageId: 'setInterval',
            output: `
const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
const TIMEOUTS = { firstRequestDelay: 1000, requestsInterval: 2000, timeout: 60 * 1000 };
module.exports = (websiteURL, websiteKey) => client.Solve(new HCaptchaRequest({ websiteURL, websiteKey }), TIMEOUTS);
`,
          },
        ],
      }],
    },
    {
      name: 'puppeteer page.waitForTimeout between res.php polls (class method)',
      code: `
import type { Page } from 'puppeteer';
export class Captcha {
  constructor(private page: Page, private key: string) {}
  async result(id: string) {
    for (let i = 0; i < 30; i++) {
      await this.page.waitForTimeout(1000);
      const res = await fetch(\`https://api.capmonster.cloud/res.php?key=\${this.key}&action=get&id=\${id}\`);
      const text = await res.text();
      if (text !== 'CAPCHA_NOT_READY') return text;
    }
    throw new Error('timeout');
  }
}
`,
      output: `
import type { Page } from 'puppeteer';
export class Captcha {
  constructor(private page: Page, private key: string) {}
  async result(id: string) {
    for (let i = 0; i < 30; i++) {
      await this.page.waitForTimeout(2000);
      const res = await fetch(\`https://api.capmonster.cloud/res.php?key=\${this.key}&action=get&id=\${id}\`);
      const text = await res.text();
      if (text !== 'CAPCHA_NOT_READY') return text;
    }
    throw new Error('timeout');
  }
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 6, column: 5 }],
    },
    {
      name: 'util.promisify(setTimeout) and a got wrapper',
      code: `
const { promisify } = require('util');
const got = require('got');
const pause = promisify(setTimeout);
async function getResult(taskId) {
  return got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json();
}
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await pause(750);
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: `
const { promisify } = require('util');
const got = require('got');
const pause = promisify(setTimeout);
async function getResult(taskId) {
  return got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json();
}
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await pause(2000);
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 9, column: 3 }],
    },
    {
      name: 'the delay package with a custom minimum of 3000',
      code: `
import delay from 'delay';
export async function poll(taskId: number) {
  for (let i = 0; i < 40; i++) {
    await delay(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      options: [{ minIntervalMs: 3000 }],
      output: `
import delay from 'delay';
export async function poll(taskId: number) {
  for (let i = 0; i < 40; i++) {
    await delay(3000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'intervalTooShort', line: 4, column: 3, data: { ms: 2000, min: 3000 } }],
    },
    {
      name: 'sleep function from settings with a fixed length (no literal to fix)',
      code: `
import { humanPause } from '@acme/browser';
export async function poll(taskId: number) {
  for (let i = 0; i < 40; i++) {
    await humanPause();
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      settings: { capmonster: { sleepFunctions: { humanPause: 800 } } },
      output: null,
      errors: [{
        messageId: 'intervalTooShort',
        line: 4,
        column: 3,
        data: { ms: 800, min: 2000 },
        suggestions: [
          {
            messageId: 'waitLonger',
            output: `
import { humanPause } from '@acme/browser';
export async function poll(taskId: number) {
  for (let i = 0; i < 40; i++) {
    await humanPause();
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
          },
        ],
      }],
    },
  ],
});
