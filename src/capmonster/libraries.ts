/**
 * The captcha client packages the plugin understands, as data: how each is imported and made, where its
 * key goes, which methods create a task and poll it to the end (with how many result requests their options
 * allow), which read the balance, and how errors arrive. Adding a package is adding an entry (and its
 * tests). Facts read from each package's published code, and checked by running it against a local mock
 * of the API, at the versions named.
 *
 * The plugin does not import these packages: only their names, methods and defaults are here.
 */

/** Where a number a poll depends on is written, and in which unit. */
export interface NumberSource {
  /** `new X(a0, a1)`: argument index; `factory(a0)`: the same; a method's own call: see `callArg`. */
  readonly ctorArg?: number;
  /** An option object argument of the constructor: `[argument, 'path', 'to', 'option']`. */
  readonly ctorOption?: readonly [number, ...string[]];
  /** An argument of the polling call itself. */
  readonly callArg?: number;
  /** An option object argument of the polling call: `[argument, 'path']`. */
  readonly callOption?: readonly [number, ...string[]];
  /** A property of the client set by assignment: `client.settings.normalWaitingInterval = 1`. */
  readonly property?: readonly string[];
  /** A setter method of the client: `client.setTimeout(300)`. */
  readonly setter?: string;
  /** Milliseconds, seconds, or a number of attempts. */
  readonly unit: 'ms' | 's' | 'count';
  /** The value when nothing sets it (in `unit`). */
  readonly default: number;
  /** The value when the options object it belongs to is given without it. */
  readonly missing?: number;
}

/** How a method polls: the options it reads, and the number of result requests they allow. */
export interface PollSpec {
  /** Without this argument the package uses its own defaults (per task, see `defaults`). */
  readonly optional?: number;
  /**
   * The interval and timeout (ms) the package uses without the `optional` argument, by the class of the
   * request given as the first argument (`new ImageToTextRequest(…)`); the first pattern that matches.
   */
  readonly defaults?: readonly { readonly request: RegExp; readonly intervalMs: number; readonly timeoutMs: number }[];
  readonly options: Readonly<Record<string, NumberSource>>;
  /** The option that is the wait between two result requests. */
  readonly interval?: string;
  /** A wait between result requests that no option changes (ms). */
  readonly fixedIntervalMs?: number;
  /**
   * The most result requests one task gets, from the options' values (in their units): `Infinity` when it
   * polls until the task is solved, undefined when the values do not tell.
   */
  readonly maxRequests: (o: Readonly<Record<string, number>>) => number | undefined;
  /** The option that sets the number of requests (what a fix lowers). */
  readonly limit?: string;
  /** A value an option must stay within to be used at all (others fall back to the default). */
  readonly accepted?: Readonly<Record<string, (v: number) => boolean>>;
}

/**
 * What a method does: `solve` creates a task and polls it to the end; `poll` polls a task id it is given to the
 * end; `result` asks once for a result; `create`, `balance` and `report` send one request.
 */
export type MethodRole = 'solve' | 'poll' | 'result' | 'create' | 'balance' | 'report';

export interface LibraryMethod {
  /** Method names, or one pattern for a family (`solveRecaptchaV2Proxyless`, `solveImage`, …). */
  readonly names: readonly string[] | RegExp;
  readonly role: MethodRole;
  readonly poll?: PollSpec;
  /** The name is the package's own: a call of it counts in a file that imports the package even when the client is out of sight. */
  readonly distinctive?: boolean;
}

/** Where the key is given. */
export interface KeyPlace {
  /** `new X(key)` / `factory(key)`: argument index. */
  readonly ctorArg?: number;
  /** `new ClientOptions({ clientKey })`, `RecaptchaPlugin({ provider: { token } })`: argument and path. */
  readonly ctorOption?: readonly [number, ...string[]];
  /** `ac.setAPIKey(key)`. */
  readonly setter?: string;
  /** `ac.settings.clientKey = key`, `solver.apikey = key`. */
  readonly property?: readonly string[];
  /** An options object made with an export of the package: `new ClientOptions({ clientKey })` → `['ClientOptions', 0, 'clientKey']`. */
  readonly made?: readonly [string, number, ...string[]];
}

