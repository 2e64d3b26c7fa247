import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, contains, enclosingFunction, type FunctionNode, isFunction, isLogCall, isPropertyKey, outerExpression, patternIdentifiers, propertyName, unwrap } from './ast';
import { type Frame, isObjectAssign, joinParts, type ObjectShape, type Part, UNKNOWN, type Values } from './values';

/**
 * Which calls send an HTTP request, and what they send: the URL (with an instance's base URL in front)
 * and the body, query and form fields. A call of a known HTTP client, or any call handed a URL or an
 * options object whose URL names a CapMonster endpoint, whatever the function is (a framework's
 * `this.helpers.httpRequest(opts)`, `xhr.open('POST', url)`, `$.ajax({ url })`). With a frame, the
 * call is read as it runs from one call site of the function it is in.
 */

/** A value sent in a request: the expression, and its text when that is fixed in the source. */
export interface Field {
  node: TSESTree.Node;
  text?: string;
  /**
   * The value is one part of a longer text (a URL query, a `key=…&action=…` string): `node` may hold
   * more than the value. Otherwise the text is the whole of `node`'s value.
   */
  part?: boolean;
  /** The value was passed in by the call site the request was read from (a wrapper's parameter). */
  passed?: boolean;
}

/** What one HTTP call sends, as far as the source shows it. */
export interface HttpCall {
  /** The flattened URL, with the instance's base URL in front when the call goes through `axios.create()` and the like. */
  url: Part[];
  /** Body, query and form fields by name: `clientKey`, `taskId`, `task`, `key`, `action`, `id`, … */
  fields: Map<string, Field>;
  /** The callee is a known HTTP client (not a call recognised by its URL alone). */
  known: boolean;
  /** Some of what it sends comes from parameters of the functions around it that no frame binds. */
  dependsOnParams: boolean;
}

/** Modules whose exports send HTTP requests. */
export const HTTP_MODULES = new Set([
  'axios',
  'got',
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'undici',
  'request',
  'request-promise',
  'request-promise-native',
  'superagent',
  'ky',
  'needle',
  'https',
  'http',
  'node:https',
  'node:http',
  'ofetch',
  'phin',
  'centra',
]);

/** Callee names that send a request whatever they were imported as. */
const HTTP_FUNCTIONS = new Set(['fetch', 'axios', 'got', 'request', 'rp', 'ky', 'needle', 'superagent', 'ofetch', '$fetch']);
/** Method names of HTTP clients and their instances. */
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'request', 'fetch', 'head', 'delete']);
/** Factory methods that make an instance with a base URL: `axios.create`, `got.extend`, `ky.create`, `request.defaults`. */
export const INSTANCE_FACTORIES = new Set(['create', 'extend', 'defaults', 'agent']);
const HTTP_VERBS = /^(?:get|post|put|patch|delete|head|options)$/i;

const URL_OPTION_KEYS = ['url', 'uri', 'href'];
const BASE_OPTION_KEYS = ['baseURL', 'baseUrl', 'prefixUrl', 'prefixURL'];
const PAYLOAD_OPTION_KEYS = ['json', 'body', 'data', 'form', 'formData', 'params', 'qs', 'query', 'searchParams'];
const FIELD_HINTS = new Set(['clientKey', 'taskId', 'task', 'key', 'action', 'method']);

/**
 * Calls that take a URL without sending it: building, testing, logging, storing. A URL handed to one
 * of these is not a request. (Same-file functions are followed instead: see the wrappers.)
 */
