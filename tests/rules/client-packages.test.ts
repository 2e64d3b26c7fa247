import { RuleTester } from '@typescript-eslint/rule-tester';
import requireKeyCheck from '../../src/rules/require-key-check';
import noUnboundedPolling from '../../src/rules/no-unbounded-polling';
import minPollInterval from '../../src/rules/min-poll-interval';
import noRetryOnZeroBalance from '../../src/rules/no-retry-on-zero-balance';
import noHardcodedClientKey from '../../src/rules/no-hardcoded-client-key';
import handleBanErrors from '../../src/rules/handle-ban-errors';

/**
 * The captcha client packages of src/capmonster/libraries.ts, each in its own style: where its key goes,
 * how its polls are sized (in its own units), which of its methods poll until solved, where it puts the
 * error code and which checks never match, which of its results need a check. Look-alikes stay silent.
 * Generated from realistic client code, then reviewed case by case.
 */
const ruleTester = new RuleTester();

// ----------------------------------------------------------------------------------------------------
// @zennolab_com/capmonstercloud-client

ruleTester.run("require-key-check for @zennolab_com capmonstercloud-client", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a placeholder clientKey in ClientOptions",
        filename: "solver.ts",
        code: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: 'YOUR_CAPMONSTER_KEY' }));

export async function turnstile(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  if (result.error) throw new Error(result.error);
  return result.solution?.token;
}
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 4,
            column: 83,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
import { CapMonsterCloudClientFactory, ClientOptions, TurnstileRequest } from '@zennolab_com/capmonstercloud-client';

if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_API_KEY }));

export async function turnstile(websiteURL: string, websiteKey: string) {
  const result = await client.Solve(new TurnstileRequest({ websiteURL, websiteKey }));
  if (result.error) throw new Error(result.error);
  return result.solution?.token;
}
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for @zennolab_com capmonstercloud-client", noUnboundedPolling as never, {
  valid: [
      {
        name: "look-alike: a Solve method of another client in a file without the package",
        filename: "solver.js",
        code: `
const { Client } = require('./ocr-client');
const ocr = new Client({ endpoint: 'https://ocr.example.com' });
async function read(image) {
  const result = await ocr.Solve(image, { requestsInterval: 10, timeout: 600000 });
  return result.text;
}
module.exports = { read };
`,
      },
  ],
  invalid: [
      {
        name: "Solve timeouts that allow 300 result requests",
        filename: "solver.js",
        code: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

async function recaptcha(websiteURL, websiteKey) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { requestsInterval: 2000, timeout: 600000 });
  if (result.error) throw new Error(result.error);
  return result.solution.gRecaptchaResponse;
}
module.exports = { recaptcha };
`,
        output: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

async function recaptcha(websiteURL, websiteKey) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }), { requestsInterval: 2000, timeout: 240000 });
  if (result.error) throw new Error(result.error);
  return result.solution.gRecaptchaResponse;
}
module.exports = { recaptcha };
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 7,
            column: 24,
            suggestions: [],
          },
        ],
      },
      {
        name: "Solve timeouts without requestsInterval poll back to back",
        filename: "solver.js",
        code: `
const cm = require('@zennolab_com/capmonstercloud-client');

