import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/handle-ban-errors';

const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils, so the rule's type is cast across the two copies;
// the explicit type arguments keep the test cases checked against the rule's message ids.
ruleTester.run<MessageIds, Options>('handle-ban-errors', rule as never, {
  valid: [
      {
        name: "res.php text: the answer captured by an OK| regex (with a fallback), its absence thrown as an error built first",
        filename: "answer.ts",
        code: `
import request from 'request';

export async function answer(key: string, id: string): Promise<string | null> {
  const res = await new Promise<string>((resolve, reject) => {
    request.get(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`, (err, _response, body) => {
      if (err) return reject(err);
      resolve(body);
    });
  });
  if (res === 'CAPCHA_NOT_READY') return null;
  const [, code] = res.match(/^OK\\|(.+)$/) || [, ,];
  if (!code) {
    const error = new Error(\`2captcha: \${res}\`);
    throw error;
  }
  return code;
}
`,
      },
      {
        name: "official Solve: the same fallback after a test of the solution that throws",
        filename: "turnstile.ts",
        code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: KEY }));

export async function turnstile(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  if (!result.solution?.token || result.error) throw new Error(result.error ?? 'no token');
  return result.solution.token || '';
}
`,
      },
      {
        name: "a try around fetch alone: fetch throws for transport errors only, the error reply is checked after the try",
        filename: "poll.ts",
        code: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(clientKey: string, taskId: number) {
  const end = Date.now() + 120_000;
  while (Date.now() < end) {
    let res: Response;
    try {
      res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }) });
    } catch {
      await sleep(3000);
      continue;
    }
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
    await sleep(3000);
  }
  throw new Error('timeout');
}
`,
      },
      {
        name: "json=1 in a promise executor: the error text handed to reject on status 0 is the error, not a use",
        filename: "file.js",
        code: `
function askOnce(key, id) {
  return new Promise(async (resolve, reject) => {
    const res = await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}&json=1\`);
    const body = await res.json();
    if (body.status === 0) return reject(new Error(body.request));
    resolve(body.request);
  });
}
function askOnceRaw(key, id) {
  return new Promise(async (resolve, reject) => {
    const res = await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}&json=1\`);
    const body = await res.json();
    if (body.status !== 1) return reject(body.request);
    resolve(body.request);
  });
}
module.exports = { askOnce, askOnceRaw };
`,
      },
      {
        name: "json=1: status 1 returned, any request but CAPCHA_NOT_READY gives up with null",
        filename: "solve.ts",
        code: `
import axios from 'axios';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pickUp(key: string, id: string): Promise<string | null> {
  for (let n = 0; n < 24; n++) {
    await wait(5000);
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') return null;
  }
  return null;
}
`,
      },
      {
        name: "json=1: CAPCHA_NOT_READY goes round again, anything else gives up with null",
        filename: "solve.ts",
        code: `
import axios from 'axios';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pickUp(key: string, id: string): Promise<string | null> {
  for (let n = 0; n < 24; n++) {
    await wait(5000);
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request === 'CAPCHA_NOT_READY') continue;
    return null;
  }
  return null;
}
`,
      },
      {
        name: "ready returned, processing waited for, anything else thrown: an error reply has no status, so it stops the poll",
        filename: "solve.mjs",
        code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function fetchSolution(clientKey, taskId) {
  for (let n = 0; n < 30; n++) {
    await sleep(3000);
    const reply = await fetch('https://api.capmonster.cloud/getTaskResult', {
      method: 'POST',
      body: JSON.stringify({ clientKey, taskId }),
    }).then((r) => r.json());
    if (reply.status === 'ready') return reply.solution;
    if (reply.status !== 'processing') throw new Error(reply.errorCode);
  }
  throw new Error('timeout');
}
`,
      },
      {
        name: "a variable seeded with a literal, given every reply by an assignment that a throwing check follows: read after the loop, it is checked",
        filename: "file.js",
        code: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForResult(clientKey, taskId) {
  let result = { status: 'processing' };
  for (let attempt = 0; attempt < 40 && result.status !== 'ready'; attempt++) {
    await sleep(3000);
    result = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId }).then((r) => r.data);
    if (result.errorId !== 0) throw new Error(result.errorCode);
  }
  return result.solution;
}
module.exports = { waitForResult };
`,
      },
      {
        name: "the id after | is there only on success: a test of its presence is the OK| check",
        filename: "file.js",
        code: `
const axios = require('axios');
async function submit(key, sitekey, pageurl) {
  const text = await axios.post(\`https://2captcha.com/in.php?key=\${key}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.data);
  const id = text.split('|')[1];
  if (!id) throw new Error(text);
  return id;
}
module.exports = { submit };
`,
      },
      {
        name: "the same with destructuring: const [, id] = text.split('|')",
        filename: "file.js",
        code: `
const axios = require('axios');
async function submit(key, sitekey, pageurl) {
  const text = await axios.post(\`https://2captcha.com/in.php?key=\${key}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.data);
  const [, id] = text.split('|');
  if (!id) throw new Error(text);
  return id;
}
module.exports = { submit };
`,
      },
      {
        name: "a same-file helper that returns when errorId is 0 and throws otherwise checks the reply it is given",
        filename: "client.ts",
        code: `
const API = 'https://api.capmonster.cloud';

function ensureOk(reply: { errorId: number; errorCode?: string }): void {
  if (reply.errorId == 0) return;
  throw new Error(\`CapMonster: \${reply.errorCode}\`);
}

export class Client {
  constructor(private readonly key: string) {}

  async createTask(task: object): Promise<number> {
    const res = await fetch(\`\${API}/createTask\`, { method: 'POST', body: JSON.stringify({ clientKey: this.key, task }) });
    const reply = await res.json();
    ensureOk(reply);
    return reply.taskId;
  }
}
`,
      },
      {
        name: "the same daemon loop is no loop over work items: handle-ban-errors leaves it to no-retry-on-zero-balance",
        filename: "file.js",
        code: `
const axios = require('axios');

async function solveHcaptcha(sitekey, pageurl) {
  const sub = await axios.post('http://2captcha.com/in.php', null, { params: { key: '0123456789abcdef0123456789abcdef', method: 'hcaptcha', sitekey, pageurl, json: 1 } });
  if (sub.data.status !== 1) throw new Error(sub.data.request);
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await axios.get('http://2captcha.com/res.php', { params: { key: '0123456789abcdef0123456789abcdef', action: 'get', id: sub.data.request, json: 1 } });
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
      },
    {
      name: 'json=1: status and request copied into locals first, then the status tested before the answer is returned',
      filename: 'file.js',
      code: `
const axios = require('axios');
async function wait(key, id) {
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: reply } = await axios.get('http://rucaptcha.com/res.php', { params: { key, json: 1, id, action: 'get' } });
    const state = reply.status,
      answer = reply.request;
    if (state === 1) return answer;
    if (answer === 'CAPCHA_NOT_READY') continue;
    throw new Error(answer);
  }
  throw new Error('timeout');
}
module.exports = wait;
`,
    },
    {
      name: 'errorId copied into a local and that local tested',
      filename: 'file.js',
      code: `
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  const failed = data.errorId;
  if (failed) throw new Error(data.errorCode);
  return data.taskId;
}
module.exports = { createTask };
`,
    },
    {
      name: 'the solution copied into an outer variable inside the ready branch, after the errorId check',
      filename: 'file.js',
      code: `
