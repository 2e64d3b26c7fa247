import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/no-unbounded-polling';

const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids and options.
ruleTester.run<MessageIds, Options>('no-unbounded-polling', rule as never, {
  valid: [
      {
        name: "a recursive poll re-armed by setTimeout(tick, 5000) from a .catch callback waits 5 s, and its counter bounds it",
        filename: "poll.js",
        code: `
function once(clientKey, taskId) {
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }) })
    .then((r) => r.json())
    .then((data) => {
      if (data.errorId !== 0) throw Object.assign(new Error(data.errorCode), { fatal: true });
      if (data.status !== 'ready') throw new Error('not ready');
      return data.solution;
    });
}

function waitFor(clientKey, taskId) {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const tick = () => {
      if (++tries > 60) return reject(new Error('timeout'));
      once(clientKey, taskId)
        .then(resolve)
        .catch((e) => (e.fatal ? reject(e) : setTimeout(tick, 5000)));
    };
    setTimeout(tick, 5000);
  });
}
module.exports = { waitFor };
`,
      },
      {
        name: "an axios client made with a cancel token that a timer cancels after 4 minutes: at 5 s a round, 48 result requests",
        filename: "solve.js",
        code: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function solve(clientKey, task) {
  const source = axios.CancelToken.source();
  setTimeout(() => source.cancel('deadline'), 240000);
  const api = axios.create({ baseURL: 'https://api.capmonster.cloud', cancelToken: source.token });
  const created = (await api.post('/createTask', { clientKey, task })).data;
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (;;) {
    await sleep(5000);
    const res = (await api.post('/getTaskResult', { clientKey, taskId: created.taskId })).data;
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
}
module.exports = { solve };
`,
      },
      {
        name: "fetch with a signal the caller hands in: a deadline of unknown length",
        filename: "solve.ts",
        code: `
export async function waitForResult(clientKey: string, taskId: number, signal: AbortSignal) {
  while (true) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }), signal });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
      },
      {
        name: "a time budget counted by a step of unknown size (spent += every, both from options): a bound whose size is unknown",
        filename: "solve.ts",
        code: `
import axios from 'axios';

export async function solve(clientKey: string, task: object, opts: { every?: number; budget?: number } = {}) {
  const every = opts.every || 5;
  const budget = opts.budget || 100;
  const created = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  if (created.data.errorId !== 0) throw new Error(created.data.errorCode);
  let spent = 0;
  while (true) {
    await new Promise((r) => setTimeout(r, every * 1000));
    spent += every;
    const res = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId: created.data.taskId });
    if (res.data.errorId !== 0) throw new Error(res.data.errorCode);
    if (res.data.status === 'ready') return res.data.solution;
    if (spent > budget) throw new Error('timeout');
  }
}
`,
      },
    {
      name: "not-ready arrives as an exception: the wait in the catch clause spaces the requests",
      filename: "file.ts",
      code: `
import axios from 'axios';
async function getSolution(key: string, id: number): Promise<string> {
  const { data } = await axios.get('https://2captcha.com/res.php', { params: { key, action: 'get', id, json: 1 } });
  if (data.status !== 1) throw Object.assign(new Error(data.request), { code: data.request });
  return data.request;
}
export async function waitForSolution(key: string, id: number) {
  for (let attempt = 0; attempt < 60; attempt++) {
    try {
      return await getSolution(key, id);
    } catch (err: any) {
      if (err.code !== 'CAPCHA_NOT_READY') throw err;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: "recursion scheduled from a setTimeout inside a new Promise executor waits its timer",
      filename: "file.js",
      code: `
const axios = require('axios');
function status(key, taskId, tries = 0) {
  return new Promise((resolve, reject) => {
    axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId }).then(({ data }) => {
      if (data.errorId !== 0) return reject(new Error(data.errorCode));
      if (data.status === 'ready') return resolve(data.solution);
      if (tries >= 60) return reject(new Error('timeout'));
      setTimeout(() => resolve(status(key, taskId, tries + 1)), 3000);
    }, reject);
  });
}
module.exports = { status };
`,
    },
    {
      name: "a default of 60 that every caller keeps",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key, tries = 60) {
  for (let i = 0; i < tries; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
async function solve(key, id) {
  return poll(id, key);
}
module.exports = { solve };
`,
    },
    {
      name: "Math.min(n, 100) is at most 100",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key, n) {
  for (let i = 0; i < Math.min(n, 100); i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
    },
    {
      name: "Math.max(n, 100) is at least 100, so unknown: no report",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key, n) {
  for (let i = 0; i < Math.max(n, 100); i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
    },
    {
      name: "a loop whose body always returns in its first round is no poll",
      filename: "file.js",
      code: `
const axios = require('axios');
async function resultOnce(taskId, key) {
  do {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data;
  } while (true);
}
module.exports = { resultOnce };
`,
    },
    {
      name: "a timer promise stored at the end of one round and awaited at the start of the next is a delay",
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
      name: "an awaited value of unknown origin before the request is a wait of unknown length",
      filename: "file.js",
      code: `
const axios = require('axios');
async function get(key, id, limiter) {
  for (let i = 0; i < 60; i++) {
    await limiter.removeTokens(1);
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
  }
}
module.exports = { get };
`,
    },
    {
      name: "a regex test and includes(\"ERROR\") are tests of the reply; the counter bounds it",
      filename: "file.js",
      code: `
const fetch = require('node-fetch');
async function result(key, id) {
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (/^OK\\|/.test(text)) return text.slice(3);
    if (text.includes('ERROR')) throw new Error(text);
  }
  throw new Error('timeout');
}
module.exports = { result };
`,
    },
    {
      name: 'fetch: counted loop of 60 with a 3 s sleep (JS, CommonJS)',
      code: `
const API = 'https://api.capmonster.cloud';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function waitResult(taskId) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(3000);
    const res = await fetch(\`\${API}/getTaskResult\`, {
      method: 'POST',
      body: JSON.stringify({ clientKey: process.env.CAPMONSTER_KEY, taskId }),
    });
    const data = await res.json();
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('not solved');
}
module.exports = { waitResult };
`,
    },
    {
      name: 'exactly 120 requests at the limit (i < 120 from 0)',
      code: `
import axios from 'axios';
export async function poll(taskId: number, clientKey: string) {
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: 'i <= 119 from 0 is 120',
      code: `
import axios from 'axios';
export async function poll(taskId: number, clientKey: string) {
  for (let i = 0; i <= 119; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: 'got: counter in the body that throws, with a const limit',
      code: `
import got from 'got';
const MAX_POLLS = 40;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function result(taskId: number) {
  let polls = 0;
  while (true) {
    const body = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<{ status: string; solution: unknown }>();
    if (body.status === 'ready') return body.solution;
    if (++polls >= MAX_POLLS) throw new Error('CapMonster timeout');
    await wait(2500);
  }
}
`,
    },
    {
      name: 'deadline: two minutes at a 2 s interval',
      code: `
const API = 'https://api.capmonster.cloud';
async function waitFor(taskId, key) {
  const deadline = Date.now() + 2 * 60 * 1000;
  while (Date.now() < deadline) {
    const r = await fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: key, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  throw new Error('deadline');
}
`,
    },
    {
      name: 'recursion with a depth parameter and a setTimeout between calls',
      code: `
const request = require('request');
function check(id, done, attempt = 0) {
  if (attempt >= 30) return done(new Error('timeout'));
  request.get('https://api.capmonster.cloud/res.php?key=' + process.env.KEY + '&action=get&id=' + id, (err, res, body) => {
    if (body === 'CAPCHA_NOT_READY') return setTimeout(() => check(id, done, attempt + 1), 5000);
    done(null, body);
  });
}
module.exports = check;
`,
    },
    {
      name: 'setInterval stopped by a counter',
      code: `
const axios = require('axios');
function waitToken(id) {
  return new Promise((resolve, reject) => {
    let tries = 0;
    const timer = setInterval(async () => {
      tries++;
      if (tries > 40) {
        clearInterval(timer);
        reject(new Error('timeout'));
        return;
      }
      const { data } = await axios.get(\`https://api.capmonster.cloud/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`);
      if (data !== 'CAPCHA_NOT_READY') {
        clearInterval(timer);
        resolve(data);
      }
    }, 3000);
  });
}
`,
    },
    {
      name: 'class method wrapper polled from another method',
      code: `
