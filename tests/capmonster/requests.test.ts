import { describe, expect, it } from 'vitest';

import { analyze, requestSummary, textOf } from './analyze';

const HEAD = `const API = 'https://api.capmonster.cloud';\nconst KEY = process.env.CAPMONSTER_KEY;\n`;

describe('the gate', () => {
  it('stops at once on a file with no CapMonster signal', () => {
    const file = analyze(`import axios from 'axios';\nexport const get = (id) => axios.get('/api/jobs/' + id);\n`);
    expect(file.isCapMonster).toBe(false);
    expect(file.requests).toEqual([]);
  });

  it('opens for a wrapper named in settings', () => {
    const file = analyze(`import { fetchResult } from './api';\nfetchResult(1);\n`, {
      settings: { capmonster: { wrappers: { fetchResult: 'getTaskResult' } } },
    });
    expect(requestSummary(file)).toEqual(['2: getTaskResult (settings)']);
  });
});

describe('HTTP clients', () => {
  it.each([
    ['fetch with a template URL', `fetch(\`\${API}/getTaskResult\`, { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: 1 }) });`, 'getTaskResult'],
    ['node-fetch under another name', `import nf from 'node-fetch';\nnf(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task: {} }) });`, 'createTask'],
    ['axios.post with concatenation', `import axios from 'axios';\naxios.post(API + '/getBalance', { clientKey: KEY });`, 'getBalance'],
    ['axios(config)', `const axios = require('axios');\naxios({ url: \`\${API}/getTaskResult\`, method: 'post', data: { clientKey: KEY, taskId: 7 } });`, 'getTaskResult'],
    ['an axios.create() instance with baseURL', `import axios from 'axios';\nconst http = axios.create({ baseURL: API });\nhttp.post('/createTask', { clientKey: KEY, task: {} });`, 'createTask'],
    ['got.post with json', `import got from 'got';\ngot.post(\`\${API}/getTaskResult\`, { json: { clientKey: KEY, taskId: 1 } }).json();`, 'getTaskResult'],
    ['got(url, options)', `import got from 'got';\ngot(\`\${API}/createTask\`, { method: 'POST', json: { clientKey: KEY, task: {} } });`, 'createTask'],
    ['request with uri and json', `const request = require('request');\nrequest({ uri: API + '/getTaskResult', method: 'POST', json: { clientKey: KEY, taskId: 1 } }, () => {});`, 'getTaskResult'],
    ['request-promise rp.post', `const rp = require('request-promise');\nrp.post({ url: API + '/getBalance', json: { clientKey: KEY } });`, 'getBalance'],
    ['undici request', `import { request as send } from 'undici';\nsend(\`\${API}/getTaskResult\`, { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: 1 }) });`, 'getTaskResult'],
    ['superagent with .send()', `import superagent from 'superagent';\nsuperagent.post(API + '/getTaskResult').send({ clientKey: KEY, taskId: 1 });`, 'getTaskResult'],
    ['ky.post with json', `import ky from 'ky';\nky.post(\`\${API}/createTask\`, { json: { clientKey: KEY, task: {} } }).json();`, 'createTask'],
    ['needle with the verb first', `const needle = require('needle');\nneedle('post', API + '/getTaskResult', { clientKey: KEY, taskId: 1 }, { json: true });`, 'getTaskResult'],
    ['https.request with hostname and path', `const https = require('https');\nconst req = https.request({ hostname: 'api.capmonster.cloud', path: '/getTaskResult', method: 'POST' }, () => {});\nreq.write(JSON.stringify({ clientKey: KEY, taskId: 1 }));`, 'getTaskResult'],
  ])('%s', (_name, code, method) => {
    const file = analyze(HEAD + code);
    expect(file.requests.map((r) => r.method)).toEqual([method]);
    expect(textOf(file, file.requests[0]!.key)).toBe('KEY');
  });

  it('reads the task id and the task', () => {
    const file = analyze(`${HEAD}fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task: { type: 'TurnstileTask' } }) });\nfetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: id }) });`);
    expect(textOf(file, file.requests[0]!.task)).toBe("{ type: 'TurnstileTask' }");
    expect(textOf(file, file.requests[1]!.taskId)).toBe('id');
  });
});