const axios = require('axios');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForSolution(clientKey, taskId) {
  let solution;
  for (let attempt = 0; attempt < 60; attempt++) {
    await pause(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') {
      solution = data.solution;
      break;
    }
  }
  return solution;
}
module.exports = { waitForSolution };
`,
    },
    {
      name: 'json=1: the answer copied into an outer variable inside the status 1 branch, other codes thrown',
      filename: 'file.js',
      code: `
const rp = require('request-promise-native');
async function answerOf(key, id) {
  const url = 'http://rucaptcha.com/res.php?' + new URLSearchParams({ key, action: 'get', id, json: 1 });
  let answer;
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 3000));
    const parsed = JSON.parse(await rp.get({ url }));
    if (parsed.status === 1) {
      answer = parsed.request;
      break;
    }
    if (parsed.request !== 'CAPCHA_NOT_READY') throw new Error(parsed.request);
  }
  return answer;
}
module.exports = answerOf;
`,
    },
    {
      name: "json=1: the result returned on status 1, every other code but CAPCHA_NOT_READY thrown",
      filename: "file.js",
      code: `
const axios = require('axios');
async function waitForToken(key, id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: d } = await axios.get('http://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (d.status === 1) return d.request;
    if (d.request !== 'CAPCHA_NOT_READY') throw new Error(d.request);
  }
  throw new Error('timeout');
}
module.exports = { waitForToken };
`,
    },
    {
      name: "the id taken out with a regex anchored at OK|, its absence thrown (request callback in a promise)",
      filename: "file.ts",
      code: `
