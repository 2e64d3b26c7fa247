import { RuleTester } from '@typescript-eslint/rule-tester';

import handleBanErrors, * as hbe from '../../src/rules/handle-ban-errors';
import noUnboundedPolling, * as nup from '../../src/rules/no-unbounded-polling';
import requireKeyCheck, * as rkc from '../../src/rules/require-key-check';

/**
 * Requests however they are built and sent: URLs through helpers, URL objects and formatters, unknown
 * bases with CapMonster paths and fields, classes with prototype and `this.x = function` methods,
 * object-literal modules, XMLHttpRequest, callback-style clients, client instances; and look-alikes
 * that must stay silent. Each shape is proven by a core rule reporting on it.
 */
const ruleTester = new RuleTester();

ruleTester.run<nup.MessageIds, nup.Options>('no-unbounded-polling', noUnboundedPolling as never, {
  valid: [
    {
      name: "a helper that only fetches other URLs",
      filename: "file.js",
      code: `
const getJson = (u) => fetch(u).then((r) => r.json());
async function weather(city) { return getJson(\`https://api.example.com/weather?q=\${city}\`); }
async function waitForJob(id) {
  while (true) {
    const job = await getJson(\`https://jobs.example.com/getTaskResult?id=\${id}\`);
    if (job.done) return job;
  }
}
module.exports = { weather, waitForJob, capmonsterNote: 'see api.capmonster.cloud for captchas' };
`,
    },
    {
      name: "an unknown base with a /createTask path and no CapMonster fields",
      filename: "file.js",
      code: `
class Jobs {
  constructor(base) { this.base = base; }
  createTask(t) { return fetch(\`\${this.base}/createTask\`, { method: 'POST', body: JSON.stringify(t) }).then((r) => r.json()); }
  getTaskResult(id) { return fetch(\`\${this.base}/getTaskResult?id=\${id}\`).then((r) => r.json()); }
}
async function run(jobs, t) {
  const { id } = await jobs.createTask(t);
  while (true) {
    const r = await jobs.getTaskResult(id);
    if (r.done) return r;
  }
}
module.exports = { Jobs, run };
`,
    },
  ],
  invalid: [
      {
        name: "a while (!done) poll whose request sits in an async arrow called where it is written",
        filename: "solve.js",
        code: `
const axios = require('axios');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

exports.solve = async function (clientKey, taskId) {
  let done = false;
  let token;
  while (!done) {
    await pause(3000);
    await (async () => {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        token = data.solution.text;
        done = true;
      }
    })();
  }
  return token;
};
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 8,
            column: 3,
            suggestions: [
              {
                messageId: 'addAttemptCounter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
const axios = require('axios');
const pause = (ms) => new Promise((r) => setTimeout(r, ms));

exports.solve = async function (clientKey, taskId) {
  let done = false;
  let token;
  let attempt = 0;
  while (!done) {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await pause(3000);
    await (async () => {
      const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey, taskId });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') {
        token = data.solution.text;
        done = true;
      }
    })();
  }
  return token;
};
`,
              },
            ],
          },
        ],
      },
      {
        name: "a res.php helper whose URL is built through three locals from its parameter (merged, stringified, appended to a base field)",
        filename: "client.ts",
        code: `
import querystring from 'querystring';
import fetch from 'node-fetch';

class ApiError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export default class Solver {
  private readonly baseUrl = 'https://rucaptcha.com';
  constructor(private readonly apikey: string) {}

  private async api(params: Record<string, unknown>) {
    const merged = Object.assign({}, { key: this.apikey, json: 1 }, params);
    const query = querystring.stringify(merged);
    const url = this.baseUrl + '/res.php?' + query;
    const body = await (await fetch(url)).json();
    if (body.status === 0) throw new ApiError(body.request);
    return body.request;
  }

  async answer(id: number): Promise<string> {
    try {
      await new Promise((r) => setTimeout(r, 5000));
      return await this.api({ id, action: 'get' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CAPCHA_NOT_READY') return this.answer(id);
      throw e;
    }
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 29,
            column: 74,
            suggestions: [
              {
                messageId: 'addAttemptParameter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
import querystring from 'querystring';
import fetch from 'node-fetch';

class ApiError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

export default class Solver {
  private readonly baseUrl = 'https://rucaptcha.com';
  constructor(private readonly apikey: string) {}

  private async api(params: Record<string, unknown>) {
    const merged = Object.assign({}, { key: this.apikey, json: 1 }, params);
    const query = querystring.stringify(merged);
    const url = this.baseUrl + '/res.php?' + query;
    const body = await (await fetch(url)).json();
    if (body.status === 0) throw new ApiError(body.request);
    return body.request;
  }

  async answer(id: number, attempt = 1): Promise<string> {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    try {
      await new Promise((r) => setTimeout(r, 5000));
      return await this.api({ id, action: 'get' });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'CAPCHA_NOT_READY') return this.answer(id, attempt + 1);
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
        name: "a wrapper method named like a function of an imported module it calls (Errors.res): no recursion, the do-while around it polls",
        filename: "client.ts",
        code: `
import axios from 'axios';
import { Errors } from './errors';

export class RuCaptcha {
  constructor(private readonly key: string) {}

  async res(params: Record<string, unknown>) {
    const reply = await axios.get('https://rucaptcha.com/res.php', { params });
    if (reply.data.status !== 1) {
      if (reply.data.request === 'CAPCHA_NOT_READY') return null;
      throw Errors.res(reply.data.request);
    }
    return reply.data;
  }

  async answer(id: string) {
    let answer;
    do {
      await new Promise((r) => setTimeout(r, 5000));
      answer = await this.res({ key: this.key, action: 'get', id, json: 1 });
    } while (!answer);
    return answer.request;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 19,
            column: 5,
            suggestions: [
              {
                messageId: 'addAttemptCounter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
import axios from 'axios';
import { Errors } from './errors';

export class RuCaptcha {
  constructor(private readonly key: string) {}

  async res(params: Record<string, unknown>) {
    const reply = await axios.get('https://rucaptcha.com/res.php', { params });
    if (reply.data.status !== 1) {
      if (reply.data.request === 'CAPCHA_NOT_READY') return null;
      throw Errors.res(reply.data.request);
    }
    return reply.data;
  }

  async answer(id: string) {
    let answer;
    let attempt = 0;
    do {
      if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
      await new Promise((r) => setTimeout(r, 5000));
      answer = await this.res({ key: this.key, action: 'get', id, json: 1 });
    } while (!answer);
    return answer.request;
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "a res.php helper whose query is a local merged from the caller's parameters (Object.assign, then querystring.stringify), recursed into from a catch",
        filename: "client.ts",
        code: `
import querystring from 'querystring';
import fetch from 'node-fetch';

class NotReady extends Error {}

export class RuCaptcha {
  private readonly base = 'https://rucaptcha.com';
  constructor(private readonly key: string) {}

  private async call(params: Record<string, unknown>): Promise<string> {
    const query = Object.assign({}, { key: this.key, json: 1 }, params);
    const res = await fetch(this.base + '/res.php?' + querystring.stringify(query));
    const body = await res.json();
    if (body.status === 1) return body.request;
    if (body.request === 'CAPCHA_NOT_READY') throw new NotReady(body.request);
    throw new Error(body.request);
  }

  async answer(id: string): Promise<string> {
    await new Promise((r) => setTimeout(r, 5000));
    try {
      return await this.call({ action: 'get', id });
    } catch (e) {
      if (e instanceof NotReady) return this.answer(id);
      throw e;
    }
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 25,
            column: 41,
            suggestions: [
              {
                messageId: 'addAttemptParameter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
import querystring from 'querystring';
import fetch from 'node-fetch';

class NotReady extends Error {}

export class RuCaptcha {
  private readonly base = 'https://rucaptcha.com';
  constructor(private readonly key: string) {}

  private async call(params: Record<string, unknown>): Promise<string> {
    const query = Object.assign({}, { key: this.key, json: 1 }, params);
    const res = await fetch(this.base + '/res.php?' + querystring.stringify(query));
    const body = await res.json();
    if (body.status === 1) return body.request;
    if (body.request === 'CAPCHA_NOT_READY') throw new NotReady(body.request);
    throw new Error(body.request);
  }

  async answer(id: string, attempt = 1): Promise<string> {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await new Promise((r) => setTimeout(r, 5000));
    try {
      return await this.call({ action: 'get', id });
    } catch (e) {
      if (e instanceof NotReady) return this.answer(id, attempt + 1);
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
        name: "a generator that recurses on CAPCHA_NOT_READY, its URL from a URL package, its query in a variable",
        filename: "file.js",
        code: `
const request = require('co-request');
const URI = require('urijs');
const sleep = require('co-sleep');
class Poller {
  * answer(key, id) {
    const target = URI('https://rucaptcha.com/res.php');
    const query = { action: 'get', key, id, json: 1 };
    const reply = yield request({ url: target.toString(), qs: query });
    const parsed = JSON.parse(reply.body);
    if (parsed.status === 1) return parsed.request;
    if (parsed.request !== 'CAPCHA_NOT_READY') throw new Error(parsed.request);
    yield sleep(5000);
    return yield* this.answer(key, id);
  }
}
module.exports = Poller;
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 14,
            column: 19,
            suggestions: [
              {
                messageId: 'addAttemptParameter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
const request = require('co-request');
const URI = require('urijs');
const sleep = require('co-sleep');
class Poller {
  * answer(key, id, attempt = 1) {
    if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    const target = URI('https://rucaptcha.com/res.php');
    const query = { action: 'get', key, id, json: 1 };
    const reply = yield request({ url: target.toString(), qs: query });
    const parsed = JSON.parse(reply.body);
    if (parsed.status === 1) return parsed.request;
    if (parsed.request !== 'CAPCHA_NOT_READY') throw new Error(parsed.request);
    yield sleep(5000);
    return yield* this.answer(key, id, attempt + 1);
  }
}
module.exports = Poller;
`,
              },
            ],
          },
        ],
      },
      {
        name: "res.php asked for with a JSON body of 2captcha fields (json: 1 is a field, not the got option), polled in while (!done)",
        filename: "file.js",
        code: `
const axios = require('axios');
async function waitForAnswer(key, ticket) {
  let done = false;
  while (!done) {
    await new Promise((r) => setTimeout(r, 5000));
    const { data: reply } = await axios.post('http://rucaptcha.com/res.php', { key, json: 1, id: ticket, action: 'get' });
    if (reply.status === 1) return reply.request;
    if (reply.request !== 'CAPCHA_NOT_READY') throw new Error(reply.request);
  }
}
module.exports = waitForAnswer;
`,
        output: null,
        errors: [
          {
            messageId: 'noAttemptBound',
            line: 5,
            column: 3,
            suggestions: [
              {
                messageId: 'addAttemptCounter',
                data: {"name":"attempt","max":120,"how":"throw"},
                output: `
const axios = require('axios');
async function waitForAnswer(key, ticket) {
  let done = false;
  let attempt = 0;
  while (!done) {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await new Promise((r) => setTimeout(r, 5000));
    const { data: reply } = await axios.post('http://rucaptcha.com/res.php', { key, json: 1, id: ticket, action: 'get' });
    if (reply.status === 1) return reply.request;
    if (reply.request !== 'CAPCHA_NOT_READY') throw new Error(reply.request);
  }
}
module.exports = waitForAnswer;
`,
              },
            ],
          },
        ],
      },
    {
      name: "a helper whose whole URL is its parameter: getJson(url) polled in while (true)",
      filename: "file.js",
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
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
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "api(path, params): the path and the query object come from each call site",
      filename: "file.js",
      code: `
const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
function api(path, params) {
  return http.get(path, { params }).then((r) => r.data);
}
async function solve(key, googlekey, pageurl) {
  const id = await api('/in.php', { key, method: 'userrecaptcha', googlekey, pageurl });
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const text = await api('/res.php', { key, action: 'get', id });
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { solve };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 9,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
function api(path, params) {
  return http.get(path, { params }).then((r) => r.data);
}
async function solve(key, googlekey, pageurl) {
  const id = await api('/in.php', { key, method: 'userrecaptcha', googlekey, pageurl });
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 3000));
    const text = await api('/res.php', { key, action: 'get', id });
    if (text.startsWith('OK|')) return text.slice(3);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "class with #private host and key set from the constructor: an unknown base with CapMonster methods and fields",
      filename: "file.ts",
      code: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 15,
          column: 5,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    for (let attempt = 0; attempt < 120; attempt++) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
    throw new Error('CapMonster result not ready after 120 attempts');
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
            },
          ],
        },
      ],
    },
    {
      name: "prototype methods, self = this, and a callback-style request: recursion through setTimeout",
      filename: "file.js",
      code: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done) {
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done); }, 3000);
  });
};
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 21,
          column: 30,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done, attempt = 1) {
  if (attempt > 120) return done(new Error('CapMonster result not ready after 120 attempts'));
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done, attempt + 1); }, 3000);
  });
};
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
            },
          ],
        },
      ],
    },
    {
      name: "methods added with Object.assign(X.prototype, {…}) and a body built with Object.assign",
      filename: "file.js",
      code: `
const request = require('request');
function Api(key) { this.key = key; }
Object.assign(Api.prototype, {
  call(method, payload, cb) {
    request.post({ url: 'https://api.anti-captcha.com/' + method, json: Object.assign({ clientKey: this.key }, payload) }, (err, resp, body) => cb(err, body));
  },
  waitResult(taskId, cb) {
    const tick = () => this.call('getTaskResult', { taskId }, (err, body) => {
      if (err) return cb(err);
      if (body.status === 'processing') return setTimeout(tick, 2000);
      cb(null, body.solution);
    });
    tick();
  },
});
module.exports = Api;
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 11,
          column: 59,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
const request = require('request');
function Api(key) { this.key = key; }
Object.assign(Api.prototype, {
  call(method, payload, cb) {
    request.post({ url: 'https://api.anti-captcha.com/' + method, json: Object.assign({ clientKey: this.key }, payload) }, (err, resp, body) => cb(err, body));
  },
  waitResult(taskId, cb) {
    const tick = (attempt = 1) => {
      if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
      return this.call('getTaskResult', { taskId }, (err, body) => {
        if (err) return cb(err);
        if (body.status === 'processing') return setTimeout(() => tick(attempt + 1), 2000);
        cb(null, body.solution);
      });
    };
    tick();
  },
});
module.exports = Api;
`,
            },
          ],
        },
      ],
    },
    {
      name: "methods set with this.x = function in a constructor, that = this, https.request with hostname and path",
      filename: "file.js",
      code: `
module.exports = function (key) {
  return new function () {
    var that = this;
    this.params = { host: 'api.anti-captcha.com', port: 443, clientKey: key };
    this.jsonPost = function (methodName, body, cb) {
      var https = require('https');
      var payload = JSON.stringify(Object.assign({ clientKey: that.params.clientKey }, body));
      var req = https.request({ hostname: that.params.host, port: that.params.port, path: '/' + methodName, method: 'POST' }, function (res) {
        var data = '';
        res.on('data', function (c) { data += c; });
        res.on('end', function () { cb(null, JSON.parse(data)); });
      });
      req.write(payload);
      req.end();
    };
    this.getTaskSolution = function (taskId, cb) {
      that.jsonPost('getTaskResult', { taskId: taskId }, function (err, json) {
        if (err) return cb(err);
        if (json.status === 'processing') return setTimeout(function () { that.getTaskSolution(taskId, cb); }, 3000);
        cb(null, json.solution);
      });
    };
  }();
};
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 20,
          column: 75,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
module.exports = function (key) {
  return new function () {
    var that = this;
    this.params = { host: 'api.anti-captcha.com', port: 443, clientKey: key };
    this.jsonPost = function (methodName, body, cb) {
      var https = require('https');
      var payload = JSON.stringify(Object.assign({ clientKey: that.params.clientKey }, body));
      var req = https.request({ hostname: that.params.host, port: that.params.port, path: '/' + methodName, method: 'POST' }, function (res) {
        var data = '';
        res.on('data', function (c) { data += c; });
        res.on('end', function () { cb(null, JSON.parse(data)); });
      });
      req.write(payload);
      req.end();
    };
    this.getTaskSolution = function (taskId, cb, attempt = 1) {
      if (attempt > 120) return cb(new Error('CapMonster result not ready after 120 attempts'));
      that.jsonPost('getTaskResult', { taskId: taskId }, function (err, json) {
        if (err) return cb(err);
        if (json.status === 'processing') return setTimeout(function () { that.getTaskSolution(taskId, cb, attempt + 1); }, 3000);
        cb(null, json.solution);
      });
    };
  }();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "an object-literal module with got.extend({ prefixUrl }) and a relative method path",
      filename: "file.js",
      code: `
const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.capmonster.cloud', responseType: 'json' });
module.exports = {
  key: process.env.CM_KEY,
  async send(method, body) {
    const { body: data } = await client.post(method, { json: { clientKey: this.key, ...body } });
    return data;
  },
  async solve(task) {
    const { taskId } = await this.send('createTask', { task });
    let r;
    do {
      await new Promise((res) => setTimeout(res, 3000));
      r = await this.send('getTaskResult', { taskId });
    } while (r.status !== 'ready');
    return r.solution;
  },
};
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 13,
          column: 5,
          suggestions: [
            {
              messageId: 'addAttemptCounter',
              output: `
const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.capmonster.cloud', responseType: 'json' });
module.exports = {
  key: process.env.CM_KEY,
  async send(method, body) {
    const { body: data } = await client.post(method, { json: { clientKey: this.key, ...body } });
    return data;
  },
  async solve(task) {
    const { taskId } = await this.send('createTask', { task });
    let r;
    let attempt = 0;
    do {
      if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
      await new Promise((res) => setTimeout(res, 3000));
      r = await this.send('getTaskResult', { taskId });
    } while (r.status !== 'ready');
    return r.solution;
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "util.format with %s and a promise that resolves the body of https.get",
      filename: "file.js",
      code: `
const { format } = require('util');
const https = require('https');
const RES = 'https://api.capmonster.cloud/res.php?key=%s&action=get&id=%s';
function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
async function wait(key, id) {
  for (;;) {
    const text = await get(format(RES, key, id));
    if (text !== 'CAPCHA_NOT_READY') return text.slice(3);
  }
}
module.exports = { wait };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 15,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const { format } = require('util');
const https = require('https');
const RES = 'https://api.capmonster.cloud/res.php?key=%s&action=get&id=%s';
function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
async function wait(key, id) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const text = await get(format(RES, key, id));
    if (text !== 'CAPCHA_NOT_READY') return text.slice(3);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { wait };
`,
            },
          ],
        },
        {
          messageId: 'missingDelay',
          line: 15,
          column: 3,
          suggestions: [
            {
              messageId: 'addDelay',
              output: `
const { format } = require('util');
const https = require('https');
const RES = 'https://api.capmonster.cloud/res.php?key=%s&action=get&id=%s';
function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
async function wait(key, id) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const text = await get(format(RES, key, id));
    if (text !== 'CAPCHA_NOT_READY') return text.slice(3);
  }
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    {
      name: "new URL(path, base) with searchParams.set and toString()",
      filename: "file.js",
      code: `
const key = process.env.TWOCAPTCHA_KEY;
async function result(id) {
  const u = new URL('/res.php', 'https://2captcha.com');
  u.searchParams.set('key', key);
  u.searchParams.set('action', 'get');
  u.searchParams.set('id', id);
  return (await fetch(u.toString())).text();
}
async function wait(id) {
  let text;
  do {
    await new Promise((r) => setTimeout(r, 5000));
    text = await result(id);
  } while (text === 'CAPCHA_NOT_READY');
  return text.split('|')[1];
}
module.exports = { wait };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 12,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptCounter',
              output: `
const key = process.env.TWOCAPTCHA_KEY;
async function result(id) {
  const u = new URL('/res.php', 'https://2captcha.com');
  u.searchParams.set('key', key);
  u.searchParams.set('action', 'get');
  u.searchParams.set('id', id);
  return (await fetch(u.toString())).text();
}
async function wait(id) {
  let text;
  let attempt = 0;
  do {
    if (++attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
    await new Promise((r) => setTimeout(r, 5000));
    text = await result(id);
  } while (text === 'CAPCHA_NOT_READY');
  return text.split('|')[1];
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    {
      name: "url.pathname and url.search = new URLSearchParams(params) read through url.href",
      filename: "file.ts",
      code: `
import querystring from 'querystring';
const BASE = 'https://2captcha.com';
async function res(params: Record<string, string>) {
  const url = new URL(BASE);
  url.pathname = '/res.php';
  url.search = new URLSearchParams(params).toString();
  const r = await fetch(url.href);
  return r.text();
}
export async function poll(key: string, id: string) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5000));
    const t = await res({ key, action: 'get', id });
    if (t.startsWith('OK|')) return t.slice(3);
  }
}
export async function submit(key: string, sitekey: string) {
  const r = await fetch('https://2captcha.com/in.php?' + querystring.stringify({ key, method: 'userrecaptcha', googlekey: sitekey }));
  return (await r.text()).split('|')[1];
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 12,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
import querystring from 'querystring';
const BASE = 'https://2captcha.com';
async function res(params: Record<string, string>) {
  const url = new URL(BASE);
  url.pathname = '/res.php';
  url.search = new URLSearchParams(params).toString();
  const r = await fetch(url.href);
  return r.text();
}
export async function poll(key: string, id: string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 5000));
    const t = await res({ key, action: 'get', id });
    if (t.startsWith('OK|')) return t.slice(3);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
export async function submit(key: string, sitekey: string) {
  const r = await fetch('https://2captcha.com/in.php?' + querystring.stringify({ key, method: 'userrecaptcha', googlekey: sitekey }));
  return (await r.text()).split('|')[1];
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "this.url + \"/\" + method on a base from the constructor, with clientKey and taskId",
      filename: "file.js",
      code: `
const axios = require('axios');
class Solver {
  constructor(opts) {
    this.url = opts.url;
    this.key = opts.key;
  }
  req(method, data) {
    return axios.post(this.url + '/' + method, { clientKey: this.key, ...data }).then((r) => r.data);
  }
  async result(taskId) {
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.req('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
module.exports = new Solver({ url: process.env.CAPTCHA_URL, key: process.env.CAPTCHA_KEY });
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 12,
          column: 5,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
const axios = require('axios');
class Solver {
  constructor(opts) {
    this.url = opts.url;
    this.key = opts.key;
  }
  req(method, data) {
    return axios.post(this.url + '/' + method, { clientKey: this.key, ...data }).then((r) => r.data);
  }
  async result(taskId) {
    for (let attempt = 0; attempt < 120; attempt++) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.req('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
    throw new Error('CapMonster result not ready after 120 attempts');
  }
}
module.exports = new Solver({ url: process.env.CAPTCHA_URL, key: process.env.CAPTCHA_KEY });
`,
            },
          ],
        },
      ],
    },
    {
      name: "base + 'res.php' with key, action and id on a base the file does not know",
      filename: "file.js",
      code: `
async function result(base, key, id) {
  const r = await fetch(base + 'res.php?key=' + key + '&action=get&id=' + id);
  return r.text();
}
async function wait(base, key, id) {
  for (;;) {
    const text = await result(base, key, id);
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { wait };
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
async function result(base, key, id) {
  const r = await fetch(base + 'res.php?key=' + key + '&action=get&id=' + id);
  return r.text();
}
async function wait(base, key, id) {
  for (let attempt = 0; attempt < 120; attempt++) {
    const text = await result(base, key, id);
    if (text.startsWith('OK|')) return text.slice(3);
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { wait };
`,
            },
          ],
        },
        {
          messageId: 'missingDelay',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'addDelay',
              output: `
async function result(base, key, id) {
  const r = await fetch(base + 'res.php?key=' + key + '&action=get&id=' + id);
  return r.text();
}
async function wait(base, key, id) {
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const text = await result(base, key, id);
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a framework's this.helpers.httpRequest(options): 200 attempts",
      filename: "file.ts",
      code: `
export async function solve(this: any, task: object) {
  const { apiKey } = await this.getCredentials('capMonsterApi');
  const created = await this.helpers.httpRequest({ method: 'POST', url: 'https://api.capmonster.cloud/createTask', body: { clientKey: apiKey, task }, json: true });
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (let i = 0; i < 200; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await this.helpers.httpRequest({ method: 'POST', url: 'https://api.capmonster.cloud/getTaskResult', body: { clientKey: apiKey, taskId: created.taskId }, json: true });
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
  throw new Error('timeout');
}
`,
      output: `
export async function solve(this: any, task: object) {
  const { apiKey } = await this.getCredentials('capMonsterApi');
  const created = await this.helpers.httpRequest({ method: 'POST', url: 'https://api.capmonster.cloud/createTask', body: { clientKey: apiKey, task }, json: true });
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (let i = 0; i < 120; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const res = await this.helpers.httpRequest({ method: 'POST', url: 'https://api.capmonster.cloud/getTaskResult', body: { clientKey: apiKey, taskId: created.taskId }, json: true });
    if (res.errorId !== 0) throw new Error(res.errorCode);
    if (res.status === 'ready') return res.solution;
  }
  throw new Error('timeout');
}
`,
      errors: [
        {
          messageId: 'boundAboveLimit',
          line: 6,
          column: 3,
          suggestions: [],
        },
      ],
    },
    {
      name: "fn.call(this, credentials, options) with the URL in the options, called with .call too",
      filename: "file.ts",
      code: `
export async function getResult(this: any, taskId: number) {
  const opts = { method: 'POST', uri: 'https://api.capmonster.cloud/getTaskResult', body: { taskId }, json: true };
  return this.helpers.requestWithAuthentication.call(this, 'capMonsterApi', opts);
}
export async function wait(this: any, taskId: number) {
  for (;;) {
    await new Promise((res) => setTimeout(res, 2000));
    const r = await getResult.call(this, taskId);
    if (r.errorId !== 0) throw new Error(r.errorCode);
    if (r.status === 'ready') return r.solution;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 7,
          column: 3,
          suggestions: [
            {
              messageId: 'addAttemptBound',
              output: `
export async function getResult(this: any, taskId: number) {
  const opts = { method: 'POST', uri: 'https://api.capmonster.cloud/getTaskResult', body: { taskId }, json: true };
  return this.helpers.requestWithAuthentication.call(this, 'capMonsterApi', opts);
}
export async function wait(this: any, taskId: number) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((res) => setTimeout(res, 2000));
    const r = await getResult.call(this, taskId);
    if (r.errorId !== 0) throw new Error(r.errorCode);
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
      name: "XMLHttpRequest open and send, the reply read in onload",
      filename: "file.js",
      code: `
var KEY = '';
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id) {
  getResult(id, function (data) {
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id); }, 2000);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 12,
          column: 35,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
var KEY = '';
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id, attempt = 1) {
  if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
  getResult(id, function (data) {
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id, attempt + 1); }, 2000);
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "ky.create({ prefixUrl }) with a relative path",
      filename: "file.ts",
      code: `
import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.capmonster.cloud' });
export async function result(clientKey: string, taskId: number) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const r = await api.post('getTaskResult', { json: { clientKey, taskId } }).json<any>();
    if (r.errorId !== 0) throw new Error(r.errorCode);
    if (r.status === 'ready') return r.solution;
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
import ky from 'ky';
const api = ky.create({ prefixUrl: 'https://api.capmonster.cloud' });
export async function result(clientKey: string, taskId: number) {
  for (let attempt = 0; attempt < 120; attempt++) {
    await new Promise((r) => setTimeout(r, 1000));
    const r = await api.post('getTaskResult', { json: { clientKey, taskId } }).json<any>();
    if (r.errorId !== 0) throw new Error(r.errorCode);
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
      name: "jQuery $.ajax with a success callback that schedules itself again",
      filename: "file.js",
      code: `
var apiKey = 'YOUR_API_KEY';
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'noAttemptBound',
          line: 10,
          column: 37,
          suggestions: [
            {
              messageId: 'addAttemptParameter',
              output: `
var apiKey = 'YOUR_API_KEY';
function check(id, attempt = 1) {
  if (attempt > 120) throw new Error('CapMonster result not ready after 120 attempts');
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id, attempt + 1); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run<rkc.MessageIds, rkc.Options>('require-key-check', requireKeyCheck as never, {
  valid: [
      {
        name: "look-alike: an instance method reads this.key, which only a static field of that name has: unknown, not the static value",
        filename: "solver.ts",
        code: `
import axios from 'axios';

export class Solver {
  static key = 'YOUR_API_KEY';

  async createTask(websiteURL: string, websiteKey: string): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: (this as any).key,
      task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey },
    });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      },
      {
        name: "look-alike: an HTTPS options object with a TLS key for another service stays silent",
        filename: "file.js",
        code: `
const https = require('https');
const fs = require('fs');
function fetchReport(id) {
  return new Promise((resolve, reject) => {
    const req = https.request({ hostname: 'reports.example.com', path: '/res.php?id=' + id, key: process.env.TLS_KEY, cert: fs.readFileSync('cert.pem') }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    req.end();
  });
}
module.exports = { fetchReport };
`,
      },
  ],
  invalid: [
      {
        name: "a key kept in a static field and read as this.key in a static method",
        filename: "solver.ts",
        code: `
import axios from 'axios';

export class Solver {
  private static key: string = process.env.CAPMONSTER_KEY as string;

  static async createTask(websiteURL: string, websiteKey: string): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: this.key,
      task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey },
    });
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 5,
            column: 32,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.CAPMONSTER_KEY"},
                output: `
import axios from 'axios';

if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
export class Solver {
  private static key: string = process.env.CAPMONSTER_KEY as string;

  static async createTask(websiteURL: string, websiteKey: string): Promise<number> {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: this.key,
      task: { type: 'RecaptchaV2TaskProxyless', websiteURL, websiteKey },
    });
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
        name: "in.php sent with a body whose body and json are 2captcha fields: the key from the environment is read",
        filename: "file.js",
        code: `
const needle = require('needle');
async function upload(image) {
  const res = await needle('post', 'https://2captcha.com/in.php', { key: process.env.TWOCAPTCHA_KEY, method: 'base64', body: image, json: 1 });
  if (res.body.status !== 1) throw new Error(res.body.request);
  return res.body.request;
}
module.exports = { upload };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 4,
            column: 74,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.TWOCAPTCHA_KEY"},
                output: `
const needle = require('needle');
async function upload(image) {
  if (!process.env.TWOCAPTCHA_KEY) throw new Error('process.env.TWOCAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
  const res = await needle('post', 'https://2captcha.com/in.php', { key: process.env.TWOCAPTCHA_KEY, method: 'base64', body: image, json: 1 });
  if (res.body.status !== 1) throw new Error(res.body.request);
  return res.body.request;
}
module.exports = { upload };
`,
              },
            ],
          },
        ],
      },
    {
      name: "a helper whose whole URL is its parameter: the key in the URL each call site builds",
      filename: "file.js",
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
`,
      output: null,
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
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "class with #private key set from the constructor: the key new passes in is unchecked",
      filename: "file.ts",
      code: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 22,
          column: 66,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
if (!process.env.SOLVER_KEY) throw new Error('process.env.SOLVER_KEY is not set: CapMonster bans clients that send requests without a valid key');
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
            },
          ],
        },
      ],
    },
    {
      name: "prototype methods: the key new Solver() is given is read from the environment unchecked",
      filename: "file.js",
      code: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done) {
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done); }, 3000);
  });
};
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 24,
          column: 29,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done) {
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done); }, 3000);
  });
};
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
            },
          ],
        },
      ],
    },
    {
      name: "an object-literal module: its key field read from the environment unchecked",
      filename: "file.js",
      code: `
const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.capmonster.cloud', responseType: 'json' });
module.exports = {
  key: process.env.CM_KEY,
  async send(method, body) {
    const { body: data } = await client.post(method, { json: { clientKey: this.key, ...body } });
    return data;
  },
  async solve(task) {
    const { taskId } = await this.send('createTask', { task });
    let r;
    do {
      await new Promise((res) => setTimeout(res, 3000));
      r = await this.send('getTaskResult', { taskId });
    } while (r.status !== 'ready');
    return r.solution;
  },
};
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 5,
          column: 8,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const got = require('got');
const client = got.extend({ prefixUrl: 'https://api.capmonster.cloud', responseType: 'json' });
if (!process.env.CM_KEY) throw new Error('process.env.CM_KEY is not set: CapMonster bans clients that send requests without a valid key');
module.exports = {
  key: process.env.CM_KEY,
  async send(method, body) {
    const { body: data } = await client.post(method, { json: { clientKey: this.key, ...body } });
    return data;
  },
  async solve(task) {
    const { taskId } = await this.send('createTask', { task });
    let r;
    do {
      await new Promise((res) => setTimeout(res, 3000));
      r = await this.send('getTaskResult', { taskId });
    } while (r.status !== 'ready');
    return r.solution;
  },
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "new URL: the key set with searchParams.set is read from the environment unchecked",
      filename: "file.js",
      code: `
const key = process.env.TWOCAPTCHA_KEY;
async function result(id) {
  const u = new URL('/res.php', 'https://2captcha.com');
  u.searchParams.set('key', key);
  u.searchParams.set('action', 'get');
  u.searchParams.set('id', id);
  return (await fetch(u.toString())).text();
}
async function wait(id) {
  let text;
  do {
    await new Promise((r) => setTimeout(r, 5000));
    text = await result(id);
  } while (text === 'CAPCHA_NOT_READY');
  return text.split('|')[1];
}
module.exports = { wait };
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 2,
          column: 13,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('key is not set: CapMonster bans clients that send requests without a valid key');
async function result(id) {
  const u = new URL('/res.php', 'https://2captcha.com');
  u.searchParams.set('key', key);
  u.searchParams.set('action', 'get');
  u.searchParams.set('id', id);
  return (await fetch(u.toString())).text();
}
async function wait(id) {
  let text;
  do {
    await new Promise((r) => setTimeout(r, 5000));
    text = await result(id);
  } while (text === 'CAPCHA_NOT_READY');
  return text.split('|')[1];
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    {
      name: "a key from the options object new is given",
      filename: "file.js",
      code: `
const axios = require('axios');
class Solver {
  constructor(opts) {
    this.url = opts.url;
    this.key = opts.key;
  }
  req(method, data) {
    return axios.post(this.url + '/' + method, { clientKey: this.key, ...data }).then((r) => r.data);
  }
  async result(taskId) {
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.req('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
module.exports = new Solver({ url: process.env.CAPTCHA_URL, key: process.env.CAPTCHA_KEY });
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedKey',
          line: 19,
          column: 66,
          suggestions: [
            {
              messageId: 'addKeyCheck',
              output: `
const axios = require('axios');
class Solver {
  constructor(opts) {
    this.url = opts.url;
    this.key = opts.key;
  }
  req(method, data) {
    return axios.post(this.url + '/' + method, { clientKey: this.key, ...data }).then((r) => r.data);
  }
  async result(taskId) {
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.req('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
if (!process.env.CAPTCHA_KEY) throw new Error('process.env.CAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
module.exports = new Solver({ url: process.env.CAPTCHA_URL, key: process.env.CAPTCHA_KEY });
`,
            },
          ],
        },
      ],
    },
    {
      name: "XMLHttpRequest: an empty key sent with send(body)",
      filename: "file.js",
      code: `
var KEY = '';
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id) {
  getResult(id, function (data) {
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id); }, 2000);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'invalidKey',
          line: 2,
          column: 11,
          suggestions: [
            {
              messageId: 'keyFromEnv',
              output: `
var KEY = process.env.CAPMONSTER_API_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id) {
  getResult(id, function (data) {
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id); }, 2000);
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "rp.defaults({ baseUrl }) instance: an empty fallback key",
      filename: "file.js",
      code: `
const rp = require('request-promise');
const api = rp.defaults({ baseUrl: 'https://api.capmonster.cloud', json: true });
const KEY = process.env.KEY || '';
async function balance() {
  const b = await api.post({ uri: '/getBalance', body: { clientKey: KEY } });
  return b.balance;
}
module.exports = { balance };
`,
      output: null,
      errors: [
        {
          messageId: 'invalidKey',
          line: 4,
          column: 32,
          suggestions: [
            {
              messageId: 'removeFallback',
              output: `
const rp = require('request-promise');
const api = rp.defaults({ baseUrl: 'https://api.capmonster.cloud', json: true });
const KEY = process.env.KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
async function balance() {
  const b = await api.post({ uri: '/getBalance', body: { clientKey: KEY } });
  return b.balance;
}
module.exports = { balance };
`,
            },
          ],
        },
      ],
    },
    {
      name: "jQuery: a placeholder key",
      filename: "file.js",
      code: `
var apiKey = 'YOUR_API_KEY';
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'invalidKey',
          line: 2,
          column: 14,
          suggestions: [
            {
              messageId: 'keyFromEnv',
              output: `
var apiKey = process.env.CAPMONSTER_API_KEY;
if (!apiKey) throw new Error('apiKey is not set: CapMonster bans clients that send requests without a valid key');
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run<hbe.MessageIds, hbe.Options>('handle-ban-errors', handleBanErrors as never, {
  valid: [
      {
        name: "a URL built by a URL package and turned into text, the json=1 reply parsed from the body and its status tested",
        filename: "file.js",
        code: `
const request = require('co-request');
const URI = require('urijs');
function* upload(key, image) {
  const endpoint = URI('https://rucaptcha.com/in.php');
  const reply = yield request({ url: endpoint.toString(), method: 'POST', form: { method: 'base64', key, body: image, json: 1 } });
  const parsed = JSON.parse(reply.body);
  if (parsed.status !== 1) throw new Error(parsed.request);
  return parsed.request;
}
module.exports = upload;
`,
      },
      {
        name: "look-alike: a URL package given a CapMonster URL only to print it sends nothing",
        filename: "file.js",
        code: `
const URI = require('urijs');
function describeEndpoints(log) {
  const created = URI('https://api.capmonster.cloud/createTask').toString();
  const result = URI('https://api.capmonster.cloud/getTaskResult').toString();
  log(\`CapMonster endpoints: \${created}, \${result}\`);
}
module.exports = { describeEndpoints };
`,
      },
    {
      name: "an XHR to another API in a file that also talks to CapMonster",
      filename: "file.js",
      code: `
function status(u, cb) {
  const x = new XMLHttpRequest();
  x.open('GET', u);
  x.onload = function () { cb(JSON.parse(this.responseText).status); };
  x.send();
}
status('https://jobs.example.com/getTaskResult', console.log);
function balance(key) {
  return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: key }) })
    .then((r) => r.json())
    .then((d) => { if (d.errorId !== 0) throw new Error(d.errorCode); return d.balance; });
}
`,
    },
    {
      name: "a callback-style client that checks errorId before the callback gets the reply",
      filename: "file.js",
      code: `
var request = require('request');
function call(method, body, cb) {
  request.post({ url: 'https://api.capmonster.cloud/' + method, json: body }, function (err, res, data) {
    if (err) return cb(err);
    if (data.errorId !== 0) return cb(new Error(data.errorCode));
    cb(null, data);
  });
}
function result(key, taskId, cb) {
  call('getTaskResult', { clientKey: key, taskId: taskId }, function (err, data) {
    if (err) return cb(err);
    cb(null, data.status === 'ready' ? data.solution : null);
  });
}
module.exports = { result };
`,
    },
    {
      name: "a helper that throws on an error reply is the check",
      filename: "file.ts",
      code: `
import axios from 'axios';
function ensureOk(data: { errorId: number; errorCode?: string }) {
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data;
}
export async function createTask(clientKey: string, task: object) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey, task });
  ensureOk(data);
  return data.taskId;
}
`,
    },
  ],
  invalid: [
      {
        name: "a generic helper that merges its caller's options into axios.request(Object.assign(defaults, opts)): the createTask reply is used unchecked",
        filename: "client.js",
        code: `
const axios = require('axios');

async function send(opts) {
  const res = await axios.request(Object.assign({ method: 'POST', timeout: 15000 }, opts));
  return res.data;
}

async function createTask(clientKey, task) {
  const reply = await send({ url: 'https://api.capmonster.cloud/createTask', data: { clientKey, task } });
  return reply.taskId;
}
module.exports = { createTask };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 11,
            column: 10,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (reply.errorId !== 0) throw new Error(reply.errorCode);","where":"right after the reply is received"},
                output: `
const axios = require('axios');

async function send(opts) {
  const res = await axios.request(Object.assign({ method: 'POST', timeout: 15000 }, opts));
  return res.data;
}

async function createTask(clientKey, task) {
  const reply = await send({ url: 'https://api.capmonster.cloud/createTask', data: { clientKey, task } });
  if (reply.errorId !== 0) throw new Error(reply.errorCode);
  return reply.taskId;
}
module.exports = { createTask };
`,
              },
            ],
          },
        ],
      },
      {
        name: "endpoints held in a static getter and a static field of the class, read as Client.X",
        filename: "client.ts",
        code: `
import axios from 'axios';

export default class RuCaptcha {
  static get SUBMIT(): string {
    return 'https://rucaptcha.com/in.php';
  }
  static RESULT = 'https://rucaptcha.com/res.php';

  constructor(private readonly key: string) {}

  async submit(sitekey: string, pageurl: string): Promise<string> {
    const sent = await axios.get(RuCaptcha.SUBMIT, { params: { key: this.key, method: 'userrecaptcha', googlekey: sitekey, pageurl, json: 1 } });
    return sent.data.request;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 14,
            column: 12,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (sent.data.status !== 1) throw new Error(sent.data.request);","where":"right after the reply is received"},
                output: `
import axios from 'axios';

export default class RuCaptcha {
  static get SUBMIT(): string {
    return 'https://rucaptcha.com/in.php';
  }
  static RESULT = 'https://rucaptcha.com/res.php';

  constructor(private readonly key: string) {}

  async submit(sitekey: string, pageurl: string): Promise<string> {
    const sent = await axios.get(RuCaptcha.SUBMIT, { params: { key: this.key, method: 'userrecaptcha', googlekey: sitekey, pageurl, json: 1 } });
    if (sent.data.status !== 1) throw new Error(sent.data.request);
    return sent.data.request;
  }
}
`,
              },
            ],
          },
        ],
      },
    {
      name: "a helper whose whole URL is its parameter: its json=1 replies used unchecked",
      filename: "file.js",
      code: `
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 8,
          column: 96,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  if (created.status !== 1) throw new Error(created.request);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
`,
            },
          ],
        },
        {
          messageId: 'uncheckedResponse',
          line: 9,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const KEY = process.env.CAPMONSTER_KEY;
const getJson = (u) => fetch(u).then((r) => r.json());
async function solve(sitekey, pageurl) {
  const created = await getJson(\`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${sitekey}&pageurl=\${pageurl}&json=1\`);
  while (true) {
    await new Promise((r) => setTimeout(r, 5000));
    const res = await getJson(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${created.request}&json=1\`);
    if (res.status !== 1 && res.request !== 'CAPCHA_NOT_READY') throw new Error(res.request);
    if (res.status === 1) return res.request;
  }
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "api(path, params): the in.php id and the res.php text come back through the helper unchecked",
      filename: "file.js",
      code: `
const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
function api(path, params) {
  return http.get(path, { params }).then((r) => r.data);
}
async function solve(key, googlekey, pageurl) {
  const id = await api('/in.php', { key, method: 'userrecaptcha', googlekey, pageurl });
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const text = await api('/res.php', { key, action: 'get', id });
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { solve };
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 62,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
function api(path, params) {
  return http.get(path, { params }).then((r) => r.data);
}
async function solve(key, googlekey, pageurl) {
  const id = await api('/in.php', { key, method: 'userrecaptcha', googlekey, pageurl });
  if (!id.startsWith('OK|')) throw new Error(id);
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const text = await api('/res.php', { key, action: 'get', id });
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { solve };
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
const axios = require('axios');
const http = axios.create({ baseURL: 'https://api.capmonster.cloud' });
function api(path, params) {
  return http.get(path, { params }).then((r) => r.data);
}
async function solve(key, googlekey, pageurl) {
  const id = await api('/in.php', { key, method: 'userrecaptcha', googlekey, pageurl });
  for (;;) {
    await new Promise((r) => setTimeout(r, 3000));
    const text = await api('/res.php', { key, action: 'get', id });
    if (!text.startsWith('OK|') && text !== 'CAPCHA_NOT_READY') throw new Error(text);
    if (text.startsWith('OK|')) return text.slice(3);
  }
}
module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "class with #private fields: the createTask and getTaskResult replies used unchecked",
      filename: "file.ts",
      code: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 14,
          column: 13,
          suggestions: [
            {
              messageId: 'addErrorFields',
              output: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId, errorId, errorCode } = await this.call('createTask', { task });
    if (errorId !== 0) throw new Error(errorCode);
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.status === 'ready') return r.solution;
    }
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
            },
          ],
        },
        {
          messageId: 'uncheckedResponse',
          line: 18,
          column: 11,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
export class CaptchaClient {
  #host: string;
  #key: string;
  constructor(host: string, key: string) {
    this.#host = host;
    this.#key = key;
  }
  private async call(method: string, body: object) {
    const res = await fetch(\`\${this.#host}/\${method}\`, { method: 'POST', body: JSON.stringify({ clientKey: this.#key, ...body }) });
    return res.json();
  }
  async solve(task: object) {
    const { taskId } = await this.call('createTask', { task });
    while (true) {
      await new Promise((r) => setTimeout(r, 2000));
      const r = await this.call('getTaskResult', { taskId });
      if (r.errorId !== 0) throw new Error(r.errorCode);
      if (r.status === 'ready') return r.solution;
    }
  }
}
export const client = new CaptchaClient(process.env.SOLVER_URL!, process.env.SOLVER_KEY!);
`,
            },
          ],
        },
      ],
    },
    {
      name: "prototype methods: the reply handed through two callbacks is used unchecked",
      filename: "file.js",
      code: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done) {
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done); }, 3000);
  });
};
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 20,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
var request = require('request');
function Solver(key) {
  this.key = key;
  this.base = 'https://api.capmonster.cloud';
}
Solver.prototype.post = function (method, body, cb) {
  body.clientKey = this.key;
  request({ uri: this.base + '/' + method, method: 'POST', json: body }, function (err, res, data) {
    cb(err, data);
  });
};
Solver.prototype.result = function (taskId, cb) {
  this.post('getTaskResult', { taskId: taskId }, cb);
};
Solver.prototype.wait = function (taskId, done) {
  var self = this;
  self.result(taskId, function (err, data) {
    if (err) return done(err);
    if (data.errorId !== 0) return done(new Error(data.errorCode));
    if (data.status === 'ready') return done(null, data.solution);
    setTimeout(function () { self.wait(taskId, done); }, 3000);
  });
};
module.exports = new Solver(process.env.CAPMONSTER_KEY);
`,
            },
          ],
        },
      ],
    },
    {
      name: "methods added with Object.assign(X.prototype, {…}): the reply is read for its status only",
      filename: "file.js",
      code: `
const request = require('request');
function Api(key) { this.key = key; }
Object.assign(Api.prototype, {
  call(method, payload, cb) {
    request.post({ url: 'https://api.anti-captcha.com/' + method, json: Object.assign({ clientKey: this.key }, payload) }, (err, resp, body) => cb(err, body));
  },
  waitResult(taskId, cb) {
    const tick = () => this.call('getTaskResult', { taskId }, (err, body) => {
      if (err) return cb(err);
      if (body.status === 'processing') return setTimeout(tick, 2000);
      cb(null, body.solution);
    });
    tick();
  },
});
module.exports = Api;
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 12,
          column: 16,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const request = require('request');
function Api(key) { this.key = key; }
Object.assign(Api.prototype, {
  call(method, payload, cb) {
    request.post({ url: 'https://api.anti-captcha.com/' + method, json: Object.assign({ clientKey: this.key }, payload) }, (err, resp, body) => cb(err, body));
  },
  waitResult(taskId, cb) {
    const tick = () => this.call('getTaskResult', { taskId }, (err, body) => {
      if (err) return cb(err);
      if (body.status === 'processing') return setTimeout(tick, 2000);
      if (body.errorId !== 0) throw new Error(body.errorCode);
      cb(null, body.solution);
    });
    tick();
  },
});
module.exports = Api;
`,
            },
          ],
        },
      ],
    },
    {
      name: "https.request: the body gathered from data events and parsed on end is used unchecked",
      filename: "file.js",
      code: `
module.exports = function (key) {
  return new function () {
    var that = this;
    this.params = { host: 'api.anti-captcha.com', port: 443, clientKey: key };
    this.jsonPost = function (methodName, body, cb) {
      var https = require('https');
      var payload = JSON.stringify(Object.assign({ clientKey: that.params.clientKey }, body));
      var req = https.request({ hostname: that.params.host, port: that.params.port, path: '/' + methodName, method: 'POST' }, function (res) {
        var data = '';
        res.on('data', function (c) { data += c; });
        res.on('end', function () { cb(null, JSON.parse(data)); });
      });
      req.write(payload);
      req.end();
    };
    this.getTaskSolution = function (taskId, cb) {
      that.jsonPost('getTaskResult', { taskId: taskId }, function (err, json) {
        if (err) return cb(err);
        if (json.status === 'processing') return setTimeout(function () { that.getTaskSolution(taskId, cb); }, 3000);
        cb(null, json.solution);
      });
    };
  }();
};
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 21,
          column: 18,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
module.exports = function (key) {
  return new function () {
    var that = this;
    this.params = { host: 'api.anti-captcha.com', port: 443, clientKey: key };
    this.jsonPost = function (methodName, body, cb) {
      var https = require('https');
      var payload = JSON.stringify(Object.assign({ clientKey: that.params.clientKey }, body));
      var req = https.request({ hostname: that.params.host, port: that.params.port, path: '/' + methodName, method: 'POST' }, function (res) {
        var data = '';
        res.on('data', function (c) { data += c; });
        res.on('end', function () { cb(null, JSON.parse(data)); });
      });
      req.write(payload);
      req.end();
    };
    this.getTaskSolution = function (taskId, cb) {
      that.jsonPost('getTaskResult', { taskId: taskId }, function (err, json) {
        if (err) return cb(err);
        if (json.status === 'processing') return setTimeout(function () { that.getTaskSolution(taskId, cb); }, 3000);
        if (json.errorId !== 0) return cb(new Error(json.errorCode));
        cb(null, json.solution);
      });
    };
  }();
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "util.format: the res.php text is returned without looking for OK|",
      filename: "file.js",
      code: `
const { format } = require('util');
const https = require('https');
const RES = 'https://api.capmonster.cloud/res.php?key=%s&action=get&id=%s';
function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
async function wait(key, id) {
  for (;;) {
    const text = await get(format(RES, key, id));
    if (text !== 'CAPCHA_NOT_READY') return text.slice(3);
  }
}
module.exports = { wait };
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 17,
          column: 45,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const { format } = require('util');
const https = require('https');
const RES = 'https://api.capmonster.cloud/res.php?key=%s&action=get&id=%s';
function get(url) {
  return new Promise((resolve, reject) => {
    https.get(url, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}
async function wait(key, id) {
  for (;;) {
    const text = await get(format(RES, key, id));
    if (!text.startsWith('OK|') && text !== 'CAPCHA_NOT_READY') throw new Error(text);
    if (text !== 'CAPCHA_NOT_READY') return text.slice(3);
  }
}
module.exports = { wait };
`,
            },
          ],
        },
      ],
    },
    {
      name: "querystring.stringify in the URL, and a poll that only looks for OK|",
      filename: "file.ts",
      code: `
import querystring from 'querystring';
const BASE = 'https://2captcha.com';
async function res(params: Record<string, string>) {
  const url = new URL(BASE);
  url.pathname = '/res.php';
  url.search = new URLSearchParams(params).toString();
  const r = await fetch(url.href);
  return r.text();
}
export async function poll(key: string, id: string) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5000));
    const t = await res({ key, action: 'get', id });
    if (t.startsWith('OK|')) return t.slice(3);
  }
}
export async function submit(key: string, sitekey: string) {
  const r = await fetch('https://2captcha.com/in.php?' + querystring.stringify({ key, method: 'userrecaptcha', googlekey: sitekey }));
  return (await r.text()).split('|')[1];
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 15,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import querystring from 'querystring';
const BASE = 'https://2captcha.com';
async function res(params: Record<string, string>) {
  const url = new URL(BASE);
  url.pathname = '/res.php';
  url.search = new URLSearchParams(params).toString();
  const r = await fetch(url.href);
  return r.text();
}
export async function poll(key: string, id: string) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5000));
    const t = await res({ key, action: 'get', id });
    if (!t.startsWith('OK|') && t !== 'CAPCHA_NOT_READY') throw new Error(t);
    if (t.startsWith('OK|')) return t.slice(3);
  }
}
export async function submit(key: string, sitekey: string) {
  const r = await fetch('https://2captcha.com/in.php?' + querystring.stringify({ key, method: 'userrecaptcha', googlekey: sitekey }));
  return (await r.text()).split('|')[1];
}
`,
            },
          ],
        },
        {
          messageId: 'uncheckedResponse',
          line: 20,
          column: 10,
          suggestions: [
            {
              messageId: 'storeAndCheck',
              output: `
import querystring from 'querystring';
const BASE = 'https://2captcha.com';
async function res(params: Record<string, string>) {
  const url = new URL(BASE);
  url.pathname = '/res.php';
  url.search = new URLSearchParams(params).toString();
  const r = await fetch(url.href);
  return r.text();
}
export async function poll(key: string, id: string) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5000));
    const t = await res({ key, action: 'get', id });
    if (t.startsWith('OK|')) return t.slice(3);
  }
}
export async function submit(key: string, sitekey: string) {
  const r = await fetch('https://2captcha.com/in.php?' + querystring.stringify({ key, method: 'userrecaptcha', googlekey: sitekey }));
  const reply = await r.text();
  if (!reply.startsWith('OK|')) throw new Error(reply);
  return reply.split('|')[1];
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "XMLHttpRequest: this.responseText parsed and handed to a callback unchecked",
      filename: "file.js",
      code: `
var KEY = '';
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id) {
  getResult(id, function (data) {
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id); }, 2000);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 9,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
var KEY = '';
function getResult(id, cb) {
  var xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getTaskResult');
  xhr.onload = function () { cb(JSON.parse(this.responseText)); };
  xhr.send(JSON.stringify({ clientKey: KEY, taskId: id }));
}
function poll(id) {
  getResult(id, function (data) {
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') document.getElementById('g-recaptcha-response').value = data.solution.gRecaptchaResponse;
    else setTimeout(function () { poll(id); }, 2000);
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "synchronous XMLHttpRequest: responseText read after send",
      filename: "file.js",
      code: `
function balance(key) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getBalance', false);
  xhr.send(JSON.stringify({ clientKey: key }));
  return JSON.parse(xhr.responseText).balance;
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 6,
          column: 10,
          suggestions: [
            {
              messageId: 'storeAndCheck',
              output: `
function balance(key) {
  const xhr = new XMLHttpRequest();
  xhr.open('POST', 'https://api.capmonster.cloud/getBalance', false);
  xhr.send(JSON.stringify({ clientKey: key }));
  const reply = JSON.parse(xhr.responseText);
  if (reply.errorId !== 0) throw new Error(reply.errorCode);
  return reply.balance;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "rp.defaults({ baseUrl }) instance: the balance read without errorId",
      filename: "file.js",
      code: `
const rp = require('request-promise');
const api = rp.defaults({ baseUrl: 'https://api.capmonster.cloud', json: true });
const KEY = process.env.KEY || '';
async function balance() {
  const b = await api.post({ uri: '/getBalance', body: { clientKey: KEY } });
  return b.balance;
}
module.exports = { balance };
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 7,
          column: 10,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
const rp = require('request-promise');
const api = rp.defaults({ baseUrl: 'https://api.capmonster.cloud', json: true });
const KEY = process.env.KEY || '';
async function balance() {
  const b = await api.post({ uri: '/getBalance', body: { clientKey: KEY } });
  if (b.errorId !== 0) throw new Error(b.errorCode);
  return b.balance;
}
module.exports = { balance };
`,
            },
          ],
        },
      ],
    },
    {
      name: "jQuery $.post and $.ajax: replies used in the success callbacks unchecked",
      filename: "file.js",
      code: `
var apiKey = 'YOUR_API_KEY';
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 9,
          column: 11,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
var apiKey = 'YOUR_API_KEY';
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    check(res.taskId);
  });
}
`,
            },
          ],
        },
        {
          messageId: 'uncheckedResponse',
          line: 16,
          column: 11,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
var apiKey = 'YOUR_API_KEY';
function check(id) {
  $.ajax({
    url: 'https://api.capmonster.cloud/getTaskResult',
    type: 'POST',
    data: JSON.stringify({ clientKey: apiKey, taskId: id }),
    success: function (data) {
      if (data.status === 'ready') done(data.solution);
      else setTimeout(function () { check(id); }, 3000);
    },
  });
}
function start(task) {
  $.post('https://api.capmonster.cloud/createTask', JSON.stringify({ clientKey: apiKey, task: task }), function (res) {
    if (res.errorId !== 0) throw new Error(res.errorCode);
    check(res.taskId);
  });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a reply kept in a field and read back in a getter",
      filename: "file.ts",
      code: `
import axios from 'axios';
export class Session {
  last: any;
  constructor(private readonly key: string) {}
  async refresh(taskId: number) {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: this.key, taskId });
    this.last = data;
  }
  get token(): string {
    return this.last.solution.gRecaptchaResponse;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 12,
          suggestions: [
            {
              messageId: 'addErrorCheck',
              output: `
import axios from 'axios';
export class Session {
  last: any;
  constructor(private readonly key: string) {}
  async refresh(taskId: number) {
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: this.key, taskId });
    this.last = data;
  }
  get token(): string {
    if (this.last.errorId !== 0) throw new Error(this.last.errorCode);
    return this.last.solution.gRecaptchaResponse;
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a same-file parse helper passes the reply on: its taskId is used unchecked",
      filename: "file.ts",
      code: `
import https from 'node:https';
function parse(body: string) {
  return JSON.parse(body);
}
export function createTask(clientKey: string, task: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request({ hostname: 'api.capmonster.cloud', path: '/createTask', method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve(parse(Buffer.concat(chunks).toString()).taskId));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ clientKey, task }));
  });
}
`,
      output: null,
      errors: [
        {
          messageId: 'uncheckedResponse',
          line: 11,
          column: 35,
          suggestions: [
            {
              messageId: 'storeAndCheck',
              output: `
import https from 'node:https';
function parse(body: string) {
  return JSON.parse(body);
}
export function createTask(clientKey: string, task: object): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request({ hostname: 'api.capmonster.cloud', path: '/createTask', method: 'POST' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => { const reply = parse(Buffer.concat(chunks).toString()); if (reply.errorId !== 0) return reject(new Error(reply.errorCode)); return resolve(reply.taskId); });
    });
    req.on('error', reject);
    req.end(JSON.stringify({ clientKey, task }));
  });
}
`,
            },
          ],
        },
      ],
    },
  ],
});
