// A seeded generator of small CapMonster client programs. It recombines the shapes users write: every
// call style (fetch, node-fetch, axios and instances, got, request(-promise), a generic call(method, body)
// helper, the official client, 2captcha-style in.php/res.php), wrappers (function, arrow, class method,
// object method), polls of every kind (loops with and without braces, counters, deadlines, recursion
// through setTimeout, async recursion and .then, setInterval with and without clearInterval), sleeps
// awaited or not, try/catch with and without rethrow, error-code branches, keys from env, literals and
// config, balance checks and task-level retries. Plus look-alikes that are not CapMonster code.
//
// generateProgram(seed, index) is deterministic: the same pair always gives the same program.

/** mulberry32: a small, fast, seedable PRNG. */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed and an index into one 32-bit seed. */
export function mix(seed, index) {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (index + 0x7f4a7c15), 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[this.int(list.length)];
  }
  /** Picks from [[weight, value], ...]. */
  weighted(list) {
    const total = list.reduce((a, [w]) => a + w, 0);
    let x = this.next() * total;
    for (const [w, v] of list) {
      if ((x -= w) < 0) return v;
    }
    return list[list.length - 1][1];
  }
  hex(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += '0123456789abcdef'[this.int(16)];
    return s;
  }
}

const ind = (lines, n = 1) => lines.map((l) => (l === '' ? l : '  '.repeat(n) + l));
const block = (head, body, tail = '}') => [`${head} {`, ...ind(body), tail];

const FATAL_CODES = [
  'ERROR_ZERO_BALANCE',
  'ERROR_PROXY_BANNED',
  'ERROR_KEY_DOES_NOT_EXIST',
  'ERROR_NO_SUCH_CAPCHA_ID',
  'WRONG_CAPTCHA_ID',
  'ERROR_TOO_MUCH_REQUESTS',
  'ERROR_IP_BANNED',
  'ERROR_IP_BLOCKED',
  'ERROR_PROXY_CONNECT_REFUSED',
  'ERROR_PROXY_READ_TIMEOUT',
  'ERROR_CAPTCHA_UNSOLVABLE',
  'ERROR_NO_SLOT_AVAILABLE',
  'ERROR_SERVICE_NOT_AVAILABLE',
  'ZERO_BALANCE',
];
const TASK_TYPES = ['RecaptchaV2TaskProxyless', 'RecaptchaV2Task', 'HCaptchaTask', 'TurnstileTask', 'ImageToTextTask', 'NoCaptchaTaskProxyless', 'RecaptchaV3TaskProxyless'];

/** The program builder for one (seed, index). */
class Gen {
  constructor(rng) {
    this.r = rng;
    const r = rng;
    this.ts = r.chance(0.3);
    this.esm = this.ts ? r.chance(0.7) : r.chance(0.5);
    this.semi = true;
    this.q = r.weighted([[6, "'"], [3, '"'], [1, '`']]);
    this.features = new Set();
    this.imports = [];
    this.top = [];
    this.names = new Set();
  }

  feat(name) {
    this.features.add(name);
  }

  s(text) {
    // A string literal in the program's quote style.
    return `${this.q}${text}${this.q}`;
  }

  t(annotation) {
    return this.ts ? annotation : '';
  }

  use(moduleName, defaultName, named) {
    const key = `${moduleName}|${defaultName}|${named ?? ''}`;
    if (this.names.has(key)) return;
    this.names.add(key);
    if (this.esm) {
      if (named) this.imports.push(`import { ${named} } from '${moduleName}';`);
      else this.imports.push(`import ${defaultName} from '${moduleName}';`);
    } else if (named) {
      this.imports.push(`const { ${named.replace(/ as /gu, ': ')} } = require('${moduleName}');`);
    } else {
      this.imports.push(`const ${defaultName} = require('${moduleName}');`);
    }
  }

  comment() {
    return this.r.chance(0.15) ? [this.r.pick(['// poll until the task is ready', '/* CapMonster Cloud */', '// TODO: make configurable', '// eslint-disable-next-line no-await-in-loop', '// eslint-disable-next-line capmonster/no-unbounded-polling', '/* eslint-disable-next-line capmonster/handle-ban-errors -- checked by the caller */', ''])] : [];
  }

  // ---------------------------------------------------------------- key, host, sleep
  setupKey() {
    const r = this.r;
    const kind = r.weighted([[4, 'env'], [2, 'literal'], [2, 'placeholder'], [2, 'config'], [1, 'configObject'], [1, 'inline'], [1, 'envFallback']]);
    this.feat(`key:${kind}`);
    const name = r.pick(['API_KEY', 'CAPMONSTER_KEY', 'clientKey', 'apiKey', 'KEY']);
    this.keyName = name;
    const literal = () =>
      r.weighted([
        [3, this.s(r.hex(32))],
        [1, this.s(`${r.hex(32)}__nocache`)],
        [1, this.s('YOUR_API_KEY')],
        [1, this.s('')],
        [1, this.s('123')],
        [1, this.s('<your capmonster.cloud API key>')],
        [1, this.s('12345678901234567890123456789012')],
        [1, this.s(r.hex(31))],
      ]);
    switch (kind) {
      case 'env':
        this.top.push(`const ${name}${this.t(': string | undefined')} = process.env.${r.pick(['CAPMONSTER_KEY', 'CAPMONSTER_API_KEY', 'CAPTCHA_KEY'])};`);
        break;
      case 'envFallback':
        this.top.push(`const ${name} = process.env.CAPMONSTER_KEY ${r.pick(['||', '??'])} ${literal()};`);
        break;
      case 'literal':
      case 'placeholder':
        this.top.push(`const ${name} = ${kind === 'literal' ? this.s(r.hex(32)) : literal()};`);
        break;
      case 'config':
        if (this.esm) this.imports.push(`import config from './config.js';`);
        else this.imports.push(`const config = require('./config.json');`);
        this.top.push(`const ${name} = config.capmonster.${r.pick(['key', 'clientKey', 'apiKey'])};`);
        break;
      case 'configObject':
        this.top.push(...block('const settings =', [`capmonster: { clientKey: ${literal()}, timeout: 120000 },`], '};'));
        this.top.push(`const ${name} = settings.capmonster.clientKey;`);
        break;
      case 'inline':
        this.keyName = undefined;
        this.inlineKey = literal();
        break;
    }
    // A check that the key is set, sometimes.
    if (this.keyName && r.chance(0.35)) {
      const check = r.pick([
        [`if (!${name}) throw new Error('CAPMONSTER_KEY is not set');`],
        block(`if (!/^[0-9a-f]{32}$/i.test(${name}${this.t(' ?? \'\'')}))`, [`throw new Error('invalid CapMonster key');`]),
        block(`if (typeof ${name} !== 'string' || ${name}.length !== 32)`, [`console.error('set CAPMONSTER_KEY');`, `process.exit(1);`]),
        [`if (${name} === undefined) console.warn('no key');`],
      ]);
      this.top.push(...check);
      this.feat('keyCheck');
    }
  }

  /** The key expression inside a request. */
  key() {
    if (this.classKey) return this.classKey;
    return this.keyName ?? this.inlineKey;
  }

  keyField() {
    const k = this.key();
    const r = this.r;
    if (k === 'clientKey' && r.chance(0.5)) return 'clientKey';
    if (r.chance(0.03)) {
      this.feat('clientkeyTypo');
      return `clientkey: ${k}`;
    }
    return `clientKey: ${k}`;
  }