import request from 'request';
export async function upload(host: string, key: string, body: string): Promise<string> {
  const res = await new Promise<string>((resolve, reject) => {
    request.post({ url: \`\${host}/in.php\`, form: { key, method: 'base64', body } }, (err, response, text) => {
      if (err) return reject(err);
      resolve(text);
    });
  });
  const [, id] = res.match(/^OK\\|(\\d+)$/) || [, ,];
  if (!id) throw new Error(\`captcha service: \${res}\`);
  return id;
}
`,
    },
    {
      name: "errorId tested as a truthy value and as !== 0 in one condition",
      filename: "file.ts",
      code: `
export class Solver {
  constructor(private readonly baseUrl: string, private readonly clientKey: string) {}
  private async post(method: string, body: Record<string, unknown>) {
    const res = await fetch(\`\${this.baseUrl}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.clientKey, ...body }) });
    const data = await res.json();
    if (data.errorId && data.errorId !== 0) throw new Error(data.errorCode);
    return data;
  }
  async createTask(task: object): Promise<number> {
    const data = await this.post('createTask', { task });
    return data.taskId;
  }
}
`,
    },
    {
      name: "the status and the rest of a json=1 reply handed to a helper that throws on every error but CAPCHA_NOT_READY",
      filename: "file.ts",
      code: `
import axios from 'axios';
function throwIfBad(status: number, data: { request: string; error_text?: string }) {
  if (!status && data.request !== 'CAPCHA_NOT_READY') throw new Error(data.error_text ?? data.request);
}
export async function send(key: string, params: Record<string, string>) {
  const { data: { status, ...data } } = await axios.post('https://rucaptcha.com/in.php', { ...params, key, json: 1 });
  throwIfBad(status, data);
  return data.request;
}
`,
    },
    {
      name: "substring and split tests of the reply are checks, not uses",
      filename: "file.js",
      code: `
const fetch = require('node-fetch');
async function result(key, id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const body = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (body.substring(0, 3) === 'OK|') return body.substring(3);
    if (body !== 'CAPCHA_NOT_READY') throw new Error(body);
  }
  throw new Error('timeout');
}
module.exports = { result };
`,
    },
    {
      name: "reading the reply on its error side: logged, thrown, compared with CAPCHA_NOT_READY inside if (!json.status)",
      filename: "file.js",
      code: `
const axios = require('axios');
async function result(key, id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: json } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (!json.status) {
      if (json.request === 'CAPCHA_NOT_READY') continue;
      console.error('2captcha error', json.request);
      throw new Error(json.request);
    }
    return json.request;
  }
  throw new Error('timeout');
}
module.exports = { result };
`,
    },
    {
      name: "a same-file function that only logs or formats the reply is logging; the check follows",
      filename: "file.ts",
      code: `
import axios from 'axios';
function describe(reply: { errorId: number; errorCode?: string }) {
  return \`errorId=\${reply.errorId} code=\${reply.errorCode}\`;
}
function logReply(reply: unknown) {
  console.log('capmonster reply', JSON.stringify(reply));
}
export async function createTask(clientKey: string, task: object) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  logReply(data);
  if (data.errorId !== 0) throw new Error(describe(data));
  return data.taskId as number;
}
`,
    },
    {
      name: "a same-file function that throws on an error reply is the check",
      filename: "file.ts",
      code: `
import axios from 'axios';
function assertOk(reply: { errorId: number; errorCode?: string }) {
  if (reply.errorId !== 0) throw new Error(reply.errorCode);
}
export async function createTask(clientKey: string, task: object) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  assertOk(data);
  return data.taskId as number;
}
`,
    },
    {
      name: "a loop over accounts whose catch stops on the account-level codes",
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
      if (/ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED/.test(e.message)) throw e;
      failed.push({ account, error: e.message });
    }
  }
  return failed;
}
module.exports = { solveAll };
`,
    },
    {
      name: "a solve helper that rethrows what it cannot handle",
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
    if (String(e).includes('ERROR_CAPTCHA_UNSOLVABLE')) return null;
    throw e;
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
    // ---- uncheckedResponse: checked replies -------------------------------------------------------
    {
      name: 'fetch: createTask reply checked with errorId !== 0 before taskId is used (ESM)',
      code: `
const API = 'https://api.capmonster.cloud';
export async function createTask(task) {
  const res = await fetch(API + '/createTask', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientKey: process.env.CAPMONSTER_KEY, task }),
  });
  const data = await res.json();
  if (data.errorId !== 0) throw new Error(\`CapMonster \${data.errorCode}\`);
  return data.taskId;
}
`,
    },
    {
      name: 'axios (TS): destructured { data } poll that throws on errorId before reading status',
      code: `
import axios from 'axios';

interface TaskResult { errorId: number; errorCode?: string; status?: 'processing' | 'ready'; solution?: { gRecaptchaResponse: string } }

export async function waitForToken(taskId: number): Promise<string> {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios.post<TaskResult>('https://api.capmonster.cloud/getTaskResult', {
      clientKey: process.env.CAPMONSTER_KEY,
      taskId,
    });
    if (data.errorId) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution!.gRecaptchaResponse;
  }
  throw new Error('CapMonster: no result in 3 minutes');
}
`,
    },
    {
      name: 'axios: ready test first, then the error test stops the poll',
      code: `
const axios = require('axios');
async function waitForToken(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (res.data.status === 'ready') return res.data.solution.token;
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
  }
  throw new Error('timeout');
}
module.exports = { waitForToken };
`,
    },
    {
      name: 'got (CommonJS): .json() reply checked with errorId > 0',
      code: `
const got = require('got');
async function getBalance() {
  const body = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY } }).json();
  if (body.errorId > 0) throw new Error(body.errorCode);
  return body.balance;
}
module.exports = { getBalance };
`,
    },
    {
      name: 'got: res.body checked through an errorCode test',
      code: `
import got from 'got';
export async function getBalance() {
  const res = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY }, responseType: 'json' });
  if (res.body.errorCode) throw new Error(res.body.errorCode);
  return res.body.balance;
}
`,
    },
    {
      name: 'destructured errorId / taskId: the errorId test comes first',
      code: `
import axios from 'axios';
export async function createTask(task) {
  const { data: { errorId, errorCode, taskId } } = await axios.post('https://api.capmonster.cloud/createTask', {
    clientKey: process.env.KEY,
    task,
  });
  if (errorId !== 0) throw new Error(errorCode);
  return taskId;
}
`,
    },
    {
      name: 'errorId === 0 guards the branch that uses the taskId',
      code: `
export async function createTask(task) {
  const data = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) }).then((r) => r.json());
  if (data.errorId === 0) {
    return data.taskId;
  }
  throw new Error(data.errorCode);
}
`,
    },
    {
      name: 'a missing taskId stops the flow (a failed createTask returns taskId 0)',
      code: `
import axios from 'axios';
export async function createTask(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (!data.taskId) throw new Error(\`CapMonster \${data.errorCode}\`);
  return data.taskId;
}
`,
    },
    {
      name: '.then chain: the callback checks before taking the taskId',
      code: `
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) })
  .then((r) => r.json())
  .then((data) => {
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return poll(data.taskId);
  });
`,
    },
    {
      name: 'the reply is handed to a validator imported from another module',
      code: `
import axios from 'axios';
import { assertCapMonsterOk } from './errors';
export async function createTask(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  assertCapMonsterOk(data);
  return data.taskId;
}
`,
    },
    {
      name: 'official client: result.error is checked before result.solution',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function solveRecaptcha(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  if (result.error) throw new Error(\`CapMonster \${result.error}\`);
  return result.solution!.gRecaptchaResponse;
}
`,
    },
    {
      name: 'official client: a missing solution stops the flow',
      code: `
const { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
async function solveTurnstile(websiteURL, websiteKey) {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  if (!result.solution) throw new Error(result.error);
  return result.solution.token;
}
module.exports = { solveTurnstile };
`,
    },
    {
      name: 'official client: getBalance throws by itself',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function balance() {
  const balance = await client.getBalance();
  return balance.balance;
}
`,
    },
    {
      name: 'a checking wrapper (function) makes its call sites checked',
      code: `
import axios from 'axios';
async function call(method, body) {
  const { data } = await axios.post(\`https://api.capmonster.cloud/\${method}\`, { clientKey: process.env.KEY, ...body });
  if (data.errorId !== 0) throw new Error(\`CapMonster \${data.errorCode}\`);
  return data;
}
export async function solve(task) {
  const created = await call('createTask', { task });
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await call('getTaskResult', { taskId: created.taskId });
    if (res.status === 'ready') return res.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: 'a checking wrapper (class method, TS) makes its call sites checked',
      code: `
import axios, { type AxiosInstance } from 'axios';

export class CapMonster {
  private readonly http: AxiosInstance = axios.create({ baseURL: 'https://api.capmonster.cloud' });
  constructor(private readonly clientKey: string) {}

  private async request<T>(method: string, body: object): Promise<T> {
    const res = await this.http.post(\`/\${method}\`, { clientKey: this.clientKey, ...body });
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
    return res.data as T;
  }

  async createTask(task: object): Promise<number> {
    const { taskId } = await this.request<{ taskId: number }>('createTask', { task });
    return taskId;
  }
}
`,
    },
    {
      name: '2captcha style: OK| prefix checked, ERROR_ replies throw, CAPCHA_NOT_READY waits',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const BASE = 'https://api.capmonster.cloud';

async function submit(googlekey, pageurl) {
  const res = await fetch(\`\${BASE}/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${googlekey}&pageurl=\${pageurl}\`);
  const text = await res.text();
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.split('|')[1];
}

async function waitAnswer(id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`\${BASE}/res.php?key=\${KEY}&action=get&id=\${id}\`)).text();
    if (text === 'CAPCHA_NOT_READY') continue;
    if (text.indexOf('OK|') !== 0) throw new Error(text);
    return text.slice(3);
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: '2captcha style: split status compared to OK',
      code: `
import axios from 'axios';
export async function submit(googlekey, pageurl) {
  const { data } = await axios.get('https://api.capmonster.cloud/in.php', { params: { key: process.env.KEY, method: 'userrecaptcha', googlekey, pageurl } });
  const [status, id] = data.split('|');
  if (status !== 'OK') throw new Error(data);
  return id;
}
`,
    },
    {
      name: '2captcha json=1: status !== 1 throws before request is used',
      code: `
import axios from 'axios';
export async function submit(googlekey, pageurl) {
  const { data } = await axios.get('https://api.capmonster.cloud/in.php', {
    params: { key: process.env.KEY, method: 'userrecaptcha', googlekey, pageurl, json: 1 },
  });
  if (data.status !== 1) throw new Error(data.request);
  return data.request;
}
`,
    },
    {
      name: 'a wrapper that returns the raw reply, and a caller that checks it',
      code: `
const post = (method, body) =>
  fetch('https://api.capmonster.cloud/' + method, { method: 'POST', body: JSON.stringify({ clientKey: KEY, ...body }) }).then((r) => r.json());

export async function balance() {
  const res = await post('getBalance', {});
  if (res.errorId !== 0) throw new Error(res.errorCode);
  return res.balance;
}
`,
    },
    {
      name: 'the error test is kept in a variable before the if',
      code: `
import axios from 'axios';
export async function createTask(task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  const failed = data.errorId !== 0;
  if (failed) {
    throw new Error(\`CapMonster \${data.errorCode}\`);
  }
  return data.taskId;
}
`,
    },
    {
      name: 'recursion whose catch rethrows',
      code: `
import axios from 'axios';
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  } catch (e) {
    throw new Error(\`CapMonster poll stopped: \${e.message}\`);
  }
  return poll(taskId, attempt + 1);
}
`,
    },
    {
      name: 'a try/catch around a single result request outside any poll',
      code: `
import axios from 'axios';
export async function peek(taskId) {
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) return undefined;
    return data.solution;
  } catch (e) {
    console.log(e);
    return undefined;
  }
}
`,
    },
    {
      name: 'official client: a catch around Solve in a loop is a create retry, not a swallowed poll error',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function solve(websiteURL, websiteKey) {
  for (let i = 0; i < 3; i++) {
    try {
      const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
      if (result.error) throw new Error(result.error);
      return result.solution.gRecaptchaResponse;
    } catch (e) {
      console.log(e);
    }
  }
}
`,
    },
    {
      name: 'catch in a loop that sends one request at most is not a swallowed poll error',
      code: `
import axios from 'axios';
export async function resultOnce(taskId) {
  for (let i = 0; i < 1; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    } catch (e) {
      console.warn('poll failed', e);
    }
  }
}
`,
    },
    // ---- swallowedError: handlers that stop -------------------------------------------------------
    {
      name: 'catch in a poll that rethrows',
      code: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    } catch (error) {
      console.error('CapMonster poll failed', error);
      throw error;
    }
  }
}
`,
    },
    {
      name: 'catch in a poll that tells fatal errors apart and stops on them',
      code: `
import axios from 'axios';
class CapMonsterError extends Error {}
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new CapMonsterError(data.errorCode);
  return data;
}
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const res = await getResult(taskId);
      if (res.status === 'ready') return res.solution;
    } catch (err) {
      if (err instanceof CapMonsterError) break;
      console.warn('network hiccup, polling again', err.message);
    }
  }
}
`,
    },
    {
      name: 'interval poll whose catch clears the interval',
      code: `
import axios from 'axios';
export function waitResult(taskId, done) {
  const timer = setInterval(async () => {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        clearInterval(timer);
        done(null, data.solution);
      }
    } catch (e) {
      clearInterval(timer);
      done(e);
    }
  }, 3000);
}
`,
    },
    {
      name: '.catch that hands the error on with Promise.reject',
      code: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios
      .post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId })
      .catch((e) => Promise.reject(e));
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
    },
    {
      name: 'a catch around task creation is no-retry-on-zero-balance business, not this rule',
      code: `
import axios from 'axios';
export async function solve(task) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    } catch (e) {
      console.log('retrying', e);
    }
  }
}
`,
    },
    {
      name: 'request callback: the err branch hands the error to reject',
      code: `
const request = require('request');
function waitResult(taskId) {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      request.post({ url: 'https://api.capmonster.cloud/getTaskResult', json: { clientKey: process.env.KEY, taskId } }, (err, res, body) => {
        if (err) {
          clearInterval(timer);
          return reject(err);
        }
        if (body.errorId !== 0) {
          clearInterval(timer);
          return reject(new Error(body.errorCode));
        }
        if (body.status === 'ready') {
          clearInterval(timer);
          resolve(body.solution);
        }
      });
    }, 3000);
  });
}
module.exports = { waitResult };
`,
    },
    // ---- look-alikes ------------------------------------------------------------------------------
    {
      name: 'look-alike: a job queue with its own getTaskResult',
      code: `
import { Queue } from 'bullmq';
const queue = new Queue('render');
export async function getTaskResult(id) {
  const job = await queue.getJob(id);
  return job.returnvalue;
}
export async function waitRender(id) {
  while (true) {
    const r = await getTaskResult(id);
    if (r.status === 'ready') return r.solution;
    await new Promise((res) => setTimeout(res, 1000));
  }
}
`,
    },
    {
      name: 'look-alike: unrelated fetch JSON with a status field, in a file that also talks to CapMonster',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
export async function waitExport(id) {
  while (true) {
    try {
      const job = await fetch('https://example.com/api/exports/' + id).then((r) => r.json());
      if (job.status === 'ready') return job.solution;
    } catch (e) {
      console.log(e);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}
export const capmonsterKey = KEY;
`,
    },
    {
      name: 'look-alike: HTTP status of a fetch Response is not the task status',
      code: `
export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) });
  if (res.status !== 200) throw new Error('HTTP ' + res.status);
  const data = await res.json();
  if (data.errorId) throw new Error(data.errorCode);
  return data.taskId;
}
`,
    },
  ],
  invalid: [
      {
        name: "json=1 poll that tests status === 1 only: told to look at request for errors (status 0 is both not ready and an error)",
        filename: "poll.js",
        code: `
const axios = require('axios');
async function answer(key, id) {
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
  }
  throw new Error('timeout');
}
module.exports = { answer };
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            data: { what: 'status', check: '`request` for errors' },
            line: 7,
            column: 9,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (data.status !== 1 && data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);","where":"right after the reply is received"},
                output: `
const axios = require('axios');
async function answer(key, id) {
  for (let n = 0; n < 30; n++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status !== 1 && data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    if (data.status === 1) return data.request;
  }
  throw new Error('timeout');
}
module.exports = { answer };
`,
              },
            ],
          },
        ],
      },
      {
        name: "official Solve: a fallback value (result.solution?.token || '') tests nothing, the error is lost",
        filename: "turnstile.ts",
        code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: KEY }));

