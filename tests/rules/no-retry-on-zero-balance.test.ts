import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/no-retry-on-zero-balance';

const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids.
ruleTester.run<MessageIds, Options>('no-retry-on-zero-balance', rule as never, {
  valid: [
      {
        name: "a loop that goes round again only when the helper returns 'blocked': a failure ends it",
        filename: "run.js",
        code: `
const axios = require('axios');

async function tryOnce(page) {
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.CAPMONSTER_KEY, task: { type: 'TurnstileTaskProxyless', websiteURL: page, websiteKey: 'k' } });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    const res = await axios.post(page, { task: data.taskId });
    return res.data.blocked ? 'blocked' : 'ok';
  } catch (e) {
    console.error(e.message);
  }
}

async function run(page) {
  while (true) {
    const out = await tryOnce(page);
    if (out === 'blocked') continue;
    break;
  }
}
module.exports = { run };
`,
      },
      {
        name: "the same with the result read by a do-while test",
        filename: "run.js",
        code: `
const axios = require('axios');

async function tryOnce(page) {
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.CAPMONSTER_KEY, task: { type: 'TurnstileTaskProxyless', websiteURL: page, websiteKey: 'k' } });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    const res = await axios.post(page, { task: data.taskId });
    return res.data.blocked ? 'blocked' : 'ok';
  } catch (e) {
    console.error(e.message);
  }
}

async function run(page) {
  let out;
  do {
    out = await tryOnce(page);
  } while (out === 'blocked');
}
module.exports = { run };
`,
      },
      {
        name: "the same, with zero balance stopped first",
        filename: "submit.js",
        code: `
const axios = require('axios');
const KEY = process.env.RUCAPTCHA_KEY;
if (!KEY) throw new Error('RUCAPTCHA_KEY is not set');

function submit(sitekey) {
  axios.get(\`https://rucaptcha.com/in.php?key=\${KEY}&method=hcaptcha&sitekey=\${sitekey}&pageurl=https://example.org&json=1\`).then((r) => {
    if (r.data.status !== 1) {
      if (r.data.request === 'ERROR_ZERO_BALANCE') throw new Error(r.data.request);
      setTimeout(submit, 20000, sitekey);
      return;
    }
    console.log('task', r.data.request);
  });
}

submit('site-key');
`,
      },
    {
      name: "a retry only on ERROR_NO_SLOT_AVAILABLE and ERROR_TOO_MUCH_REQUESTS is not a retry on any failure",
      filename: "file.js",
      code: `
const axios = require('axios');
async function createTask(clientKey, task) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
    if (data.errorId === 0) return data.taskId;
    if (data.errorCode === 'ERROR_NO_SLOT_AVAILABLE' || data.errorCode === 'ERROR_TOO_MUCH_REQUESTS') {
      await new Promise((r) => setTimeout(r, 5000));
      continue;
    }
    throw new Error(data.errorCode);
  }
  throw new Error('no slot');
}
module.exports = { createTask };
`,
    },
    {
      name: "a retry only on proxy codes (the next proxy) is no-retry-on-bad-proxy's business",
      filename: "file.js",
      code: `
const axios = require('axios');
async function createWithProxies(clientKey, task, proxies) {
  for (const proxy of proxies) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task: { ...task, ...proxy } });
    if (data.errorId === 0) return data.taskId;
    if (data.errorCode.startsWith('ERROR_PROXY')) continue;
    throw new Error(data.errorCode);
  }
  throw new Error('no working proxy');
}
module.exports = { createWithProxies };
`,
    },
    {
      name: "p-retry: an AbortError thrown in a same-file helper the retried function calls stops the retry",
      filename: "file.js",
      code: `
const pRetry = require('p-retry');
const axios = require('axios');
const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED'];
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw Object.assign(new Error(data.errorCode), { code: data.errorCode });
  return data.taskId;
}
function stopOnFatal(err) {
  if (FATAL.includes(err.code)) throw new pRetry.AbortError(err.message);
}
async function solve(key, task) {
  return pRetry(async () => {
    try {
      return await createTask(key, task);
    } catch (e) {
      stopOnFatal(e);
      throw e;
    }
  }, { retries: 5 });
}
module.exports = { solve };
`,
    },
    {
      name: "p-retry: a shouldRetry that returns false on the fatal codes is a filter",
      filename: "file.js",
      code: `
const pRetry = require('p-retry');
const axios = require('axios');
const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED'];
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw Object.assign(new Error(data.errorCode), { code: data.errorCode });
  return data.taskId;
}
async function solve(key, task) {
  return pRetry(() => createTask(key, task), { retries: 5, shouldRetry: (e) => !FATAL.includes(e.code) });
}
module.exports = { solve };
`,
    },
    {
      name: "async-retry with retries: 0 retries nothing",
      filename: "file.js",
      code: `
const retry = require('async-retry');
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
async function solve(key, task) {
  return retry(() => createTask(key, task), { retries: 0 });
}
module.exports = { solve };
`,
    },
    {
      name: "zero balance stops the loop with a throw",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (data.errorCode === 'ERROR_NO_SLOT_AVAILABLE') {
      await sleep(5000);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
    },
    {
      name: "catch that retries network errors only",
      filename: 'file.js',
      code: `import axios from 'axios';

async function solve(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

export async function solveWithRetries(task) {
  for (let i = 0; i < 5; i++) {
    try {
      return await solve(task);
    } catch (e) {
      if (e.code !== 'ECONNRESET' && e.code !== 'ETIMEDOUT') throw e;
      await sleep(1000);
    }
  }
}
`,
    },
    {
      name: "catch that rethrows the fatal set, which holds zero balance",
      filename: 'file.js',
      code: `import axios from 'axios';

const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED'];

export async function createTask(task) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId) throw new Error(data.errorCode);
      return data.taskId;
    } catch (e) {
      if (FATAL.includes(e.message)) throw e;
      await sleep(2000);
    }
  }
}
`,
    },
    {
      name: "error class thrown by the wrapper for zero balance",
      filename: 'file.ts',
      code: `import axios from 'axios';

class ZeroBalanceError extends Error {}

async function createTask(task: object): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorCode === 'ERROR_ZERO_BALANCE') throw new ZeroBalanceError('top up the balance');
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

export async function createWithRetry(task: object): Promise<number> {
  for (;;) {
    try {
      return await createTask(task);
    } catch (err) {
      if (err instanceof ZeroBalanceError) throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}
`,
    },
    {
      name: "unrelated billing module with its own ERROR_ZERO_BALANCE code",
      filename: 'file.js',
      code: `import { charge } from './payments';

const CAPMONSTER_DOCS = 'https://docs.capmonster.cloud';

export async function chargeCustomer(customer) {
  for (;;) {
    const res = await charge(customer);
    if (res.code === 'ERROR_ZERO_BALANCE') {
      await sleep(60_000);
      continue;
    }
    return res;
  }
}
`,
    },
    {
      name: "async-retry that bails on zero balance",
      filename: 'file.js',
      code: `const retry = require('async-retry');
const axios = require('axios');

module.exports = (task) =>
  retry(
    async (bail) => {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorCode === 'ERROR_ZERO_BALANCE') return bail(new Error(data.errorCode));
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    },
    { retries: 3 },
  );
`,
    },
    {
      name: "p-retry with shouldRetry",
      filename: 'file.js',
      code: `import pRetry from 'p-retry';
import axios from 'axios';

export const createTask = (task) =>
  pRetry(
    async () => {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    },
    { retries: 5, shouldRetry: (error) => !error.message.includes('ZERO_BALANCE') },
  );
`,
    },
    {
      name: "official Solve loop that looks at result.error",
      filename: 'file.js',
      code: `import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function turnstile(websiteURL, websiteKey) {
  for (let i = 0; i < 3; i++) {
    const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
    if (result.error) throw new Error(\`CapMonster: \${result.error}\`);
    if (result.solution) return result.solution.token;
  }
}
`,
    },
    {
      name: "zero balance breaks out of the loop",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function drain(jobs) {
  for (const job of jobs) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task: job.task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') {
      console.error('balance is empty, stopping');
      break;
    }
    if (data.errorId !== 0) continue;
    job.taskId = data.taskId;
  }
}
`,
    },
    {
      name: "zero balance sets the flag the loop tests",
      filename: 'file.js',
      code: `import axios from 'axios';

let running = true;

export async function worker(next) {
  while (running) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task: next() });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') {
      running = false;
    }
  }
}
`,
    },
    {
      name: "process.exit on zero balance",
      filename: 'file.js',
      code: `const axios = require('axios');