/** How a client object is made from what the package exports. */
export interface ClientShape {
  /**
   * `class`: `new X(...)` of an exported class (`names`: export names; `'default'` for the module itself);
   * `factory`: a call of an exported function (`'default'`, or `'Factory.Create'` for a static method);
   * `module`: the module object is the client (a singleton).
   */
  readonly kind: 'class' | 'factory' | 'module';
  readonly names: readonly string[];
  /**
   * The client is a plugin whose methods are then called on other objects (`page.solveRecaptchas()`): a call
   * of a method counts in a file that makes the client.
   */
  readonly plugin?: boolean;
  /** The client uses the package's own API only when an option is set so (and another is absent). */
  readonly when?: { readonly option: readonly [number, ...string[]]; readonly equals: string; readonly unless?: readonly [number, ...string[]] };
}

export interface Library {
  readonly package: string;
  readonly version: string;
  /** The API it speaks: the anti-captcha JSON API, or 2captcha's in.php/res.php text. */
  readonly api: 'json' | 'text';
  readonly client: ClientShape;
  readonly key: readonly KeyPlace[];
  /** A key the package sends when none was set (a placeholder that can never work). */
  readonly defaultKey?: string;
  /** Keys the package refuses before sending anything: not a ban risk. */
  readonly refusedKeys?: readonly string[];
  readonly methods: readonly LibraryMethod[];
  /**
   * How its solve methods report an API error: thrown (`path` to the code on what is thrown; `[]` for a bare
   * string) or returned in the result (`path` on the result), with or without the `ERROR_` prefix.
   */
  readonly errors: {
    readonly how: 'thrown' | 'returned';
    readonly path: readonly string[];
    readonly prefix: boolean;
    /** The code does not survive: what arrives is a fixed message or a sentence, so no check can tell zero balance. */
    readonly lost?: boolean;
  };
  /** The balance method returns an error code as a string instead of throwing. */
  readonly balanceErrorAsText?: boolean;
  /** An exported enum whose values never equal the API's codes: a comparison with it is no check. */
  readonly misleadingEnum?: { readonly name: string; readonly why: string };
}

/** 2captcha's in.php/res.php solvers that poll every `pollingFrequency` ms until solved. */
const TWO_CAPTCHA_SOLVER_POLL: PollSpec = {
  options: { pollingFrequency: { ctorArg: 1, unit: 'ms', default: 5000 } },
  interval: 'pollingFrequency',
  // pollResponse calls itself again on CAPCHA_NOT_READY, with no limit and no deadline.
  maxRequests: () => Infinity,
};

const TWO_CAPTCHA_METHODS =
  /^(?:recaptcha|hcaptcha|geetest|geetestV4|yandexSmart|imageCaptcha|funCaptcha|lemin|amazonWaf|cloudflareTurnstile|turnstile|coordinates|capyPuzzle|dataDome|cyberSiARA|mtCaptcha|cutCaptcha|friendlyCaptcha|boundingBox|grid|text|canvas|rotate|keyCaptcha|tencent|atbCaptcha|prosopo|captchaFox|vkimage|vkcaptcha|temu|altcha|binance|audio|yidun|alibaba|tspd|basilisk|hunt|dragAndDrop)$/;

/** @antiadmin/anticaptchaofficial's waitForResult: `while (taskId > 0)`, sleeping settings.normalWaitingInterval seconds. */
const ANTI_ADMIN_POLL: PollSpec = {
  options: { normalWaitingInterval: { property: ['settings', 'normalWaitingInterval'], unit: 's', default: 2 } },
  interval: 'normalWaitingInterval',
  maxRequests: () => Infinity,
};