export async function turnstile(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  return result.solution?.token || '';
}
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 10,
            column: 10,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (result.error) throw new Error(result.error);","where":"right after the reply is received"},
                output: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: KEY }));

export async function turnstile(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  if (result.error) throw new Error(result.error);
  return result.solution?.token || '';
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "look-alike: an error only logged, the poll goes on",
        filename: "solve.ts",
        code: `
import axios from 'axios';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pickUp(key: string, id: string): Promise<string | null> {
  for (let n = 0; n < 24; n++) {
    await wait(5000);
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') console.warn(data.request);
  }
  return null;
}
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 10,
            column: 9,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (data.status !== 1 && data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);","where":"right after the reply is received"},
                output: `
import axios from 'axios';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function pickUp(key: string, id: string): Promise<string | null> {
  for (let n = 0; n < 24; n++) {
    await wait(5000);
    const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status !== 1 && data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') console.warn(data.request);
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
        name: "look-alike: processing waited for, everything else taken as solved, error replies included",
        filename: "solve.mjs",
        code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function fetchSolution(clientKey, taskId) {
  for (let n = 0; n < 30; n++) {
    await sleep(3000);
    const reply = await fetch('https://api.capmonster.cloud/getTaskResult', {
      method: 'POST',
      body: JSON.stringify({ clientKey, taskId }),
    }).then((r) => r.json());
    if (reply.status === 'processing') continue;
    return reply.solution;
  }
  throw new Error('timeout');
}
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 12,
            column: 12,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (reply.errorId !== 0) throw new Error(reply.errorCode);","where":"right after the reply is received"},
                output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function fetchSolution(clientKey, taskId) {
  for (let n = 0; n < 30; n++) {
    await sleep(3000);
    const reply = await fetch('https://api.capmonster.cloud/getTaskResult', {
      method: 'POST',
      body: JSON.stringify({ clientKey, taskId }),
    }).then((r) => r.json());
    if (reply.errorId !== 0) throw new Error(reply.errorCode);
    if (reply.status === 'processing') continue;
    return reply.solution;
  }
  throw new Error('timeout');
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "look-alike: the check after the assignment only logs, so the loop goes on with error replies",
        filename: "file.js",
        code: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForResult(clientKey, taskId) {
  let result = { status: 'processing' };
  for (let attempt = 0; attempt < 40 && result.status !== 'ready'; attempt++) {
    await sleep(3000);
    result = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId }).then((r) => r.data);
    if (result.errorId !== 0) console.warn(result.errorCode);
  }
  return result.solution;
}
module.exports = { waitForResult };
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 12,
            column: 10,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (result.errorId !== 0) throw new Error(result.errorCode);","where":"before the reply is first used"},
                output: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForResult(clientKey, taskId) {
  let result = { status: 'processing' };
  for (let attempt = 0; attempt < 40 && result.status !== 'ready'; attempt++) {
    await sleep(3000);
    result = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId }).then((r) => r.data);
    if (result.errorId !== 0) console.warn(result.errorCode);
  }
  if (result.errorId !== 0) throw new Error(result.errorCode);
  return result.solution;
}
module.exports = { waitForResult };
`,
              },
            ],
          },
        ],
      },
      {
        name: "look-alike: a part after an underscore is there on error replies too (ERROR_ZERO_BALANCE): no check",
        filename: "file.js",
        code: `