async function loop(task) {
  while (true) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE' || data.errorCode === 'ERROR_KEY_DOES_NOT_EXIST') {
      console.error(data.errorCode);
      process.exit(1);
    }
    if (data.errorId === 0) return data.taskId;
    await sleep(5000);
  }
}

loop({ type: 'ImageToTextTask', body: '' });
`,
    },
    {
      name: "result poll that keeps going on CAPTCHA_NOT_READY only",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function waitForResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorCode === 'CAPTCHA_NOT_READY' || data.status === 'processing') continue;
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: "waiting for a top-up by polling getBalance only",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function waitForTopUp() {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: process.env.KEY });
    if (data.balance <= 0) {
      await sleep(10 * 60 * 1000);
      continue;
    }
    return data.balance;
  }
}
`,
    },
    {
      name: "balance check that stops before creating tasks",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function run(tasks) {
  const { data: account } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: process.env.KEY });
  if (account.balance < 0.01) throw new Error('top up the CapMonster balance first');
  for (const task of tasks) {
    await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  }
}
`,
    },
    {
      name: "file with no CapMonster code at all",
      filename: 'file.js',
      code: `export async function fetchWithRetry(url) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url);
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
`,
    },
  ],
  invalid: [
      {
        name: "json=1: any in.php error resubmitted 20 s later through setTimeout(fn, ms, arg)",
        filename: "submit.js",
        code: `
const axios = require('axios');
const KEY = process.env.RUCAPTCHA_KEY;
if (!KEY) throw new Error('RUCAPTCHA_KEY is not set');

