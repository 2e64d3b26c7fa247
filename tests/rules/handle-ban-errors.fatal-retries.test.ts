import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/handle-ban-errors';

// The `retriesFatalError` report of handle-ban-errors: the retry analysis (src/capmonster/branches.ts) for fatal codes.
const ruleTester = new RuleTester();

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids.
ruleTester.run<MessageIds, Options>('handle-ban-errors (retriesFatalError)', rule as never, {
  valid: [
    {
      name: "NO_SUCH_CAPCHA_ID stops the poll",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function waitForResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorCode === 'CAPTCHA_NOT_READY') continue;
    if (data.errorCode === 'ERROR_NO_SUCH_CAPCHA_ID') throw new Error('task expired');
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
    },
    {
      name: "a lost task id makes a new task instead of polling the old one",
      filename: 'file.js',
      code: `import axios from 'axios';

const api = axios.create({ baseURL: 'https://api.capmonster.cloud' });

export async function solve(task) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const { data: created } = await api.post('/createTask', { clientKey: process.env.KEY, task });
    if (created.errorId !== 0) throw new Error(created.errorCode);
    for (let i = 0; i < 40; i++) {
      await sleep(3000);
      const { data } = await api.post('/getTaskResult', { clientKey: process.env.KEY, taskId: created.taskId });
      if (data.errorCode === 'ERROR_NO_SUCH_CAPCHA_ID') break;
      if (data.errorId !== 0) throw new Error(data.errorCode);
      if (data.status === 'ready') return data.solution;
    }
  }
  throw new Error('gave up');
}
`,
    },
    {
      name: "fatal codes in a list that the loop throws on",
      filename: 'file.js',
      code: `import axios from 'axios';

const FATAL = ['ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BANNED', 'ERROR_ZERO_BALANCE'];

export async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (FATAL.includes(data.errorCode)) throw new Error(data.errorCode);
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
      name: "unrelated auth code with the same name",
      filename: 'file.js',
      code: `export async function login(api) {
  for (let i = 0; i < 3; i++) {
    const res = await api.signIn();
    if (res.code === 'ERROR_KEY_DOES_NOT_EXIST') {
      await api.refreshKey();
      continue;
    }
    return res;
  }
}
`,
    },
  ],
  invalid: [
    {
      name: "poll loop that continues on ERROR_NO_SUCH_CAPCHA_ID",
      filename: 'file.js',
      code: `import axios from 'axios';

export async function waitForResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorCode === 'CAPTCHA_NOT_READY' || data.errorCode === 'ERROR_NO_SUCH_CAPCHA_ID') continue;
    if (data.errorId !== 0) throw new Error(data.errorCode);
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesFatalError',
          line: 7,
          column: 51,
          suggestions: [
            {
              messageId: 'stopOnFatalCode',
              output: `import axios from 'axios';

export async function waitForResult(taskId) {
  for (let i = 0; i < 60; i++) {
    await sleep(3000);
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorCode === 'CAPTCHA_NOT_READY' || data.errorCode === 'ERROR_NO_SUCH_CAPCHA_ID') { if (data.errorCode === 'ERROR_NO_SUCH_CAPCHA_ID') throw new Error('ERROR_NO_SUCH_CAPCHA_ID'); continue; }
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
      name: "ERROR_TOO_MUCH_REQUESTS waits and polls the same task again",
      filename: 'file.ts',
      code: `import axios from 'axios';

export async function waitForResult(taskId: number): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) {
      if (data.errorCode === 'ERROR_TOO_MUCH_REQUESTS') {
        await new Promise((r) => setTimeout(r, 10_000));
        continue;
      }
      throw new Error(data.errorCode);
    }
    if (data.status === 'ready') return data.solution;
  }
  throw new Error('timeout');
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesFatalError',
          line: 8,
          column: 11,
          suggestions: [
            {
              messageId: 'stopOnFatalCode',
              output: `import axios from 'axios';

export async function waitForResult(taskId: number): Promise<unknown> {
  for (let i = 0; i < 100; i++) {
    await new Promise((r) => setTimeout(r, 2000));
    const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: process.env.KEY, taskId });
    if (data.errorId !== 0) {
      if (data.errorCode === 'ERROR_TOO_MUCH_REQUESTS') {
        await new Promise((r) => setTimeout(r, 10_000));
        throw new Error('ERROR_TOO_MUCH_REQUESTS');
      }
      throw new Error(data.errorCode);
    }
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
      name: "switch over codes where the key error waits and loops",
      filename: 'file.js',
      code: `const axios = require('axios');

async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId === 0) return data.taskId;
    switch (data.errorCode) {
      case 'ERROR_NO_SLOT_AVAILABLE':
      case 'ERROR_KEY_DOES_NOT_EXIST':
        await sleep(5000);
        continue;
      default:
        throw new Error(data.errorCode);
    }
  }
}

module.exports = { createTask };
`,
      output: null,
      errors: [
        {
          messageId: 'retriesFatalError',
          line: 9,
          column: 12,
          suggestions: [
            {
              messageId: 'stopOnFatalCode',
              output: `const axios = require('axios');

async function createTask(task) {
  for (;;) {
    const { data } = await axios.post('https://api.capmonster.cloud/createTask', { clientKey: process.env.KEY, task });
    if (data.errorId === 0) return data.taskId;
    switch (data.errorCode) {
      case 'ERROR_NO_SLOT_AVAILABLE':
      case 'ERROR_KEY_DOES_NOT_EXIST':
        if (data.errorCode === 'ERROR_KEY_DOES_NOT_EXIST') throw new Error('ERROR_KEY_DOES_NOT_EXIST');
        await sleep(5000);
        continue;
      default:
        throw new Error(data.errorCode);
    }
  }
}

module.exports = { createTask };
`,
            },
          ],
        },
      ],
    },
    {
      name: "Set of retryable codes that holds ERROR_IP_BANNED, recursion",
      filename: 'file.js',
      code: `import axios from 'axios';

const RETRYABLE = new Set(['ERROR_NO_SLOT_AVAILABLE', 'ERROR_IP_BANNED']);

export async function getBalance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: process.env.KEY });
  if (RETRYABLE.has(data.errorCode)) {
    await sleep(1000);
    return getBalance();
  }
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
`,
      output: null,
      errors: [
        {
          messageId: 'retriesFatalError',
          line: 7,
          column: 7,
          suggestions: [
            {
              messageId: 'stopOnFatalCode',
              output: `import axios from 'axios';