const axios = require('axios');
async function submit(key, sitekey, pageurl) {
  const text = await axios.post(\`https://2captcha.com/in.php?key=\${key}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.data);
  const id = text.split('_')[1];
  if (!id) throw new Error(text);
  return id;
}
module.exports = { submit };
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 5,
            column: 14,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (!text.startsWith('OK|')) throw new Error(text);","where":"right after the reply is received"},
                output: `
const axios = require('axios');
async function submit(key, sitekey, pageurl) {
  const text = await axios.post(\`https://2captcha.com/in.php?key=\${key}&method=hcaptcha&sitekey=\${sitekey}&pageurl=\${pageurl}\`).then((r) => r.data);
  if (!text.startsWith('OK|')) throw new Error(text);
  const id = text.split('_')[1];
  if (!id) throw new Error(text);
  return id;
}
module.exports = { submit };
`,
              },
            ],
          },
        ],
      },
      {
        name: "look-alike: the same helper only warns on an error reply",
        filename: "client.ts",
        code: `
const API = 'https://api.capmonster.cloud';

function ensureOk(reply: { errorId: number; errorCode?: string }): void {
  if (reply.errorId == 0) return;
  console.warn(\`CapMonster: \${reply.errorCode}\`);
}

export class Client {
  constructor(private readonly key: string) {}

  async createTask(task: object): Promise<number> {
    const res = await fetch(\`\${API}/createTask\`, { method: 'POST', body: JSON.stringify({ clientKey: this.key, task }) });
    const reply = await res.json();
    ensureOk(reply);
    return reply.taskId;
  }
}
`,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 16,
            column: 12,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (reply.errorId !== 0) throw new Error(reply.errorCode);","where":"right after the reply is received"},
                output: `
const API = 'https://api.capmonster.cloud';

function ensureOk(reply: { errorId: number; errorCode?: string }): void {
  if (reply.errorId == 0) return;
  console.warn(\`CapMonster: \${reply.errorCode}\`);
}

export class Client {
  constructor(private readonly key: string) {}

  async createTask(task: object): Promise<number> {
    const res = await fetch(\`\${API}/createTask\`, { method: 'POST', body: JSON.stringify({ clientKey: this.key, task }) });
    const reply = await res.json();
    if (reply.errorId !== 0) throw new Error(reply.errorCode);
    ensureOk(reply);
    return reply.taskId;
  }
}
`,
              },
            ],
          },
        ],
      },
    {
      name: 'a plain-text balance read as a number: the hint is that it is a number, not the OK| prefix',
      filename: 'file.js',
      code: `
const axios = require('axios');
async function balanceOf(key) {
  const { data } = await axios.get('https://rucaptcha.com/res.php', { params: { key, action: 'getbalance' } });
  return parseFloat(data);
}
module.exports = { balanceOf };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          data: { what: 'text', check: 'that it is a number' },
          line: 5,
          column: 10,
          suggestions: [{ messageId: 'addErrorCheck', output: `
const axios = require('axios');
async function balanceOf(key) {
  const { data } = await axios.get('https://rucaptcha.com/res.php', { params: { key, action: 'getbalance' } });
  if (Number.isNaN(Number(data))) throw new Error(String(data));
  return parseFloat(data);
}
module.exports = { balanceOf };
` }],
        },
      ],
    },
    {
      name: 'errorId copied into a local that is only logged: no check',
      filename: 'file.js',
      code: `
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  const code = data.errorId;
  console.log('createTask answered', code);
  return data.taskId;
}
module.exports = { createTask };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          data: { what: 'taskId', check: '`errorId !== 0`' },
          line: 7,
          column: 10,
          suggestions: [{ messageId: 'addErrorCheck', output: `
const axios = require('axios');
async function createTask(clientKey, task) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  const code = data.errorId;
  console.log('createTask answered', code);
  return data.taskId;
}
module.exports = { createTask };
` }],
        },
      ],
    },
    {
      name: 'the solution copied into an outer variable when ready, errors never looked at: the poll goes on after them',
      filename: 'file.js',
      code: `
const axios = require('axios');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForSolution(clientKey, taskId) {
  let solution;
  for (let attempt = 0; attempt < 60; attempt++) {
    await pause(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.status === 'ready') {
      solution = data.solution;
      break;
    }
  }
  return solution.gRecaptchaResponse;
}
module.exports = { waitForSolution };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          data: { what: 'status', check: '`errorId !== 0`' },
          line: 9,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require('axios');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForSolution(clientKey, taskId) {
  let solution;
  for (let attempt = 0; attempt < 60; attempt++) {
    await pause(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') {
      solution = data.solution;
      break;
    }
  }
  return solution.gRecaptchaResponse;
}
module.exports = { waitForSolution };
`,
            },
          ],
        },
      ],
    },
    {
      name: "reading the reply on its error side but going on: the error branch neither throws nor returns",
      filename: "file.js",
      code: `
const axios = require('axios');
async function result(key, id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: json } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (!json.status) {
      console.error('2captcha says', json.request);
      continue;
    }
    return json.request;
  }
  throw new Error('timeout');
}
module.exports = { result };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require('axios');
async function result(key, id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: json } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (json.status !== 1 && json.request !== 'CAPCHA_NOT_READY') throw new Error(json.request);
    if (!json.status) {
      console.error('2captcha says', json.request);
      continue;
    }
    return json.request;
  }
  throw new Error('timeout');
}
module.exports = { result };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a same-file function that only picks a field is no check: the caller must check",
      filename: "file.ts",
      code: `
import axios from 'axios';
function pick(reply: { taskId?: number }) {
  return reply.taskId;
}
export async function createTask(clientKey: string, task: object) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  return pick(data);
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 8,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
function pick(reply: { taskId?: number }) {
  return reply.taskId;
}
export async function createTask(clientKey: string, task: object) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return pick(data);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "errorId === 1 as the only test misses other non-zero ids (class-based client)",
      filename: "file.ts",
      code: `
import axios from 'axios';
export class AntiCaptchaLike {
  constructor(private readonly clientKey: string) {}
  async createTask(task: object): Promise<number> {
    const { data } = await axios.post('https://api.anti-captcha.com/createTask', { clientKey: this.clientKey, task });
    if (data.errorId === 1) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 8,
          column: 12,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
export class AntiCaptchaLike {
  constructor(private readonly clientKey: string) {}
  async createTask(task: object): Promise<number> {
    const { data } = await axios.post('https://api.anti-captcha.com/createTask', { clientKey: this.clientKey, task });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.errorId === 1) throw new Error(data.errorCode);
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
      name: "a loop over accounts whose catch records each error and goes on to the next account",
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
      errors: [
        {
          messageId: 'swallowedAccountError',
          line: 13,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowAccountError',
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
      name: "a solve helper one call down turns every error into null and the loop skips to the next item",
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
      errors: [
        {
          messageId: 'helperSwallowsAccountError',
          line: 18,
          column: 22,
          suggestions: [
            {
              messageId: 'rethrowAccountError',
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
      name: 'fetch: createTask taskId returned without looking at errorId',
      code: `
const API = 'https://api.capmonster.cloud';
export async function createTask(task) {
  const res = await fetch(API + '/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: process.env.CAPMONSTER_KEY, task }),
  });
  const data = await res.json();
  return data.taskId;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 9,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const API = 'https://api.capmonster.cloud';
export async function createTask(task) {
  const res = await fetch(API + '/createTask', {
    method: 'POST',
    body: JSON.stringify({ clientKey: process.env.CAPMONSTER_KEY, task }),
  });
  const data = await res.json();
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'node-fetch (CommonJS): errorId === 1 misses other non-zero ids',
      code: `
const fetch = require('node-fetch');
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) });
  const json = await res.json();
  if (json.errorId === 1) throw new Error(json.errorCode);
  return json.taskId;
}
module.exports = { createTask };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const fetch = require('node-fetch');
async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) });
  const json = await res.json();
  if (json.errorId !== 0) throw new Error(json.errorCode);
  if (json.errorId === 1) throw new Error(json.errorCode);
  return json.taskId;
}
module.exports = { createTask };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch: the error branch only logs, and the flow goes on with the taskId',
      code: `
export async function createTask(task) {
  const data = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) }).then((r) => r.json());
  if (data.errorId !== 0) {
    console.error('CapMonster error', data.errorCode);
  }
  return data.taskId;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