function submit(sitekey) {
  axios.get(\`https://rucaptcha.com/in.php?key=\${KEY}&method=hcaptcha&sitekey=\${sitekey}&pageurl=https://example.org&json=1\`).then((r) => {
    if (r.data.status !== 1) {
      setTimeout(submit, 20000, sitekey);
      return;
    }
    console.log('task', r.data.request);
  });
}

submit('site-key');
`,
        output: null,
        errors: [
          {
            messageId: 'blindRetry',
            line: 8,
            column: 9,
            suggestions: [
              {
                messageId: 'throwOnZeroBalance',
                output: `
const axios = require('axios');
const KEY = process.env.RUCAPTCHA_KEY;
if (!KEY) throw new Error('RUCAPTCHA_KEY is not set');

function submit(sitekey) {
  axios.get(\`https://rucaptcha.com/in.php?key=\${KEY}&method=hcaptcha&sitekey=\${sitekey}&pageurl=https://example.org&json=1\`).then((r) => {
    if (r.data.status !== 1) {
      if (r.data.request === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
      setTimeout(submit, 20000, sitekey);
      return;
    }
    console.log('task', r.data.request);
  });
}

submit('site-key');
`,
              },
            ],
          },
        ],
      },
      {
        name: "a job that restarts itself from finally while its catch only logs: it creates tasks again after a zero balance",
        filename: "job.js",
        code: `
const KEY = process.env.TWOCAPTCHA_KEY;
if (!KEY) throw new Error('TWOCAPTCHA_KEY is not set');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function submit(sitekey, pageurl) {
  const text = await fetch(\`https://2captcha.com/in.php?key=\${KEY}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.text());
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.slice(3);
}

async function loop() {
  try {
    console.log('task', await submit('site-key', 'https://example.org'));
  } catch (e) {
    console.error('submit failed:', e.message);
  } finally {
    await sleep(3000);
    loop();
  }
}

loop();
`,
        output: null,
        errors: [
          {
            messageId: 'blindRetry',
            line: 15,
            column: 5,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const KEY = process.env.TWOCAPTCHA_KEY;
if (!KEY) throw new Error('TWOCAPTCHA_KEY is not set');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function submit(sitekey, pageurl) {
  const text = await fetch(\`https://2captcha.com/in.php?key=\${KEY}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.text());
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.slice(3);
}

async function loop() {
  try {
    console.log('task', await submit('site-key', 'https://example.org'));
  } catch (e) {
    if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
    console.error('submit failed:', e.message);
  } finally {
    await sleep(3000);
    loop();
  }
}

loop();
`,
              },
            ],
          },
        ],
      },
      {
        name: "a handler that tests the error only to log more of it (if (err.response) console.error(…)) does not look at it",
        filename: "file.js",
        code: `
const axios = require('axios');

async function solve(sitekey, pageurl) {
  const sub = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.CAPMONSTER_KEY, task: { type: 'HCaptchaTaskProxyless', websiteURL: pageurl, websiteKey: sitekey } });
  if (sub.data.errorId !== 0) throw new Error(sub.data.errorCode);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.CAPMONSTER_KEY, taskId: sub.data.taskId });
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
    if (res.data.status === 'ready') return res.data.solution.gRecaptchaResponse;
  }
  throw new Error('timeout');
}

async function claimAll(sites) {
  for (const site of sites) {
    try {
      await solve(site.key, site.url);
    } catch (err) {
      console.error('claim failed:', err.message);
      if (err.response) {
        console.error('status', err.response.status);
      }
    }
  }
}
module.exports = { claimAll };
`,
        output: null,
        errors: [
          {
            messageId: 'blindRetry',
            line: 20,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const axios = require('axios');

async function solve(sitekey, pageurl) {
  const sub = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.CAPMONSTER_KEY, task: { type: 'HCaptchaTaskProxyless', websiteURL: pageurl, websiteKey: sitekey } });
  if (sub.data.errorId !== 0) throw new Error(sub.data.errorCode);
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.CAPMONSTER_KEY, taskId: sub.data.taskId });
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
    if (res.data.status === 'ready') return res.data.solution.gRecaptchaResponse;
  }
  throw new Error('timeout');
}

async function claimAll(sites) {
  for (const site of sites) {
    try {
      await solve(site.key, site.url);
    } catch (err) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(err))) throw err;
      console.error('claim failed:', err.message);
      if (err.response) {
        console.error('status', err.response.status);
      }
    }
  }
}
module.exports = { claimAll };
`,
              },
            ],
          },
        ],
      },
      {
        name: "a daemon loop that calls a helper swallowing every error: it creates tasks again after a zero balance",
        filename: "file.js",
        code: `
const axios = require('axios');

async function solveHcaptcha(sitekey, pageurl) {
  const sub = await axios.post('http://2captcha.com/in.php', null, { params: { key: process.env.TWOCAPTCHA_KEY, method: 'hcaptcha', sitekey, pageurl, json: 1 } });
  if (sub.data.status !== 1) throw new Error(sub.data.request);
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await axios.get('http://2captcha.com/res.php', { params: { key: process.env.TWOCAPTCHA_KEY, action: 'get', id: sub.data.request, json: 1 } });
    if (res.data.status === 1) return res.data.request;
    if (res.data.request !== 'CAPCHA_NOT_READY') throw new Error(res.data.request);
  }
  throw new Error('timeout');
}