const client = cm.CapMonsterCloudClientFactory.Create(new cm.ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

exports.image = async (body) => {
  const result = await client.Solve(new cm.ImageToTextRequest({ body }), { timeout: 60000 });
  if (result.error) throw new Error(result.error);
  return result.solution.text;
};
`,
        output: null,
        errors: [
          {
            messageId: 'missingDelay',
            line: 7,
            column: 24,
            suggestions: [
              {
                messageId: 'addRequestsInterval',
                data: {"value":2000},
                output: `
const cm = require('@zennolab_com/capmonstercloud-client');

const client = cm.CapMonsterCloudClientFactory.Create(new cm.ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

exports.image = async (body) => {
  const result = await client.Solve(new cm.ImageToTextRequest({ body }), { timeout: 60000, requestsInterval: 2000 });
  if (result.error) throw new Error(result.error);
  return result.solution.text;
};
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for @zennolab_com capmonstercloud-client", minPollInterval as never, {
  valid: [
      {
        name: "Solve without timeouts for reCAPTCHA: the client's defaults wait 3 s",
        filename: "recaptcha.ts",
        code: `
import { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } from '@zennolab_com/capmonstercloud-client';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

export async function recaptcha(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  if (result.error) throw new Error(result.error);
  return result.solution!.gRecaptchaResponse;
}
`,
      },
  ],
  invalid: [
      {
        name: "Solve every second",
        filename: "solver.mjs",
        code: `
import cm from '@zennolab_com/capmonstercloud-client';

const client = cm.CapMonsterCloudClientFactory.Create(new cm.ClientOptions({ clientKey: process.env.CAPMONSTER_KEY ?? '' }));

export async function hcaptcha(websiteURL, websiteKey) {
  const result = await client.Solve(new cm.HCaptchaRequest({ websiteURL, websiteKey }), { requestsInterval: 1000, timeout: 90000 });
  if (result.error) throw new Error(result.error);
  return result.solution.gRecaptchaResponse;
}
`,
        output: `
import cm from '@zennolab_com/capmonstercloud-client';

const client = cm.CapMonsterCloudClientFactory.Create(new cm.ClientOptions({ clientKey: process.env.CAPMONSTER_KEY ?? '' }));

export async function hcaptcha(websiteURL, websiteKey) {
  const result = await client.Solve(new cm.HCaptchaRequest({ websiteURL, websiteKey }), { requestsInterval: 2000, timeout: 90000 });
  if (result.error) throw new Error(result.error);
  return result.solution.gRecaptchaResponse;
}
`,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 7,
            column: 24,
            suggestions: [],
          },
        ],
      },
      {
        name: "Solve without timeouts for an image: the client's defaults poll every 200 ms",
        filename: "ocr.ts",
        code: `
import { CapMonsterCloudClientFactory, ClientOptions, ImageToTextRequest } from '@zennolab_com/capmonstercloud-client';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

export async function readCaptcha(body: string): Promise<string> {
  const result = await client.Solve(new ImageToTextRequest({ body }));
  if (result.error) throw new Error(result.error);
  return result.solution!.text;
}
`,
        output: null,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 9,
            column: 24,
            suggestions: [
              {
                messageId: 'passTimeouts',
                data: {"text":"{ requestsInterval: 2000, timeout: 60000 }"},
                output: `
import { CapMonsterCloudClientFactory, ClientOptions, ImageToTextRequest } from '@zennolab_com/capmonstercloud-client';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

export async function readCaptcha(body: string): Promise<string> {
  const result = await client.Solve(new ImageToTextRequest({ body }), { requestsInterval: 2000, timeout: 60000 });
  if (result.error) throw new Error(result.error);
  return result.solution!.text;
}
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for @zennolab_com capmonstercloud-client", noRetryOnZeroBalance as never, {
  valid: [
      {
        name: "a retry that stops on ErrorType.ZERO_BALANCE",
        filename: "solver.js",
        code: `
const { CapMonsterCloudClientFactory, ClientOptions, ErrorType, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

async function recaptcha(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
    if (result.error === ErrorType.ZERO_BALANCE || result.error === ErrorType.KEY_DOES_NOT_EXIST) throw new Error(result.error);
    if (result.solution) return result.solution.gRecaptchaResponse;
  }
  throw new Error('unsolved');
}
module.exports = { recaptcha };
`,
      },
  ],
  invalid: [
      {
        name: "a retry that compares the error with 'ERROR_ZERO_BALANCE' (Solve's codes have no prefix)",
        filename: "solver.js",
        code: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

async function recaptcha(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
    if (result.error === 'ERROR_ZERO_BALANCE') throw new Error('no money');
    if (result.solution) return result.solution.gRecaptchaResponse;
  }
  throw new Error('unsolved');
}
module.exports = { recaptcha };
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 8,
            column: 26,
            suggestions: [
              {
                messageId: 'throwOnZeroBalance',
                output: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY || '' }));

async function recaptcha(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
    if (String(result.error) === 'ZERO_BALANCE') throw new Error('ERROR_ZERO_BALANCE: top up the CapMonster balance');
    if (result.error === 'ERROR_ZERO_BALANCE') throw new Error('no money');
    if (result.solution) return result.solution.gRecaptchaResponse;
  }
  throw new Error('unsolved');
}
module.exports = { recaptcha };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("handle-ban-errors for @zennolab_com capmonstercloud-client", handleBanErrors as never, {
  valid: [
      {
        name: "a presence test of the token that throws with result.error",
        filename: "solver.js",
        code: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

async function recaptcha(websiteURL, websiteKey) {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  if (!result.solution?.gRecaptchaResponse) throw new Error('CapMonster failed: ' + result.error);
  return result.solution.gRecaptchaResponse;
}
module.exports = { recaptcha };
`,
      },
  ],
  invalid: [
      {
        name: "a raced Solve whose solution is used without a look at result.error",
        filename: "solver.js",
        code: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

async function recaptcha(websiteURL, websiteKey) {
  const result = await Promise.race([
    client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey })),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 200000)),
  ]);
  return result.solution.gRecaptchaResponse;
}
module.exports = { recaptcha };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 12,
            column: 10,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (result.error) throw new Error(result.error);","where":"right after the reply is received"},
                output: `
const { CapMonsterCloudClientFactory, ClientOptions, RecaptchaV2Request } = require('@zennolab_com/capmonstercloud-client');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: key }));

async function recaptcha(websiteURL, websiteKey) {
  const result = await Promise.race([
    client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey })),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 200000)),
  ]);
  if (result.error) throw new Error(result.error);
  return result.solution.gRecaptchaResponse;
}
module.exports = { recaptcha };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// @antiadmin/anticaptchaofficial

ruleTester.run("require-key-check for @antiadmin anticaptchaofficial", requireKeyCheck as never, {
  valid: [
      {
        name: "a module that exports its solver: its importer may set the key",
        filename: "captcha.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');

async function solveHCaptcha(url, sitekey) {
  return Promise.race([ac.solveHCaptchaProxyless(url, sitekey), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
}
module.exports = { solveHCaptcha };
`,
      },
  ],
  invalid: [
      {
        name: "setAPIKey from the environment, unchecked",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');

ac.setAPIKey(process.env.ANTICAPTCHA_KEY);
ac.shutUp();

async function login(page) {
  const token = await ac.solveRecaptchaV2Proxyless(page.url(), '6LfD3PIbAAAAAJs_eEHvoOl75_83eXSqpPSRFJ_u');
  await page.evaluate((t) => { document.querySelector('#g-recaptcha-response').value = t; }, token);
}
module.exports = { login };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 4,
            column: 14,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.ANTICAPTCHA_KEY"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');

if (!process.env.ANTICAPTCHA_KEY) throw new Error('process.env.ANTICAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
ac.setAPIKey(process.env.ANTICAPTCHA_KEY);
ac.shutUp();

async function login(page) {
  const token = await ac.solveRecaptchaV2Proxyless(page.url(), '6LfD3PIbAAAAAJs_eEHvoOl75_83eXSqpPSRFJ_u');
  await page.evaluate((t) => { document.querySelector('#g-recaptcha-response').value = t; }, token);
}
module.exports = { login };
`,
              },
            ],
          },
        ],
      },
      {
        name: "no setAPIKey: the package sends its placeholder key",
        filename: "solve-image.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const fs = require('fs');

async function main() {
  const captcha = fs.readFileSync('captcha.png', { encoding: 'base64' });
  const text = await Promise.race([ac.solveImage(captcha, true), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
  console.log('captcha text:', text);
}
main();
`,
        output: null,
        errors: [
          {
            messageId: 'keyNeverSet',
            line: 7,
            column: 36,
            suggestions: [
              {
                messageId: 'setKey',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
ac.setAPIKey(process.env.CAPMONSTER_API_KEY);
const fs = require('fs');

async function main() {
  const captcha = fs.readFileSync('captcha.png', { encoding: 'base64' });
  const text = await Promise.race([ac.solveImage(captcha, true), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
  console.log('captcha text:', text);
}
main();
`,
              },
            ],
          },
        ],
      },
      {
        name: "a placeholder in settings.clientKey",
        filename: "bot.mjs",
        code: `
import ac from '@antiadmin/anticaptchaofficial';

ac.settings.clientKey = 'PUT_YOUR_ANTICAPTCHA_KEY_HERE';

export const solveTurnstile = (url, key) => ac.solveTurnstileProxyless(url, key);
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 4,
            column: 25,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
import ac from '@antiadmin/anticaptchaofficial';

if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
ac.settings.clientKey = process.env.CAPMONSTER_API_KEY;

export const solveTurnstile = (url, key) => ac.solveTurnstileProxyless(url, key);
`,
              },
            ],
          },
        ],
      },
      {
        name: "a script that never calls setAPIKey",
        filename: "solve-image.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const fs = require('fs');

async function main() {
  const captcha = fs.readFileSync('captcha.png', { encoding: 'base64' });
  const text = await Promise.race([ac.solveImage(captcha, true), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
  console.log('captcha text:', text);
}
main();
`,
        output: null,
        errors: [
          {
            messageId: 'keyNeverSet',
            line: 7,
            column: 36,
            suggestions: [
              {
                messageId: 'setKey',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
ac.setAPIKey(process.env.CAPMONSTER_API_KEY);
const fs = require('fs');

async function main() {
  const captcha = fs.readFileSync('captcha.png', { encoding: 'base64' });
  const text = await Promise.race([ac.solveImage(captcha, true), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
  console.log('captcha text:', text);
}
main();
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-hardcoded-client-key for @antiadmin anticaptchaofficial", noHardcodedClientKey as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a real-looking key given to setAPIKey",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
ac.setAPIKey('8c2a5ba1c5cf4e7b9d0f6e3a2b1c4d5e');
module.exports = (url, sitekey) => ac.solveRecaptchaV2Proxyless(url, sitekey);
`,
        output: null,
        errors: [
          {
            messageId: 'hardcodedKey',
            line: 3,
            column: 14,
            suggestions: [
              {
                messageId: 'useEnvVariable',
                data: {"envVariable":"CAPMONSTER_API_KEY"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
ac.setAPIKey(process.env.CAPMONSTER_API_KEY);
module.exports = (url, sitekey) => ac.solveRecaptchaV2Proxyless(url, sitekey);
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for @antiadmin anticaptchaofficial", noUnboundedPolling as never, {
  valid: [
      {
        name: "solve* raced against a deadline",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));

async function solve(url, sitekey) {
  return Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
}
module.exports = { solve };
`,
      },
  ],
  invalid: [
      {
        name: "solve* polls until the task is solved",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);

async function solve(url, sitekey) {
  const token = await ac.solveRecaptchaV2Proxyless(url, sitekey);
  return token;
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 8,
            column: 23,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":240,"max":120},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);

async function solve(url, sitekey) {
  const token = await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 240 s')), 240000))]);
  return token;
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for @antiadmin anticaptchaofficial", minPollInterval as never, {
  valid: [

  ],
  invalid: [
      {
        name: "settings.normalWaitingInterval in seconds, set to 1",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
ac.settings.normalWaitingInterval = 1;

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));
module.exports = (url, sitekey) => Promise.race([ac.solveHCaptchaProxyless(url, sitekey), deadline(180000)]);
`,
        output: null,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 9,
            column: 50,
            suggestions: [
              {
                messageId: 'scaleWait',
                data: {"from":"1","to":2,"min":2000},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
ac.settings.normalWaitingInterval = 2;

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));
module.exports = (url, sitekey) => Promise.race([ac.solveHCaptchaProxyless(url, sitekey), deadline(180000)]);
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for @antiadmin anticaptchaofficial", noRetryOnZeroBalance as never, {
  valid: [
      {
        name: "a check of the thrown string itself",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));
const FATAL = ['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_IP_BLOCKED'];

async function solve(url, sitekey) {
  for (let i = 0; i < 10; i++) {
    try {
      return await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
    } catch (e) {
      if (e === 'ERROR_ZERO_BALANCE' || FATAL.includes(e)) throw new Error(String(e));
    }
  }
  throw new Error('gave up');
}
module.exports = { solve };
`,
      },
  ],
  invalid: [
      {
        name: "a loop that retries every thrown string",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));

async function solve(url, sitekey) {
  for (let i = 0; i < 10; i++) {
    try {
      return await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
    } catch (e) {
      console.log('anti-captcha failed, retrying', e);
    }
  }
  throw new Error('gave up');
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'blindRetry',
            line: 12,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));

async function solve(url, sitekey) {
  for (let i = 0; i < 10; i++) {
    try {
      return await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
    } catch (e) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      console.log('anti-captcha failed, retrying', e);
    }
  }
  throw new Error('gave up');
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
      {
        name: "a check of e.code: the package throws the code as a bare string",
        filename: "bot.js",
        code: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));

async function solve(url, sitekey) {
  for (let i = 0; i < 10; i++) {
    try {
      return await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
    } catch (e) {
      if (e.code === 'ERROR_ZERO_BALANCE') throw e;
    }
  }
  throw new Error('gave up');
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 12,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const ac = require('@antiadmin/anticaptchaofficial');
const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
ac.setAPIKey(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('captcha timeout')), ms));

async function solve(url, sitekey) {
  for (let i = 0; i < 10; i++) {
    try {
      return await Promise.race([ac.solveRecaptchaV2Proxyless(url, sitekey), deadline(180000)]);
    } catch (e) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      if (e.code === 'ERROR_ZERO_BALANCE') throw e;
    }
  }
  throw new Error('gave up');
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// anticaptcha

ruleTester.run("require-key-check for anticaptcha", requireKeyCheck as never, {
  valid: [
      {
        name: "look-alike: an AntiCaptcha class of the project",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha } from './anticaptcha';

const client = new AntiCaptcha(process.env.ANTICAPTCHA_KEY as string);
export const balance = () => client.getBalance();
`,
      },
  ],
  invalid: [
      {
        name: "the constructor key from the environment, unchecked",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha } from 'anticaptcha';

const client = new AntiCaptcha(process.env.ANTICAPTCHA_KEY as string);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 30, 5000);
  return result.solution.gRecaptchaResponse;
}
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 4,
            column: 32,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.ANTICAPTCHA_KEY"},
                output: `
import { AntiCaptcha } from 'anticaptcha';

if (!process.env.ANTICAPTCHA_KEY) throw new Error('process.env.ANTICAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = new AntiCaptcha(process.env.ANTICAPTCHA_KEY as string);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 30, 5000);
  return result.solution.gRecaptchaResponse;
}
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for anticaptcha", noUnboundedPolling as never, {
  valid: [

  ],
  invalid: [
      {
        name: "getTaskResult with 150 retries",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 150, 5000);
  return result.solution.gRecaptchaResponse;
}
`,
        output: `
import { AntiCaptcha } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 119, 5000);
  return result.solution.gRecaptchaResponse;
}
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 10,
            column: 24,
            suggestions: [],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for anticaptcha", minPollInterval as never, {
  valid: [

  ],
  invalid: [
      {
        name: "getTaskResult every second",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 60, 1000);
  return result.solution.gRecaptchaResponse;
}
`,
        output: `
import { AntiCaptcha } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function recaptcha(url: string, sitekey: string): Promise<string> {
  const taskId = await client.createTaskRecaptchaV2Proxyless(url, sitekey);
  const result = await client.getTaskResult(taskId, 60, 2000);
  return result.solution.gRecaptchaResponse;
}
`,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 10,
            column: 24,
            suggestions: [],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for anticaptcha", noRetryOnZeroBalance as never, {
  valid: [
      {
        name: "a check of e.code against the code itself",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function solve(task: any): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const taskId = await client.createTask(task);
      return await client.getTaskResult(taskId, 30, 5000);
    } catch (e: any) {
      if (e.code === 'ERROR_ZERO_BALANCE' || e.code === 'ERROR_KEY_DOES_NOT_EXIST') throw e;
    }
  }
  throw new Error('unsolved');
}
`,
      },
  ],
  invalid: [
      {
        name: "a check against the ErrorCodes enum, which holds numbers as strings",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha, AntiCaptchaError, ErrorCodes } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function solve(task: any): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const taskId = await client.createTask(task);
      return await client.getTaskResult(taskId, 30, 5000);
    } catch (e) {
      if (e instanceof AntiCaptchaError && e.code === ErrorCodes.ERROR_ZERO_BALANCE) throw e;
    }
  }
  throw new Error('unsolved');
}
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 13,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
import { AntiCaptcha, AntiCaptchaError, ErrorCodes } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function solve(task: any): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const taskId = await client.createTask(task);
      return await client.getTaskResult(taskId, 30, 5000);
    } catch (e) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      if (e instanceof AntiCaptchaError && e.code === ErrorCodes.ERROR_ZERO_BALANCE) throw e;
    }
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
        name: "a switch over the ErrorCodes enum",
        filename: "captcha.ts",
        code: `
import { AntiCaptcha, ErrorCodes } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function solve(task: any): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const taskId = await client.createTask(task);
      return await client.getTaskResult(taskId, 30, 5000);
    } catch (e: any) {
      switch (e.code) {
        case ErrorCodes.ERROR_ZERO_BALANCE:
        case ErrorCodes.ERROR_KEY_DOES_NOT_EXIST:
          throw e;
      }
    }
  }
  throw new Error('unsolved');
}
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 13,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
import { AntiCaptcha, ErrorCodes } from 'anticaptcha';

const key = process.env.ANTICAPTCHA_KEY;
if (!key) throw new Error('ANTICAPTCHA_KEY is not set');
const client = new AntiCaptcha(key);

export async function solve(task: any): Promise<any> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const taskId = await client.createTask(task);
      return await client.getTaskResult(taskId, 30, 5000);
    } catch (e: any) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(e))) throw e;
      switch (e.code) {
        case ErrorCodes.ERROR_ZERO_BALANCE:
        case ErrorCodes.ERROR_KEY_DOES_NOT_EXIST:
          throw e;
      }
    }
  }
  throw new Error('unsolved');
}
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// @2captcha/captcha-solver

ruleTester.run("require-key-check for @2captcha captcha-solver", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "the Solver key from the environment, unchecked",
        filename: "solve.js",
        code: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const solver = new TwoCaptcha.Solver(process.env.APIKEY);

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
module.exports = (pageurl, googlekey) => Promise.race([solver.recaptcha({ pageurl, googlekey }), deadline(180000)]);
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 3,
            column: 38,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.APIKEY"},
                output: `
const TwoCaptcha = require('@2captcha/captcha-solver');
if (!process.env.APIKEY) throw new Error('process.env.APIKEY is not set: CapMonster bans clients that send requests without a valid key');
const solver = new TwoCaptcha.Solver(process.env.APIKEY);

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
module.exports = (pageurl, googlekey) => Promise.race([solver.recaptcha({ pageurl, googlekey }), deadline(180000)]);
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for @2captcha captcha-solver", noUnboundedPolling as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a Solver method polls until solved",
        filename: "solve.js",
        code: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key);

solver
  .cloudflareTurnstile({ pageurl: 'https://example.com/login', sitekey: '0x4AAAAAAABUYP0XeMJF0xoy' })
  .then((res) => console.log(res.data))
  .catch((err) => console.error(err.err));
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 7,
            column: 1,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":600,"max":120},
                output: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key);

Promise.race([solver
  .cloudflareTurnstile({ pageurl: 'https://example.com/login', sitekey: '0x4AAAAAAABUYP0XeMJF0xoy' }), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 600 s')), 600000))])
  .then((res) => console.log(res.data))
  .catch((err) => console.error(err.err));
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for @2captcha captcha-solver", minPollInterval as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a polling frequency of 10 (milliseconds)",
        filename: "solve.js",
        code: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key, 10);

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
module.exports = (pageurl, sitekey) => Promise.race([solver.hcaptcha({ pageurl, sitekey }), deadline(180000)]);
`,
        output: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key, 2000);

const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
module.exports = (pageurl, sitekey) => Promise.race([solver.hcaptcha({ pageurl, sitekey }), deadline(180000)]);
`,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 8,
            column: 54,
            suggestions: [],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for @2captcha captcha-solver", noRetryOnZeroBalance as never, {
  valid: [
      {
        name: "a check of err.err, the raw code",
        filename: "solve.js",
        code: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key, 5000);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function solve(pageurl, googlekey) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await Promise.race([solver.recaptcha({ pageurl, googlekey }), deadline(180000)]);
    } catch (err) {
      if (err.err === 'ERROR_ZERO_BALANCE' || err.err === 'ERROR_KEY_DOES_NOT_EXIST') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
      },
  ],
  invalid: [
      {
        name: "a check of err.code, where the package keeps its own numbers",
        filename: "solve.js",
        code: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key, 5000);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function solve(pageurl, googlekey) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await Promise.race([solver.recaptcha({ pageurl, googlekey }), deadline(180000)]);
    } catch (err) {
      if (err.code === 'ERROR_ZERO_BALANCE') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 12,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const TwoCaptcha = require('@2captcha/captcha-solver');
const key = process.env.APIKEY;
if (!key) throw new Error('APIKEY is not set');
const solver = new TwoCaptcha.Solver(key, 5000);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function solve(pageurl, googlekey) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await Promise.race([solver.recaptcha({ pageurl, googlekey }), deadline(180000)]);
    } catch (err) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(err))) throw err;
      if (err.code === 'ERROR_ZERO_BALANCE') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// 2captcha

ruleTester.run("require-key-check for 2captcha", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "the README's placeholder key in a class field",
        filename: "bot.mjs",
        code: `
import { Solver } from '2captcha';

export class Bot {
  solver = new Solver('YOUR_2CAPTCHA_KEY');

  async token(sitekey, url) {
    const res = await Promise.race([this.solver.hcaptcha(sitekey, url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 180000))]);
    return res.data;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 5,
            column: 23,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
import { Solver } from '2captcha';

if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
export class Bot {
  solver = new Solver(process.env.CAPMONSTER_API_KEY);

  async token(sitekey, url) {
    const res = await Promise.race([this.solver.hcaptcha(sitekey, url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 180000))]);
    return res.data;
  }
}
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for 2captcha", noUnboundedPolling as never, {
  valid: [
      {
        name: "look-alike: a Solver of another package",
        filename: "bot.js",
        code: `
const { Solver } = require('./maze-solver');
const solver = new Solver('maze.txt', 10);
solver.recaptcha(1, 2);
`,
      },
  ],
  invalid: [
      {
        name: "a solve kept in a class field, called from a method",
        filename: "bot.mjs",
        code: `
import { Solver } from '2captcha';

export class Bot {
  constructor(key) {
    if (!key) throw new Error('no 2captcha key');
    this.solver = new Solver(key, 5000);
  }

  async token(sitekey, url) {
    const res = await this.solver.recaptcha(sitekey, url);
    return res.data;
  }
}
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 11,
            column: 23,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":600,"max":120},
                output: `
import { Solver } from '2captcha';

export class Bot {
  constructor(key) {
    if (!key) throw new Error('no 2captcha key');
    this.solver = new Solver(key, 5000);
  }

  async token(sitekey, url) {
    const res = await Promise.race([this.solver.recaptcha(sitekey, url), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 600 s')), 600000))]);
    return res.data;
  }
}
`,
              },
            ],
          },
        ],
      },
      {
        name: "a client kept in a field that starts as null",
        filename: "bot.js",
        code: `
const Captcha = require('2captcha');

class Bot {
  constructor() {
    this.solver = null;
  }

  login(key) {
    if (!key) throw new Error('no key');
    this.solver = new Captcha.Solver(key, 5000);
  }

  async token(sitekey, url) {
    const res = await this.solver.hcaptcha(sitekey, url);
    return res.data;
  }
}
module.exports = { Bot };
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 15,
            column: 23,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":600,"max":120},
                output: `
const Captcha = require('2captcha');

class Bot {
  constructor() {
    this.solver = null;
  }

  login(key) {
    if (!key) throw new Error('no key');
    this.solver = new Captcha.Solver(key, 5000);
  }

  async token(sitekey, url) {
    const res = await Promise.race([this.solver.hcaptcha(sitekey, url), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 600 s')), 600000))]);
    return res.data;
  }
}
module.exports = { Bot };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for 2captcha", noRetryOnZeroBalance as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a loop that solves again on any error",
        filename: "bot.js",
        code: `
const Captcha = require('2captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = new Captcha.Solver(key);
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function token(sitekey, url) {
  while (true) {
    try {
      const res = await Promise.race([solver.turnstile(sitekey, url), timeout(120000)]);
      return res.data;
    } catch (err) {
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}
module.exports = { token };
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
                data: {"where":"this handler"},
                output: `
const Captcha = require('2captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = new Captcha.Solver(key);
const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function token(sitekey, url) {
  while (true) {
    try {
      const res = await Promise.race([solver.turnstile(sitekey, url), timeout(120000)]);
      return res.data;
    } catch (err) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}
module.exports = { token };
`,
              },
            ],
          },
        ],
      },
      {
        name: "a retry counted in the catch clause around a solve",
        filename: "bot.js",
        code: `
const Captcha = require('2captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = new Captcha.Solver(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function token(sitekey, url) {
  let failures = 0;
  while (failures < 3) {
    try {
      return (await Promise.race([solver.turnstile(sitekey, url), deadline(120000)])).data;
    } catch (err) {
      failures++;
    }
  }
  throw new Error('no token');
}
module.exports = { token };
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
                data: {"where":"this handler"},
                output: `
const Captcha = require('2captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = new Captcha.Solver(key);
const deadline = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

async function token(sitekey, url) {
  let failures = 0;
  while (failures < 3) {
    try {
      return (await Promise.race([solver.turnstile(sitekey, url), deadline(120000)])).data;
    } catch (err) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(err))) throw err;
      failures++;
    }
  }
  throw new Error('no token');
}
module.exports = { token };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// 2captcha-ts

ruleTester.run("require-key-check for 2captcha-ts", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a key given through the apikey setter",
        filename: "solver.ts",
        code: `
import { Solver } from '2captcha-ts';

const solver = new Solver('');
solver.apikey = process.env.TWOCAPTCHA_KEY as string;

export async function geetest(gt: string, challenge: string, pageurl: string) {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 180000));
  return Promise.race([solver.geetest({ gt, challenge, pageurl }), deadline]);
}
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 5,
            column: 17,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.TWOCAPTCHA_KEY"},
                output: `
import { Solver } from '2captcha-ts';

const solver = new Solver('');
if (!process.env.TWOCAPTCHA_KEY) throw new Error('process.env.TWOCAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
solver.apikey = process.env.TWOCAPTCHA_KEY as string;

export async function geetest(gt: string, challenge: string, pageurl: string) {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 180000));
  return Promise.race([solver.geetest({ gt, challenge, pageurl }), deadline]);
}
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// rucaptcha-2captcha

ruleTester.run("require-key-check for rucaptcha-2captcha", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "the factory key from the environment, unchecked",
        filename: "captcha.js",
        code: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');

const captcha = new RuCaptcha2Captcha(process.env.RUCAPTCHA_KEY, 2);

async function solve(base64) {
  const id = await captcha.send({ method: 'base64', body: base64 });
  return Promise.race([captcha.get(id), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 4,
            column: 39,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.RUCAPTCHA_KEY"},
                output: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');

if (!process.env.RUCAPTCHA_KEY) throw new Error('process.env.RUCAPTCHA_KEY is not set: CapMonster bans clients that send requests without a valid key');
const captcha = new RuCaptcha2Captcha(process.env.RUCAPTCHA_KEY, 2);

async function solve(base64) {
  const id = await captcha.send({ method: 'base64', body: base64 });
  return Promise.race([captcha.get(id), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 120000))]);
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for rucaptcha-2captcha", noUnboundedPolling as never, {
  valid: [

  ],
  invalid: [
      {
        name: "solve polls every 5 s until solved",
        filename: "captcha.js",
        code: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');
const key = process.env.RUCAPTCHA_KEY;
if (!key) throw new Error('RUCAPTCHA_KEY is not set');
const captcha = new RuCaptcha2Captcha(key);

async function recaptcha(googlekey, pageurl) {
  return captcha.solve({ method: 'userrecaptcha', googlekey, pageurl });
}
module.exports = { recaptcha };
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 8,
            column: 10,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":600,"max":120},
                output: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');
const key = process.env.RUCAPTCHA_KEY;
if (!key) throw new Error('RUCAPTCHA_KEY is not set');
const captcha = new RuCaptcha2Captcha(key);

async function recaptcha(googlekey, pageurl) {
  return Promise.race([captcha.solve({ method: 'userrecaptcha', googlekey, pageurl }), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 600 s')), 600000))]);
}
module.exports = { recaptcha };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("handle-ban-errors for rucaptcha-2captcha", handleBanErrors as never, {
  valid: [
      {
        name: "getBalance tested for NaN before use",
        filename: "balance.js",
        code: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');
const key = process.env.RUCAPTCHA_KEY;
if (!key) throw new Error('RUCAPTCHA_KEY is not set');
const captcha = new RuCaptcha2Captcha(key, 2);

async function canSolve() {
  const balance = Number(await captcha.getBalance());
  if (Number.isNaN(balance)) throw new Error('balance request failed');
  return balance > 0.5;
}
module.exports = { canSolve };
`,
      },
  ],
  invalid: [
      {
        name: "getBalance returns error codes as text: compared as a number",
        filename: "balance.js",
        code: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');
const key = process.env.RUCAPTCHA_KEY;
if (!key) throw new Error('RUCAPTCHA_KEY is not set');
const captcha = new RuCaptcha2Captcha(key, 2);

async function canSolve() {
  const balance = await captcha.getBalance();
  return Number(balance) > 0.5;
}
module.exports = { canSolve };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 9,
            column: 10,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (Number.isNaN(Number(balance))) throw new Error(String(balance));","where":"right after the reply is received"},
                output: `
const RuCaptcha2Captcha = require('rucaptcha-2captcha');
const key = process.env.RUCAPTCHA_KEY;
if (!key) throw new Error('RUCAPTCHA_KEY is not set');
const captcha = new RuCaptcha2Captcha(key, 2);

async function canSolve() {
  const balance = await captcha.getBalance();
  if (Number.isNaN(Number(balance))) throw new Error(String(balance));
  return Number(balance) > 0.5;
}
module.exports = { canSolve };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// node-capmonster

ruleTester.run("no-unbounded-polling for node-capmonster", noUnboundedPolling as never, {
  valid: [
      {
        name: "joinTaskResult(id, 180): 91 result requests",
        filename: "capmonster.js",
        code: `
const { TurnstileTask } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new TurnstileTask(key);

async function solve(websiteURL, websiteKey) {
  const taskId = await client.createWithTask({ websiteURL, websiteKey });
  return client.joinTaskResult(taskId, 180);
}
module.exports = { solve };
`,
      },
  ],
  invalid: [
      {
        name: "joinTaskResult(id, 300): 151 result requests",
        filename: "capmonster.js",
        code: `
const { RecaptchaV2Task } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new RecaptchaV2Task(key);

async function solve(websiteURL, websiteKey) {
  const taskId = await client.createWithTask({ websiteURL, websiteKey });
  const result = await client.joinTaskResult(taskId, 300);
  return result.gRecaptchaResponse;
}
module.exports = { solve };
`,
        output: `
const { RecaptchaV2Task } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new RecaptchaV2Task(key);

async function solve(websiteURL, websiteKey) {
  const taskId = await client.createWithTask({ websiteURL, websiteKey });
  const result = await client.joinTaskResult(taskId, 238);
  return result.gRecaptchaResponse;
}
module.exports = { solve };
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 9,
            column: 24,
            suggestions: [],
          },
        ],
      },
      {
        name: "setTimeout(260) on the client: 131 result requests",
        filename: "capmonster.ts",
        code: `
import { HCaptchaTask } from 'node-capmonster';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const task = new HCaptchaTask(key);
task.setTimeout(260);

export async function hcaptcha(websiteURL: string, websiteKey: string) {
  const taskId = await task.createWithTask({ websiteURL, websiteKey });
  return task.joinTaskResult(taskId);
}
`,
        output: `
import { HCaptchaTask } from 'node-capmonster';

const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const task = new HCaptchaTask(key);
task.setTimeout(238);

export async function hcaptcha(websiteURL: string, websiteKey: string) {
  const taskId = await task.createWithTask({ websiteURL, websiteKey });
  return task.joinTaskResult(taskId);
}
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 11,
            column: 10,
            suggestions: [],
          },
        ],
      },
      {
        name: "a loop of its own around getTaskResult",
        filename: "capmonster.js",
        code: `
const { ImageToTextTask } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new ImageToTextTask(key);

async function solve(body) {
  const taskId = await client.createWithTask({ body });
  while (true) {
    const result = await client.getTaskResult(taskId);
    if (result.status === 'ready') return result.solution.text;
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
                data: {"max":120},
                output: `
const { ImageToTextTask } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new ImageToTextTask(key);

async function solve(body) {
  const taskId = await client.createWithTask({ body });
  for (let attempt = 0; attempt < 120; attempt++) {
    const result = await client.getTaskResult(taskId);
    if (result.status === 'ready') return result.solution.text;
  }
  throw new Error('CapMonster result not ready after 120 attempts');
}
module.exports = { solve };
`,
              },
            ],
          },
          {
            messageId: 'missingDelay',
            line: 9,
            column: 3,
            suggestions: [
              {
                messageId: 'addDelay',
                data: {"text":"await new Promise((resolve) => setTimeout(resolve, 2000));"},
                output: `
const { ImageToTextTask } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new ImageToTextTask(key);

async function solve(body) {
  const taskId = await client.createWithTask({ body });
  while (true) {
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const result = await client.getTaskResult(taskId);
    if (result.status === 'ready') return result.solution.text;
  }
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("require-key-check for node-capmonster", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "the task class key from the environment, unchecked",
        filename: "capmonster.js",
        code: `
const { TurnstileTask } = require('node-capmonster');
const client = new TurnstileTask(process.env.CAPMONSTER_KEY);

async function solve(websiteURL, websiteKey) {
  const taskId = await client.createWithTask({ websiteURL, websiteKey });
  return client.joinTaskResult(taskId, 120);
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedKey',
            line: 3,
            column: 34,
            suggestions: [
              {
                messageId: 'addKeyCheck',
                data: {"subject":"process.env.CAPMONSTER_KEY"},
                output: `
const { TurnstileTask } = require('node-capmonster');
if (!process.env.CAPMONSTER_KEY) throw new Error('process.env.CAPMONSTER_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = new TurnstileTask(process.env.CAPMONSTER_KEY);

async function solve(websiteURL, websiteKey) {
  const taskId = await client.createWithTask({ websiteURL, websiteKey });
  return client.joinTaskResult(taskId, 120);
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-retry-on-zero-balance for node-capmonster", noRetryOnZeroBalance as never, {
  valid: [
      {
        name: "a check of err.error.errorCode, where the package puts the code",
        filename: "capmonster.js",
        code: `
const { RecaptchaV2Task } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new RecaptchaV2Task(key);

async function solve(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const taskId = await client.createWithTask({ websiteURL, websiteKey });
      return await client.joinTaskResult(taskId, 120);
    } catch (err) {
      if (err.error?.errorCode === 'ERROR_ZERO_BALANCE' || err.error?.errorCode === 'ERROR_KEY_DOES_NOT_EXIST') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
      },
  ],
  invalid: [
      {
        name: "a check of err.errorCode, which the package never sets",
        filename: "capmonster.js",
        code: `
const { RecaptchaV2Task } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new RecaptchaV2Task(key);

async function solve(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const taskId = await client.createWithTask({ websiteURL, websiteKey });
      return await client.joinTaskResult(taskId, 120);
    } catch (err) {
      if (err.errorCode === 'ERROR_ZERO_BALANCE') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
        output: null,
        errors: [
          {
            messageId: 'checkNeverMatches',
            line: 12,
            column: 7,
            suggestions: [
              {
                messageId: 'rethrowZeroBalance',
                data: {"where":"this handler"},
                output: `
const { RecaptchaV2Task } = require('node-capmonster');
const key = process.env.CAPMONSTER_KEY;
if (!key) throw new Error('CAPMONSTER_KEY is not set');
const client = new RecaptchaV2Task(key);

async function solve(websiteURL, websiteKey) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const taskId = await client.createWithTask({ websiteURL, websiteKey });
      return await client.joinTaskResult(taskId, 120);
    } catch (err) {
      if (/ERROR_(?:ZERO_BALANCE|KEY_DOES_NOT_EXIST|IP_BANNED)/.test(String(err))) throw err;
      if (err.errorCode === 'ERROR_ZERO_BALANCE') throw err;
    }
  }
  throw new Error('unsolved');
}
module.exports = { solve };
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// @infosimples/node_two_captcha

ruleTester.run("no-unbounded-polling for @infosimples node_two_captcha", noUnboundedPolling as never, {
  valid: [

  ],
  invalid: [
      {
        name: "timeout / polling allows 599 result requests",
        filename: "decode.js",
        code: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { timeout: 600000, polling: 1000, throwErrors: true });

client.decode({ url: 'https://example.com/captcha.png' }).then((captcha) => console.log(captcha.text));
`,
        output: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { timeout: 121000, polling: 1000, throwErrors: true });

client.decode({ url: 'https://example.com/captcha.png' }).then((captcha) => console.log(captcha.text));
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 7,
            column: 1,
            suggestions: [],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for @infosimples node_two_captcha", minPollInterval as never, {
  valid: [

  ],
  invalid: [
      {
        name: "polling every second",
        filename: "decode.js",
        code: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { timeout: 60000, polling: 1000, throwErrors: true });

module.exports = (googlekey, pageurl) => client.decodeRecaptchaV2({ googlekey, pageurl });
`,
        output: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { timeout: 60000, polling: 2000, throwErrors: true });

module.exports = (googlekey, pageurl) => client.decodeRecaptchaV2({ googlekey, pageurl });
`,
        errors: [
          {
            messageId: 'intervalTooShort',
            line: 7,
            column: 42,
            suggestions: [],
          },
        ],
      },
  ],
});

ruleTester.run("handle-ban-errors for @infosimples node_two_captcha", handleBanErrors as never, {
  valid: [

  ],
  invalid: [
      {
        name: "balance() returns the raw text: used as a number",
        filename: "balance.js",
        code: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { throwErrors: true });

client.balance().then((balance) => {
  if (balance < 1) notifyOwner('2captcha balance is low');
});
`,
        output: null,
        errors: [
          {
            messageId: 'uncheckedResponse',
            line: 8,
            column: 7,
            suggestions: [
              {
                messageId: 'addErrorCheck',
                data: {"text":"if (Number.isNaN(Number(balance))) throw new Error(String(balance));","where":"before the reply is first used"},
                output: `
const Client = require('@infosimples/node_two_captcha');
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const client = new Client(key, { throwErrors: true });

client.balance().then((balance) => {
  if (Number.isNaN(Number(balance))) throw new Error(String(balance));
  if (balance < 1) notifyOwner('2captcha balance is low');
});
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("require-key-check for @infosimples node_two_captcha", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "an empty key",
        filename: "decode.js",
        code: `
const Client = require('@infosimples/node_two_captcha');
const client = new Client('', { timeout: 60000, polling: 5000, throwErrors: true });
module.exports = (base64) => client.decode({ base64 });
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 3,
            column: 27,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
const Client = require('@infosimples/node_two_captcha');
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const client = new Client(process.env.CAPMONSTER_API_KEY, { timeout: 60000, polling: 5000, throwErrors: true });
module.exports = (base64) => client.decode({ base64 });
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// 2captcha-node

ruleTester.run("no-unbounded-polling for 2captcha-node", noUnboundedPolling as never, {
  valid: [

  ],
  invalid: [
      {
        name: "maxAttempts: 200",
        filename: "captcha.js",
        code: `
const captchaSolver = require('2captcha-node').default;
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = captchaSolver(key);

module.exports = (image) => solver.solve({ image, maxAttempts: 200 });
`,
        output: `
const captchaSolver = require('2captcha-node').default;
const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = captchaSolver(key);

module.exports = (image) => solver.solve({ image, maxAttempts: 120 });
`,
        errors: [
          {
            messageId: 'boundAboveLimit',
            line: 7,
            column: 29,
            suggestions: [],
          },
        ],
      },
      {
        name: "maxAttempts: -1 never reaches zero",
        filename: "captcha.ts",
        code: `
import captchaSolver from '2captcha-node';

const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = captchaSolver(key);

export const solve = (image: string) => solver.solve({ image, maxAttempts: -1 });
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 8,
            column: 41,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":120,"max":120},
                output: `
import captchaSolver from '2captcha-node';

const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = captchaSolver(key);

export const solve = (image: string) => Promise.race([solver.solve({ image, maxAttempts: -1 }), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 120 s')), 120000))]);
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("min-poll-interval for 2captcha-node", minPollInterval as never, {
  valid: [
      {
        name: "a fixed 1 s interval that no option changes: nothing to set here",
        filename: "captcha.ts",
        code: `
import captchaSolver from '2captcha-node';

const key = process.env.TWOCAPTCHA_KEY;
if (!key) throw new Error('TWOCAPTCHA_KEY is not set');
const solver = captchaSolver(key);

export const solve = (image: string) => solver.solve({ image, maxAttempts: 60 });
`,
      },
  ],
  invalid: [

  ],
});

ruleTester.run("require-key-check for 2captcha-node", requireKeyCheck as never, {
  valid: [

  ],
  invalid: [
      {
        name: "a placeholder key given to the factory",
        filename: "captcha.mjs",
        code: `
import captchaSolver from '2captcha-node';
const solver = captchaSolver.default('<your 2captcha key>');
export const solve = (image) => solver.solve({ image, maxAttempts: 30 });
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 3,
            column: 38,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
import captchaSolver from '2captcha-node';
if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
const solver = captchaSolver.default(process.env.CAPMONSTER_API_KEY);
export const solve = (image) => solver.solve({ image, maxAttempts: 30 });
`,
              },
            ],
          },
        ],
      },
  ],
});

// ----------------------------------------------------------------------------------------------------
// puppeteer-extra-plugin-recaptcha

ruleTester.run("require-key-check for puppeteer-extra-plugin-recaptcha", requireKeyCheck as never, {
  valid: [
      {
        name: "the README's 'XXXXXXX', which the plugin refuses before any request",
        filename: "scrape.js",
        code: `
const puppeteer = require('puppeteer-extra');
const RecaptchaPlugin = require('puppeteer-extra-plugin-recaptcha');
puppeteer.use(RecaptchaPlugin({ provider: { id: '2captcha', token: 'XXXXXXX' } }));
puppeteer.launch().then(async (browser) => {
  const page = await browser.newPage();
  await page.solveRecaptchas();
});
`,
      },
  ],
  invalid: [
      {
        name: "the README's TypeScript placeholder token",
        filename: "scrape.ts",
        code: `
import puppeteer from 'puppeteer-extra';
import RecaptchaPlugin from 'puppeteer-extra-plugin-recaptcha';

puppeteer.use(RecaptchaPlugin({ provider: { id: '2captcha', token: 'ENTER_YOUR_2CAPTCHA_API_KEY_HERE' }, visualFeedback: true }));
`,
        output: null,
        errors: [
          {
            messageId: 'invalidKey',
            line: 5,
            column: 68,
            suggestions: [
              {
                messageId: 'keyFromEnv',
                data: {"env":"CAPMONSTER_API_KEY"},
                output: `
import puppeteer from 'puppeteer-extra';
import RecaptchaPlugin from 'puppeteer-extra-plugin-recaptcha';

if (!process.env.CAPMONSTER_API_KEY) throw new Error('process.env.CAPMONSTER_API_KEY is not set: CapMonster bans clients that send requests without a valid key');
puppeteer.use(RecaptchaPlugin({ provider: { id: '2captcha', token: process.env.CAPMONSTER_API_KEY }, visualFeedback: true }));
`,
              },
            ],
          },
        ],
      },
  ],
});

ruleTester.run("no-unbounded-polling for puppeteer-extra-plugin-recaptcha", noUnboundedPolling as never, {
  valid: [
      {
        name: "a custom provider function: not the built-in poll",
        filename: "scrape.js",
        code: `
const puppeteer = require('puppeteer-extra');
const RecaptchaPlugin = require('puppeteer-extra-plugin-recaptcha');
const { solveWithCapMonster } = require('./capmonster-provider');
puppeteer.use(RecaptchaPlugin({ provider: { fn: solveWithCapMonster } }));

puppeteer.launch().then(async (browser) => {
  const page = await browser.newPage();
  await page.goto('https://example.com/login');
  await page.solveRecaptchas();
});
`,
      },
  ],
  invalid: [
      {
        name: "solveRecaptchas with the built-in 2captcha provider polls until solved",
        filename: "scrape.js",
        code: `
const puppeteer = require('puppeteer-extra');
const RecaptchaPlugin = require('puppeteer-extra-plugin-recaptcha');
const token = process.env.TWOCAPTCHA_TOKEN;
if (!token) throw new Error('TWOCAPTCHA_TOKEN is not set');
puppeteer.use(RecaptchaPlugin({ provider: { id: '2captcha', token } }));

puppeteer.launch({ headless: true }).then(async (browser) => {
  const page = await browser.newPage();
  await page.goto('https://www.google.com/recaptcha/api2/demo');
  await page.solveRecaptchas();
  await Promise.all([page.waitForNavigation(), page.click('#recaptcha-demo-submit')]);
  await browser.close();
});
`,
        output: null,
        errors: [
          {
            messageId: 'pollsUntilSolved',
            line: 11,
            column: 9,
            suggestions: [
              {
                messageId: 'raceDeadline',
                data: {"seconds":240,"max":120},
                output: `
const puppeteer = require('puppeteer-extra');
const RecaptchaPlugin = require('puppeteer-extra-plugin-recaptcha');
const token = process.env.TWOCAPTCHA_TOKEN;
if (!token) throw new Error('TWOCAPTCHA_TOKEN is not set');
puppeteer.use(RecaptchaPlugin({ provider: { id: '2captcha', token } }));

puppeteer.launch({ headless: true }).then(async (browser) => {
  const page = await browser.newPage();
  await page.goto('https://www.google.com/recaptcha/api2/demo');
  await Promise.race([page.solveRecaptchas(), new Promise((_, reject) => setTimeout(() => reject(new Error('Captcha task not solved in 240 s')), 240000))]);
  await Promise.all([page.waitForNavigation(), page.click('#recaptcha-demo-submit')]);
  await browser.close();
});
`,
              },
            ],
          },
        ],
      },
  ],
});