import fetch from 'node-fetch';
export class CapMonster {
  constructor(private readonly key: string) {}
  private async getTaskResult(taskId: number) {
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: this.key, taskId }) });
    return res.json() as Promise<{ status: string; solution?: { token: string } }>;
  }
  private sleep(ms: number) {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }
  async waitForToken(taskId: number) {
    for (let i = 0; i < 90; i++) {
      await this.sleep(2000);
      const r = await this.getTaskResult(taskId);
      if (r.status === 'ready') return r.solution!.token;
    }
    throw new Error('timeout');
  }
}
`,
    },
    {
      name: 'official client with sane timeouts',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
export async function solve(websiteURL: string, websiteKey: string) {
  return client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { firstRequestDelay: 5000, requestsInterval: 3000, timeout: 180_000 });
}
`,
    },
    {
      name: 'official client without timeouts (the defaults stay under 120)',
      code: `
const { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.KEY }));
module.exports = (websiteURL, websiteKey) => client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
`,
    },
    {
      name: 'bound read from config: size unknown, no report',
      code: `
import config from './config';
import { sleep } from './utils';
export async function poll(taskId: number) {
  for (let i = 0; i < config.maxPolls; i++) {
    await sleep(config.pollMs);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: config.key, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'sleep helper named in settings',
      code: `
import { pauseFor } from '@acme/timing';
export async function poll(taskId: number) {
  for (let i = 0; i < 50; i++) {
    await pauseFor(3);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'x', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      settings: { capmonster: { sleepFunctions: ['pauseFor'] } },
    },
    {
      name: 'look-alike: a job queue with its own getTaskResult',
      code: `
import { Queue } from './queue';
const queue = new Queue('renders');
export async function waitForRender(jobId: string) {
  while (true) {
    const job = await queue.getTaskResult(jobId);
    if (job.done) return job.output;
  }
}
`,
    },
    {
      name: 'look-alike: polling an unrelated API',
      code: `
export async function waitForBuild(id: string) {
  while (true) {
    const res = await fetch('https://ci.example.com/api/builds/' + id);
    const build = await res.json();
    if (build.state !== 'running') return build;
  }
}
`,
    },
    {
      name: 'look-alike: a loop over tasks that calls a solving wrapper',
      code: `
const API = 'https://api.capmonster.cloud';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function solve(task) {
  const { taskId } = await fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) }).then((r) => r.json());
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const r = await fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}
async function solveAll(tasks) {
  const out = [];
  while (tasks.length > 0) out.push(await solve(tasks.shift()));
  return out;
}
module.exports = { solveAll };
`,
    },
    {
      name: 'look-alike: one result request per task id in a for...of',
      code: `
const axios = require('axios');
async function collect(ids) {
  const out = {};
  for (const id of ids) {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
    out[id] = data;
  }
  return out;
}
`,
    },
    {
      name: 'abort signal: bound of unknown size',
      code: `
export async function poll(taskId: number, signal: AbortSignal) {
  while (!signal.aborted) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }), signal }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
`,
    },
    {
      name: 'counted for...of over Array(60) with a sleep',
      code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function poll(taskId: number) {
  for (const _ of Array(60)) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'a .then chain that recurses after a sleep, with a counter',
      code: `
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
let polls = 0;
function poll(taskId) {
  polls += 1;
  if (polls > 60) return Promise.reject(new Error('timeout'));
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((res) => res.json())
    .then((data) => (data.status === 'ready' ? data.solution : sleep(2000).then(() => poll(taskId))));
}
`,
    },
    {
      name: 'look-alike: one result request per task id in a counted loop (no delay needed)',
      code: `
const axios = require('axios');
async function collect(ids) {
  const out = [];
  for (let i = 0; i < ids.length; i++) {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: ids[i] });
    out.push(data);
  }
  return out;
}
`,
    },
    {
      name: 'look-alike: draining a queue of task ids, one request each',
      code: `
import axios from 'axios';
export async function drain(queue: number[]) {
  while (queue.length > 0) {
    const taskId = queue.shift();
    await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  }
}
`,
    },
    {
      name: 'look-alike: recursion over a list of task ids',
      code: `
function next(ids, i = 0) {
  if (i >= ids.length) return Promise.resolve();
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId: ids[i] }) })
    .then(() => next(ids, i + 1));
}
`,
    },
    {
      name: 'look-alike: a loop that creates a new task each round (retries whole tasks)',
      code: `
const API = 'https://api.capmonster.cloud';
async function solveWithRetries(task) {
  for (let round = 0; round < 3; round++) {
    const { taskId } = await fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, task }) }).then((r) => r.json());
    await new Promise((r) => setTimeout(r, 20000));
    const r = await fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'do...while (false) runs once',
      code: `
async function once(taskId) {
  let r;
  do {
    r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
  } while (false);
  return r;
}
`,
    },
    {
      name: 'superagent wrapper with a performance.now() deadline and a bluebird delay',
      code: `
import Bluebird from 'bluebird';
import superagent from 'superagent';
async function getResult(taskId: number) {
  const res = await superagent.post('https://api.capmonster.cloud/getTaskResult').send({ clientKey: process.env.KEY, taskId });
  return res.body;
}
export async function poll(taskId: number) {
  const started = performance.now();
  while (performance.now() - started < 90_000) {
    await Bluebird.delay(3000);
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: 'a flag set by a counter check ends the loop',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let done = false;
  let tries = 0;
  let solution;
  while (!done) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') { solution = r.solution; done = true; }
    tries++;
    if (tries >= 60) done = true;
  }
  return solution;
}
`,
    },
    {
      name: 'a timeout flag set by a timer: bound of unknown size',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; }, 120000);
  while (!timedOut) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') { clearTimeout(timer); return r.solution; }
    await sleep(3000);
  }
}
`,
    },
    {
      name: 'generic TS helper with a type parameter, labelled loop with break',
      code: `
const API = 'https://api.capmonster.cloud';
async function api<T>(method: string, body: Record<string, unknown>): Promise<T> {
  const res = await fetch(\`\${API}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, ...body }) });
  return (await res.json()) as T;
}
export async function poll(taskId: number) {
  let token: string | undefined;
  outer: for (let i = 0; i < 100; i++) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const r = await api<{ status: string; solution: { token: string } }>('getTaskResult', { taskId });
    switch (r.status) {
      case 'ready':
        token = r.solution.token;
        break outer;
      default:
        continue;
    }
  }
  return token;
}
`,
    },
    {
      name: 'generator (redux-saga style) with yield call(delay, ...)',
      code: `
import { call, delay } from 'redux-saga/effects';
function* pollResult(taskId) {
  for (let i = 0; i < 60; i++) {
    yield call(delay, 2000);
    const r = yield call(fetch, 'https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) });
    if (r.status === 'ready') return r.solution;
  }
}
`,
    },
    {
      name: 'setInterval cleared by a setTimeout after one minute at 2 s (30 requests)',
      code: `
const axios = require('axios');
function waitResult(taskId, onReady) {
  const timer = setInterval(async () => {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') { clearInterval(timer); onReady(data.solution); }
  }, 2000);
  setTimeout(() => clearInterval(timer), 60_000);
}
`,
    },
  ],
  invalid: [
      {
        name: "AbortSignal.timeout(600000) made once for a poll of 2 s rounds: 300 result requests",
        filename: "solve.ts",
        code: `
export async function waitForResult(clientKey: string, taskId: number) {
  const signal = AbortSignal.timeout(600000);
  while (true) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }), signal });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 4,
            column: 3,
            suggestions: [
              {
                messageId: 'setTimeBudget',
                data: {"text":"120 * 2000","max":120,"ms":2000},
                output: `
export async function waitForResult(clientKey: string, taskId: number) {
  const signal = AbortSignal.timeout(120 * 2000);
  while (true) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }), signal });
    const data = await res.json();
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
        name: "look-alike: AbortSignal.timeout made in each round is a timeout of that request, not of the poll",
        filename: "solve.ts",
        code: `
export async function waitForResult(clientKey: string, taskId: number) {
  while (true) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }), signal: AbortSignal.timeout(10000) });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 3,
            column: 3,
            suggestions: [
              {
                messageId: 'addAttemptBound',
                data: {"max":120},
                output: `
export async function waitForResult(clientKey: string, taskId: number) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 3000));
    const res = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey, taskId }), signal: AbortSignal.timeout(10000) });
    const data = await res.json();
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
`,
              },
            ],
          },
        ],
      },
    {
      name: 'a counter that steps by 2 up to 50,000: counted exactly (25,001 requests), fixed to the limit that allows 120',
      code: `