export async function createTask(task) {
  const data = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) }).then((r) => r.json());
  if (data.errorId !== 0) throw new Error(data.errorCode);
  if (data.errorId !== 0) {
    console.error('CapMonster error', data.errorCode);
  }
  return data.taskId;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios (TS): a poll that only tests status === ready carries on after an error reply',
      code: `
import axios from 'axios';

export async function waitForToken(taskId: number): Promise<string | undefined> {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', {
      clientKey: process.env.CAPMONSTER_KEY,
      taskId,
    });
    if (data.status === 'ready') return data.solution.gRecaptchaResponse;
  }
  return undefined;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';

export async function waitForToken(taskId: number): Promise<string | undefined> {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', {
      clientKey: process.env.CAPMONSTER_KEY,
      taskId,
    });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution.gRecaptchaResponse;
  }
  return undefined;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios: status !== processing lets an error reply through to solution',
      code: `
const axios = require('axios');
async function waitForToken(taskId) {
  while (true) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (res.data.status !== 'processing') return res.data.solution.token;
  }
}
module.exports = { waitForToken };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 50,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require('axios');
async function waitForToken(taskId) {
  while (true) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
    if (res.data.status !== 'processing') return res.data.solution.token;
  }
}
module.exports = { waitForToken };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'got: .json() balance read unchecked',
      code: `
const got = require('got');
async function getBalance() {
  const body = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY } }).json();
  return body.balance;
}
module.exports = { getBalance };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const got = require('got');
async function getBalance() {
  const body = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY } }).json();
  if (body.errorId !== 0) throw new Error(body.errorCode);
  return body.balance;
}
module.exports = { getBalance };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'got: res.body.balance read unchecked',
      code: `
import got from 'got';
export async function getBalance() {
  const res = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY }, responseType: 'json' });
  return res.body.balance;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import got from 'got';
export async function getBalance() {
  const res = await got.post('https://api.capmonster.cloud/getBalance', { json: { clientKey: process.env.KEY }, responseType: 'json' });
  if (res.body.errorId !== 0) throw new Error(res.body.errorCode);
  return res.body.balance;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'request-promise: destructured taskId used unchecked',
      code: `
const rp = require('request-promise');
async function createTask(task) {
  const data = await rp({ method: 'POST', uri: 'https://api.capmonster.cloud/createTask', body: { clientKey: process.env.KEY, task }, json: true });
  const { taskId } = data;
  return pollResult(taskId);
}
module.exports = { createTask };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 5,
          column: 11,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const rp = require('request-promise');
async function createTask(task) {
  const data = await rp({ method: 'POST', uri: 'https://api.capmonster.cloud/createTask', body: { clientKey: process.env.KEY, task }, json: true });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  const { taskId } = data;
  return pollResult(taskId);
}
module.exports = { createTask };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'official client: result.solution read without result.error (the README pattern)',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function solveRecaptcha(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  console.log(result.solution);
  return result.solution?.gRecaptchaResponse;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 9,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));

export async function solveRecaptcha(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  if (result.error) throw new Error(result.error);
  console.log(result.solution);
  return result.solution?.gRecaptchaResponse;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a raw wrapper (arrow) passes the duty to its callers, which do not check',
      code: `
import axios from 'axios';
const call = async (method, body) => {
  const { data } = await axios.post('https://api.capmonster.cloud/' + method, { clientKey: process.env.KEY, ...body });
  return data;
};
export async function solve(task) {
  const created = await call('createTask', { task });
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await call('getTaskResult', { taskId: created.taskId });
    if (res.status === 'ready') return res.solution;
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 55,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
const call = async (method, body) => {
  const { data } = await axios.post('https://api.capmonster.cloud/' + method, { clientKey: process.env.KEY, ...body });
  return data;
};
export async function solve(task) {
  const created = await call('createTask', { task });
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await call('getTaskResult', { taskId: created.taskId });
    if (res.status === 'ready') return res.solution;
  }
}
`,
            },
          ],
        },
        {
          messageId: 'uncheckedResponse',
          line: 12,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
const call = async (method, body) => {
  const { data } = await axios.post('https://api.capmonster.cloud/' + method, { clientKey: process.env.KEY, ...body });
  return data;
};
export async function solve(task) {
  const created = await call('createTask', { task });
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await call('getTaskResult', { taskId: created.taskId });
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a raw wrapper (class method, TS): the caller takes taskId unchecked',
      code: `
import axios from 'axios';

export class Solver {
  private http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
  constructor(private key: string) {}

  private async request(method: string, body: object) {
    const res = await this.http.post('/' + method, { clientKey: this.key, ...body });
    return res.data;
  }

  async createTask(task: object): Promise<number> {
    const { taskId } = await this.request('createTask', { task });
    return taskId;
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 14,
          column: 13,
          suggestions: [
            {
              messageId: 'addErrorFields',
              output: `
import axios from 'axios';

export class Solver {
  private http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
  constructor(private key: string) {}

  private async request(method: string, body: object) {
    const res = await this.http.post('/' + method, { clientKey: this.key, ...body });
    return res.data;
  }

  async createTask(task: object): Promise<number> {
    const { taskId, errorId, errorCode } = await this.request('createTask', { task });
    if (errorId !== 0) throw new Error(errorCode);
    return taskId;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '.then chain: taskId taken straight from the parsed reply',
      filename: 'x.js',
      code: `
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) })
  .then((r) => r.json())
  .then((data) => poll(data.taskId));
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 4,
          column: 24,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) })
  .then((r) => r.json())
  .then((data) => { if (data.errorId !== 0) throw new Error(data.errorCode); return poll(data.taskId); });
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha style: the in.php id is cut out of the reply without the OK| check',
      filename: 'x.js',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