const NOT_SENDERS = new Set([
  'push', 'unshift', 'set', 'has', 'add', 'includes', 'indexOf', 'startsWith', 'endsWith', 'replace', 'replaceAll',
  'split', 'match', 'matchAll', 'test', 'exec', 'emit', 'on', 'once', 'off', 'join', 'format', 'stringify', 'parse',
  'resolve', 'reject', 'encodeURIComponent', 'encodeURI', 'decodeURIComponent', 'String', 'URL', 'URLSearchParams',
  'expect', 'assert', 'equal', 'strictEqual', 'deepEqual', 'deepStrictEqual', 'describe', 'it', 'test', 'nock',
  'concat', 'slice', 'substring', 'toString', 'sprintf', 'Error', 'require', 'import', 'then', 'catch', 'finally',
  'setItem', 'getItem', 'write', 'writeFileSync', 'appendFile', 'appendFileSync', 'info', 'warn', 'error', 'debug', 'log',
]);
const ENDPOINT_OPTION_KEYS = [...URL_OPTION_KEYS, ...BASE_OPTION_KEYS, 'hostname', 'host'];
/** Endpoint markers: a URL text without one of these is not a CapMonster request whoever sends it. */
const ENDPOINT_HINT = /capmonster\.cloud|anti-captcha\.com|2captcha\.com|rucaptcha\.com|65\.21\.216\.235|createTask|getTaskResult|getBalance|reportIncorrect|(?:in|res)\.php/i;

/**
 * A field whose text is resolved when first read: most fields of a request (the task's website, its
 * options) are never looked at. A class, so that making one is a plain allocation.
 */
class LazyField implements Field {
  private resolved = false;
  private value: string | undefined;

  constructor(
    readonly node: TSESTree.Node,
    private readonly values: Values,
    private readonly frame: Frame | undefined,
    readonly passed: boolean,
  ) {}

  get text(): string | undefined {
    if (!this.resolved) {
      this.resolved = true;
      this.value = this.values.string(this.node, this.frame);
    }
    return this.value;
  }
}

export class Senders {
  constructor(
    private readonly values: Values,
    private readonly httpNames: ReadonlySet<string>,
    /** Names (variables, or `this.` fields) assigned from a `.create()` / `.extend()` call: candidate instances. */
    private readonly instanceNames: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether an identifier names an HTTP function or an imported HTTP module. */
  private isHttpName(name: string): boolean {
    return HTTP_FUNCTIONS.has(name) || this.httpNames.has(name);
  }

  /** The base URL of an `axios.create({ baseURL })` / `got.extend({ prefixUrl })` / `request.defaults({ baseUrl })` instance. */
  private instanceBase(node: TSESTree.Node, frame: Frame | undefined): Part[] | undefined {
    // Only names assigned from a factory call can be instances: skip the scope look-up for the rest.
    const n = unwrap(node);
    const name =
      n.type === AST_NODE_TYPES.Identifier
        ? n.name
        : n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression
          ? `this.${propertyName(n) ?? ''}`
          : undefined;
    if (name === undefined || !this.instanceNames.has(name)) return undefined;
    const value = this.values.valueOf(node);
    if (!value) return undefined;
    const v = unwrap(value);
    if (v.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(v.callee);
    if (
      callee.type !== AST_NODE_TYPES.MemberExpression ||
      !INSTANCE_FACTORIES.has(propertyName(callee) ?? '') ||
      !(callee.object.type === AST_NODE_TYPES.Identifier && this.isHttpName(callee.object.name))
    ) {
      return undefined;
    }
    const opts = v.arguments[0] ? this.values.shape(v.arguments[0], frame) : undefined;
    for (const k of BASE_OPTION_KEYS) {
      const s = opts?.fields.get(k);
      if (s) return this.values.parts(s.node, true, s.frame);
    }
    return [];
  }

  /** Whether a call goes to a known HTTP client; its instance's base URL when it has one. */
  private knownClient(call: TSESTree.CallExpression, frame: Frame | undefined): { base?: Part[] } | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (this.isHttpName(callee.name)) return {};
      const base = this.instanceBase(callee, frame);
      return base !== undefined ? { base } : undefined;
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const obj = unwrap(callee.object);
      const base = this.instanceBase(obj, frame);
      if (base !== undefined) return { base };
      if (HTTP_METHODS.has(propertyName(callee) ?? '') || (obj.type === AST_NODE_TYPES.Identifier && this.isHttpName(obj.name))) return {};
    }
    return undefined;
  }

  /** A URL builder: its result turned into text, right away or wherever the variable that holds it is read. */
  private buildsUrl(call: TSESTree.CallExpression): boolean {
    if (isStringified(call)) return true;
    const p = outerExpression(call).parent;
    if (p?.type !== AST_NODE_TYPES.VariableDeclarator || p.id.type !== AST_NODE_TYPES.Identifier) return false;
    const reads = (this.values.variableOf(p.id)?.references ?? []).filter((r) => r.isRead());
    return reads.length > 0 && reads.every((r) => isStringified(r.identifier as TSESTree.Identifier));
  }