async function claim() {
  try {
    const token = await solveHcaptcha('site-key', 'https://faucet.example.org');
    return Boolean(token);
  } catch (e) {
    console.error('claim failed:', e.message);
    return false;
  }
}

(async () => {
  while (true) {
    const ok = await claim();
    await new Promise((r) => setTimeout(r, ok ? 3600000 : 600000));
  }
})();
`,
        output: null,
        errors: [
          {
            messageId: 'nextTaskAfterFailure',
            line: 28,
            column: 22,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"claim()'s catch"},
                output: `
const axios = require('axios');

async function solveHcaptcha(sitekey, pageurl) {
  const sub = await axios.post('http://2captcha.com/in.php', null, { params: { key: process.env.TWOCAPTCHA_KEY, method: 'hcaptcha', sitekey, pageurl, json: 1 } });
  if (sub.data.status !== 1) throw new Error(sub.data.request);
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await axios.get('http://2captcha.com/res.php', { params: { key: process.env.TWOCAPTCHA_KEY, action: 'get', id: sub.data.request, json: 1 } });
    if (res.data.status === 1) return res.data.request;
    if (res.data.request !== 'CAPCHA_NOT_READY') throw new Error(res.data.request);
  }
  throw new Error('timeout');
}

async function claim() {
  try {
    const token = await solveHcaptcha('site-key', 'https://faucet.example.org');
    return Boolean(token);
  } catch (e) {
    if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
    console.error('claim failed:', e.message);
    return false;
  }
}

(async () => {
  while (true) {
    const ok = await claim();
    await new Promise((r) => setTimeout(r, ok ? 3600000 : 600000));
  }
})();
`,
              },
            ],
          },
        ],
      },
    {
      name: "p-retry: an onFailedAttempt that only logs is no filter",
      filename: "file.js",
      code: `