async function submit(googlekey, pageurl) {
  const res = await fetch('https://api.capmonster.cloud/in.php?key=' + KEY + '&method=userrecaptcha&googlekey=' + googlekey + '&pageurl=' + pageurl);
  const text = await res.text();
  return text.split('|')[1];
}
module.exports = { submit };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const KEY = process.env.CAPMONSTER_KEY;
async function submit(googlekey, pageurl) {
  const res = await fetch('https://api.capmonster.cloud/in.php?key=' + KEY + '&method=userrecaptcha&googlekey=' + googlekey + '&pageurl=' + pageurl);
  const text = await res.text();
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.split('|')[1];
}
module.exports = { submit };
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha style: res.php poll that only knows CAPCHA_NOT_READY',
      code: `
import axios from 'axios';
export async function waitAnswer(id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: process.env.KEY, action: 'get', id } });
    if (data === 'CAPCHA_NOT_READY') continue;
    return data.substring(3);
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 8,
          column: 12,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
export async function waitAnswer(id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: process.env.KEY, action: 'get', id } });
    if (!data.startsWith('OK|') && data !== 'CAPCHA_NOT_READY') throw new Error(data);
    if (data === 'CAPCHA_NOT_READY') continue;
    return data.substring(3);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha style: an OK| test whose ERROR_ case keeps polling',
      code: `
export async function waitAnswer(id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`https://api.capmonster.cloud/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`)).text();
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 6,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
export async function waitAnswer(id) {
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`https://api.capmonster.cloud/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`)).text();
    if (!text.startsWith('OK|') && text !== 'CAPCHA_NOT_READY') throw new Error(text);
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha json=1: request used without testing status',
      code: `
import axios from 'axios';
export async function submit(googlekey, pageurl) {
  const { data } = await axios.get('https://api.capmonster.cloud/in.php', {
    params: { key: process.env.KEY, method: 'userrecaptcha', googlekey, pageurl, json: 1 },
  });
  return data.request;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
export async function submit(googlekey, pageurl) {
  const { data } = await axios.get('https://api.capmonster.cloud/in.php', {
    params: { key: process.env.KEY, method: 'userrecaptcha', googlekey, pageurl, json: 1 },
  });
  if (data.status !== 1) throw new Error(data.request);
  return data.request;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'catch in a for poll that only logs',
      code: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    } catch (e) {
      console.warn('poll failed, trying again', e);
    }
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 10,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    } catch (e) {
      if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(e))) throw e;
      console.warn('poll failed, trying again', e);
    }
  }
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    } catch (e) {
      console.warn('poll failed, trying again', e);
      throw e;
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
      name: 'catch without a parameter in a while poll around a checking wrapper',
      code: `
import axios from 'axios';
async function getResult(taskId: number) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId: number) {
  let tries = 0;
  while (tries++ < 60) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const res = await getResult(taskId);
      if (res.status === 'ready') return res.solution;
    } catch {}
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 15,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
async function getResult(taskId: number) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId: number) {
  let tries = 0;
  while (tries++ < 60) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const res = await getResult(taskId);
      if (res.status === 'ready') return res.solution;
    } catch (error) { if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(error))) throw error; }
  }
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
async function getResult(taskId: number) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId: number) {
  let tries = 0;
  while (tries++ < 60) {
    await new Promise((r) => setTimeout(r, 3000));
    try {
      const res = await getResult(taskId);
      if (res.status === 'ready') return res.solution;
    } catch (error) {
      throw error;
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
      name: '.catch(() => null) in a poll swallows the thrown API error',
      code: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await getResult(taskId).catch(() => null);
    if (res && res.status === 'ready') return res.solution;
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 11,
          column: 41,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await getResult(taskId).catch((error) => { if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(error))) throw error; return null; });
    if (res && res.status === 'ready') return res.solution;
  }
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await getResult(taskId).catch((error) => { throw error; });
    if (res && res.status === 'ready') return res.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'interval poll whose catch keeps the interval running',
      code: `
import axios from 'axios';
export function waitResult(taskId, done) {
  const timer = setInterval(async () => {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        clearInterval(timer);
        done(data.solution);
      }
    } catch (err) {
      console.error(err.message);
      return;
    }
  }, 3000);
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 12,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
export function waitResult(taskId, done) {
  const timer = setInterval(async () => {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        clearInterval(timer);
        done(data.solution);
      }
    } catch (err) {
      if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(err))) throw err;
      console.error(err.message);
      return;
    }
  }, 3000);
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
export function waitResult(taskId, done) {
  const timer = setInterval(async () => {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        clearInterval(timer);
        done(data.solution);
      }
    } catch (err) {
      console.error(err.message);
      throw err;
    }
  }, 3000);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'request callback in an interval: the err branch returns and the interval polls on',
      filename: 'x.js',
      code: `