  /**
   * Whether a call of an unknown function is handed a CapMonster endpoint: a URL argument, or an options
   * object with a URL, whose text names a compatible host or a CapMonster method.
   */
  private handedEndpoint(call: TSESTree.CallExpression, frame: Frame | undefined): boolean {
    const name = calleeName(call);
    if (name === undefined || NOT_SENDERS.has(name) || /^to[A-Z]/.test(name) || isLogCall(call) || this.buildsUrl(call)) return false;
    const args = call.arguments;
    for (let i = 0; i < args.length && i < 3; i++) {
      const a = args[i]!;
      if (a.type === AST_NODE_TYPES.SpreadElement) continue;
      const u = unwrap(a);
      if (u.type === AST_NODE_TYPES.Literal) {
        if (i <= 1 && typeof u.value === 'string' && ENDPOINT_HINT.test(u.value)) return true;
        continue;
      }
      if (isFunction(u) || u.type === AST_NODE_TYPES.ArrayExpression || u.type === AST_NODE_TYPES.ThisExpression) continue;
      // An options object (written here or held in a name): its URL. Anything else: its text.
      const held = u.type === AST_NODE_TYPES.Identifier || u.type === AST_NODE_TYPES.MemberExpression ? (this.values.valueOf(u) ?? u) : u;
      if (unwrap(held).type === AST_NODE_TYPES.ObjectExpression) {
        const shape = this.values.shape(u, frame);
        for (const k of ENDPOINT_OPTION_KEYS) {
          const s = shape?.fields.get(k);
          if (s && ENDPOINT_HINT.test(joinParts(this.values.parts(s.node, true, s.frame)))) return true;
        }
        continue;
      }
      if (i <= 1 && ENDPOINT_HINT.test(frame ? joinParts(this.values.parts(u, true, frame)) : this.values.text(u))) return true;
    }
    return false;
  }

  /** The frame of the call being extracted: what lies outside its function was passed in by the call site. */
  private top: Frame | undefined;

  /** What an HTTP call sends, or undefined when it is not one. */
  extract(call: TSESTree.CallExpression, frame?: Frame): HttpCall | undefined {
    if (call.arguments.length === 0) return undefined;
    this.top = frame;
    const known = this.knownClient(call, frame);
    if (!known) {
      // A same-file function is followed as a wrapper, not read as a sender.
      if (!this.handedEndpoint(call, frame) || this.values.calleeOf(call)) return undefined;
    }
    const out: HttpCall = { url: [], fields: new Map(), known: known !== undefined, dependsOnParams: false };
    // The URL: a URL-like positional argument, or an options object's. A call recognised by its URL alone
    // (an unknown function) takes the one that names the endpoint.
    let positional: Part[] | undefined;
    let optUrl: Part[] | undefined;
    const args = call.arguments;
    args.forEach((arg, i) => {
      if (arg.type === AST_NODE_TYPES.SpreadElement) return;
      const a = unwrap(arg);
      if (isFunction(a) || a.type === AST_NODE_TYPES.ThisExpression) return;
      if (i === 0 && args.length > 1 && a.type === AST_NODE_TYPES.Literal && typeof a.value === 'string' && HTTP_VERBS.test(a.value)) {
        return; // needle('post', url, data), xhr.open('POST', url)
      }
      const shape = this.mayBeObject(a, frame) ? this.values.shape(a, frame) : undefined;
      if (shape && (shape.node.type === AST_NODE_TYPES.ObjectExpression || (shape.node.type === AST_NODE_TYPES.CallExpression && isObjectAssign(shape.node)))) {
        const u = this.options(shape, out);
        if (u && !optUrl) optUrl = u;
        return;
      }
      if (!positional && i <= 1) {
        const parts = this.values.parts(a, true, frame);
        if (known || ENDPOINT_HINT.test(joinParts(parts)) || parts.some((p) => p.param)) {
          positional = parts;
          return;
        }
      }
      // A parameter the frame does not bind: what it is comes from the call sites.
      this.payload(a, out, frame);
    });
    const url = positional ?? optUrl;
    this.chained(call, out, frame);
    out.url = joinBase(known?.base, url);
    if (!frame && !out.dependsOnParams) out.dependsOnParams = out.url.some((p) => p.param) || this.mentionsParameters(call);
    queryFields(out.url, out.fields, (node) => this.passed(node));
    return out;
  }