const axios = require('axios');
async function waitForResult(clientKey, taskId) {
  let polls = 0;
  while (polls <= 50000) {
    polls += 2;
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { waitForResult };
`,
      output: `
const axios = require('axios');
async function waitForResult(clientKey, taskId) {
  let polls = 0;
  while (polls <= 238) {
    polls += 2;
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { waitForResult };
`,
      errors: [{ messageId: 'boundAboveLimit', data: { count: '25001', max: '120' }, line: 5, column: 3 }],
    },
    {
      name: 'a counter that moves away from its limit: no bound at all',
      code: `
const axios = require('axios');
async function waitBackwards(clientKey, taskId) {
  for (let n = 0; n < 300; n--) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
module.exports = { waitBackwards };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 3,
          suggestions: [{ messageId: 'addAttemptCounter', output: `
const axios = require('axios');
async function waitBackwards(clientKey, taskId) {
  let attempt = 0;
  for (let n = 0; n < 300; n--) {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
}
module.exports = { waitBackwards };
` }],
        },
      ],
    },
    {
      name: "a default parameter of 200 tries, no caller passes another (class-based client)",
      filename: "file.ts",
      code: `
import axios from 'axios';
export class ResultPoller {
  constructor(private readonly clientKey: string) {}
  async wait(taskId: number, tries = 200) {
    for (let i = 0; i < tries; i++) {
      await new Promise((r) => setTimeout(r, 2000));
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: this.clientKey, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    }
    throw new Error('timeout');
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 6,
          column: 5,
          suggestions: [
            {
              messageId: 'capLimit',
              output: `
import axios from 'axios';
export class ResultPoller {
  constructor(private readonly clientKey: string) {}
  async wait(taskId: number, tries = 200) {
    for (let i = 0; i < Math.min(tries, 120); i++) {
      await new Promise((r) => setTimeout(r, 2000));
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: this.clientKey, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    }
    throw new Error('timeout');
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a destructuring default of maxAttempts = 180 in an options parameter",
      filename: "file.ts",
      code: `
import axios from 'axios';
export async function waitFor(taskId: number, clientKey: string, { maxAttempts = 180, interval = 2000 } = {}) {
  let attempt = 0;
  while (attempt < maxAttempts) {
    attempt++;
    await new Promise((r) => setTimeout(r, interval));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
      output: null,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'capLimit',
              output: `
import axios from 'axios';
export async function waitFor(taskId: number, clientKey: string, { maxAttempts = 180, interval = 2000 } = {}) {
  let attempt = 0;
  while (attempt < Math.min(maxAttempts, 120)) {
    attempt++;
    await new Promise((r) => setTimeout(r, interval));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
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
      name: "a default of 60 that the caller raises to 300: the caller wins",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key, tries = 60) {
  for (let i = 0; i < tries; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
async function solveSlowOne(key) {
  return poll(7, key, 300);
}
module.exports = { solveSlowOne };
`,
      output: null,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'capLimit',
              output: `
const axios = require('axios');
async function poll(taskId, key, tries = 60) {
  for (let i = 0; i < Math.min(tries, 120); i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
async function solveSlowOne(key) {
  return poll(7, key, 300);
}
module.exports = { solveSlowOne };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a timeout clamped to at most 300 seconds, polled every 2 s: up to 150 requests",
      filename: "file.js",
      code: `
const axios = require('axios');
const DEFAULT_TIMEOUT = 120;
async function joinTaskResult(taskId, key, timeout) {
  const seconds = timeout > 0 && timeout <= 300 ? timeout : DEFAULT_TIMEOUT;
  for (let i = 0; i < seconds / 2; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('ERROR_MAXIMUM_TIME_EXCEED');
}
module.exports = { joinTaskResult };
`,
      output: null,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'capLimit',
              output: `
const axios = require('axios');
const DEFAULT_TIMEOUT = 120;
async function joinTaskResult(taskId, key, timeout) {
  const seconds = timeout > 0 && timeout <= 300 ? timeout : DEFAULT_TIMEOUT;
  for (let i = 0; i < Math.min(seconds / 2, 120); i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('ERROR_MAXIMUM_TIME_EXCEED');
}
module.exports = { joinTaskResult };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a counter stepped by 2 up to 600 makes 300 requests",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key) {
  for (let waited = 0; waited < 600; waited += 2) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
      output: `
const axios = require('axios');
async function poll(taskId, key) {
  for (let waited = 0; waited < 240; waited += 2) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 4,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      name: "a counter compared with a value it never reaches is no bound",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, key) {
  let attempts = 0;
  while (true) {
    attempts++;
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
    if (attempts < 0) break;
  }
}
module.exports = { poll };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const axios = require('axios');
async function poll(taskId, key) {
  let attempts = 0;
  for (let attempt = 1; ; attempt++) {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    attempts++;
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: key, taskId });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
    if (attempts < 0) break;
  }
}
module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a sleep made but not awaited is still no wait",
      filename: "file.js",
      code: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function get(key, id) {
  for (let i = 0; i < 60; i++) {
    sleep(5000);
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
  }
}
module.exports = { get };
`,
      output: null,
      errors: [
        {
          messageId: 'missingDelay',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'awaitDelay',
              output: `
const axios = require('axios');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function get(key, id) {
  for (let i = 0; i < 60; i++) {
    await sleep(5000);
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key, action: 'get', id, json: 1 } });
    if (data.status === 1) return data.request;
    if (data.request !== 'CAPCHA_NOT_READY') throw new Error(data.request);
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
      name: "body.substring(0, 2) === \"OK\" is a test of the reply, not a bound",
      filename: "file.js",
      code: `
const fetch = require('node-fetch');
async function result(key, id) {
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const body = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (body.substring(0, 2) === 'OK') return body.substring(3);
    if (body !== 'CAPCHA_NOT_READY') throw new Error(body);
  }
}
module.exports = { result };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const fetch = require('node-fetch');
async function result(key, id) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 5000));
    const body = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (body.substring(0, 2) === 'OK') return body.substring(3);
    if (body !== 'CAPCHA_NOT_READY') throw new Error(body);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { result };
`,
            },
          ],
        },
      ],
    },
    {
      name: "text.split(\"|\")[0] and text.slice(0, 6) are tests of the reply, not bounds",
      filename: "file.js",
      code: `
const fetch = require('node-fetch');
async function result(key, id) {
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (text.split('|')[0] === 'OK') return text.split('|')[1];
    if (text.slice(0, 6) === 'ERROR_') throw new Error(text);
  }
}
module.exports = { result };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const fetch = require('node-fetch');
async function result(key, id) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 5000));
    const text = await (await fetch(\`https://2captcha.com/res.php?key=\${key}&action=get&id=\${id}\`)).text();
    if (text.split('|')[0] === 'OK') return text.split('|')[1];
    if (text.slice(0, 6) === 'ERROR_') throw new Error(text);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { result };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fetch: while (true) with no bound and no delay (the classic ban)',
      code: `
const API = 'https://api.capmonster.cloud';
async function getTaskResult(taskId) {
  const res = await fetch(\`\${API}/getTaskResult\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) });
  return res.json();
}
async function solve(taskId) {
  while (true) {
    const result = await getTaskResult(taskId);
    if (result.status === 'ready') return result.solution;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const API = 'https://api.capmonster.cloud';
async function getTaskResult(taskId) {
  const res = await fetch(\`\${API}/getTaskResult\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) });
  return res.json();
}
async function solve(taskId) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const result = await getTaskResult(taskId);
    if (result.status === 'ready') return result.solution;
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
`,
            },
          ],
        },
        {
          messageId: 'missingDelay',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'addDelay',
              output: `
const API = 'https://api.capmonster.cloud';
async function getTaskResult(taskId) {
  const res = await fetch(\`\${API}/getTaskResult\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) });
  return res.json();
}
async function solve(taskId) {
  while (true) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = await getTaskResult(taskId);
    if (result.status === 'ready') return result.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios: for (;;) with a sleep and a break: the counter goes inside the loop',
      code: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  let solution;
  for (;;) {
    await sleep(2000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') {
      solution = data.solution;
      break;
    }
  }
  return solution;
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 6,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
import axios from 'axios';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  let solution;
  for (let attempt = 1; ; attempt++) {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await sleep(2000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') {
      solution = data.solution;
      break;
    }
  }
  return solution;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a bound above the limit in the loop test is fixed to 120 (i < 200)',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 200; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 120; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'boundAboveLimit', line: 4, column: 3, data: { count: 200, max: 120 } }],
    },
    {
      name: 'i <= 120 from 0 is 121 requests: fixed to i <= 119',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i <= 120; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i <= 119; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'boundAboveLimit', line: 4, column: 3, data: { count: 121, max: 120 } }],
    },
    {
      name: '++tries > 300 in the body, limit in a const: the const is fixed',
      code: `
import got from 'got';
const MAX_TRIES = 300;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function result(taskId: number) {
  let tries = 0;
  while (true) {
    if (++tries > MAX_TRIES) throw new Error('CapMonster timeout');
    const body = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<{ status: string; solution: unknown }>();
    if (body.status === 'ready') return body.solution;
    await wait(2000);
  }
}
`,
      output: `
import got from 'got';
const MAX_TRIES = 120;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export async function result(taskId: number) {
  let tries = 0;
  while (true) {
    if (++tries > MAX_TRIES) throw new Error('CapMonster timeout');
    const body = await got.post('https://api.capmonster.cloud/getTaskResult', { json: { clientKey: process.env.KEY, taskId } }).json<{ status: string; solution: unknown }>();
    if (body.status === 'ready') return body.solution;
    await wait(2000);
  }
}
`,
      errors: [{ messageId: 'boundAboveLimit', line: 7, column: 3, data: { count: 300, max: 120 } }],
    },
    {
      name: 'maxAttempts option: 90 polls are too many when the limit is 60',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 90; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      options: [{ maxAttempts: 60 }],
      output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      errors: [{ messageId: 'boundAboveLimit', line: 4, column: 3, data: { count: 90, max: 60 } }],
    },
    {
      name: 'deadline of 10 minutes at a 2 s sleep is 300 requests (no auto-fix; a suggestion sets a budget of 120 requests)',
      code: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  const start = Date.now();
  while (Date.now() < start + 10 * 60_000) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}
`,
      output: null,
      errors: [{
        messageId: 'boundAboveLimit',
        line: 5,
        column: 3,
        data: { count: 300, max: 120 },
        suggestions: [
          {
            messageId: 'setTimeBudget',
            output: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  const start = Date.now();
  while (Date.now() < start + 120 * 2000) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}
`,
          },
        ],
      }],
    },
    {
      name: 'recursion after await, with no bound and no delay (class method, res.php)',
      code: `
import axios from 'axios';
export class Solver {
  constructor(private key: string) {}
  async result(id: string): Promise<string> {
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: this.key, action: 'get', id } });
    if (data === 'CAPCHA_NOT_READY') return this.result(id);
    return data.slice(3);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 7,
          column: 45,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
import axios from 'axios';
export class Solver {
  constructor(private key: string) {}
  async result(id: string, attempt = 1): Promise<string> {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: this.key, action: 'get', id } });
    if (data === 'CAPCHA_NOT_READY') return this.result(id, attempt + 1);
    return data.slice(3);
  }
}
`,
            },
          ],
        },
        {
          messageId: 'missingDelay',
          line: 7,
          column: 45,
          suggestions: [
            {
              messageId: 'delayNextCall',
              output: `
import axios from 'axios';
export class Solver {
  constructor(private key: string) {}
  async result(id: string): Promise<string> {
    const { data } = await axios.get('https://api.capmonster.cloud/res.php', { params: { key: this.key, action: 'get', id } });
    if (data === 'CAPCHA_NOT_READY') return new Promise((resolve) => setTimeout(resolve, 2000)).then(() => this.result(id));
    return data.slice(3);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'recursion inside setTimeout: waits, but nothing bounds it',
      code: `
const request = require('request');
function check(id, done) {
  request.get('https://api.capmonster.cloud/res.php?key=' + process.env.KEY + '&action=get&id=' + id, (err, res, body) => {
    if (body === 'CAPCHA_NOT_READY') return setTimeout(() => check(id, done), 5000);
    done(null, body);
  });
}
`,
      output: null,
      errors: [{
        messageId: 'noAttemptBound',
        line: 5,
        column: 62,
        suggestions: [
          {
            messageId: 'addAttemptParameter',
            output: `
const request = require('request');
function check(id, done, attempt = 1) {
  if (attempt > 120) return done(new Error('CapMonster result not ready after 120 attempts'));
  request.get('https://api.capmonster.cloud/res.php?key=' + process.env.KEY + '&action=get&id=' + id, (err, res, body) => {
    if (body === 'CAPCHA_NOT_READY') return setTimeout(() => check(id, done, attempt + 1), 5000);
    done(null, body);
  });
}
`,
          },
        ],
      }],
    },
    {
      name: 'recursion inside setImmediate: no bound, no delay',
      code: `
const fetch = require('node-fetch');
function poll(taskId, cb) {
  fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((r) => r.json())
    .then((data) => {
      if (data.status === 'ready') return cb(data.solution);
      setImmediate(() => poll(taskId, cb));
    });
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 8,
          column: 26,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
const fetch = require('node-fetch');
function poll(taskId, cb, attempt = 1) {
  if (attempt > 120) return cb(new Error('CapMonster result not ready after 120 attempts'));
  fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((r) => r.json())
    .then((data) => {
      if (data.status === 'ready') return cb(data.solution);
      setImmediate(() => poll(taskId, cb, attempt + 1));
    });
}
`,
            },
          ],
        },
        {
          messageId: 'missingDelay',
          line: 8,
          column: 26,
          suggestions: [
            {
              messageId: 'delayNextCall',
              output: `
const fetch = require('node-fetch');
function poll(taskId, cb) {
  fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((r) => r.json())
    .then((data) => {
      if (data.status === 'ready') return cb(data.solution);
      setTimeout(() => poll(taskId, cb), 2000);
    });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'recursion in a .then callback with a depth counter above the limit (checked after the request: n >= 200 is 201)',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function poll(taskId, n = 0) {
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((res) => res.json())
    .then(async (data) => {
      if (data.status === 'ready') return data.solution;
      if (n >= 200) throw new Error('timeout');
      await sleep(2000);
      return poll(taskId, n + 1);
    });
}
`,
      output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function poll(taskId, n = 0) {
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((res) => res.json())
    .then(async (data) => {
      if (data.status === 'ready') return data.solution;
      if (n >= 119) throw new Error('timeout');
      await sleep(2000);
      return poll(taskId, n + 1);
    });
}
`,
      errors: [{ messageId: 'boundAboveLimit', line: 10, column: 14, data: { count: 201, max: 120 } }],
    },
    {
      name: 'setInterval (2captcha style) cleared only on success',
      code: `
const axios = require('axios');
const HOST = 'https://api.capmonster.cloud';
function solveImage(id) {
  return new Promise((resolve) => {
    const timer = setInterval(async () => {
      const res = await axios.get(\`\${HOST}/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`);
      if (res.data !== 'CAPCHA_NOT_READY') {
        clearInterval(timer);
        resolve(res.data.slice(3));
      }
    }, 1000);
  });
}
`,
      output: null,
      errors: [{
        messageId: 'noAttemptBound',
        line: 6,
        column: 19,
        suggestions: [
          {
            messageId: 'addIntervalLimit',
            output: `
const axios = require('axios');
const HOST = 'https://api.capmonster.cloud';
function solveImage(id) {
  return new Promise((resolve, reject) => {
    let attempt = 0;
    const timer = setInterval(async () => {
      if (++attempt > 120) {
        clearInterval(timer);
        return reject(new Error('CapMonster result not ready after 120 attempts'));
      }
      const res = await axios.get(\`\${HOST}/res.php?key=\${process.env.KEY}&action=get&id=\${id}\`);
      if (res.data !== 'CAPCHA_NOT_READY') {
        clearInterval(timer);
        resolve(res.data.slice(3));
      }
    }, 1000);
  });
}
`,
          },
        ],
      }],
    },
    {
      name: 'setInterval: the limit only rejects, it never clears the interval',
      code: `
const axios = require('axios');
function wait(id) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 30) return reject(new Error('timeout'));
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
      if (data.status === 'ready') {
        clearInterval(timer);
        resolve(data.solution);
      }
    }, 3000);
  });
}
`,
      output: null,
      errors: [{
        messageId: 'noAttemptBound',
        line: 6,
        column: 19,
        suggestions: [
          {
            messageId: 'clearOnGiveUp',
            output: `
const axios = require('axios');
function wait(id) {
  return new Promise((resolve, reject) => {
    let n = 0;
    const timer = setInterval(async () => {
      if (++n > 30) { clearInterval(timer); return reject(new Error('timeout')); }
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
      if (data.status === 'ready') {
        clearInterval(timer);
        resolve(data.solution);
      }
    }, 3000);
  });
}
`,
          },
          {
            messageId: 'addIntervalLimit',
            output: `
const axios = require('axios');
function wait(id) {
  return new Promise((resolve, reject) => {
    let n = 0;
    let attempt = 0;
    const timer = setInterval(async () => {
      if (++attempt > 120) {
        clearInterval(timer);
        return reject(new Error('CapMonster result not ready after 120 attempts'));
      }
      if (++n > 30) return reject(new Error('timeout'));
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
      if (data.status === 'ready') {
        clearInterval(timer);
        resolve(data.solution);
      }
    }, 3000);
  });
}
`,
          },
        ],
      }],
    },
    {
      name: 'setInterval with no period',
      code: `
const axios = require('axios');
function wait(id) {
  let n = 0;
  const timer = setInterval(async () => {
    if (++n > 30) clearInterval(timer);
    await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
  });
}
`,
      output: null,
      errors: [{
        messageId: 'missingDelay',
        line: 5,
        column: 17,
        suggestions: [
          {
            messageId: 'addIntervalPeriod',
            output: `
const axios = require('axios');
function wait(id) {
  let n = 0;
  const timer = setInterval(async () => {
    if (++n > 30) clearInterval(timer);
    await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId: id });
  }, 2000);
}
`,
          },
        ],
      }],
    },
    {
      name: 'official client: 10 minutes at 100 ms is 6000 requests',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function solveRecaptcha(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { timeout: 10 * 60 * 1000, requestsInterval: 100 });
  return result.solution;
}
`,
      output: null,
      errors: [{
        messageId: 'boundAboveLimit',
        line: 5,
        column: 24,
        data: { count: 6000, max: 120 },
        suggestions: [
          {
            messageId: 'raiseInterval',
            output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function solveRecaptcha(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { timeout: 10 * 60 * 1000, requestsInterval: 5000 });
  return result.solution;
}
`,
          },
          {
            messageId: 'setTimeBudget',
            output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
export async function solveRecaptcha(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { timeout: 120 * 100, requestsInterval: 100 });
  return result.solution;
}
`,
          },
        ],
      }],
    },
    {
      name: 'official client: a timeout without requestsInterval polls without a pause',
      code: `
const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
const timeouts = { timeout: 120000 };
async function solve(websiteURL, websiteKey) {
  return client.Solve(new HCaptchaRequest({ websiteURL, websiteKey }), timeouts);
}
`,
      output: null,
      errors: [{
        messageId: 'missingDelay',
        line: 6,
        column: 10,
        data: { why: 'no requestsInterval' },
        suggestions: [
          {
            messageId: 'addRequestsInterval',
            output: `
const { CapMonsterCloudClientFactory, ClientOptions, HCaptchaRequest } = require('@zennolab_com/capmonstercloud-client');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }));
const timeouts = { timeout: 120000, requestsInterval: 2000 };
async function solve(websiteURL, websiteKey) {
  return client.Solve(new HCaptchaRequest({ websiteURL, websiteKey }), timeouts);
}
`,
          },
        ],
      }],
    },
    {
      name: 'a counter that is never incremented is no bound',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let attempts = 0;
  while (attempts < 60) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}
`,
      output: null,
      errors: [{
        messageId: 'noAttemptBound',
        line: 5,
        column: 3,
        suggestions: [
          {
            messageId: 'addAttemptCounter',
            output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let attempts = 0;
  let attempt = 0;
  while (attempts < 60) {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
    await sleep(2000);
  }
}
`,
          },
        ],
      }],
    },
    {
      name: 'a counter that only counts errors is no bound',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let errors = 0;
  while (true) {
    try {
      const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
      if (r.status === 'ready') return r.solution;
    } catch (e) {
      if (++errors > 5) throw e;
    }
    await sleep(2000);
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 5,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId) {
  let errors = 0;
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
      if (r.status === 'ready') return r.solution;
    } catch (e) {
      if (++errors > 5) throw e;
    }
    await sleep(2000);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a sleep that is not awaited',
      code: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingDelay',
          line: 4,
          column: 3,
          data: { why: 'its wait is not awaited' },
          suggestions: [
            {
              messageId: 'awaitDelay',
              output: `
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'setTimeout inside a synchronous-style loop schedules but does not wait',
      code: `
const axios = require('axios');
async function poll(taskId) {
  let done = false;
  let n = 0;
  while (!done && n++ < 60) {
    setTimeout(() => {}, 2000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    done = data.status === 'ready';
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'missingDelay',
          line: 6,
          column: 3,
          data: { why: 'setTimeout does not wait' },
          suggestions: [
            {
              messageId: 'awaitTimer',
              output: `
const axios = require('axios');
async function poll(taskId) {
  let done = false;
  let n = 0;
  while (!done && n++ < 60) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    done = data.status === 'ready';
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'do...while on the reply status, through a generic call(method, body) helper',
      code: `
const API = 'https://api.capmonster.cloud';
async function call(method: string, body: object) {
  const res = await fetch(\`\${API}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, ...body }) });
  return res.json();
}
export async function solve(task: object) {
  const { taskId } = await call('createTask', { task });
  let r;
  do {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    r = await call('getTaskResult', { taskId });
  } while (r.status === 'processing');
  return r.solution;
}
`,
      output: null,
      errors: [{
        messageId: 'noAttemptBound',
        line: 10,
        column: 3,
        suggestions: [
          {
            messageId: 'addAttemptCounter',
            output: `
const API = 'https://api.capmonster.cloud';
async function call(method: string, body: object) {
  const res = await fetch(\`\${API}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, ...body }) });
  return res.json();
}
export async function solve(task: object) {
  const { taskId } = await call('createTask', { task });
  let r;
  let attempt = 0;
  do {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    r = await call('getTaskResult', { taskId });
  } while (r.status === 'processing');
  return r.solution;
}
`,
          },
        ],
      }],
    },
 
    {
      name: 'setInterval cleared by a setTimeout after 10 minutes at 2 s: 300 requests',
      code: `
const axios = require('axios');
function waitResult(taskId, onReady) {
  const timer = setInterval(async () => {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') { clearInterval(timer); onReady(data.solution); }
  }, 2000);
  setTimeout(() => clearInterval(timer), 10 * 60 * 1000);
}
`,
      output: null,
      errors: [{
        messageId: 'boundAboveLimit',
        line: 4,
        column: 17,
        data: { count: 300, max: 120 },
        suggestions: [
          {
            messageId: 'setTimeBudget',
            output: `
const axios = require('axios');
function waitResult(taskId, onReady) {
  const timer = setInterval(async () => {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') { clearInterval(timer); onReady(data.solution); }
  }, 2000);
  setTimeout(() => clearInterval(timer), 120 * 2000);
}
`,
          },
          {
            messageId: 'raiseInterval',
            output: `
const axios = require('axios');
function waitResult(taskId, onReady) {
  const timer = setInterval(async () => {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.status === 'ready') { clearInterval(timer); onReady(data.solution); }
  }, 5000);
  setTimeout(() => clearInterval(timer), 10 * 60 * 1000);
}
`,
          },
        ],
      }],
    },
    {
      name: '.then recursion with a depth bound but no pause',
      code: `
function poll(taskId, depth = 0) {
  if (depth > 50) return Promise.reject(new Error('timeout'));
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((res) => res.json())
    .then((data) => (data.status === 'ready' ? data.solution : poll(taskId, depth + 1)));
}
`,
      output: null,
      errors: [{
        messageId: 'missingDelay',
        line: 6,
        column: 64,
        data: { why: 'it calls itself at once' },
        suggestions: [
          {
            messageId: 'delayNextCall',
            output: `
function poll(taskId, depth = 0) {
  if (depth > 50) return Promise.reject(new Error('timeout'));
  return fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) })
    .then((res) => res.json())
    .then((data) => (data.status === 'ready' ? data.solution : new Promise((resolve) => setTimeout(resolve, 2000)).then(() => poll(taskId, depth + 1))));
}
`,
          },
        ],
      }],
    },
    {
      name: 'the suggested counter avoids a name already in use',
      code: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId, attempt) {
  while (true) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId, attempt }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function poll(taskId, attempt) {
  for (let pollAttempt = 0; pollAttempt < 120; pollAttempt++) {
    await sleep(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId, attempt }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'setTimeout imported from timers/promises but not awaited: the suggestion awaits it instead of calling it wrongly',
      code: `
import { setTimeout } from 'node:timers/promises';
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    setTimeout(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: null,
      errors: [{
        messageId: 'missingDelay',
        line: 4,
        column: 3,
        data: { why: 'its wait is not awaited' },
        suggestions: [
          {
            messageId: 'awaitDelay',
            output: `
import { setTimeout } from 'node:timers/promises';
export async function poll(taskId: number) {
  for (let i = 0; i < 60; i++) {
    await setTimeout(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: 'k', taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
          },
        ],
      }],
    },
    {
      name: 'maxAttempts 60: the suggestion counts to 60',
      code: `
async function poll(taskId) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
}
`,
      options: [{ maxAttempts: 60 }],
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 3,
          column: 3,
          data: { max: 60 },
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
async function poll(taskId) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((r) => setTimeout(r, 3000));
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('CapMonster result not ready after 60 attempts');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "the suggested counter follows the file's style: tabs, double quotes, no semicolons",
      filename: "file.js",
      code: `
async function poll(taskId) {
\tlet r
\tdo {
\t\tawait new Promise((resolve) => setTimeout(resolve, 3000))
\t\tr = await fetch("https://api.capmonster.cloud/getTaskResult", { method: "POST", body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json())
\t} while (r.status !== "ready")
\treturn r.solution
}
module.exports = { poll }
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 2,
          suggestions: [
            {
              messageId: 'addAttemptCounter',
              output: `
async function poll(taskId) {
\tlet r
\tlet attempt = 0
\tdo {
\t\tif (++attempt > 120) throw new Error("CapMonster result not ready after 120 attempts")
\t\tawait new Promise((resolve) => setTimeout(resolve, 3000))
\t\tr = await fetch("https://api.capmonster.cloud/getTaskResult", { method: "POST", body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json())
\t} while (r.status !== "ready")
\treturn r.solution
}
module.exports = { poll }
`,
            },
          ],
        },
      ],
    },
    {
      name: "a sleep helper of the file is reused for the suggested wait",
      filename: "file.js",
      code: `
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function firstWait() {
  await pause(5000);
}
async function poll(taskId) {
  await firstWait();
  for (let i = 0; i < 60; i++) {
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
      output: null,
      errors: [
        {
          messageId: 'missingDelay',
          line: 8,
          column: 3,
          suggestions: [
            {
              messageId: 'addDelay',
              output: `
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function firstWait() {
  await pause(5000);
}
async function poll(taskId) {
  await firstWait();
  for (let i = 0; i < 60; i++) {
    await pause(2000);
    const r = await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: process.env.KEY, taskId }) }).then((x) => x.json());
    if (r.status === 'ready') return r.solution;
  }
  throw new Error('timeout');
}
module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
    {
      name: "recursion that leaves a defaulted parameter out: the suggestion passes undefined for it",
      filename: "file.js",
      code: `
const axios = require('axios');
async function poll(taskId, delayMs = 3000) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  if (data.status === 'ready') return data.solution;
  await new Promise((r) => setTimeout(r, delayMs));
  return poll(taskId);
}
module.exports = { poll };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 8,
          column: 10,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
const axios = require('axios');
async function poll(taskId, delayMs = 3000, attempt = 1) {
  if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
  if (data.errorId !== 0) throw new Error(data.errorCode);
  if (data.status === 'ready') return data.solution;
  await new Promise((r) => setTimeout(r, delayMs));
  return poll(taskId, undefined, attempt + 1);
}
module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
    {
      name: "an interval whose handle is not kept: the suggestion keeps it to clear it",
      filename: "file.js",
      code: `
const axios = require('axios');
function watch(taskId, done) {
  setInterval(async () => {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) return done(new Error(data.errorCode));
    if (data.status === 'ready') done(null, data.solution);
  }, 3000);
}
module.exports = { watch };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 4,
          column: 3,
          suggestions: [
            {
              messageId: 'addIntervalLimit',
              output: `
const axios = require('axios');
function watch(taskId, done) {
  let attempt = 0;
  const timer = setInterval(async () => {
    if (++attempt > 120) {
      clearInterval(timer);
      return done(new Error('CapMonster result not ready after 120 attempts'));
    }
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) return done(new Error(data.errorCode));
    if (data.status === 'ready') done(null, data.solution);
  }, 3000);
}
module.exports = { watch };
`,
            },
          ],
        },
      ],
    },
  ],
});