const pRetry = require('p-retry');
const axios = require('axios');
const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED'];
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw Object.assign(new Error(data.errorCode), { code: data.errorCode });
  return data.taskId;
}
async function solve(key, task) {
  return pRetry(() => createTask(key, task), { retries: 5, onFailedAttempt: (e) => console.log('attempt failed', e.attemptNumber) });
}
module.exports = { solve };
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 11,
          column: 10,
          suggestions: [
            {
              messageId: 'abortOnFatalError',
              output: `
const pRetry = require('p-retry');
const axios = require('axios');
const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED'];
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw Object.assign(new Error(data.errorCode), { code: data.errorCode });
  return data.taskId;
}
async function solve(key, task) {
  return pRetry(async () => {
    try {
      return await createTask(key, task);
    } catch (error) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) throw new pRetry.AbortError(error);
      throw error;
    }
  }, { retries: 5, onFailedAttempt: (e) => console.log('attempt failed', e.attemptNumber) });
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "official client: Solve() called again whenever there is no solution, result.error never read",
      filename: "file.ts",
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));
export async function solve(websiteURL: string, websiteKey: string) {
  for (let i = 0; i < 3; i++) {
    const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
    if (result.solution) return result.solution.gRecaptchaResponse;
  }
  throw new Error('unsolved');
}
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 8,
          column: 26,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));
export async function solve(websiteURL: string, websiteKey: string) {
  for (let i = 0; i < 3; i++) {
    const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
    if (String(result.error) === 'ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (result.solution) return result.solution.gRecaptchaResponse;
  }
  throw new Error('unsolved');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a loop over accounts whose catch records each error creates the next task after zero balance",
      filename: "file.js",
      code: `
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
async function solveAll(clientKey, accounts) {
  const failed = [];
  for (const account of accounts) {
    try {
      account.taskId = await createTask(clientKey, { type: 'TurnstileTaskProxyless', websiteURL: account.url, websiteKey: account.sitekey });
    } catch (e) {
      failed.push({ account, error: e.message });
    }
  }
  return failed;
}
module.exports = { solveAll };
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 13,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowZeroBalance',
              output: `
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
async function solveAll(clientKey, accounts) {
  const failed = [];
  for (const account of accounts) {
    try {
      account.taskId = await createTask(clientKey, { type: 'TurnstileTaskProxyless', websiteURL: account.url, websiteKey: account.sitekey });
    } catch (e) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      failed.push({ account, error: e.message });
    }
  }
  return failed;
}
module.exports = { solveAll };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a solve helper one call down turns every error into null: the loop creates the next task after zero balance",
      filename: "file.ts",
      code: `
import axios from 'axios';
async function createTask(clientKey: string, task: object): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
async function trySolve(clientKey: string, url: string): Promise<number | null> {
  try {
    return await createTask(clientKey, { type: 'TurnstileTaskProxyless', websiteURL: url, websiteKey: '0x4AAAAAAA' });
  } catch (e) {
    return null;
  }
}
export async function solveEach(clientKey: string, urls: string[]) {
  const ids: number[] = [];
  for (const url of urls) {
    const id = await trySolve(clientKey, url);
    if (!id) continue;
    ids.push(id);
  }
  return ids;
}
`,
      output: null,
      errors: [
        {
          messageId: 'nextTaskAfterFailure',
          line: 18,
          column: 22,
          suggestions: [
            {
              messageId: 'rethrowZeroBalance',
              output: `
import axios from 'axios';
async function createTask(clientKey: string, task: object): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
async function trySolve(clientKey: string, url: string): Promise<number | null> {
  try {
    return await createTask(clientKey, { type: 'TurnstileTaskProxyless', websiteURL: url, websiteKey: '0x4AAAAAAA' });
  } catch (e) {
    if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
    return null;
  }
}
export async function solveEach(clientKey: string, urls: string[]) {
  const ids: number[] = [];
  for (const url of urls) {
    const id = await trySolve(clientKey, url);
    if (!id) continue;
    ids.push(id);
  }
  return ids;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "code spelt as a sum of two pieces, neither of them a code",
      filename: 'file.js',
      code: `import axios from 'axios';

const NO_MONEY = 'ERROR_ZERO' + '_BALANCE';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === NO_MONEY) {
      await new Promise((r) => setTimeout(r, 60_000));
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: `import axios from 'axios';

const NO_MONEY = 'ERROR_ZERO' + '_BALANCE';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === NO_MONEY) {
      await new Promise((r) => setTimeout(r, 60_000));
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [{
        messageId: 'retriesZeroBalance',
        line: 8,
        column: 9,
        suggestions: [],
      }],
    },
    {
      name: "code spelt by a template from a prefix constant",
      filename: 'file.js',
      code: `import axios from 'axios';

const P = 'ERROR';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === \`\${P}_ZERO_BALANCE\`) {
      await new Promise((r) => setTimeout(r, 60_000));
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: `import axios from 'axios';

const P = 'ERROR';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode === \`\${P}_ZERO_BALANCE\`) {
      await new Promise((r) => setTimeout(r, 60_000));
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [{
        messageId: 'retriesZeroBalance',
        line: 8,
        column: 9,
        suggestions: [],
      }],
    },
    {
      name: "regex test on the error text, the only code spelling in the file",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (/zero balance/i.test(data.errorDescription)) {
      await new Promise((r) => setTimeout(r, 60_000));
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: `import axios from 'axios';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (/zero balance/i.test(data.errorDescription)) {
      await new Promise((r) => setTimeout(r, 60_000));
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [{
        messageId: 'retriesZeroBalance',
        line: 6,
        column: 9,
        suggestions: [],
      }],
    },
    {
      name: "axios createTask loop that waits and continues on ERROR_ZERO_BALANCE",
      filename: 'file.js',
      code: `import axios from 'axios';

const API = 'https://api.capmonster.cloud';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post(\`\${API}/createTask\`, { clientKey: process.env.CAPMONSTER_KEY, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') {
      await new Promise((r) => setTimeout(r, 60_000));
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: `import axios from 'axios';

const API = 'https://api.capmonster.cloud';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post(\`\${API}/createTask\`, { clientKey: process.env.CAPMONSTER_KEY, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') {
      await new Promise((r) => setTimeout(r, 60_000));
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 8,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "2captcha in.php text grouped with a transient code, recursion through setTimeout",
      filename: 'file.js',
      code: `const KEY = process.env.CAPMONSTER_KEY;

function submit(params, done) {
  fetch(\`http://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&\${params}\`)
    .then((res) => res.text())
    .then((text) => {
      if (text === 'ERROR_NO_SLOT_AVAILABLE' || text === 'ERROR_ZERO_BALANCE') {
        setTimeout(() => submit(params, done), 5000);
        return;
      }
      if (!text.startsWith('OK|')) return done(new Error(text));
      done(null, text.slice(3));
    });
}

module.exports = { submit };
`,
      output: null,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 7,
          column: 49,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `const KEY = process.env.CAPMONSTER_KEY;

function submit(params, done) {
  fetch(\`http://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&\${params}\`)
    .then((res) => res.text())
    .then((text) => {
      if (text === 'ERROR_NO_SLOT_AVAILABLE' || text === 'ERROR_ZERO_BALANCE') {
        if (text === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
        setTimeout(() => submit(params, done), 5000);
        return;
      }
      if (!text.startsWith('OK|')) return done(new Error(text));
      done(null, text.slice(3));
    });
}

module.exports = { submit };
`,
            },
          ],
        },
      ],
    },
    {
      name: "got JSON API, switch case on zero balance alone",
      filename: 'file.ts',
      code: `import got from 'got';

interface Reply { errorId: number; errorCode?: string; taskId?: number }

export async function createTask(task: object): Promise<number> {
  while (true) {
    const reply = await got.post('https://api.capmonster.cloud/createTask', { json: { clientKey: process.env.KEY, task } }).json<Reply>();
    switch (reply.errorCode) {
      case 'ERROR_ZERO_BALANCE':
        console.warn('balance is empty, retrying in a minute');
        await sleep(60_000);
        continue;
      case undefined:
      case null:
        return reply.taskId!;
      default:
        throw new Error(reply.errorCode);
    }
  }
}
`,
      output: `import got from 'got';

interface Reply { errorId: number; errorCode?: string; taskId?: number }

export async function createTask(task: object): Promise<number> {
  while (true) {
    const reply = await got.post('https://api.capmonster.cloud/createTask', { json: { clientKey: process.env.KEY, task } }).json<Reply>();
    switch (reply.errorCode) {
      case 'ERROR_ZERO_BALANCE':
        console.warn('balance is empty, retrying in a minute');
        await sleep(60_000);
        throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
      case undefined:
      case null:
        return reply.taskId!;
      default:
        throw new Error(reply.errorCode);
    }
  }
}
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 9,
          column: 12,
          suggestions: [],
        },
      ],
    },
    {
      name: "axios HTTP 402 in a catch retried by recursion",
      filename: 'file.ts',
      code: `import axios, { AxiosError } from 'axios';

export async function createTask(task: Record<string, unknown>): Promise<number> {
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  } catch (err) {
    if ((err as AxiosError).response?.status === 402) {
      await new Promise((r) => setTimeout(r, 30_000));
      return createTask(task);
    }
    throw err;
  }
}
`,
      output: `import axios, { AxiosError } from 'axios';

export async function createTask(task: Record<string, unknown>): Promise<number> {
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  } catch (err) {
    if ((err as AxiosError).response?.status === 402) {
      await new Promise((r) => setTimeout(r, 30_000));
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    throw err;
  }
}
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 9,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "CommonJS list of retryable codes that contains zero balance",
      filename: 'file.js',
      code: `const axios = require('axios');

const RETRYABLE = new Set(['ERROR_NO_SLOT_AVAILABLE', 'ERROR_SERVICE_NOT_AVAILABLE', 'ERROR_ZERO_BALANCE']);

async function createTask(task) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId === 0) return data.taskId;
    if (!RETRYABLE.has(data.errorCode)) throw new Error(data.errorCode);
    await sleep(5000);
  }
  throw new Error('no slot');
}

module.exports = { createTask };
`,
      output: null,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 9,
          column: 10,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `const axios = require('axios');

const RETRYABLE = new Set(['ERROR_NO_SLOT_AVAILABLE', 'ERROR_SERVICE_NOT_AVAILABLE', 'ERROR_ZERO_BALANCE']);

async function createTask(task) {
  for (let attempt = 0; attempt < 20; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId === 0) return data.taskId;
    if (!RETRYABLE.has(data.errorCode)) throw new Error(data.errorCode);
    if (data.errorCode === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    await sleep(5000);
  }
  throw new Error('no slot');
}

module.exports = { createTask };
`,
            },
          ],
        },
      ],
    },
    {
      name: "official client ErrorType.ZERO_BALANCE followed by continue",
      filename: 'file.js',
      code: `import { CapMonsterCloudClientFactory, ClientOptions, ErrorType, RecaptchaV2ProxylessRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function solveAll(pages) {
  const tokens = [];
  for (const page of pages) {
    const result = await client.Solve(new RecaptchaV2ProxylessRequest({ websiteURL: page.url, websiteKey: page.sitekey }));
    if (result.error === ErrorType.ZERO_BALANCE) continue;
    if (result.error) throw new Error(result.error);
    tokens.push(result.solution.gRecaptchaResponse);
  }
  return tokens;
}
`,
      output: `import { CapMonsterCloudClientFactory, ClientOptions, ErrorType, RecaptchaV2ProxylessRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function solveAll(pages) {
  const tokens = [];
  for (const page of pages) {
    const result = await client.Solve(new RecaptchaV2ProxylessRequest({ websiteURL: page.url, websiteKey: page.sitekey }));
    if (result.error === ErrorType.ZERO_BALANCE) throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (result.error) throw new Error(result.error);
    tokens.push(result.solution.gRecaptchaResponse);
  }
  return tokens;
}
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 9,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "balance check that only logs, then creates tasks anyway",
      filename: 'file.js',
      code: `import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.capmonster.cloud' });

export async function worker(queue) {
  while (queue.length > 0) {
    const { data: account } = await api.post('/getBalance', { clientKey: process.env.KEY });
    if (account.balance <= 0) {
      console.error('CapMonster balance is empty');
      await sleep(10 * 60 * 1000);
    }
    const job = queue.shift();
    const { data } = await api.post('/createTask', { clientKey: process.env.KEY, task: job.task });
    job.taskId = data.taskId;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 8,
          column: 9,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.capmonster.cloud' });

export async function worker(queue) {
  while (queue.length > 0) {
    const { data: account } = await api.post('/getBalance', { clientKey: process.env.KEY });
    if (account.balance <= 0) {
      console.error('CapMonster balance is empty');
      await sleep(10 * 60 * 1000);
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
    const job = queue.shift();
    const { data } = await api.post('/createTask', { clientKey: process.env.KEY, task: job.task });
    job.taskId = data.taskId;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "class method wrapper that hands zero balance to its retry helper",
      filename: 'file.ts',
      code: `import axios from 'axios';

export class CaptchaSolver {
  constructor(private readonly key: string) {}

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    await new Promise((r) => setTimeout(r, 3000));
    return fn();
  }

  async createTask(task: object): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: this.key, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') return this.retry(() => this.createTask(task));
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: `import axios from 'axios';

export class CaptchaSolver {
  constructor(private readonly key: string) {}

  private async retry<T>(fn: () => Promise<T>): Promise<T> {
    await new Promise((r) => setTimeout(r, 3000));
    return fn();
  }

  async createTask(task: object): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: this.key, task });
    if (data.errorCode === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 13,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "node-fetch error description test with includes('balance')",
      filename: 'file.js',
      code: `import fetch from 'node-fetch';

export async function createTask(task) {
  let reply;
  do {
    const res = await fetch('https://api.capmonster.cloud/createTask', {
      method: 'POST',
      body: JSON.stringify({ clientKey: process.env.KEY, task }),
    });
    reply = await res.json();
    if (reply.errorId !== 0 && reply.errorDescription.toLowerCase().includes('zero balance')) {
      await sleep(30000);
    }
  } while (reply.errorId !== 0);
  return reply.taskId;
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 11,
          column: 32,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `import fetch from 'node-fetch';

export async function createTask(task) {
  let reply;
  do {
    const res = await fetch('https://api.capmonster.cloud/createTask', {
      method: 'POST',
      body: JSON.stringify({ clientKey: process.env.KEY, task }),
    });
    reply = await res.json();
    if (reply.errorId !== 0 && reply.errorDescription.toLowerCase().includes('zero balance')) {
      await sleep(30000);
      throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    }
  } while (reply.errorId !== 0);
  return reply.taskId;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "request callback that reschedules itself on zero balance",
      filename: 'file.js',
      code: `const request = require('request');

function createTask(task, callback) {
  request.post({ url: 'https://api.capmonster.cloud/createTask', json: { clientKey: process.env.KEY, task } }, (err, res, body) => {
    if (err) return callback(err);
    if (body.errorCode === 'ERROR_ZERO_BALANCE') return setTimeout(() => createTask(task, callback), 60000);
    if (body.errorId) return callback(new Error(body.errorCode));
    callback(null, body.taskId);
  });
}

module.exports = createTask;
`,
      output: `const request = require('request');

function createTask(task, callback) {
  request.post({ url: 'https://api.capmonster.cloud/createTask', json: { clientKey: process.env.KEY, task } }, (err, res, body) => {
    if (err) return callback(err);
    if (body.errorCode === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (body.errorId) return callback(new Error(body.errorCode));
    callback(null, body.taskId);
  });
}

module.exports = createTask;
`,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 6,
          column: 9,
          suggestions: [],
        },
      ],
    },
    {
      name: "2captcha json=1 reply grouped with transient codes",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function submit(sitekey, pageurl) {
  for (;;) {
    const { data } = await axios.get('https://api.capmonster.cloud/in.php', {
      params: { key: process.env.KEY, method: 'userrecaptcha', googlekey: sitekey, pageurl, json: 1 },
    });
    if (data.status === 1) return data.request;
    if (data.request === 'ERROR_NO_SLOT_AVAILABLE' || data.request === 'ERROR_ZERO_BALANCE') {
      await sleep(5000);
      continue;
    }
    throw new Error(data.request);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesZeroBalance',
          line: 9,
          column: 55,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `import axios from 'axios';

export async function submit(sitekey, pageurl) {
  for (;;) {
    const { data } = await axios.get('https://api.capmonster.cloud/in.php', {
      params: { key: process.env.KEY, method: 'userrecaptcha', googlekey: sitekey, pageurl, json: 1 },
    });
    if (data.status === 1) return data.request;
    if (data.request === 'ERROR_NO_SLOT_AVAILABLE' || data.request === 'ERROR_ZERO_BALANCE') {
      if (data.request === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
      await sleep(5000);
      continue;
    }
    throw new Error(data.request);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "loop whose catch retries solve() whatever failed",
      filename: 'file.js',
      code: `import axios from 'axios';

async function solve(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const { data: r } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: data.taskId });
    if (r.errorId !== 0) throw new Error(r.errorCode);
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}

export async function solveWithRetries(task) {
  while (true) {
    try {
      return await solve(task);
    } catch (e) {
      console.log('solve failed, retrying', e.message);
      await sleep(2000);
    }
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 19,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowZeroBalance',
              output: `import axios from 'axios';

async function solve(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const { data: r } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: data.taskId });
    if (r.errorId !== 0) throw new Error(r.errorCode);
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}

export async function solveWithRetries(task) {
  while (true) {
    try {
      return await solve(task);
    } catch (e) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      console.log('solve failed, retrying', e.message);
      await sleep(2000);
    }
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "catch without a binding, bounded loop",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId) throw new Error(data.errorCode);
      return data.taskId;
    } catch {
      await sleep(attempt * 1000);
    }
  }
  return null;
}
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowZeroBalance',
              output: `import axios from 'axios';

export async function createTask(task) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId) throw new Error(data.errorCode);
      return data.taskId;
    } catch (error) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) throw error;
      await sleep(attempt * 1000);
    }
  }
  return null;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "promise .catch() that calls the function again",
      filename: 'file.js',
      code: `const axios = require('axios');

function createTask(task) {
  return axios
    .post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task })
    .then(({ data }) => {
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    })
    .catch(() => createTask(task));
}

module.exports = { createTask };
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 10,
          column: 12,
          suggestions: [
            {
              messageId: 'filterFatalErrors',
              output: `const axios = require('axios');

function createTask(task) {
  return axios
    .post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task })
    .then(({ data }) => {
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    })
    .catch((error) => { if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) throw error; return createTask(task); });
}