  /** Whether the arguments read a parameter of a function around the call (a body spread from one, a field from one). */
  private mentionsParameters(call: TSESTree.CallExpression): boolean {
    // The names the parameters of the functions around the call bind: most calls read none of them.
    const names = new Set<string>();
    const around: FunctionNode[] = [];
    for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
      around.push(fn);
      for (const p of fn.params) {
        for (const id of patternIdentifiers(p.type === AST_NODE_TYPES.TSParameterProperty ? p.parameter : p)) names.add(id.name);
      }
    }
    if (names.size === 0) return false;
    return call.arguments.some((a) => this.readsParameters(a, names, around, 0));
  }

  /** Whether an expression reads one of `names` as a parameter, itself or through a local of the functions `around` (`const all = { ...params }`). */
  private readsParameters(node: TSESTree.Node, names: ReadonlySet<string>, around: readonly FunctionNode[], depth: number): boolean {
    return this.values.someNode(
      node,
      (n) => {
        if (n.type !== AST_NODE_TYPES.Identifier || isPropertyKey(n)) return false;
        if (names.has(n.name) && this.values.parameterOf(n) !== undefined) return true;
        if (depth >= 3) return false;
        const held = this.values.valueOf(n);
        return held !== undefined && held !== n && around.some((fn) => contains(fn, held)) && this.readsParameters(held, names, around, depth + 1);
      },
      400,
    );
  }

  /** Whether an argument can hold an object: written as one, held in a name or field that holds one, a parameter, or built by a call. */
  private mayBeObject(a: TSESTree.Node, frame: Frame | undefined): boolean {
    if (frame) return true;
    switch (a.type) {
      case AST_NODE_TYPES.ObjectExpression:
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        return true;
      case AST_NODE_TYPES.Identifier:
      case AST_NODE_TYPES.MemberExpression: {
        if (this.values.parameterOf(a)) return true;
        const held = this.values.valueOf(a);
        const t = held && unwrap(held).type;
        return t === undefined ? a.type === AST_NODE_TYPES.MemberExpression : t === AST_NODE_TYPES.ObjectExpression || t === AST_NODE_TYPES.CallExpression || t === AST_NODE_TYPES.NewExpression;
      }
      default:
        return false;
    }
  }

  /** Reads an options object; returns its URL when it has one. */
  private options(obj: ObjectShape, out: HttpCall): Part[] | undefined {
    const get = (k: string): Part[] | undefined => {
      const s = obj.fields.get(k);
      return s ? this.values.parts(s.node, true, s.frame) : undefined;
    };
    let url: Part[] | undefined;
    let isOptions = false;
    for (const k of URL_OPTION_KEYS) {
      const p = get(k);
      if (p) {
        url = p;
        isOptions = true;
      }
    }
    for (const k of BASE_OPTION_KEYS) {
      const p = get(k);
      if (p) {
        url = [...p, ...(url ?? [])];
        isOptions = true;
      }
    }
    const hostSlot = obj.fields.get('hostname') ?? obj.fields.get('host');
    if (hostSlot) {
      url = [{ text: 'https://', node: hostSlot.node }, ...(get('hostname') ?? get('host') ?? []), ...(get('path') ?? get('pathname') ?? [])];
      isOptions = true;
    }
    // `{ key, action: 'get', id, json: 1 }`, `{ key, method: 'base64', body }`: the 2captcha fields of the body
    // itself, whose `json` and `body` are fields too, not the options of an HTTP client.
    if (!isOptions && (obj.fields.has('clientKey') || obj.fields.has('key'))) {
      this.addFields(obj, out);
      return url;
    }
    // `axios.request(Object.assign({ method: 'POST' }, opts))`: the URL is in what the caller passes.
    if (!url && obj.unbound) {
      const part = this.values.unboundParam(obj.unbound, undefined);
      if (part) {
        url = [part];
        isOptions = true;
      }
    }
    let payloadKeys = 0;
    for (const k of PAYLOAD_OPTION_KEYS) {
      const s = obj.fields.get(k);
      if (s) {
        payloadKeys++;
        this.payload(s.node, out, s.frame);
      }
    }
    if (!isOptions && payloadKeys === 0) {
      // axios.post(url, { clientKey, task }): the object is the body itself.
      let looksLikeBody = obj.open;
      for (const k of obj.fields.keys()) if (FIELD_HINTS.has(k)) looksLikeBody = true;
      if (looksLikeBody) this.addFields(obj, out);
    }
    return url;
  }

  private addFields(shape: ObjectShape, out: HttpCall): void {
    for (const [name, s] of shape.fields) {
      const field = this.field(s.node, s.frame);
      out.fields.set(name, field);
    }
  }

  /** A sent value; a parameter bound by the frame is read at the call site that passes it. */
  private field(node: TSESTree.Node, frame: Frame | undefined): Field {
    let n = node;
    let f = frame;
    let passed = false;
    for (let i = 0; i < 4 && f; i++) {
      const u = unwrap(n);
      if (u.type !== AST_NODE_TYPES.Identifier) break;
      const p = this.values.parameterOf(u);
      if (!p || p.path.length > 0) break;
      let hit: Frame | undefined;
      for (let g: Frame | undefined = f; g; g = g.outer) if (g.fn === p.fn) hit = g;
      if (!hit) break;
      const arg = this.values.argumentFor(p, hit);
      if (!arg?.node) break;
      n = arg.node;
      f = arg.frame;
      passed = true;
    }
    return new LazyField(n, this.values, f, passed || this.passed(n));
  }

  /** Whether a node lies outside every function the frames follow: the outermost call site passed it in. */
  private passed(node: TSESTree.Node): boolean {
    if (!this.top) return false;
    for (let f: Frame | undefined = this.top; f; f = f.outer) {
      if (f.fn.range[0] <= node.range[0] && node.range[1] <= f.fn.range[1]) return false;
    }
    return true;
  }

  /** Adds the fields of a body, form or query payload. */
  payload(node: TSESTree.Node, out: HttpCall, frame?: Frame, depth = 0): void {
    if (depth > 8) return;
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(n.callee);
      // JSON.stringify(x), qs.stringify(x), querystring.stringify(x)
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'stringify' && n.arguments[0]) {
        this.payload(n.arguments[0], out, frame, depth + 1);
        return;
      }
    }
    const shape = this.values.shape(n, frame);
    if (shape) {
      this.addFields(shape, out);
      return;
    }
    const parts = this.values.parts(n, true, frame);
    if (parts.some((l) => l.param)) out.dependsOnParams = true;
    if (parts.some((l) => l.text?.includes('='))) queryFields([{ text: '?', node: n }, ...parts], out.fields, (x) => this.passed(x));
  }

  /**
   * What is sent after the call that opens the request: superagent-style chains (`.send(body)`,
   * `.query(q)`), `req.write(body)` on a `https.request()` result, and `xhr.send(body)` after `xhr.open()`.
   */
  private chained(call: TSESTree.CallExpression, out: HttpCall, frame: Frame | undefined): void {
    let cur: TSESTree.Node = call;
    for (let i = 0; i < 16; i++) {
      const member: TSESTree.Node | undefined = cur.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== cur) break;
      const next: TSESTree.Node | undefined = member.parent;
      if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
      const name = propertyName(member);
      if ((name === 'send' || name === 'query' || name === 'form' || name === 'field') && next.arguments[0]) {
        this.payload(next.arguments[0], out, frame);
      }
      cur = next;
    }
    let holder: TSESTree.Node | undefined;
    const decl = call.parent;
    if (decl?.type === AST_NODE_TYPES.VariableDeclarator && decl.id.type === AST_NODE_TYPES.Identifier) holder = decl.id;
    // xhr.open('POST', url); xhr.send(body)
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'open') {
      const obj = unwrap(callee.object);
      if (obj.type === AST_NODE_TYPES.Identifier) holder = obj;
      else if (this.values.isThis(obj)) {
        for (const s of this.sendsOnThis(call)) this.payload(s, out, frame);
      }
    }
    if (holder?.type !== AST_NODE_TYPES.Identifier) return;
    const variable = this.values.variableOf(holder);
    for (const ref of variable?.references ?? []) {
      const m = ref.identifier.parent;
      const name = m?.type === AST_NODE_TYPES.MemberExpression ? propertyName(m) : undefined;
      if (
        m?.type === AST_NODE_TYPES.MemberExpression &&
        (name === 'write' || name === 'end' || name === 'send') &&
        m.parent?.type === AST_NODE_TYPES.CallExpression &&
        m.parent.callee === m &&
        m.parent.arguments[0]
      ) {
        this.payload(m.parent.arguments[0], out, frame);
      }
    }
  }

  /** `this.send(body)` calls in the function that calls `this.open(…)` (an XHR subclass or a `this`-bound handler). */
  private sendsOnThis(call: TSESTree.CallExpression): TSESTree.Node[] {
    const out: TSESTree.Node[] = [];
    let fn: TSESTree.Node | undefined = call.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    if (!fn) return out;
    this.values.walk(fn, (n) => {
      if (
        n.type === AST_NODE_TYPES.CallExpression &&
        n.callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(n.callee) === 'send' &&
        this.values.isThis(n.callee.object) &&
        n.arguments[0]
      ) {
        out.push(n.arguments[0]);
      }
    });
    return out;
  }
}

