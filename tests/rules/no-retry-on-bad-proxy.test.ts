import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/no-retry-on-bad-proxy';

const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids.
ruleTester.run<MessageIds, Options>('no-retry-on-bad-proxy', rule as never, {
  valid: [
    {
      name: "proxy reassigned from the pool before the retry",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(pool, websiteURL, websiteKey) {
  let proxy = pool.next();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: process.env.KEY,
      task: { type: 'RecaptchaV2Task', websiteURL, websiteKey, proxyType: 'http', proxyAddress: proxy.host, proxyPort: proxy.port },
    });
    if (data.errorCode?.startsWith('ERROR_PROXY')) {
      proxy = pool.next();
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
    },
    {
      name: "proxy marked bad, a fresh one picked each iteration",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(proxies, task) {
  while (true) {
    const proxy = proxies.pick();
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: process.env.KEY,
      task: { ...task, proxyType: 'http', proxyAddress: proxy.host, proxyPort: proxy.port },
    });
    if (data.errorCode === 'ERROR_PROXY_BANNED') {
      proxies.markBad(proxy);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
    },
    {
      name: "recursion with the next proxy",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function solve(url, sitekey, proxy) {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
    clientKey: process.env.KEY,
    task: { type: 'HCaptchaTask', websiteURL: url, websiteKey: sitekey, proxyAddress: proxy.host, proxyPort: proxy.port },
  });
  if (data.errorCode === 'ERROR_PROXY_BANNED') return solve(url, sitekey, nextProxy(proxy));
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
`,
    },
    {
      name: "switching to a proxyless task type",
      filename: 'file.ts',
      code: `import axios from 'axios';

export async function solve(task: Record<string, unknown>): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorCode?.includes('PROXY')) {
    return solve({ type: 'RecaptchaV2TaskProxyless', websiteURL: task.websiteURL, websiteKey: task.websiteKey });
  }
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
`,
    },
    {
      name: "loop over proxies moves to the next one",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function solveWithAny(proxies, task) {
  for (const p of proxies) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: process.env.KEY,
      task: { ...task, proxyType: 'socks5', proxyAddress: p.host, proxyPort: p.port },
    });
    if (data.errorCode?.startsWith('ERROR_PROXY')) continue;
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
  throw new Error('every proxy failed');
}
`,
    },
    {
      name: "proxy error stops with a throw",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorCode?.startsWith('ERROR_PROXY')) throw new Error(\`\${data.errorCode}: replace the proxy\`);
    if (data.errorCode === 'ERROR_NO_SLOT_AVAILABLE') {
      await sleep(3000);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
    },
    {
      name: "network timeout retry is not a proxy error",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  for (let i = 0; i < 3; i++) {
    try {
      const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
      if (data.errorId !== 0) throw new Error(data.errorCode);
      return data.taskId;
    } catch (e) {
      if (e.message.includes('timeout')) continue;
      throw e;
    }
  }
}
`,
    },
    {
      name: "unrelated proxy checker with its own codes",
      filename: 'file.js',
      code: `const CAPMONSTER_HOST = 'api.capmonster.cloud';

export async function checkProxies(list) {
  for (const proxy of list) {
    const res = await probe(proxy);
    if (res.code === 'ERROR_PROXY_BANNED') {
      await sleep(1000);
      continue;
    }
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "startsWith('ERROR_PROXY') then continue with the same proxy object",
      filename: 'file.js',
      code: `import axios from 'axios';

const proxy = { host: '203.0.113.7', port: 8080, login: 'user', password: 'secret' };

export async function createTask(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: process.env.CAPMONSTER_KEY,
      task: { type: 'RecaptchaV2Task', websiteURL, websiteKey, proxyType: 'http', proxyAddress: proxy.host, proxyPort: proxy.port, proxyLogin: proxy.login, proxyPassword: proxy.password },
    });
    if (data.errorCode?.startsWith('ERROR_PROXY')) {
      await sleep(2000);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 11,
          column: 9,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `import axios from 'axios';

const proxy = { host: '203.0.113.7', port: 8080, login: 'user', password: 'secret' };

export async function createTask(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', {
      clientKey: process.env.CAPMONSTER_KEY,
      task: { type: 'RecaptchaV2Task', websiteURL, websiteKey, proxyType: 'http', proxyAddress: proxy.host, proxyPort: proxy.port, proxyLogin: proxy.login, proxyPassword: proxy.password },
    });
    if (data.errorCode?.startsWith('ERROR_PROXY')) {
      await sleep(2000);
      throw new Error('ERROR_PROXY_*: replace the proxy before sending the task again');
    }
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
      name: "ERROR_PROXY_BANNED retried by recursion with the same task",
      filename: 'file.ts',
      code: `import axios from 'axios';

interface ProxyTask { type: string; websiteURL: string; websiteKey: string; proxyType: string; proxyAddress: string; proxyPort: number }

export async function createTask(task: ProxyTask, attempt = 0): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorCode === 'ERROR_PROXY_BANNED' && attempt < 10) return createTask(task, attempt + 1);
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.taskId;
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 7,
          column: 7,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `import axios from 'axios';

interface ProxyTask { type: string; websiteURL: string; websiteKey: string; proxyType: string; proxyAddress: string; proxyPort: number }

export async function createTask(task: ProxyTask, attempt = 0): Promise<number> {
  const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
  if (data.errorCode === 'ERROR_PROXY_BANNED' && attempt < 10) throw new Error('ERROR_PROXY_BANNED: replace the proxy before sending the task again');
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
      name: "proxy error reported by getTaskResult, then the same task is created again",
      filename: 'file.js',
      code: `const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.capmonster.cloud' });

async function solve(task) {
  const { data: created } = await api.post('/createTask', { clientKey: process.env.KEY, task });
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (let i = 0; i < 40; i++) {
    await sleep(3000);
    const { data } = await api.post('/getTaskResult', { clientKey: process.env.KEY, taskId: created.taskId });
    if (data.errorCode === 'ERROR_PROXY_CONNECT_REFUSED' || data.errorCode === 'ERROR_PROXY_READ_TIMEOUT') {
      return setTimeout(() => solve(task), 5000);
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}

module.exports = { solve };
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 11,
          column: 9,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `const axios = require('axios');

const api = axios.create({ baseURL: 'https://api.capmonster.cloud' });

async function solve(task) {
  const { data: created } = await api.post('/createTask', { clientKey: process.env.KEY, task });
  if (created.errorId !== 0) throw new Error(created.errorCode);
  for (let i = 0; i < 40; i++) {
    await sleep(3000);
    const { data } = await api.post('/getTaskResult', { clientKey: process.env.KEY, taskId: created.taskId });
    if (data.errorCode === 'ERROR_PROXY_CONNECT_REFUSED' || data.errorCode === 'ERROR_PROXY_READ_TIMEOUT') {
      throw new Error('ERROR_PROXY_*: replace the proxy before sending the task again');
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}

module.exports = { solve };
`,
            },
          ],
        },
      ],
    },
    {
      name: "list of retryable codes with a proxy code in it",
      filename: 'file.js',
      code: `import axios from 'axios';

const RETRYABLE = ['ERROR_NO_SLOT_AVAILABLE', 'ERROR_PROXY_CONNECT_REFUSED', 'ERROR_RECAPTCHA_TIMEOUT'];

export async function createTask(task) {
  while (true) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (RETRYABLE.includes(data.errorCode)) {
      await sleep(1000);
      continue;
    }
    if (data.errorId !== 0) throw new Error(data.errorCode);
    return data.taskId;
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 8,
          column: 9,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `import axios from 'axios';

const RETRYABLE = ['ERROR_NO_SLOT_AVAILABLE', 'ERROR_PROXY_CONNECT_REFUSED', 'ERROR_RECAPTCHA_TIMEOUT'];

export async function createTask(task) {
  while (true) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (RETRYABLE.includes(data.errorCode)) {
      if (String(data.errorCode).includes('PROXY')) throw new Error('ERROR_PROXY_CONNECT_REFUSED: replace the proxy before sending the task again');
      await sleep(1000);
      continue;
    }
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
      name: "2captcha text with includes('PROXY') in a switch-free retry helper",
      filename: 'file.ts',
      code: `const KEY = process.env.CAPMONSTER_KEY!;
const PROXY = process.env.PROXY!; // login:password@host:port

async function retryLater<T>(fn: () => Promise<T>): Promise<T> {
  await new Promise((r) => setTimeout(r, 10_000));
  return fn();
}

export async function submit(googlekey: string, pageurl: string): Promise<string> {
  const url = \`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${googlekey}&pageurl=\${pageurl}&proxy=\${PROXY}&proxytype=HTTP\`;
  const text = await (await fetch(url)).text();
  if (text.includes('PROXY')) return retryLater(() => submit(googlekey, pageurl));
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.slice(3);
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 12,
          column: 7,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `const KEY = process.env.CAPMONSTER_KEY!;
const PROXY = process.env.PROXY!; // login:password@host:port

async function retryLater<T>(fn: () => Promise<T>): Promise<T> {
  await new Promise((r) => setTimeout(r, 10_000));
  return fn();
}

export async function submit(googlekey: string, pageurl: string): Promise<string> {
  const url = \`https://api.capmonster.cloud/in.php?key=\${KEY}&method=userrecaptcha&googlekey=\${googlekey}&pageurl=\${pageurl}&proxy=\${PROXY}&proxytype=HTTP\`;
  const text = await (await fetch(url)).text();
  if (text.includes('PROXY')) throw new Error('ERROR_PROXY_*: replace the proxy before sending the task again');
  if (!text.startsWith('OK|')) throw new Error(text);
  return text.slice(3);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "switch case on a proxy code that falls back to the loop",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function createTask(task) {
  let taskId;
  while (!taskId) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    switch (data.errorCode) {
      case 'ERROR_PROXY_NOT_AUTHORISED':
        console.warn('proxy refused credentials, trying again');
        break;
      case null:
      case undefined:
        taskId = data.taskId;
        break;
      default:
        throw new Error(data.errorCode);
    }
  }
  return taskId;
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesSameProxy',
          line: 8,
          column: 12,
          suggestions: [
            {
              messageId: 'throwOnProxyError',
              output: `import axios from 'axios';

export async function createTask(task) {
  let taskId;
  while (!taskId) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    switch (data.errorCode) {
      case 'ERROR_PROXY_NOT_AUTHORISED':
        console.warn('proxy refused credentials, trying again');
        throw new Error('ERROR_PROXY_NOT_AUTHORISED: replace the proxy before sending the task again');
      case null:
      case undefined:
        taskId = data.taskId;
        break;
      default:
        throw new Error(data.errorCode);
    }
  }
  return taskId;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