/** rucaptcha-2captcha's get: `while (1)` with a fixed 5 s wait. */
const RUCAPTCHA_POLL: PollSpec = { options: {}, fixedIntervalMs: 5000, maxRequests: () => Infinity };

/** The 2captcha family's `Solver`: key first, polling frequency (ms) second, `APIError` with the raw code in `.err`. */
function twoCaptchaSolver(pkg: string, version: string, solve: readonly string[] | RegExp, report: readonly string[]): Library {
  return {
    package: pkg,
    version,
    api: 'text',
    client: { kind: 'class', names: ['Solver'] },
    key: [{ ctorArg: 0 }, { property: ['apikey'] }],
    methods: [
      { names: solve, role: 'solve', poll: TWO_CAPTCHA_SOLVER_POLL },
      { names: ['balance'], role: 'balance' },
      { names: report, role: 'report' },
    ],
    errors: { how: 'thrown', path: ['err'], prefix: true },
  };
}

export const LIBRARIES: readonly Library[] = [
  {
    package: '@zennolab_com/capmonstercloud-client',
    version: '2.6.1',
    api: 'json',
    client: { kind: 'factory', names: ['CapMonsterCloudClientFactory.Create'] },
    key: [{ made: ['ClientOptions', 0, 'clientKey'] }, { ctorOption: [0, 'clientKey'] }],
    methods: [
      {
        names: ['Solve'],
        role: 'solve',
        distinctive: true,
        // Solve(request, { requestsInterval, timeout }): a result request every requestsInterval ms until timeout
        // ms have passed. Without that argument each task type has its own timeouts (at most 80 requests); an
        // object without requestsInterval polls back to back, one without timeout sends one request.
        poll: {
          optional: 1,
          // detectResultTimeouts: reCAPTCHA and hCaptcha 3 s for 180 s; images 200 ms for 10 s; the other types 1 s for 80 s.
          defaults: [
            { request: /^(?:Recaptcha\w*|HCaptcha)Request$/, intervalMs: 3000, timeoutMs: 180_000 },
            { request: /^(?:ImageToText|ComplexImage\w*)Request$/, intervalMs: 200, timeoutMs: 10_000 },
            { request: /^\w+Request$/, intervalMs: 1000, timeoutMs: 80_000 },
          ],
          options: {
            requestsInterval: { callOption: [1, 'requestsInterval'], unit: 'ms', default: 3000, missing: 0 },
            timeout: { callOption: [1, 'timeout'], unit: 'ms', default: 180_000, missing: 0 },
          },
          interval: 'requestsInterval',
          limit: 'timeout',
          maxRequests: (o) =>
            o.requestsInterval! > 0 ? Math.max(1, Math.ceil(o.timeout! / o.requestsInterval!)) : o.timeout! > 0 ? undefined : 1,
        },
      },
      { names: ['getBalance'], role: 'balance' },
    ],
    errors: { how: 'returned', path: ['error'], prefix: false },
  },
  {
    package: '@antiadmin/anticaptchaofficial',
    version: '1.0.56',
    api: 'json',
    client: { kind: 'module', names: [] },
    key: [{ setter: 'setAPIKey' }, { property: ['settings', 'clientKey'] }],
    defaultKey: '12345678901234567890123456789012',
    methods: [
      {
        // solveRecaptchaV2Proxyless, solveImage, solveHCaptchaProxyless, solveTurnstileProxyless, solveAntiGateTask, …
        names: /^solve[A-Z]\w*$/,
        role: 'solve',
        distinctive: true,
        poll: ANTI_ADMIN_POLL,
      },
      { names: ['waitForResult'], role: 'poll', poll: ANTI_ADMIN_POLL },
      { names: ['sendAntiGateTask'], role: 'create' },
      { names: ['getBalance', 'getCreditsBalance'], role: 'balance' },
      { names: /^report(?:Incorrect|Correct)\w*$/, role: 'report' },
    ],
    errors: { how: 'thrown', path: [], prefix: true },
  },
  {
    package: 'anticaptcha',
    version: '2.2.0',
    api: 'json',
    client: { kind: 'class', names: ['AntiCaptcha'] },
    key: [{ ctorArg: 0 }],
    methods: [
      { names: ['createTask', 'createTaskRecaptchaV2Proxyless', 'createTaskRecaptchaV3Proxyless'], role: 'create' },
      {
        // getTaskResult(taskId, retry = 12, retryInterval = 10000): retry + 1 requests on setInterval.
        names: ['getTaskResult'],
        role: 'poll',
        poll: {
          options: { retry: { callArg: 1, unit: 'count', default: 12 }, retryInterval: { callArg: 2, unit: 'ms', default: 10_000 } },
          interval: 'retryInterval',
          limit: 'retry',
          maxRequests: (o) => (o.retry! >= 0 ? Math.floor(o.retry!) + 1 : undefined),
        },
      },
      { names: ['getBalance', 'isBalanceGreaterThan'], role: 'balance' },
    ],
    errors: { how: 'thrown', path: ['code'], prefix: true },
    // ErrorCodes.ERROR_ZERO_BALANCE is "10": a comparison of the thrown code with it never holds.
    misleadingEnum: { name: 'ErrorCodes', why: 'ErrorCodes holds numbers, not codes' },
  },
  twoCaptchaSolver('@2captcha/captcha-solver', '1.3.9', TWO_CAPTCHA_METHODS, ['goodReport', 'badReport']),
  twoCaptchaSolver('2captcha', '3.0.7', ['recaptcha', 'hcaptcha', 'geetest', 'imageCaptcha', 'funCaptcha', 'turnstile'], ['goodReport', 'report']),
  twoCaptchaSolver('2captcha-ts', '2.4.1', TWO_CAPTCHA_METHODS, ['goodReport', 'badReport']),
  {
    package: 'rucaptcha-2captcha',
    version: '2.2.1',
    api: 'text',
    client: { kind: 'factory', names: ['default'] },
    key: [{ ctorArg: 0 }],
    methods: [
      // solve = send + get; get polls every 5 s in `while (1)`, with no option and no limit.
      { names: ['solve'], role: 'solve', poll: RUCAPTCHA_POLL },
      { names: ['get', 'getWithPrice'], role: 'poll', poll: RUCAPTCHA_POLL },
      { names: ['send'], role: 'create' },
      { names: ['getBalance'], role: 'balance' },
      { names: ['reportGood', 'reportBad'], role: 'report' },
    ],
    errors: { how: 'thrown', path: ['name'], prefix: true },
    balanceErrorAsText: true,
  },
  {
    package: 'node-capmonster',
    version: '0.4.5',
    api: 'json',
    client: {
      kind: 'class',
      names: [
        'RecaptchaV2Task',
        'RecaptchaV2EnterpriseTask',
        'RecaptchaV3Task',
        'HCaptchaTask',
        'TurnstileTask',
        'ImageToTextTask',
        'ComplexImageTask',
        'FuncaptchaTask',
        'GeeTestTask',
        'GeeTestV4Task',
        'AmazonTask',
        'DataDomeTask',
        'TenDITask',
      ],
    },
    key: [{ ctorArg: 0 }],
    methods: [
      { names: ['createWithTask', 'createTask'], role: 'create' },
      { names: ['getTaskResult'], role: 'result' },
      {
        // joinTaskResult(id, T): a request at once, then one every 2 s for T seconds: floor((T + 1) / 2) + 1 requests.
        // T is used when 0 < T <= 300, else the client's timeout (setTimeout(T), same range; default 120).
        names: ['joinTaskResult'],
        role: 'poll',
        distinctive: true,
        poll: {
          options: { timeout: { callArg: 1, setter: 'setTimeout', unit: 's', default: 120 } },
          fixedIntervalMs: 2000,
          accepted: { timeout: (t) => t > 0 && t <= 300 },
          limit: 'timeout',
          maxRequests: (o) => Math.floor((o.timeout! + 1) / 2) + 1,
        },
      },
      { names: ['getBalance'], role: 'balance' },
    ],
    errors: { how: 'thrown', path: ['error', 'errorCode'], prefix: true },
  },
  {
    package: '@infosimples/node_two_captcha',
    version: '1.2.0',
    api: 'text',
    client: { kind: 'class', names: ['default'] },
    key: [{ ctorArg: 0 }],
    methods: [
      {
        // Sleeps `polling`, stops once `timeout` has passed: ceil(timeout / polling) - 1 result requests.
        names: ['decode', 'decodeRecaptchaV2', 'decodeRecaptchaV3', 'decodeHCaptcha'],
        role: 'solve',
        poll: {
          options: {
            timeout: { ctorOption: [1, 'timeout'], unit: 'ms', default: 60_000 },
            polling: { ctorOption: [1, 'polling'], unit: 'ms', default: 5000 },
          },
          interval: 'polling',
          limit: 'timeout',
          maxRequests: (o) => (o.polling! > 0 ? Math.max(1, Math.ceil(o.timeout! / o.polling!) - 1) : undefined),
        },
      },
      { names: ['captcha'], role: 'result' },
      { names: ['balance'], role: 'balance' },
      { names: ['report'], role: 'report' },
    ],
    errors: { how: 'returned', path: [], prefix: true },
    balanceErrorAsText: true,
  },
  {
    package: '2captcha-node',
    version: '2.2.1',
    api: 'text',
    client: { kind: 'factory', names: ['default'] },
    key: [{ ctorArg: 0 }],
    methods: [
      {
        // solve({ image, maxAttempts = 60 }): one res.php request a second, maxAttempts of them; a negative,
        // fractional or infinite count never reaches zero.
        names: ['solve'],
        role: 'solve',
        poll: {
          options: { maxAttempts: { callOption: [0, 'maxAttempts'], unit: 'count', default: 60 } },
          fixedIntervalMs: 1000,
          limit: 'maxAttempts',
          maxRequests: (o) => (Number.isInteger(o.maxAttempts) && o.maxAttempts! > 0 ? o.maxAttempts : Infinity),
        },
      },
      { names: ['balance'], role: 'balance' },
      { names: ['report'], role: 'report' },
    ],
    // Error replies are polled as if not ready, then it throws 'This request has reached the maximum number of attempts'.
    errors: { how: 'thrown', path: ['message'], prefix: false, lost: true },
    balanceErrorAsText: true,
  },
  {
    package: 'puppeteer-extra-plugin-recaptcha',
    version: '3.6.8',
    api: 'text',
    client: {
      kind: 'factory',
      names: ['default', 'PuppeteerExtraPluginRecaptcha'],
      plugin: true,
      when: { option: [0, 'provider', 'id'], equals: '2captcha', unless: [0, 'provider', 'fn'] },
    },
    key: [{ ctorOption: [0, 'provider', 'token'] }],
    refusedKeys: ['XXXXXXX'],
    methods: [
      {
        // The built-in 2captcha provider polls res.php on setInterval every 2 s, with no limit and no deadline.
        names: ['solveRecaptchas', 'getRecaptchaSolutions'],
        role: 'solve',
        distinctive: true,
        poll: { options: {}, fixedIntervalMs: 2000, maxRequests: () => Infinity },
      },
    ],
    errors: { how: 'returned', path: ['error'], prefix: true },
  },
];

/** The entry of a package, by its name. */
export function libraryOf(pkg: string): Library | undefined {
  return LIBRARIES.find((l) => l.package === pkg);
}

/** The method entry of a library for a method name. */
export function methodOf(library: Library, name: string): LibraryMethod | undefined {
  return library.methods.find((m) => (Array.isArray(m.names) ? (m.names as readonly string[]).includes(name) : (m.names as RegExp).test(name)));
}
