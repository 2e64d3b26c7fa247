import { RuleTester } from '@typescript-eslint/rule-tester';

import rule, { type MessageIds, type Options } from '../../src/rules/no-hardcoded-client-key';

const ruleTester = new RuleTester();

const KEY = '3f6a9b2c4d5e6f708192a3b4c5d6e7f8';

// The rule tester bundles its own copy of @typescript-eslint/utils: the rule is cast across the two copies,
// and the explicit type arguments keep the cases checked against the rule's message ids and options.
ruleTester.run<MessageIds, Options>('no-hardcoded-client-key', rule as never, {
  valid: [
    {
      name: 'key from the environment',
      code: `
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
    },
    {
      name: 'placeholders are require-key-check’s business',
      code: `
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: 'YOUR_API_KEY' }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: '00000000000000000000000000000000' }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: '12345678901234567890123456789012' }) });
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: '67b6bcbb1a728ea8d563de6d169a2057' }) });
`,
    },
    {
      name: 'an n8n credential expression is resolved at run time',
      code: `
const options = { method: 'POST', uri: 'https://api.capmonster.cloud/createTask', json: { clientKey: '={{$credentials.apiKey}}', task: {} } };
await this.helpers.request(options);
`,
    },
    {
      name: 'a template literal built from the environment',
      code: `
const clientKey = \`\${process.env.CAPMONSTER_KEY}__nocache\`;
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task: {} }) });
`,
    },
    {
      name: 'a hex string that is never sent as a key',
      code: `
const SITE_KEY = '${KEY}';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('no key');
fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task: { type: 'TurnstileTask', websiteKey: SITE_KEY } }) });
`,
    },
    {
      name: 'a hex key sent to an unrelated API',
      code: `
const WEATHER_KEY = '${KEY}';
export const weather = (city) => fetch('https://api.weather.example/v1?city=' + city + '&key=' + WEATHER_KEY);
`,
    },
    {
      name: 'a key passed in by the caller',
      code: `
export async function balance(clientKey: string) {
  const res = await fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey }) });
  return res.json();
}
`,
    },
  ],
  invalid: [
    {
      name: 'fetch: constant key',
      code: `
const KEY = '${KEY}';
export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) });
  return res.json();
}
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 13,
          data: { preview: '3f…f8' },
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
const KEY = process.env.CAPMONSTER_API_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
export async function createTask(task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task }) });
  return res.json();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'axios (CommonJS): key written in the body, custom variable name',
      code: `
const axios = require('axios');
axios.post('https://api.capmonster.cloud/getBalance', { clientKey: '${KEY}' });
`,
      options: [{ envVariable: 'CM_KEY' }],
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 68,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
const axios = require('axios');
if (!process.env.CM_KEY) throw new Error('process.env.CM_KEY is not set: CapMonster bans clients that send requests without a valid key');
axios.post('https://api.capmonster.cloud/getBalance', { clientKey: process.env.CM_KEY });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a key with a __nocache suffix keeps its suffix',
      code: `
import got from 'got';
export const create = (task) => got.post('https://api.capmonster.cloud/createTask', { json: { clientKey: '${KEY}__nocache', task } }).json();
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 106,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
import got from 'got';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
export const create = (task) => got.post('https://api.capmonster.cloud/createTask', { json: { clientKey: \`\${process.env.CAPMONSTER_API_KEY}__nocache\`, task } }).json();
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a key as the fallback of process.env',
      code: `
const KEY = process.env.CAPMONSTER_KEY ?? '${KEY}';
fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: KEY }) });
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'removeKeyFallback',
              output: `
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
      name: 'official client (TypeScript)',
      code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: '${KEY}' }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 83,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_API_KEY }));
export const solve = (websiteURL: string, websiteKey: string) => client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a config object property reached through a class field',
      code: `
const CONFIG = { capmonster: { clientKey: '${KEY}' } };
class Solver {
  key = CONFIG.capmonster.clientKey;
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 43,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const CONFIG = { capmonster: { clientKey: process.env.CAPMONSTER_API_KEY } };
class Solver {
  key = CONFIG.capmonster.clientKey;
  balance() {
    return fetch('https://api.capmonster.cloud/getBalance', { method: 'POST', body: JSON.stringify({ clientKey: this.key }) });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'passed to a wrapper function',
      code: `
async function createTask(clientKey, task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
createTask('${KEY}', { type: 'TurnstileTask' });
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 6,
          column: 12,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
async function createTask(clientKey, task) {
  const res = await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey, task }) });
  return res.json();
}
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
createTask(process.env.CAPMONSTER_API_KEY, { type: 'TurnstileTask' });
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha in.php: key in a quoted URL becomes a template literal',
      code: `
const axios = require('axios');
axios.get('https://api.capmonster.cloud/in.php?key=${KEY}&method=userrecaptcha&pageurl=https://example.com');
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 11,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
const axios = require('axios');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
axios.get(\`https://api.capmonster.cloud/in.php?key=\${process.env.CAPMONSTER_API_KEY}&method=userrecaptcha&pageurl=https://example.com\`);
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha res.php: key in a template literal URL',
      code: `
export async function poll(id) {
  const res = await fetch(\`https://api.capmonster.cloud/res.php?key=${KEY}&action=get&id=\${id}\`);
  return res.text();
}
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 27,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
export async function poll(id) {
  if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
  const res = await fetch(\`https://api.capmonster.cloud/res.php?key=\${process.env.CAPMONSTER_API_KEY}&action=get&id=\${id}\`);
  return res.text();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '2captcha: constant key in URLSearchParams and a res.php template',
      code: `
const axios = require('axios');
const KEY = '${KEY}';
const HOST = 'https://api.capmonster.cloud';
async function solve(base64) {
  const { data } = await axios.post(\`\${HOST}/in.php\`, new URLSearchParams({ key: KEY, method: 'base64', body: base64 }));
  const id = data.split('|')[1];
  const res = await axios.get(\`\${HOST}/res.php?key=\${KEY}&action=get&id=\${id}\`);
  return res.data;
}
`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          column: 13,
          suggestions: [
            {
              messageId: 'useEnvVariable',
              output: `
const axios = require('axios');
const KEY = process.env.CAPMONSTER_API_KEY;
if (!KEY) throw new Error('KEY is not set: CapMonster bans clients that send requests without a valid key');
const HOST = 'https://api.capmonster.cloud';
async function solve(base64) {
  const { data } = await axios.post(\`\${HOST}/in.php\`, new URLSearchParams({ key: KEY, method: 'base64', body: base64 }));
  const id = data.split('|')[1];
  const res = await axios.get(\`\${HOST}/res.php?key=\${KEY}&action=get&id=\${id}\`);
  return res.data;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