describe('URLs however they are built', () => {
  it('from an object of endpoints', () => {
    const file = analyze(`const ENDPOINTS = { create: 'https://api.capmonster.cloud/createTask', result: 'https://api.capmonster.cloud/getTaskResult' };\nfetch(ENDPOINTS.result, { method: 'POST', body: '{}' });`);
    expect(requestSummary(file)).toEqual(['2: getTaskResult (http)']);
  });

  it('from a class field and concatenation', () => {
    const file = analyze(`import axios from 'axios';\nclass Client {\n  base = 'https://api.capmonster.cloud';\n  result(id) { return axios.post(this.base + '/' + 'getTaskResult', { clientKey: this.key, taskId: id }); }\n}`);
    expect(file.requests.map((r) => r.method)).toContain('getTaskResult');
  });

  it('through an axios instance kept in a class field', () => {
    const file = analyze(`import axios from 'axios';\nclass Api {\n  constructor() { this.http = axios.create({ baseURL: 'https://api.capmonster.cloud' }); }\n  result(id) { return this.http.post('/getTaskResult', { clientKey: this.key, taskId: id }); }\n}`);
    expect(requestSummary(file)).toEqual(['4: getTaskResult (http)']);
  });

  it('from a constructor default and new URL()', () => {
    const file = analyze(`class C {\n  constructor(base = 'https://api.capmonster.cloud') { this.base = base; }\n  balance() { return fetch(new URL('/getBalance', this.base), { method: 'POST', body: JSON.stringify({ clientKey: this.key }) }); }\n}`);
    expect(file.requests.map((r) => r.method)).toContain('getBalance');
  });

  it('on a compatible host (Anti-Captcha API)', () => {
    const file = analyze(`fetch('https://api.anti-captcha.com/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: k, taskId: 1 }) });`);
    expect(requestSummary(file)).toEqual(['1: getTaskResult (http)']);
  });

  it('by request shape alone, on an unknown host', () => {
    const file = analyze(`fetch(process.env.SOLVER_URL, { method: 'POST', body: JSON.stringify({ clientKey: k, taskId: 1 }) });`);
    expect(requestSummary(file)).toEqual(['1: getTaskResult (http)']);
  });
});

describe('2captcha-style endpoints', () => {
  it('res.php with the key, action and id in a template URL', () => {
    const file = analyze(`${HEAD}fetch(\`\${API}/res.php?key=\${KEY}&action=get&id=\${taskId}&json=1\`);`);
    const [r] = file.requests;
    expect(r!.method).toBe('res.php:get');
    expect(r!.protocol).toBe('text');
    expect(textOf(file, r!.key)).toBe('KEY');
    expect(textOf(file, r!.taskId)).toBe('taskId');
  });

  it('res.php with axios params and getbalance', () => {
    const file = analyze(`${HEAD}import axios from 'axios';\naxios.get(API + '/res.php', { params: { key: KEY, action: 'getbalance' } });\naxios.get(API + '/res.php', { params: { key: KEY, action: 'get', id: 5 } });`);
    expect(file.requests.map((r) => r.method)).toEqual(['res.php:getbalance', 'res.php:get']);
  });

  it('in.php with a URLSearchParams body', () => {
    const file = analyze(`${HEAD}fetch(API + '/in.php', { method: 'POST', body: new URLSearchParams({ key: KEY, method: 'userrecaptcha', googlekey: 'x', pageurl: 'y' }) });`);
    expect(file.requests.map((r) => r.method)).toEqual(['in.php']);
    expect(textOf(file, file.requests[0]!.key)).toBe('KEY');
  });

  it('in.php with url.searchParams.set()', () => {
    const file = analyze(`${HEAD}const url = new URL(API + '/in.php');\nurl.searchParams.set('key', KEY);\nurl.searchParams.set('method', 'turnstile');\nfetch(url);`);
    expect(file.requests.map((r) => r.method)).toEqual(['in.php']);
    expect(textOf(file, file.requests[0]!.key)).toBe('KEY');
  });

  it('the plain http:// in.php of the docs, on a compatible host', () => {
    const file = analyze(`import got from 'got';\ngot('http://2captcha.com/res.php?key=' + key + '&action=get&id=' + id);`);
    expect(file.requests.map((r) => r.method)).toEqual(['res.php:get']);
  });
});