const RETRYABLE = new Set(['ERROR_NO_SLOT_AVAILABLE', 'ERROR_IP_BANNED']);

export async function getBalance() {
  const { data } = await axios.post('https://api.capmonster.cloud/getBalance', { clientKey: process.env.KEY });
  if (RETRYABLE.has(data.errorCode)) {
    if (String(data.errorCode).includes('IP_BANNED')) throw new Error('ERROR_IP_BANNED');
    await sleep(1000);
    return getBalance();
  }
  if (data.errorId !== 0) throw new Error(data.errorCode);
  return data.balance;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "2captcha res.php text: wrong id is polled again through setTimeout",
      filename: 'file.js',
      code: `const KEY = process.env.CAPMONSTER_KEY;

function poll(id, done) {
  fetch(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${id}\`)
    .then((r) => r.text())
    .then((text) => {
      if (text === 'CAPCHA_NOT_READY' || text.includes('WRONG_CAPTCHA_ID')) return setTimeout(() => poll(id, done), 5000);
      if (!text.startsWith('OK|')) return done(new Error(text));
      done(null, text.slice(3));
    });
}

module.exports = { poll };
`,
      output: null,
      errors: [
        {
          messageId: 'retriesFatalError',
          line: 7,
          column: 42,
          suggestions: [
            {
              messageId: 'stopOnFatalCode',
              output: `const KEY = process.env.CAPMONSTER_KEY;

function poll(id, done) {
  fetch(\`https://api.capmonster.cloud/res.php?key=\${KEY}&action=get&id=\${id}\`)
    .then((r) => r.text())
    .then((text) => {
      if (text === 'CAPCHA_NOT_READY' || text.includes('WRONG_CAPTCHA_ID')) { if (text.includes('WRONG_CAPTCHA_ID')) return done(new Error('WRONG_CAPTCHA_ID')); return setTimeout(() => poll(id, done), 5000); }
      if (!text.startsWith('OK|')) return done(new Error(text));
      done(null, text.slice(3));
    });
}

module.exports = { poll };
`,
            },
          ],
        },
      ],
    },
  ],
});