  setupHost() {
    const r = this.r;
    const kind = r.weighted([[5, 'const'], [2, 'slash'], [2, 'inline'], [1, 'envOverride'], [1, 'compat'], [1, 'unknown']]);
    this.feat(`host:${kind}`);
    this.hostKind = kind;
    const host = kind === 'compat' ? r.pick(['https://api.anti-captcha.com', 'http://65.21.216.235', 'https://api.capmonster.cloud']) : 'https://api.capmonster.cloud';
    this.apiName = r.pick(['API', 'BASE_URL', 'CAPMONSTER_URL', 'apiUrl']);
    switch (kind) {
      case 'const':
      case 'compat':
        this.top.push(`const ${this.apiName} = '${host}';`);
        break;
      case 'slash':
        this.top.push(`const ${this.apiName} = '${host}/';`);
        break;
      case 'envOverride':
        this.top.push(`const ${this.apiName} = process.env.CAPMONSTER_URL || '${host}';`);
        break;
      case 'unknown':
        this.top.push(`const ${this.apiName} = process.env.SOLVER_URL;`);
        break;
      default:
        break;
    }
  }

  /** The URL of a JSON method, as an expression. */
  url(method) {
    const r = this.r;
    const a = this.apiName;
    switch (this.hostKind) {
      case 'inline':
        return r.chance(0.5) ? `'https://api.capmonster.cloud/${method}'` : `\`https://api.capmonster.cloud/${method}\``;
      case 'slash':
        return r.chance(0.5) ? `\`\${${a}}${method}\`` : `${a} + '${method}'`;
      default:
        return r.weighted([[3, `\`\${${a}}/${method}\``], [2, `${a} + '/${method}'`], [1, `[${a}, '${method}'].join('/')`]]);
    }
  }

  /** The URL of a 2captcha endpoint with its query. */
  phpUrl(endpoint, query) {
    const base = this.hostKind === 'inline' ? 'https://api.capmonster.cloud' : `\${${this.apiName}}`;
    return `\`${base}/${endpoint}?${query}\``;
  }

  setupSleep() {
    const r = this.r;
    const kind = r.weighted([[4, 'arrow'], [2, 'function'], [1, 'timersPromises'], [1, 'delayPkg'], [1, 'promisify'], [2, 'inline'], [1, 'imported']]);
    this.feat(`sleep:${kind}`);
    this.sleepKind = kind;
    this.sleepName = 'sleep';
    switch (kind) {
      case 'arrow':
        this.sleepName = r.pick(['sleep', 'delay', 'wait']);
        this.top.push(`const ${this.sleepName} = (ms${this.t(': number')}) => new Promise((resolve) => setTimeout(resolve, ms));`);
        break;
      case 'function':
        this.sleepName = r.pick(['sleep', 'pause', 'timeout']);
        this.top.push(...block(`function ${this.sleepName}(ms${this.t(': number')})${this.t(': Promise<void>')}`, ['return new Promise((r) => setTimeout(r, ms));']));
        break;
      case 'timersPromises':
        this.sleepName = 'wait';
        this.use(r.pick(['timers/promises', 'node:timers/promises']), null, 'setTimeout as wait');
        break;
      case 'delayPkg':
        this.sleepName = 'delay';
        this.use('delay', 'delay');
        break;
      case 'promisify':
        this.sleepName = 'sleep';
        this.use('util', null, 'promisify');
        this.top.push('const sleep = promisify(setTimeout);');
        break;
      case 'imported':
        this.sleepName = r.pick(['sleep', 'waitFor']);
        this.use('./utils.js', null, this.sleepName);
        break;
      default:
        break;
    }
  }

  delayValue() {
    return this.r.weighted([
      [4, '2000'],
      [3, '3000'],
      [2, '5000'],
      [2, '1000'],
      [2, '500'],
      [1, '100'],
      [1, '0'],
      [1, '2 * 1000'],
      [1, '1_500'],
      [2, 'POLL_INTERVAL'],
      [1, 'config.interval'],
    ]);
  }

  needConst(name, value) {
    if (this.names.has(`const:${name}`)) return;
    this.names.add(`const:${name}`);
    this.top.push(`const ${name} = ${value};`);
  }

  delayExpr() {
    const d = this.delayValue();
    if (d === 'POLL_INTERVAL') this.needConst('POLL_INTERVAL', this.r.pick(['2000', '3_000', '1000', '5 * 1000', '250']));
    if (d === 'config.interval') this.needConfig();
    return d;
  }

  needConfig() {
    if (this.names.has('config') || this.features.has('key:config')) return;
    this.names.add('config');
    this.top.push(`const config = { interval: 2500, maxAttempts: 60, timeout: 120000 };`);
  }

  /** A sleep statement (or none). */
  sleep(forceKind) {
    const r = this.r;
    const d = this.delayExpr();
    const kind = forceKind ?? r.weighted([[6, 'await'], [1, 'notAwaited'], [1, 'none'], [1, 'waitForTimeout']]);
    this.feat(`sleepCall:${kind}`);
    if (kind === 'none') return [];
    if (kind === 'waitForTimeout') return [`await page.waitForTimeout(${d});`];
    if (this.sleepKind === 'inline') {
      const stmt = `new Promise((resolve) => setTimeout(resolve, ${d}))`;
      return [kind === 'await' ? `await ${stmt};` : `${stmt};`];
    }
    return [kind === 'await' ? `await ${this.sleepName}(${d});` : `${this.sleepName}(${d});`];
  }

  // ---------------------------------------------------------------- HTTP
  setupHttp() {
    const r = this.r;
    this.style = r.weighted([[4, 'fetch'], [1, 'nodeFetch'], [4, 'axios'], [1, 'axiosInstance'], [1, 'axiosConfig'], [2, 'got'], [1, 'rp'], [1, 'requestCb'], [2, 'generic']]);
    this.protocol = r.weighted([[8, 'json'], [1, 'text'], [1, 'textJson']]);
    if (this.protocol !== 'json' && ['axiosInstance', 'rp', 'requestCb', 'generic'].includes(this.style)) this.style = r.pick(['fetch', 'axios', 'got']);
    this.feat(`http:${this.style}`);
    this.feat(`protocol:${this.protocol}`);
    switch (this.style) {
      case 'nodeFetch':
        this.use('node-fetch', 'fetch');
        break;
      case 'axios':
      case 'axiosConfig':
        this.use('axios', 'axios');
        break;
      case 'axiosInstance':
        this.use('axios', 'axios');
        this.instance = r.pick(['api', 'http', 'client']);
        this.top.push(...block(`const ${this.instance} = axios.create(`, [`baseURL: ${this.hostKind === 'inline' || this.hostKind === 'slash' ? "'https://api.capmonster.cloud'" : this.apiName},`, 'timeout: 30000,'], '});'));
        break;
      case 'got':
        this.use('got', 'got');
        break;
      case 'rp':
        this.use(r.pick(['request-promise', 'request-promise-native']), 'rp');
        break;
      case 'requestCb':
        this.use('request', 'request');
        break;
      case 'generic':
        this.setupGeneric();
        break;
      default:
        break;
    }
  }

  /** The generic `call(method, body)` helper. */
  setupGeneric() {
    const r = this.r;
    this.genericName = r.pick(['call', 'api', 'capmonster', 'request']);
    const inner = r.pick(['fetch', 'axios', 'got']);
    if (inner === 'axios') this.use('axios', 'axios');
    if (inner === 'got') this.use('got', 'got');
    const base = this.hostKind === 'inline' ? "'https://api.capmonster.cloud'" : this.apiName;
    const url = this.hostKind === 'slash' ? `\`\${${base}}\${method}\`` : `\`\${${base}}/\${method}\``;
    const body = `{ ${this.keyField()}, ...body }`;
    let lines;
    if (inner === 'fetch') {
      lines = [
        `const res = await fetch(${url}, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(${body}) });`,
        `return res.json();`,
      ];
    } else if (inner === 'axios') {
      lines = [`const { data } = await axios.post(${url}, ${body});`, 'return data;'];
    } else {
      lines = [`return got.post(${url}, { json: ${body} }).json();`];
    }
    const sig = `(method${this.t(': string')}, body${this.t(': Record<string, unknown> = {}')})${this.t(': Promise<any>')}`;
    this.helpers.push(...(r.chance(0.5) ? block(`async function ${this.genericName}${sig}`, lines) : block(`const ${this.genericName} = async ${sig} =>`, lines, '};')));
    this.feat('genericHelper');
  }