describe('wrappers', () => {
  const code = `${HEAD}import axios from 'axios';
async function getResult(taskId) {
  const { data } = await axios.post(API + '/getTaskResult', { clientKey: KEY, taskId });
  return data;
}
const createTask = async (task) => (await fetch(API + '/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) })).json();
async function call(method, body) {
  return axios.post(\`\${API}/\${method}\`, { clientKey: KEY, ...body });
}
async function solve(task) {
  const { taskId } = await createTask(task);
  for (let i = 0; i < 60; i++) {
    const r = await getResult(taskId);
    if (r.status === 'ready') return r.solution;
  }
}
async function main() {
  await call('getBalance', {});
  await call('getTaskResult', { taskId: 3 });
  for (const t of tasks) await solve(t);
}`;

  it('turns calls of same-file wrappers into requests of the methods they send', () => {
    const file = analyze(code);
    expect(requestSummary(file)).toEqual([
      '5: getTaskResult (http)',
      '8: createTask (http)',
      '10: unknown (http)',
      '13: createTask (wrapper)',
      '15: getTaskResult (wrapper)',
      '20: getBalance (wrapper)',
      '21: getTaskResult (wrapper)',
      '22: createTask (wrapper)',
    ]);
  });

  it('knows which wrappers poll by themselves and where a generic helper takes its method and body', () => {
    const file = analyze(code);
    const byName = new Map([...file.wrappers.values()].map((w) => [w.name, w]));
    expect(byName.get('getResult')!.polls).toBe(false);
    expect(byName.get('solve')!.polls).toBe(true);
    expect([...byName.get('solve')!.methods].sort()).toEqual(['createTask', 'getTaskResult']);
    const viaHelper = file.requests.find((r) => r.call.loc.start.line === 21)!;
    expect(textOf(file, viaHelper.taskId)).toBe('3');
    const loopOverTasks = file.requests.find((r) => r.call.loc.start.line === 22)!;
    expect(loopOverTasks.polls).toBe(true);
  });

  it('follows class methods through this and through instances', () => {
    const file = analyze(`${HEAD}import got from 'got';
class CapMonster {
  async result(id) { return got.post(API + '/getTaskResult', { json: { clientKey: KEY, taskId: id } }).json(); }
  async wait(id) { for (;;) { const r = await this.result(id); if (r.status === 'ready') return r; } }
}
const cm = new CapMonster();
cm.result(5);`);
    expect(requestSummary(file)).toEqual(['5: getTaskResult (http)', '6: getTaskResult (wrapper)', '9: getTaskResult (wrapper)']);
  });

  it('follows a chain of wrappers', () => {
    const file = analyze(`${HEAD}const a = (id) => fetch(API + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: id }) });
const b = (id) => a(id);
function c(id) { return b(id); }
c(1);`);
    expect(requestSummary(file)).toEqual([
      '3: getTaskResult (http)',
      '4: getTaskResult (wrapper)',
      '5: getTaskResult (wrapper)',
      '6: getTaskResult (wrapper)',
    ]);
  });
});

describe('the official client', () => {
  const body = `const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CM_KEY }));
const balance = await client.getBalance();
const result = await client.Solve(new RecaptchaV2Request({ websiteURL: 'u', websiteKey: 'k' }));`;

  it.each([
    ['ESM named imports', `import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';\n${body}`],
    ['CommonJS destructuring', `const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');\n${body}`],
    ['aliases', `import { CapMonsterCloudClientFactory as Factory, ClientOptions as Options, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';\n${body.replace('CapMonsterCloudClientFactory', 'Factory').replace('new ClientOptions', 'new Options')}`],
    ['a CommonJS namespace', `const cm = require('@zennolab_com/capmonstercloud-client');\n${body.replace('CapMonsterCloudClientFactory', 'cm.CapMonsterCloudClientFactory').replace('new ClientOptions', 'new cm.ClientOptions').replace('new RecaptchaV2Request', 'new cm.RecaptchaV2Request')}`],
  ])('through %s', (_name, code) => {
    const file = analyze(code);
    expect(requestSummary(file)).toEqual(['3: getBalance (library)', '4: solve (library)']);
    expect(textOf(file, file.requests[1]!.key)).toBe('process.env.CM_KEY');
    expect(file.clients?.makers.get(file.clients.libraries[0]!)).toHaveLength(1);
  });

  it('through a client kept in a class field', () => {
    const file = analyze(`import { CapMonsterCloudClientFactory, ClientOptions } from '@zennolab_com/capmonstercloud-client';
class Solver {
  constructor(key) { this.client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key })); }
  solve(req) { return this.client.Solve(req); }
}`);
    expect(requestSummary(file)).toEqual(['4: solve (library)']);
  });
});