module.exports = { createTask };
`,
            },
          ],
        },
      ],
    },
    {
      name: "official Solve loop that retries while there is no solution",
      filename: 'file.js',
      code: `const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaProxylessRequest } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

async function solveHCaptcha(websiteURL, websiteKey) {
  let result;
  do {
    result = await client.Solve(new HCaptchaProxylessRequest({ websiteURL, websiteKey }));
  } while (!result.solution);
  return result.solution.gRecaptchaResponse;
}

module.exports = { solveHCaptcha };
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 8,
          column: 20,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaProxylessRequest } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

async function solveHCaptcha(websiteURL, websiteKey) {
  let result;
  do {
    result = await client.Solve(new HCaptchaProxylessRequest({ websiteURL, websiteKey }));
    if (String(result.error) === 'ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
  } while (!result.solution);
  return result.solution.gRecaptchaResponse;
}

module.exports = { solveHCaptcha };
`,
            },
          ],
        },
      ],
    },
    {
      name: "official Solve in a while loop that returns on solution",
      filename: 'file.js',
      code: `import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function turnstile(websiteURL, websiteKey) {
  while (true) {
    const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
    if (result.solution) return result.solution.token;
    await sleep(1000);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 7,
          column: 26,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function turnstile(websiteURL, websiteKey) {
  while (true) {
    const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
    if (String(result.error) === 'ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (result.solution) return result.solution.token;
    await sleep(1000);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "p-retry around task creation with no filter",
      filename: 'file.js',
      code: `import pRetry from 'p-retry';
import axios from 'axios';

export const createTask = (task) =>
  pRetry(
    async () => {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    },
    { retries: 5 },
  );
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'abortOnFatalError',
              output: `import pRetry, { AbortError } from 'p-retry';
import axios from 'axios';

export const createTask = (task) =>
  pRetry(
    async () => {
      try {
        const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
        if (data.errorId !== 0) throw new Error(data.errorCode);
        return data.taskId;
      } catch (error) {
        if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) throw new AbortError(error);
        throw error;
      }
    },
    { retries: 5 },
  );
`,
            },
          ],
        },
      ],
    },
    {
      name: "async-retry around a solve wrapper, bail never used",
      filename: 'file.js',
      code: `const retry = require('async-retry');
const axios = require('axios');

async function solve(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

async function main() {
  const taskId = await retry(() => solve({ type: 'ImageToTextTask', body: image }), { retries: 10, minTimeout: 1000 });
  console.log(taskId);
}

main();
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 11,
          column: 24,
          suggestions: [
            {
              messageId: 'bailOnFatalError',
              output: `const retry = require('async-retry');
const axios = require('axios');

async function solve(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

async function main() {
  const taskId = await retry(async (bail) => {
    try {
      return await solve({ type: 'ImageToTextTask', body: image });
    } catch (error) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) return bail(error);
      throw error;
    }
  }, { retries: 10, minTimeout: 1000 });
  console.log(taskId);
}

main();
`,
            },
          ],
        },
      ],
    },
    {
      name: "errorId test that waits and loops again",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  while (true) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId !== 0) {
      console.warn(\`createTask failed: \${data.errorCode}\`);
      await sleep(3000);
      continue;
    }
    return data.taskId;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'throwOnZeroBalance',
              output: `import axios from 'axios';

export async function createTask(task) {
  while (true) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId !== 0) {
      if (data.errorCode === 'ERROR_ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
      console.warn(\`createTask failed: \${data.errorCode}\`);
      await sleep(3000);
      continue;
    }
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
      name: "same-file retry helper wrapping task creation",
      filename: 'file.ts',
      code: `import axios from 'axios';

async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** i));
    }
  }
  throw lastError;
}

async function createTask(task: object): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

export const taskId = await withRetry(() => createTask({ type: 'TurnstileTaskProxyless', websiteURL: 'https://example.com', websiteKey: '0x4AAA' }));
`,
      output: null,
      errors: [
        {
          messageId: 'blindRetry',
          line: 22,
          column: 29,
          suggestions: [
            {
              messageId: 'rethrowZeroBalance',
              output: `import axios from 'axios';

async function withRetry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  let lastError: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (error) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(error))) throw error;
      lastError = error;
      await new Promise((r) => setTimeout(r, 1000 * 2 ** i));
    }
  }
  throw lastError;
}

async function createTask(task: object): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}

export const taskId = await withRetry(() => createTask({ type: 'TurnstileTaskProxyless', websiteURL: 'https://example.com', websiteKey: '0x4AAA' }));
`,
            },
          ],
        },
      ],
    },
  ],
});