  /**
   * Lines that send one JSON request and put the parsed reply in `target`.
   * `decl`: 'const' | 'let' | '' (assign to an existing variable).
   */
  jsonRequest(method, payload, target, decl) {
    const r = this.r;
    const d = decl ? `${decl} ` : '';
    const url = this.url(method);
    const cast = this.ts && r.chance(0.3) ? ' as TaskResult' : '';
    switch (this.style) {
      case 'fetch':
      case 'nodeFetch': {
        const opts = `{ method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(${payload}) }`;
        if (r.chance(0.5)) return [`${d}${target} = (await (await fetch(${url}, ${opts})).json())${cast};`];
        const res = `res${this.uid()}`;
        return [`const ${res} = await fetch(${url}, ${opts});`, ...(r.chance(0.3) ? [`if (!${res}.ok) throw new Error('HTTP ' + ${res}.status);`] : []), `${d}${target} = (await ${res}.json())${cast};`];
      }
      case 'axios':
        if (decl === 'const' && r.chance(0.4)) return [`const { data: ${target} } = await axios.post${this.t('<TaskResult>')}(${url}, ${payload});`];
        return [`${d}${target} = (await axios.post(${url}, ${payload})).data;`];
      case 'axiosConfig':
        return [`${d}${target} = (await axios({ method: 'post', url: ${url}, data: ${payload}, timeout: 20000 })).data;`];
      case 'axiosInstance':
        return [`${d}${target} = (await ${this.instance}.post('/${method}', ${payload})).data;`];
      case 'got':
        if (r.chance(0.5)) return [`${d}${target} = await got.post(${url}, { json: ${payload} }).json()${cast};`];
        return [`${d}${target} = JSON.parse((await got.post(${url}, { json: ${payload} })).body);`];
      case 'rp':
        return [`${d}${target} = await rp({ method: 'POST', uri: ${url}, body: ${payload}, json: true });`];
      case 'requestCb':
        return [
          `${d}${target} = await new Promise((resolve, reject) =>`,
          `  request.post({ url: ${url}, json: ${payload} }, (err${this.t(': any')}, _res${this.t(': any')}, body${this.t(': any')}) => (err ? reject(err) : resolve(body))),`,
          ');',
        ];
      case 'generic': {
        const body = payload.replace(/^\{ (?:clientKey(?:: [^,}]+)?|clientkey: [^,}]+)(?:, )?/u, '{ ');
        return [`${d}${target} = await ${this.genericName}('${method}', ${body === '{ }' ? '{}' : body});`];
      }
      default:
        throw new Error(`style ${this.style}`);
    }
  }

  /** A promise expression for one JSON request (for .then chains). */
  jsonPromise(method, payload) {
    const url = this.url(method);
    switch (this.style) {
      case 'fetch':
      case 'nodeFetch':
        return `fetch(${url}, { method: 'POST', body: JSON.stringify(${payload}) }).then((res) => res.json())`;
      case 'axios':
      case 'axiosConfig':
        return `axios.post(${url}, ${payload}).then((res) => res.data)`;
      case 'axiosInstance':
        return `${this.instance}.post('/${method}', ${payload}).then((res) => res.data)`;
      case 'got':
        return `got.post(${url}, { json: ${payload} }).json()`;
      case 'rp':
        return `rp({ method: 'POST', uri: ${url}, body: ${payload}, json: true })`;
      case 'requestCb':
        return `new Promise((resolve, reject) => request.post({ url: ${url}, json: ${payload} }, (e${this.t(': any')}, _r${this.t(': any')}, b${this.t(': any')}) => (e ? reject(e) : resolve(b))))`;
      case 'generic': {
        const body = payload.replace(/^\{ (?:clientKey(?:: [^,}]+)?|clientkey: [^,}]+)(?:, )?/u, '{ ');
        return `${this.genericName}('${method}', ${body === '{ }' ? '{}' : body})`;
      }
      default:
        throw new Error(`style ${this.style}`);
    }
  }

  /** Lines that send a 2captcha-style request; the reply (text, or the json=1 object) goes into `target`. */
  phpRequest(endpoint, query, target, decl) {
    const r = this.r;
    const d = decl ? `${decl} ` : '';
    const json = this.protocol === 'textJson';
    const q = json ? `${query}&json=1` : query;
    const url = this.phpUrl(endpoint, q);
    switch (this.style) {
      case 'axios':
      case 'axiosConfig':
        if (r.chance(0.4)) {
          const params = q.split('&').map((p) => {
            const [k, v] = p.split('=');
            return v.startsWith('${') ? `${k}: ${v.slice(2, -1)}` : `${k}: '${v}'`;
          });
          const base = this.hostKind === 'inline' ? "'https://api.capmonster.cloud'" : this.apiName;
          return [`${d}${target} = (await axios.get(\`\${${base}}/${endpoint}\`, { params: { ${params.join(', ')} } })).data;`];
        }
        return [`${d}${target} = (await axios.get(${url})).data;`];
      case 'got':
        return [`${d}${target} = await got(${url}).${json ? 'json()' : 'text()'};`];
      default:
        return [`${d}${target} = await (await fetch(${url})).${json ? 'json()' : 'text()'};`];
    }
  }

  phpPromise(endpoint, query) {
    const json = this.protocol === 'textJson';
    const url = this.phpUrl(endpoint, json ? `${query}&json=1` : query);
    if (this.style === 'axios' || this.style === 'axiosConfig') return `axios.get(${url}).then((res) => res.data)`;
    return `fetch(${url}).then((res) => res.${json ? 'json()' : 'text()'})`;
  }

  uid() {
    this.counter = (this.counter ?? 0) + 1;
    return this.counter;
  }

  // ---------------------------------------------------------------- error checks
  /** The expression holding the error code of a reply. */
  codeOf(v) {
    if (this.protocol === 'json') return `${v}.errorCode`;
    if (this.protocol === 'textJson') return `${v}.request`;
    return v;
  }

  /** The condition "the reply is an error". */
  isError(v) {
    const r = this.r;
    if (this.protocol === 'json') return r.pick([`${v}.errorId !== 0`, `${v}.errorId`, `${v}.errorId > 0`, `${v}.errorId === 1`, `${v}.errorCode`]);
    if (this.protocol === 'textJson') return r.pick([`${v}.status === 0`, `${v}.status !== 1`]);
    return r.pick([`${v}.startsWith('ERROR')`, `${v}.includes('ERROR_')`]);
  }

  /**
   * Statements that handle an error reply. `ctx`: { loop: bool, fn: { name, args } | undefined,
   * onFatal(msg) => statement, proxy: bool }.
   */
  errorCheck(v, ctx) {
    const r = this.r;
    const code = this.codeOf(v);
    const shape = r.weighted([[2, 'none'], [4, 'throw'], [3, 'codes'], [2, 'switch'], [1, 'includes'], [1, 'log'], [1, 'list']]);
    this.feat(`errorCheck:${shape}`);
    const action = (c) => this.codeAction(c, ctx);
    switch (shape) {
      case 'none':
        return [];
      case 'throw':
        return [`if (${this.isError(v)}) ${ctx.onFatal(this.protocol === 'json' ? r.pick([code, `${v}.errorDescription`, `\`CapMonster error: \${${code}}\``]) : code)}`];
      case 'log':
        return block(`if (${this.isError(v)})`, [`console.error('CapMonster error', ${code});`, ...(ctx.loop && r.chance(0.6) ? ['continue;'] : [])]);
      case 'codes': {
        const n = 1 + r.int(3);
        const lines = [];
        for (let i = 0; i < n; i++) {
          const c = r.pick(FATAL_CODES);
          const cmp = r.chance(0.8) ? `${code} === '${c}'` : `'${c}' === ${code}`;
          lines.push(`${i === 0 ? '' : '} else '}if (${cmp}) {`, ...ind(action(c)));
        }
        lines.push('}');
        if (r.chance(0.5)) lines.push(`if (${this.isError(v)}) ${ctx.onFatal(code)}`);
        return lines;
      }
      case 'switch': {
        const cases = [];
        const n = 1 + r.int(4);
        const used = new Set();
        for (let i = 0; i < n; i++) {
          const c = r.pick(FATAL_CODES);
          if (used.has(c)) continue;
          used.add(c);
          const body = action(c);
          const needsBreak = !/^(?:throw|return|continue|process\.exit)/u.test(body[body.length - 1] ?? '');
          cases.push(`case '${c}':`, ...ind([...body, ...(needsBreak ? ['break;'] : [])]));
        }
        if (r.chance(0.6)) cases.push('default:', ...ind([`if (${this.isError(v)}) ${ctx.onFatal(code)}`]));
        return block(`switch (${code})`, cases);
      }
      case 'includes':
        return block(`if (${this.protocol === 'text' ? v : `String(${code})`}.includes('${r.pick(['ZERO_BALANCE', 'PROXY', 'KEY_DOES_NOT_EXIST', 'NOT_READY'])}'))`, action(r.pick(FATAL_CODES)));
      case 'list':
        return block(`if (['ERROR_ZERO_BALANCE', 'ERROR_KEY_DOES_NOT_EXIST', 'ERROR_PROXY_BANNED'].includes(${code}))`, action('ERROR_ZERO_BALANCE'));
      default:
        return [];
    }
  }

  codeAction(code, ctx) {
    const r = this.r;
    const options = [
      [4, 'fatal'],
      [1, 'log'],
      [ctx.loop ? 3 : 0, 'continue'],
      [ctx.loop ? 2 : 0, 'sleepContinue'],
      [ctx.loop ? 1 : 0, 'break'],
      [ctx.fn ? 2 : 0, 'retry'],
      [ctx.proxy && ctx.loop ? 2 : 0, 'rotate'],
      [ctx.returns ? 1 : 0, 'returnNull'],
      [1, 'exit'],
    ];
    const kind = r.weighted(options.filter(([w]) => w > 0));
    this.feat(`codeAction:${kind}`);
    switch (kind) {
      case 'fatal':
        return [ctx.onFatal(`'${code}'`)];
      case 'log':
        return [`console.warn('${code}');`];
      case 'continue':
        return ['continue;'];
      case 'sleepContinue':
        return [...this.sleep('await'), 'continue;'];
      case 'break':
        return ['break;'];
      case 'retry':
        return [...(r.chance(0.5) ? this.sleep('await') : []), `return ${ctx.fn.name}(${ctx.fn.args});`];
      case 'rotate':
        return ['proxy = nextProxy();', 'continue;'];
      case 'returnNull':
        return ['return null;'];
      case 'exit':
        return ['process.exit(1);'];
      default:
        return [];
    }
  }

  // ---------------------------------------------------------------- task creation
  taskObject() {
    const r = this.r;
    const type = r.pick(TASK_TYPES);
    const fields = [`type: '${type}'`, 'websiteURL: pageUrl', 'websiteKey: siteKey'];
    if (this.useProxy) fields.push("proxyType: 'http'", 'proxyAddress: proxy.host', 'proxyPort: proxy.port');
    if (r.chance(0.2)) fields.push('nocache: true');
    return `{ ${fields.join(', ')} }`;
  }

  createPayload() {
    const extra = this.r.chance(0.2) ? ', softId: 0' : '';
    return `{ ${this.keyField()}, task: ${this.taskObject()}${extra} }`;
  }

  /** A function that creates a task and returns its id. */
  createFunction() {
    const r = this.r;
    const name = this.createName;
    const params = `pageUrl${this.t(': string')}, siteKey${this.t(': string')}${this.useProxy ? `, proxy${this.t(': Proxy')}` : ''}`;
    const body = [];
    const loop = this.useProxy && r.chance(0.3);
    const ctx = {
      loop,
      proxy: this.useProxy,
      fn: r.chance(0.5) ? { name: this.isClass ? `this.${name}` : name, args: `pageUrl, siteKey${this.useProxy ? ', proxy' : ''}` } : undefined,
      returns: true,
      onFatal: (m) => `throw new Error(${m});`,
    };
    let inner;
    if (this.protocol === 'json') {
      inner = [...this.jsonRequest('createTask', this.createPayload(), 'created', 'const'), ...this.errorCheck('created', ctx), 'return created.taskId;'];
    } else {
      const q = `key=\${${this.key()}}&method=userrecaptcha&googlekey=\${siteKey}&pageurl=\${pageUrl}`;
      inner = [...this.phpRequest('in.php', q, 'created', 'const'), ...this.errorCheck('created', ctx)];
      inner.push(this.protocol === 'textJson' ? 'return created.request;' : "return created.split('|')[1];");
    }
    if (loop) {
      this.feat('createLoop');
      if (!this.names.has('nextProxy')) {
        this.names.add('nextProxy');
        this.helpers.push(...block(`function nextProxy()${this.t(': Proxy')}`, ["return { host: '10.0.0.' + Math.floor(Math.random() * 200), port: 8080 };"]));
      }
      body.push(...block(r.pick(['while (true)', 'for (;;)', 'for (let i = 0; i < 5; i++)']), inner));
      body.push(`throw new Error('no proxy left');`);
    } else {
      body.push(...inner);
    }
    return this.fn(name, params, body, 'Promise<number>');
  }

  /** A named function in the program's wrapper style (or a class method). */
  fn(name, params, body, ret) {
    const r = this.r;
    const sig = `(${params})${this.t(ret ? `: ${ret}` : '')}`;
    if (this.isClass) return block(`async ${name}${sig}`, body);
    const kind = this.wrapStyle === 'arrow' ? 'arrow' : r.weighted([[5, 'function'], [1, 'arrow'], [1, 'fnExpr']]);
    const exp = this.esm && this.exportInline && r.chance(0.5) ? 'export ' : '';
    if (kind === 'arrow') return block(`${exp}const ${name} = async ${sig} =>`, body, '};');
    if (kind === 'fnExpr') return block(`${exp}const ${name} = async function ${sig}`, body, '};');
    return block(`${exp}async function ${name}${sig}`, body);
  }

  // ---------------------------------------------------------------- results
  /** Lines that fetch one result into `target`, directly or through the result wrapper. */
  resultInto(target, decl, idExpr) {
    const d = decl ? `${decl} ` : '';
    if (this.resultWrapper) return [`${d}${target} = await ${this.resultCallee}(${idExpr});`];
    if (this.protocol === 'json') return this.jsonRequest('getTaskResult', `{ ${this.keyField()}, taskId: ${idExpr} }`, target, decl);
    return this.phpRequest('res.php', `key=\${${this.key()}}&action=get&id=\${${idExpr}}`, target, decl);
  }

  resultPromise(idExpr) {
    if (this.resultWrapper) return `${this.resultCallee}(${idExpr})`;
    if (this.protocol === 'json') return this.jsonPromise('getTaskResult', `{ ${this.keyField()}, taskId: ${idExpr} }`);
    return this.phpPromise('res.php', `key=\${${this.key()}}&action=get&id=\${${idExpr}}`);
  }

  /** The result wrapper: one getTaskResult request. */
  resultFunction() {
    const name = this.resultName;
    const body = this.protocol === 'json'
      ? [...this.jsonRequest('getTaskResult', `{ ${this.keyField()}, taskId }`, 'reply', 'const'), 'return reply;']
      : [...this.phpRequest('res.php', `key=\${${this.key()}}&action=get&id=\${taskId}`, 'reply', 'const'), 'return reply;'];
    if (this.wrapStyle === 'object') return [`  async ${name}(taskId${this.t(': number')}) {`, ...ind(body, 2), '  },'];
    return this.fn(name, `taskId${this.t(': number')}`, body, 'Promise<TaskResult>');
  }

  /** "ready?" test and value for a reply. */
  ready(v) {
    if (this.protocol === 'json') return { cond: this.r.pick([`${v}.status === 'ready'`, `${v}.status !== 'processing'`, `${v}.solution`]), value: this.r.pick([`${v}.solution`, `${v}.solution.gRecaptchaResponse`, `${v}.solution?.token`]) };
    if (this.protocol === 'textJson') return { cond: `${v}.status === 1`, value: `${v}.request` };
    return { cond: `${v}.startsWith('OK|')`, value: `${v}.slice(3)` };
  }

  notReady(v) {
    if (this.protocol === 'json') return this.r.pick([`${v}.status === 'processing'`, `${v}.errorCode === 'CAPTCHA_NOT_READY'`]);
    if (this.protocol === 'textJson') return `${v}.request === 'CAPCHA_NOT_READY'`;
    return `${v} === 'CAPCHA_NOT_READY'`;
  }

  bound() {
    const r = this.r;
    const max = r.weighted([[2, '10'], [2, '30'], [3, '60'], [1, '100'], [1, '119'], [2, '120'], [2, '121'], [1, '150'], [1, '200'], [1, '1000'], [2, 'MAX_ATTEMPTS'], [1, 'config.maxAttempts'], [1, 'Infinity'], [1, 'maxAttempts']]);
    if (max === 'MAX_ATTEMPTS') this.needConst('MAX_ATTEMPTS', r.pick(['60', '120', '200', '24', '3 * 40']));
    if (max === 'config.maxAttempts') this.needConfig();
    return max;
  }

  timeoutValue() {
    const r = this.r;
    const t = r.pick(['60_000', '120000', '180 * 1000', '5 * 60 * 1000', '600000', 'TIMEOUT_MS', 'timeoutMs']);
    if (t === 'TIMEOUT_MS') this.needConst('TIMEOUT_MS', r.pick(['120_000', '300000', '2 * 60 * 1000']));
    return t;
  }

  /** The poll body: request, checks, sleep. `onReady(value)` and `onFatal(msg)` are statements. */
  pollBody(id, { onReady, onFatal, loop, target = 'result', decl = 'const', fnRetry }) {
    const r = this.r;
    const out = [...this.comment()];
    const sleepFirst = r.chance(0.4);
    if (sleepFirst) out.push(...this.sleep());
    const wrapTry = r.chance(0.3);
    const req = this.resultInto(target, wrapTry ? '' : decl, id);
    if (wrapTry) {
      this.feat('tryCatch');
      const handler = r.weighted([[2, 'rethrow'], [2, 'continue'], [1, 'log'], [1, 'status'], [1, 'conditional']]);
      this.feat(`catch:${handler}`);
      const c = {
        rethrow: ['throw e;'],
        continue: loop ? [`console.warn(${this.ts ? '(e as Error)' : 'e'}.message);`, 'continue;'] : ['console.warn(e);'],
        log: ['console.error(e);'],
        status: [`if (${this.ts ? '(e as any)' : 'e'}.response?.status === 429) throw e;`, ...(loop ? ['continue;'] : [])],
        conditional: [`if (String(e).includes('ERROR_ZERO_BALANCE')) throw e;`, ...(loop ? ['continue;'] : [])],
      }[handler];
      out.push(`let ${target}${this.t(': any')};`, 'try {', ...ind(req), `} catch (e${this.ts && r.chance(0.3) ? ': unknown' : ''}) {`, ...ind(c), '}');
      if (handler === 'log' || handler === 'status' || handler === 'conditional') out.push(`if (!${target}) ${loop ? 'continue;' : onFatal("'no reply'")}`);
    } else {
      out.push(...req);
    }
    const ready = this.ready(target);
    const readyFirst = r.chance(0.6);
    const checks = this.errorCheck(target, { loop, fn: fnRetry, returns: false, onFatal });
    if (readyFirst) out.push(`if (${ready.cond}) ${onReady(ready.value)}`, ...checks);
    else out.push(...checks, `if (${ready.cond}) ${onReady(ready.value)}`);
    if (r.chance(0.2)) out.push(`if (${this.notReady(target)}) ${loop ? 'continue;' : "console.debug('not ready');"}`);
    if (!sleepFirst) out.push(...this.sleep());
    return out;
  }

  /** The poll: a function `waitName(taskId)` that polls one task to its result. */
  pollFunction() {
    const r = this.r;
    const kind = r.weighted([
      [3, 'whileTrue'],
      [3, 'forCounter'],
      [2, 'whileCounter'],
      [2, 'deadline'],
      [1, 'doWhile'],
      [1, 'forOf'],
      [1, 'bodyCounter'],
      [2, 'braceless'],
      [2, 'timeoutRecursion'],
      [2, 'asyncRecursion'],
      [1, 'thenRecursion'],
      [2, 'interval'],
    ]);
    this.feat(`poll:${kind}`);
    const name = this.waitName;
    const idT = `taskId${this.t(': number')}`;
    const ret = (v) => `return ${v};`;
    const thr = (m) => `throw new Error(${m});`;
    const retry = r.chance(0.3) ? { name: this.isClass ? `this.${name}` : name, args: 'taskId' } : undefined;
    const fin = r.chance(0.7) ? [`throw new Error('CapMonster: task ' + taskId + ' timed out');`] : [];
    switch (kind) {
      case 'whileTrue': {
        const head = r.pick(['while (true)', 'for (;;)', 'while (1)', 'while (!done)']);
        const pre = head === 'while (!done)' ? ['let done = false;'] : [];
        const body = this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true, fnRetry: retry });
        return this.fn(name, idT, [...pre, ...block(head, body)], 'Promise<unknown>');
      }
      case 'forCounter': {
        const max = this.bound();
        const head = r.pick([
          `for (let i = 0; i < ${max}; i++)`,
          `for (let attempt = 1; attempt <= ${max}; attempt++)`,
          `for (let i = ${max}; i > 0; i--)`,
          `for (let i = 0; i < ${max}; i += 1)`,
          `for (let i = 0; i !== ${max}; ++i)`,
        ]);
        const body = this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true, fnRetry: retry });
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = ${r.pick(['60', '200'])}` : idT, [...block(head, body), ...fin], 'Promise<unknown>');
      }
      case 'whileCounter': {
        const max = this.bound();
        const form = r.int(3);
        const head = form === 0 ? `while (attempts < ${max})` : form === 1 ? `while (attempts++ < ${max})` : `while (++attempts <= ${max})`;
        const body = this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true, fnRetry: retry });
        if (form === 0) body.unshift('attempts++;');
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, ['let attempts = 0;', ...block(head, body), ...fin], 'Promise<unknown>');
      }
      case 'deadline': {
        const t = this.timeoutValue();
        const form = r.int(3);
        const pre = form === 1 ? [`const started = Date.now();`] : [`const deadline = Date.now() + ${t};`];
        const head = form === 0 ? 'while (Date.now() < deadline)' : form === 1 ? `while (Date.now() - started < ${t})` : 'while (true)';
        const body = this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true, fnRetry: retry });
        if (form === 2) body.unshift(`if (Date.now() > deadline) throw new Error('timeout');`);
        return this.fn(name, t === 'timeoutMs' ? `${idT}, timeoutMs = 120000` : idT, [...pre, ...block(head, body), ...fin], 'Promise<unknown>');
      }
      case 'doWhile': {
        const counted = r.chance(0.5);
        const max = counted ? this.bound() : undefined;
        const body = [...(counted ? ['n++;'] : []), ...this.sleep(), ...this.resultInto('result', '', 'taskId'), ...this.errorCheck('result', { loop: true, onFatal: thr })];
        const cond = `${this.notReady('result')}${counted ? ` && n < ${max}` : ''}`;
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, [`let result${this.t(': any')};`, ...(counted ? ['let n = 0;'] : []), 'do {', ...ind(body), `} while (${cond});`, `return ${this.ready('result').value};`], 'Promise<unknown>');
      }
      case 'forOf': {
        const max = this.bound();
        const head = r.pick([`for (const _ of Array.from({ length: ${max} }))`, `for (const i of Array(${max}).keys())`, `for (const delayMs of [1000, 2000, 3000, 5000, 8000])`]);
        const body = this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true });
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, [...block(head, body), ...fin], 'Promise<unknown>');
      }
      case 'bodyCounter': {
        const max = this.bound();
        const body = [`if (++attempts > ${max}) throw new Error('too many attempts');`, ...this.pollBody('taskId', { onReady: ret, onFatal: thr, loop: true, fnRetry: retry })];
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, ['let attempts = 0;', ...block(r.pick(['while (true)', 'for (;;)']), body)], 'Promise<unknown>');
      }
      case 'braceless': {
        const form = r.int(5);
        const sleep = this.sleep();
        const sleepStmt = sleep[0] ?? ';';
        let lines;
        const max = form === 1 || form === 4 ? this.bound() : undefined;
        if (this.resultWrapper) {
          const call = `await ${this.resultCallee}(taskId)`;
          const rd = this.ready('result');
          if (form === 0) lines = [`let result${this.t(': any')};`, `while (!(${rd.cond.replace(/result/gu, `(result = ${call})`)}))`, `  ${sleepStmt}`];
          else if (form === 1) lines = [`let result${this.t(': any')};`, `for (let i = 0; i < ${max} && !((result = ${call}) && ${rd.cond}); i++)`, `  ${sleepStmt}`];
          else if (form === 2) lines = [`let result${this.t(': any')};`, 'do', `  result = ${call};`, `while (${this.notReady('result')});`];
          else if (form === 3) lines = [`let result${this.t(': any')};`, 'while (true)', `  if (${rd.cond.replace(/result/gu, `(result = ${call})`)}) break;`];
          else lines = [`let result${this.t(': any')};`, `for (let i = 0; i < ${max}; i++)`, `  if ((result = ${call}) && ${rd.cond}) break;`, '  else', `    ${sleepStmt}`];
          lines.push(`return ${rd.value};`);
        } else {
          // Without a wrapper the request is several statements: wrap them in a braceless `if`/loop body arrow.
          const rd = this.ready('result');
          lines = [`let result${this.t(': any')};`, `const once = async () => {`, ...ind(this.resultInto('r1', 'const', 'taskId')), '  result = r1;', `  return ${rd.cond.replace(/result/gu, 'r1')};`, '};'];
          if (form % 2 === 0) lines.push('while (!(await once()))', `  ${sleepStmt}`);
          else lines.push(`for (let i = 0; i < ${max ?? 60}; i++)`, `  if (await once()) break;`, '  else', `    ${sleepStmt}`);
          lines.push(`return ${rd.value};`);
        }
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, lines, 'Promise<unknown>');
      }
      case 'timeoutRecursion': {
        const bounded = r.chance(0.5);
        const max = bounded ? this.bound() : undefined;
        const d = this.delayExpr();
        const inner = [
          ...(bounded ? [`if (attempt >= ${max}) return reject(new Error('timeout'));`] : []),
          `${this.resultPromise('taskId')}.then((result${this.t(': any')}) => {`,
          ...ind([
            `if (${this.ready('result').cond}) return resolve(${this.ready('result').value});`,
            ...this.errorCheck('result', { loop: false, onFatal: (m) => `return reject(new Error(${m}));` }),
            r.pick([
              `setTimeout(() => ${this.pollerName}(taskId, resolve, reject, attempt + 1), ${d});`,
              `setTimeout(${this.pollerName}, ${d}, taskId, resolve, reject, attempt + 1);`,
              `setTimeout(function () { ${this.pollerName}(taskId, resolve, reject, attempt + 1); }, ${d});`,
            ]),
          ]),
          `}).catch(reject);`,
        ];
        const poller = block(`function ${this.pollerName}(${idT}, resolve${this.t(': (v: unknown) => void')}, reject${this.t(': (e: Error) => void')}, attempt = 0)`, inner);
        this.helpers.push(...poller);
        return this.fn(name, idT, [`return new Promise((resolve, reject) => ${this.pollerName}(taskId, resolve, reject));`], 'Promise<unknown>');
      }
      case 'asyncRecursion': {
        const bounded = r.chance(0.6);
        const max = bounded ? this.bound() : undefined;
        const recName = this.isClass ? `this.${name}` : name;
        const body = [
          ...(bounded ? [`if (attempt > ${max}) throw new Error('timeout');`] : []),
          ...this.sleep(),
          ...this.resultInto('result', 'const', 'taskId'),
          ...this.errorCheck('result', { loop: false, onFatal: thr }),
          `if (${this.ready('result').cond}) return ${this.ready('result').value};`,
          `return ${recName}(taskId, attempt + 1${max === 'maxAttempts' ? ', maxAttempts' : ''});`,
        ];
        return this.fn(name, `${idT}, attempt = 0${max === 'maxAttempts' ? ', maxAttempts = 60' : ''}`, body, 'Promise<unknown>');
      }
      case 'thenRecursion': {
        const bounded = r.chance(0.5);
        const max = bounded ? this.bound() : undefined;
        const d = this.delayExpr();
        const sleepP = this.sleepKind === 'inline' || this.sleepKind === 'imported' ? `new Promise((res) => setTimeout(res, ${d}))` : `${this.sleepName}(${d})`;
        const rd = this.ready('result');
        const recName = this.isClass ? `this.${name}` : name;
        const next = `${sleepP}.then(() => ${recName}(taskId, n + 1))`;
        const body = [`return ${this.resultPromise('taskId')}.then((result${this.t(': any')}) =>`, `  ${rd.cond} ? ${rd.value} : ${bounded ? `n < ${max} ? ${next} : Promise.reject(new Error('timeout'))` : next},`, ');'];
        if (this.isClass) return block(`${name}(${idT}, n = 0${max === 'maxAttempts' ? ', maxAttempts = 60' : ''})${this.t(': Promise<unknown>')}`, body);
        return block(`function ${name}(${idT}, n = 0${max === 'maxAttempts' ? ', maxAttempts = 60' : ''})${this.t(': Promise<unknown>')}`, body);
      }
      case 'interval': {
        const counted = r.chance(0.4);
        const max = counted ? this.bound() : undefined;
        const clears = r.chance(0.75);
        const guard = r.chance(0.3);
        const d = this.delayExpr();
        const done = (stmt) => `{ ${clears ? 'clearInterval(timer); ' : ''}${stmt} return; }`;
        const cb = [
          ...(counted ? [`if (++attempts > ${max}) ${done("reject(new Error('timeout'));")}`] : []),
          'try {',
          ...ind([
            ...this.resultInto('result', 'const', 'taskId'),
            `if (${this.ready('result').cond}) ${done(`resolve(${this.ready('result').value});`)}`,
            ...this.errorCheck('result', { loop: false, onFatal: (m) => done(`reject(new Error(${m}));`) }),
          ]),
          '} catch (err) {',
          ...ind([clears && r.chance(0.7) ? 'clearInterval(timer);' : 'console.warn(err);', 'reject(err);']),
          '}',
        ];
        const promise = [
          ...(counted ? ['let attempts = 0;'] : []),
          `const timer = setInterval(async () => {`,
          ...ind(cb),
          `}, ${d});`,
          ...(guard ? [`setTimeout(() => { clearInterval(timer); reject(new Error('timeout')); }, ${this.timeoutValue().replace('timeoutMs', '120000')});`] : []),
        ];
        return this.fn(name, max === 'maxAttempts' ? `${idT}, maxAttempts = 60` : idT, [...block('return new Promise((resolve, reject) =>', promise, '});')], 'Promise<unknown>');
      }
      default:
        throw new Error(kind);
    }
  }

  // ---------------------------------------------------------------- programs
  /** A CapMonster client using the official package. */
  officialProgram() {
    const r = this.r;
    this.feat('official');
    const names = ['CapMonsterCloudClientFactory', 'ClientOptions', r.pick(['RecaptchaV2Request', 'HCaptchaRequest', 'TurnstileRequest', 'ImageToTextRequest'])];
    const req = names[2];
    if (this.esm) this.imports.push(r.chance(0.8) ? `import { ${names.join(', ')} } from '@zennolab_com/capmonstercloud-client';` : `import capmonster from '@zennolab_com/capmonstercloud-client';\nconst { ${names.join(', ')} } = capmonster;`);
    else this.imports.push(`const { ${names.join(', ')} } = require('@zennolab_com/capmonstercloud-client');`);
    const client = r.pick(['client', 'cmcClient', 'solver']);
    const out = [`const ${client} = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey: ${this.key()} }));`];
    const timeouts = r.weighted([[3, ''], [1, ', { requestsInterval: 3000, timeout: 180000 }'], [1, ', { requestsInterval: 100, timeout: 600000 }'], [1, ', { firstRequestDelay: 1000, requestsInterval: 2000, timeout: 120000 }']]);
    const solve = [
      `const request = new ${req}({ websiteURL: pageUrl, websiteKey: siteKey });`,
      ...(r.chance(0.3) ? [`const balance = await ${client}.getBalance();`, ...(r.chance(0.5) ? [`if (balance.balance <= 0) throw new Error('ERROR_ZERO_BALANCE');`] : [])] : []),
      `const result = await ${client}.Solve(request${timeouts});`,
    ];
    const check = r.weighted([[2, 'none'], [2, 'throw'], [1, 'code'], [1, 'retryAll']]);
    this.feat(`officialCheck:${check}`);
    if (check === 'throw') solve.push(`if (result.error) throw new Error(String(result.error));`);
    if (check === 'code') solve.push(...block(`if (result.error === ${r.pick(["'ZERO_BALANCE'", "'KEY_DOES_NOT_EXIST'", "'Timeout'"])})`, [r.pick(['process.exit(1);', `return solve(pageUrl, siteKey);`, `throw new Error('stop');`])]));
    solve.push('return result.solution;');
    out.push(...block(`export async function solve(pageUrl${this.t(': string')}, siteKey${this.t(': string')})${this.t(': Promise<unknown>')}`.replace(this.esm ? '' : 'export ', ''), solve));
    if (check === 'retryAll') {
      out.push(...block(`async function solveWithRetry(pageUrl${this.t(': string')}, siteKey${this.t(': string')})`, [...block(r.pick(['while (true)', 'for (let i = 0; i < 3; i++)']), [...block('try', ['return await solve(pageUrl, siteKey);']).slice(0, -1), '} catch (e) {', ...ind(['console.error(e);', ...this.sleep()]), '}']), "throw new Error('giving up');"]));
    }
    if (!this.esm) out.push(`module.exports = { solve };`);
    return out;
  }

  /** A look-alike: polling and "getTaskResult" names, but not CapMonster. */
  lookalikeProgram() {
    const r = this.r;
    this.feat('lookalike');
    this.use('axios', 'axios');
    const kind = r.pick(['jobs', 'queue', 'githubActions', 'otherCaptcha']);
    this.feat(`lookalike:${kind}`);
    const out = [];
    if (kind === 'jobs') {
      out.push(...block(`async function getTaskResult(id${this.t(': string')})`, ["const { data } = await axios.get(`https://jobs.example.com/api/tasks/${id}`);", 'return data;']));
      out.push(...block(`${this.esm ? 'export ' : ''}async function waitForTask(id${this.t(': string')})`, [...block('while (true)', ['const task = await getTaskResult(id);', "if (task.status === 'ready') return task.output;", "if (task.errorCode === 'ERROR_ZERO_BALANCE') continue;", ...this.sleep('await')])]));
    } else if (kind === 'queue') {
      out.push(...block('class Queue', [...block(`async createTask(payload${this.t(': unknown')})`, ["return (await axios.post('https://queue.internal/tasks', payload)).data.id;"]), ...block(`async getTaskResult(taskId${this.t(': number')})`, ['return (await axios.get(`https://queue.internal/tasks/${taskId}`)).data;'])]));
      out.push(...block(`${this.esm ? 'export ' : ''}async function drain(q${this.t(': any')}, id${this.t(': number')})`, [...block('for (;;)', ['const r = await q.getTaskResult(id);', 'if (r.done) return r.value;'])]));
    } else if (kind === 'githubActions') {
      out.push(...block(`${this.esm ? 'export ' : ''}function watch(runId${this.t(': number')})`, [...block('const timer = setInterval(async () =>', ['const { data } = await axios.get(`https://api.github.com/actions/runs/${runId}`);', "if (data.status === 'completed') clearInterval(timer);"], '}, 1000);')]));
    } else {
      out.push(`const apiKey = process.env.SOME_KEY;`);
      out.push(...block(`${this.esm ? 'export ' : ''}async function solveWithOtherService(image${this.t(': string')})`, ["const { data } = await axios.post('https://api.other-solver.example/v1/solve', { apiKey, image });", ...block('while (true)', ["const res = await axios.get('https://api.other-solver.example/v1/result/' + data.id);", "if (res.data.state === 'done') return res.data.text;"])]));
    }
    return out;
  }

  program() {
    const r = this.r;
    this.helpers = [];
    this.createName = r.pick(['createTask', 'createCaptchaTask', 'submit', 'sendTask']);
    this.resultName = r.pick(['getTaskResult', 'getResult', 'fetchResult', 'checkResult']);
    this.waitName = r.pick(['waitForResult', 'pollResult', 'waitForSolution', 'poll']);
    this.pollerName = 'pollOnce';
    const kind = r.weighted([[16, 'http'], [2, 'official'], [1, 'lookalike']]);
    if (kind === 'lookalike') {
      this.setupSleep();
      return { body: this.lookalikeProgram(), lookalike: true };
    }
    this.setupKey();
    if (kind === 'official') {
      this.setupSleep();
      return { body: this.officialProgram() };
    }
    this.setupHost();
    this.setupSleep();
    this.setupHttp();
    this.wrapStyle = r.weighted([[4, 'function'], [2, 'arrow'], [2, 'class'], [1, 'object'], [1, 'inline']]);
    this.feat(`wrap:${this.wrapStyle}`);
    this.isClass = this.wrapStyle === 'class';
    this.exportInline = r.chance(0.5);
    this.useProxy = r.chance(0.25);
    if (this.useProxy) this.feat('proxy');
    this.resultWrapper = this.wrapStyle !== 'inline';
    if (this.isClass) {
      this.classKey = r.pick(['this.key', 'this.clientKey', 'this.apiKey']);
      this.resultCallee = `this.${this.resultName}`;
    } else if (this.wrapStyle === 'object') {
      this.resultCallee = `capmonsterApi.${this.resultName}`;
    } else {
      this.resultCallee = this.resultName;
    }

    const body = [];
    const createFn = this.createFunction();
    const resultFn = this.resultWrapper ? this.resultFunction() : [];
    const pollFn = this.pollFunction();
    const solveBody = this.solveBody();
    if (this.isClass) {
      const field = this.classKey.slice(5);
      const ctor = this.ts && r.chance(0.5)
        ? [`constructor(private readonly ${field}: string) {}`]
        : [...(this.ts ? [`private readonly ${field}: string;`] : []), ...block(`constructor(${field}${this.t(': string')})`, [`this.${field} = ${field};`])];
      const cls = block(`${this.esm && this.exportInline ? 'export ' : ''}class ${r.pick(['CapMonsterClient', 'CaptchaSolver', 'Solver'])}`, [...ctor, '', ...createFn, '', ...resultFn, '', ...pollFn, '', ...solveBody]);
      body.push(...cls);
      const keyArg = this.keyName ?? this.inlineKey ?? "process.env.CAPMONSTER_KEY ?? ''";
      this.classKeyArg = keyArg;
    } else if (this.wrapStyle === 'object') {
      body.push('const capmonsterApi = {', ...resultFn, '};', ...createFn, ...pollFn, ...solveBody);
    } else {
      body.push(...createFn, '', ...resultFn, '', ...pollFn, '', ...solveBody);
    }
    return { body };
  }

  /** solve(): create, poll, maybe with a balance check and a task-level retry. */
  solveBody() {
    const r = this.r;
    const params = `pageUrl${this.t(': string')}, siteKey${this.t(': string')}${this.useProxy ? `, proxy${this.t(': Proxy')}` : ''}`;
    const self = this.isClass ? 'this.' : '';
    const lines = [];
    if (r.chance(0.25)) {
      this.feat('balanceCheck');
      const bal = this.protocol === 'json'
        ? this.jsonRequest('getBalance', `{ ${this.keyField()} }`, 'account', 'const')
        : this.phpRequest('res.php', `key=\${${this.key()}}&action=getbalance`, 'account', 'const');
      lines.push(...bal);
      const b = this.protocol === 'json' ? 'account.balance' : this.protocol === 'textJson' ? 'Number(account.request)' : 'Number(account)';
      lines.push(r.pick([`if (${b} <= 0) throw new Error('ERROR_ZERO_BALANCE');`, `if (${b} < 0.01) { console.warn('low balance'); }`, `if (${b} <= 0) return ${self}solve(pageUrl, siteKey${this.useProxy ? ', proxy' : ''});`]));
    }
    lines.push(...this.comment());
    lines.push(`const taskId = await ${self}${this.createName}(pageUrl, siteKey${this.useProxy ? ', proxy' : ''});`);
    if (r.chance(0.4)) lines.push(r.pick(["if (!taskId) throw new Error('no task id');", 'if (!taskId) return null;', "if (taskId === 0) console.warn('no task id');"]));
    lines.push(`return ${self}${this.waitName}(taskId);`);
    const out = this.fn('solve', params, lines, 'Promise<unknown>');
    const retry = r.weighted([[3, 'none'], [1, 'forTry'], [1, 'whileTry'], [1, 'recursive'], [1, 'proxyList']]);
    this.feat(`taskRetry:${retry}`);
    const call = `${self}solve(pageUrl, siteKey${this.useProxy ? ', proxy' : ''})`;
    const catchBody = () => r.pick([
      ['console.error(e);'],
      [`if (String(e).includes('ERROR_ZERO_BALANCE')) throw e;`, ...this.sleep('await')],
      [...this.sleep('await')],
      ['throw e;'],
    ]);
    const tryCall = (c) => ['try {', `  return await ${c};`, '} catch (e) {', ...ind(catchBody()), '}'];
    if (retry === 'forTry') out.push(...this.fn('solveWithRetry', params, [...block(`for (let i = 0; i < ${r.pick(['3', '5', 'MAX_RETRIES'])}; i++)`.replace('MAX_RETRIES', '3'), tryCall(call)), "throw new Error('failed');"], 'Promise<unknown>'));
    if (retry === 'whileTry') out.push(...this.fn('solveWithRetry', params, block('while (true)', tryCall(call)), 'Promise<unknown>'));
    if (retry === 'recursive') out.push(...this.fn('solveWithRetry', `${params}, retries = 3`, ['try {', `  return await ${call};`, '} catch (e) {', `  if (retries <= 0) throw e;`, `  return ${self}solveWithRetry(pageUrl, siteKey${this.useProxy ? ', proxy' : ''}, retries - 1);`, '}'], 'Promise<unknown>'));
    if (retry === 'proxyList' && this.useProxy) {
      out.push(...this.fn('solveWithProxies', `pageUrl${this.t(': string')}, siteKey${this.t(': string')}, proxies${this.t(': Proxy[]')}`, [...block('for (const proxy of proxies)', ['try {', `  return await ${self}solve(pageUrl, siteKey, proxy);`, '} catch (e) {', `  if (String(e).includes('ERROR_PROXY_BANNED')) continue;`, '  throw e;', '}']), "throw new Error('all proxies failed');"], 'Promise<unknown>'));
    }
    return out;
  }

  /** The whole file. */
  render() {
    const r = this.r;
    const { body, lookalike } = this.program();
    const out = [];
    if (!this.esm && !this.ts && r.chance(0.3)) out.push("'use strict';", '');
    out.push(...this.imports);
    if (this.ts) {
      out.push('', ...block('interface TaskResult', ['errorId: number;', 'errorCode?: string | null;', "status?: 'processing' | 'ready';", 'solution?: { gRecaptchaResponse?: string; token?: string; text?: string };', 'taskId?: number;', 'balance?: number;']));
      out.push('type Proxy = { host: string; port: number };');
      out.push('declare const page: { waitForTimeout(ms: number): Promise<void> };');
    }
    out.push('', ...this.top, '', ...this.helpers, '', ...body, '');
    // How it is used.
    const use = r.weighted([[3, 'exports'], [1, 'main'], [1, 'iife'], [1, 'tla']]);
    const entry = this.isClass ? `new (${'CapMonsterClient CaptchaSolver Solver'.split(' ').find((n) => out.some((l) => l.includes(`class ${n}`)))})(${this.classKeyArg})` : undefined;
    const solveExpr = lookalike ? undefined : entry ? `${entry}.solve(pageUrl, siteKey${this.useProxy ? ", { host: '1.2.3.4', port: 3128 }" : ''})` : `solve(pageUrl, siteKey${this.useProxy ? ", { host: '1.2.3.4', port: 3128 }" : ''})`;
    if (solveExpr) {
      out.push(`const pageUrl = 'https://example.com/login';`, `const siteKey = '6Le-wvkSAAAAAPBMRTvw0Q4Muexq9bi0DJwx_mJ-';`);
      if (use === 'main' || (use === 'tla' && !this.esm)) out.push(`${solveExpr}.then((token${this.t(': unknown')}) => console.log(token)).catch(console.error);`);
      else if (use === 'iife') out.push('(async () => {', `  console.log(await ${solveExpr});`, '})();');
      else if (use === 'tla') out.push(`console.log(await ${solveExpr});`);
      if (!this.esm && !out.some((l) => l.startsWith('module.exports'))) out.push(`module.exports = { solve${this.isClass ? ': null' : ''} };`);
    }
    if (this.esm && !out.some((l) => /^export /u.test(l))) out.push('export {};');
    return { code: out.join('\n'), lookalike: Boolean(lookalike) };
  }
}

/**
 * One generated program.
 * @returns {{ code: string, lang: 'js'|'ts', sourceType: 'module'|'commonjs', label: string, features: string[], expectNoReports: boolean }}
 */
export function generateProgram(seed, index) {
  const g = new Gen(new Rng(mix(seed, index)));
  const { code, lookalike } = g.render();
  return {
    code,
    lang: g.ts ? 'ts' : 'js',
    sourceType: g.esm || g.ts ? 'module' : 'commonjs',
    label: `domain seed=${seed} index=${index}`,
    features: [...g.features].sort(),
    expectNoReports: lookalike,
  };
}