describe('look-alikes stay silent', () => {
  it.each([
    ['a job queue with a getTaskResult method', `class Queue { getTaskResult(id) { return this.jobs.get(id); } }\nconst q = new Queue();\nwhile (!q.getTaskResult(1)) {}`],
    ['a poll of an unrelated API', `import axios from 'axios';\nasync function wait(id) { for (;;) { const { data } = await axios.get('https://ci.example.com/jobs/' + id); if (data.done) return; } }\nconst createTask = 1;`],
    ['a clientKey variable that is never sent', `const clientKey = process.env.KEY;\nconsole.log(clientKey.length);\nfetch('https://example.com/health');`],
    ['a Map lookup keyed by a CapMonster URL', `const API = 'https://api.capmonster.cloud/getTaskResult';\nconst cache = new Map();\ncache.set(API, 1);\nconsole.log(cache.size);`],
    ['a createTask of a task runner', `import axios from 'axios';\naxios.post('https://tasks.example.com/api/createTask', { name: 'build' });`],
    ['Solve on a file that does not import the official client', `solver.Solve(puzzle);\nconst capmonster = true;`],
  ])('%s', (_name, code) => {
    expect(analyze(code).requests).toEqual([]);
  });
});

describe('URLs built with the standard library', () => {
  it.each([
    ['String(url) of a URL with searchParams.append', `const u = new URL('https://api.capmonster.cloud/res.php');\nu.searchParams.append('key', KEY);\nu.searchParams.append('action', 'get');\nu.searchParams.append('id', 7);\nfetch(String(u));`, 'res.php:get'],
    ['url.format() of an object with a query', `const url = require('url');\nfetch(url.format({ protocol: 'https', hostname: 'api.capmonster.cloud', pathname: '/res.php', query: { key: KEY, action: 'get', id: 7 } }));`, 'res.php:get'],
    ['url.resolve(base, path)', `const url = require('url');\nfetch(url.resolve(API, '/getTaskResult'), { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: 1 }) });`, 'getTaskResult'],
    ['new URLSearchParams({…}).toString() after the ?', `fetch(API + '/res.php?' + new URLSearchParams({ key: KEY, action: 'get', id: '7' }).toString());`, 'res.php:get'],
    ['a qs option (request)', `const request = require('request');\nrequest.get({ url: API + '/res.php', qs: { key: KEY, action: 'get', id: 7 } }, () => {});`, 'res.php:get'],
    ['a searchParams option (got)', `import got from 'got';\ngot(API + '/res.php', { searchParams: { key: KEY, action: 'get', id: 7 } });`, 'res.php:get'],
    ['a printf-style helper', `const { format } = require('util');\nconst endpoint = (m) => format('%s/%s', API, m);\nfetch(endpoint('getBalance'), { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });`, 'getBalance'],
    ['ky.extend() with a prefix', `import ky from 'ky';\nconst api = ky.extend({ prefixUrl: API });\napi.post('getBalance', { json: { clientKey: KEY } });`, 'getBalance'],
  ])('%s', (_name, code, method) => {
    const file = analyze(HEAD + code);
    expect(file.requests.map((r) => r.method)).toEqual([method]);
  });
});

describe('helpers read at each call site', () => {
  it('gives a helper whose whole URL is its parameter the method of each call site', () => {
    const file = analyze(`${HEAD}const getJson = (u) => fetch(u).then((r) => r.json());\ngetJson(API + '/in.php?key=' + KEY + '&method=userrecaptcha');\ngetJson(\`\${API}/res.php?key=\${KEY}&action=get&id=7\`);\ngetJson('https://example.com/weather');`);
    expect(requestSummary(file)).toEqual(['3: unknown (http)', '4: in.php (wrapper)', '5: res.php:get (wrapper)']);
    const sites = file.requests.filter((r) => r.via === 'wrapper');
    expect(sites.map((r) => r.protocol)).toEqual(['text', 'text']);
    expect(sites[1]!.fields.get('id')?.text).toBe('7');
  });

  it('reads a wrapper of a wrapper with the outer call site (one call site: its path is the helper\'s own)', () => {
    const file = analyze(`${HEAD}import axios from 'axios';\nconst post = (path, body) => axios.post(API + path, { clientKey: KEY, ...body });\nconst result = (id) => post('/getTaskResult', { taskId: id });\nresult(42);`);
    expect(requestSummary(file)).toEqual(['4: getTaskResult (http)', '5: getTaskResult (wrapper)', '6: getTaskResult (wrapper)']);
    expect(textOf(file, file.requests[2]!.taskId)).toBe('42');
  });
});