const request = require('request');
function waitResult(taskId, done) {
  const timer = setInterval(() => {
    request.post({ url: 'https://api.capmonster.cloud/getTaskResult', json: { clientKey: process.env.KEY, taskId } }, (err, res, body) => {
      if (err) return;
      if (body.errorId !== 0) {
        clearInterval(timer);
        return done(new Error(body.errorCode));
      }
      if (body.status === 'ready') {
        clearInterval(timer);
        done(null, body.solution);
      }
    });
  }, 3000);
}
module.exports = { waitResult };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 6,
          column: 7,
          suggestions: [
            {
              messageId: 'stopOnError',
              output: `
const request = require('request');
function waitResult(taskId, done) {
  const timer = setInterval(() => {
    request.post({ url: 'https://api.capmonster.cloud/getTaskResult', json: { clientKey: process.env.KEY, taskId } }, (err, res, body) => {
      if (err) { clearInterval(timer); return done(err); }
      if (body.errorId !== 0) {
        clearInterval(timer);
        return done(new Error(body.errorCode));
      }
      if (body.status === 'ready') {
        clearInterval(timer);
        done(null, body.solution);
      }
    });
  }, 3000);
}
module.exports = { waitResult };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'recursion: the catch logs and the function calls itself again',
      code: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const res = await getResult(taskId);
    if (res.status === 'ready') return res.solution;
  } catch (e) { console.log(e) }
  return poll(taskId, attempt + 1);
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 14,
          column: 5,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const res = await getResult(taskId);
    if (res.status === 'ready') return res.solution;
  } catch (e) { if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(e))) throw e; console.log(e) }
  return poll(taskId, attempt + 1);
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const res = await getResult(taskId);
    if (res.status === 'ready') return res.solution;
  } catch (e) { console.log(e); throw e; }
  return poll(taskId, attempt + 1);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'recursion: the catch returns the next recursive call',
      code: `
import axios from 'axios';
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  } catch (e) {
    return poll(taskId, attempt + 1);
  }
  return poll(taskId, attempt + 1);
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 10,
          column: 5,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  } catch (e) {
    if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(e))) throw e;
    return poll(taskId, attempt + 1);
  }
  return poll(taskId, attempt + 1);
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
export async function poll(taskId, attempt = 0) {
  if (attempt > 60) throw new Error('timeout');
  await new Promise((r) => setTimeout(r, 3000));
  try {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  } catch (e) {
    throw e;
  }
  return poll(taskId, attempt + 1);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'recursion with a request callback: the err branch schedules the next poll',
      filename: 'file.js',
      code: `
const request = require('request');
function poll(taskId, cb) {
  request.post({ url: 'https://api.capmonster.cloud/getTaskResult', json: { clientKey: process.env.KEY, taskId } }, (err, res, body) => {
    if (err) return setTimeout(() => poll(taskId, cb), 2000);
    if (body.errorId !== 0) return cb(new Error(body.errorCode));
    if (body.status === 'ready') return cb(null, body.solution);
    setTimeout(() => poll(taskId, cb), 2000);
  });
}
module.exports = { poll };
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 5,
          column: 5,
          suggestions: [
            {
              messageId: 'stopOnError',
              output: `
const request = require('request');
function poll(taskId, cb) {
  request.post({ url: 'https://api.capmonster.cloud/getTaskResult', json: { clientKey: process.env.KEY, taskId } }, (err, res, body) => {
    if (err) return cb(err);
    if (body.errorId !== 0) return cb(new Error(body.errorCode));
    if (body.status === 'ready') return cb(null, body.solution);
    setTimeout(() => poll(taskId, cb), 2000);
  });
}
module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
    {
      name: '.catch that only logs keeps the poll going',
      code: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios
      .post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId })
      .then((r) => r.data)
      .catch((err) => console.error(err));
    if (!res) continue;
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 9,
          column: 8,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios
      .post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId })
      .then((r) => r.data)
      .catch((err) => { if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(err))) throw err; return console.error(err); });
    if (!res) continue;
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await axios
      .post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId })
      .then((r) => r.data)
      .catch((err) => { console.error(err); throw err; });
    if (!res) continue;
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'catch that ends in continue',
      code: `
import got from 'got';
export async function waitResult(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    let data;
    try {
      data = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<any>();
    } catch (error) {
      console.warn(error);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
      errors: [
        {
          messageId: 'swallowedError',
          line: 9,
          column: 7,
          suggestions: [
            {
              messageId: 'rethrowFatalErrors',
              output: `
import got from 'got';
export async function waitResult(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    let data;
    try {
      data = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<any>();
    } catch (error) {
      if (/KEY_DOES_NOT_EXIST|IP_BANNED|IP_BLOCKED|NO_SUCH_CAPCHA_ID|WRONG_CAPTCHA_ID|TOO_MUCH_REQUESTS|ZERO_BALANCE/.test(String(error))) throw error;
      console.warn(error);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
            },
            {
              messageId: 'rethrowError',
              output: `
import got from 'got';
export async function waitResult(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    let data;
    try {
      data = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<any>();
    } catch (error) {
      console.warn(error);
      throw error;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'switch on status with only a ready case',
      code: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    switch (data.status) {
      case 'ready':
        return data.solution;
      default:
        break;
    }
  }
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 13,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
export async function waitResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 3000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    switch (data.status) {
      case 'ready':
        return data.solution;
      default:
        break;
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
      name: 'a getTaskResult wrapper that maps error replies to null, so its callers poll on',
      filename: 'file.js',
      code: `
const axios = require('axios');
async function getResult(taskId) {
  const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  return res.data.status === 'ready' ? res.data.solution : null;
}
module.exports = { getResult };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require('axios');
async function getResult(taskId) {
  const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
  return res.data.status === 'ready' ? res.data.solution : null;
}
module.exports = { getResult };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'TS: reply cast to a type and assigned to a let',
      code: `
interface CreateTaskResponse { errorId: number; errorCode?: string; taskId?: number }
export async function createTask(task: object): Promise<number> {
  let reply: CreateTaskResponse;
  reply = (await (await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) })).json()) as CreateTaskResponse;
  return reply.taskId!;
}
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
interface CreateTaskResponse { errorId: number; errorCode?: string; taskId?: number }
export async function createTask(task: object): Promise<number> {
  let reply: CreateTaskResponse;
  reply = (await (await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) })).json()) as CreateTaskResponse;
  if (reply.errorId !== 0) throw new Error(reply.errorCode);
  return reply.taskId!;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the suggested check follows the file's style: double quotes, no semicolons",
      filename: "file.js",
      code: `
const axios = require("axios")
async function createTask(task) {
  const res = await axios.post("https://2captcha.com/in.php", { key: process.env.KEY, method: "userrecaptcha", json: 1, ...task })
  return res.data.request
}
module.exports = { createTask }
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 5,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require("axios")
async function createTask(task) {
  const res = await axios.post("https://2captcha.com/in.php", { key: process.env.KEY, method: "userrecaptcha", json: 1, ...task })
  if (res.data.status !== 1) throw new Error(res.data.request)
  return res.data.request
}
module.exports = { createTask }
`,
            },
          ],
        },
      ],
    },
    {
      name: "a callback-style reply handler stops through its callback, in a tab-indented file",
      filename: "file.js",
      code: `
const request = require('request');
function submit(key, googlekey, done) {
\trequest.get('https://api.capmonster.cloud/in.php?key=' + key + '&method=userrecaptcha&googlekey=' + googlekey, (err, res, body) => {
\t\tif (err) return done(err);
\t\tdone(null, body.split('|')[1]);
\t});
}
module.exports = { submit };
`,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 6,
          column: 14,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const request = require('request');
function submit(key, googlekey, done) {
\trequest.get('https://api.capmonster.cloud/in.php?key=' + key + '&method=userrecaptcha&googlekey=' + googlekey, (err, res, body) => {
\t\tif (err) return done(err);
\t\tif (!body.startsWith('OK|')) return done(new Error(body));
\t\tdone(null, body.split('|')[1]);
\t});
}
module.exports = { submit };
`,
            },
          ],
        },
      ],
    },
  ],
});