/** Reads `name=value` pairs after the `?` of a flattened URL; each value keeps the expression it came from. */
export function queryFields(parts: Part[], fields: Map<string, Field>, passed: (node: TSESTree.Node) => boolean = () => false): void {
  const text = joinParts(parts);
  const q = text.indexOf('?');
  if (q < 0) return;
  const owner: number[] = [];
  parts.forEach((l, i) => {
    const length = l.text !== undefined ? l.text.length : 1;
    for (let k = 0; k < length; k++) owner.push(i);
  });
  let pos = q + 1;
  for (const pair of text.slice(q + 1).split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && !pair.slice(0, eq).includes(UNKNOWN)) {
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const start = pos + eq + 1;
      const covering = [...new Set(owner.slice(start, start + value.length))];
      const exact = covering.find((i) => parts[i]!.text === value || parts[i]!.text === undefined);
      const node = parts[exact ?? covering[0] ?? owner[pos] ?? 0]!.node;
      const isPassed = passed(node);
      fields.set(
        name,
        value.includes(UNKNOWN) ? { node, part: true, passed: isPassed } : { node, text: decodeURIComponentSafe(value), part: true, passed: isPassed },
      );
    }
    pos += pair.length + 1;
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** A base URL and a path: axios, got and ky join `'getTaskResult'` to `'https://host'` with a slash. */
function joinBase(base: Part[] | undefined, url: Part[] | undefined): Part[] {
  if (!base || base.length === 0) return url ?? [];
  if (!url || url.length === 0) return base;
  const b = joinParts(base);
  const u = joinParts(url);
  if (/^[a-z]+:\/\//i.test(u)) return url;
  if (!b.endsWith('/') && !u.startsWith('/') && !b.endsWith(UNKNOWN) && !u.startsWith(UNKNOWN)) return [...base, { text: '/', node: url[0]!.node }, ...url];
  return [...base, ...url];
}

/** Methods that turn a URL object into its text. */
const TO_TEXT = new Set(['toString', 'href', 'toJSON', 'valueOf']);

/**
 * `uri(url).toString()`, `new URI(url).addQuery(q).href()`: a call whose result (after any chain of method
 * calls) is turned into text builds a URL; a request's result is never read that way.
 */
export function isStringified(call: TSESTree.Node): boolean {
  let cur: TSESTree.Node = call;
  for (;;) {
    const m: TSESTree.Node | undefined = cur.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== cur) return false;
    const name = propertyName(m);
    if (name !== undefined && TO_TEXT.has(name)) return true;
    const c: TSESTree.Node | undefined = m.parent;
    if (c?.type !== AST_NODE_TYPES.CallExpression || c.callee !== m) return false;
    cur = c;
  }
}
