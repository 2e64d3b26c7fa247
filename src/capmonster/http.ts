import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { findProperty, isFunction, propertyName, unwrap } from './ast';
import { type CapMethod, methodFromName } from './methods';
import { type Leaf, type StaticResolver, UNKNOWN } from './static';

/** A value sent in a request: the expression, and its text when that is fixed in the source. */
export interface Field {
  node: TSESTree.Node;
  text?: string;
  /**
   * The value is one part of a longer text (a URL query, a `key=…&action=…` string): `node` may hold
   * more than the value. Otherwise the text is the whole of `node`'s value.
   */
  part?: boolean;
}

/** What one HTTP call sends, as far as the source shows it. */
export interface HttpCall {
  /** The flattened URL, with the instance's base URL in front when the call goes through `axios.create()` and the like. */
  url: Leaf[];
  /** Body, query and form fields by name: `clientKey`, `taskId`, `task`, `key`, `action`, `id`, … */
  fields: Map<string, Field>;
  /** Parameters of the enclosing function that are sent as (part of) the body: a generic helper's payload. */
  bodyParams: number[];
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
/** Factory methods that make an instance with a base URL. */
const INSTANCE_FACTORIES = new Set(['create', 'extend']);
const HTTP_VERBS = /^(?:get|post|put|patch|delete|head|options)$/i;

const URL_OPTION_KEYS = ['url', 'uri'];
const BASE_OPTION_KEYS = ['baseURL', 'baseUrl', 'prefixUrl', 'prefixURL'];
const PAYLOAD_OPTION_KEYS = ['json', 'body', 'data', 'form', 'formData', 'params', 'qs', 'query', 'searchParams'];
const FIELD_HINTS = new Set(['clientKey', 'taskId', 'task', 'key', 'action', 'method']);

const HOST_CAPMONSTER = /capmonster\.cloud/i;
const HOST_COMPATIBLE = /anti-captcha\.com|2captcha\.com|rucaptcha\.com|65\.21\.216\.235/i;
const JSON_PATH = /\/(createTask|getTaskResult|getBalance|reportIncorrect[A-Za-z]*)(?![A-Za-z])/;
const IN_PHP = /\/in\.php(?![\w.])/i;
const RES_PHP = /\/res\.php(?![\w.])/i;

/**
 * A field whose text is resolved when first read: most fields of a request (the task's website, its
 * options) are never looked at, and resolving their text was most of the extraction. A class, so that
 * making one is a plain allocation (an object literal with a getter is not).
 */
class LazyField implements Field {
  private resolved = false;
  private value: string | undefined;

  constructor(
    readonly node: TSESTree.Node,
    private readonly resolver: StaticResolver,
  ) {}

  get text(): string | undefined {
    if (!this.resolved) {
      this.resolved = true;
      this.value = this.resolver.string(this.node);
    }
    return this.value;
  }
}

export class HttpExtractor {
  constructor(
    private readonly resolver: StaticResolver,
    private readonly httpNames: ReadonlySet<string>,
    /** Names (variables, or `this.` fields) assigned from a `.create()` / `.extend()` call: candidate instances. */
    private readonly instanceNames: ReadonlySet<string> = new Set(),
  ) {}

  /** Whether an identifier names an HTTP function or an imported HTTP module. */
  private isHttpName(name: string): boolean {
    return HTTP_FUNCTIONS.has(name) || this.httpNames.has(name);
  }

  /** The base URL of an `axios.create({ baseURL })` / `got.extend({ prefixUrl })` / `ky.create()` instance. */
  private instanceBase(node: TSESTree.Node): Leaf[] | undefined {
    // Only names assigned from a factory call can be instances: skip the scope look-up for the rest.
    const n = unwrap(node);
    const name =
      n.type === AST_NODE_TYPES.Identifier
        ? n.name
        : n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression
          ? `this.${propertyName(n) ?? ''}`
          : undefined;
    if (name === undefined || !this.instanceNames.has(name)) return undefined;
    const value = this.resolver.valueOf(node);
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
    const opts = v.arguments[0] ? this.resolver.object(v.arguments[0]) : undefined;
    for (const k of BASE_OPTION_KEYS) {
      const p = opts && findProperty(opts, k);
      if (p) return this.resolver.leaves(p.value);
    }
    return [];
  }

  /** What an HTTP call sends, or undefined when the callee is not an HTTP client. */
  extract(call: TSESTree.CallExpression): HttpCall | undefined {
    const callee = unwrap(call.callee);
    let base: Leaf[] | undefined;
    let http = false;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      http = this.isHttpName(callee.name);
      if (!http) {
        base = this.instanceBase(callee);
        http = base !== undefined;
      }
    } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const obj = unwrap(callee.object);
      base = this.instanceBase(obj);
      http =
        base !== undefined ||
        HTTP_METHODS.has(propertyName(callee) ?? '') ||
        (obj.type === AST_NODE_TYPES.Identifier && this.isHttpName(obj.name));
    }
    if (!http || call.arguments.length === 0) return undefined;

    const out: HttpCall = { url: [], fields: new Map(), bodyParams: [] };
    let url: Leaf[] | undefined;
    const args = call.arguments;
    args.forEach((arg, i) => {
      if (arg.type === AST_NODE_TYPES.SpreadElement) return;
      const a = unwrap(arg);
      if (isFunction(a)) return;
      if (
        i === 0 &&
        args.length > 1 &&
        a.type === AST_NODE_TYPES.Literal &&
        typeof a.value === 'string' &&
        HTTP_VERBS.test(a.value)
      ) {
        return; // needle('post', url, data)
      }
      const obj = this.resolver.object(a);
      if (obj) {
        const optUrl = this.options(obj, out);
        if (optUrl && !url) url = optUrl;
        return;
      }
      if (!url && i <= 1) {
        url = this.resolver.leaves(a);
        this.searchParamsOf(a, out);
        return;
      }
      this.payload(a, out);
    });
    this.chained(call, out);
    out.url = [...(base ?? []), ...(url ?? [])];
    this.queryFields(out.url, out.fields);
    return out;
  }

  /** Reads an options object; returns its URL when it has one. */
  private options(obj: TSESTree.ObjectExpression, out: HttpCall): Leaf[] | undefined {
    // Some twenty option names are looked up: name the properties once (the last of a name wins, as in findProperty).
    const byName = new Map<string, TSESTree.Property>();
    for (const prop of obj.properties) {
      if (prop.type !== AST_NODE_TYPES.Property) continue;
      const name = propertyName(prop);
      if (name !== undefined) byName.set(name, prop);
    }
    let url: Leaf[] | undefined;
    let isOptions = false;
    for (const k of URL_OPTION_KEYS) {
      const p = byName.get(k);
      if (p) {
        url = this.resolver.leaves(p.value);
        isOptions = true;
      }
    }
    for (const k of BASE_OPTION_KEYS) {
      const p = byName.get(k);
      if (p) {
        url = [...this.resolver.leaves(p.value), ...(url ?? [])];
        isOptions = true;
      }
    }
    const host = byName.get('hostname') ?? byName.get('host');
    if (host) {
      const path = byName.get('path');
      url = [
        { text: 'https://', node: host },
        ...this.resolver.leaves(host.value),
        ...(path ? this.resolver.leaves(path.value) : []),
      ];
      isOptions = true;
    }
    let payloadKeys = 0;
    for (const k of PAYLOAD_OPTION_KEYS) {
      const p = byName.get(k);
      if (p) {
        payloadKeys++;
        this.payload(p.value, out);
      }
    }
    if (!isOptions && payloadKeys === 0) {
      // axios.post(url, { clientKey, task }): the object is the body itself.
      const looksLikeBody = obj.properties.some(
        (p) =>
          (p.type === AST_NODE_TYPES.Property && FIELD_HINTS.has(propertyName(p) ?? '')) ||
          p.type === AST_NODE_TYPES.SpreadElement,
      );
      if (looksLikeBody) this.payload(obj, out);
    }
    return url;
  }

  /** A sent value whose text is worked out when first read (see {@link LazyField}). */
  private field(node: TSESTree.Node): Field {
    return new LazyField(node, this.resolver);
  }

  /** Adds the fields of a body, form or query payload. */
  payload(node: TSESTree.Node, out: HttpCall, depth = 0): void {
    if (depth > 8) return;
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(n.callee);
      // JSON.stringify(x), qs.stringify(x), querystring.stringify(x)
      if (callee.type === AST_NODE_TYPES.MemberExpression && propertyName(callee) === 'stringify' && n.arguments[0]) {
        this.payload(n.arguments[0], out, depth + 1);
      }
      // Object.assign({ clientKey: KEY }, body): every source's fields, the later ones winning.
      if (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        propertyName(callee) === 'assign' &&
        callee.object.type === AST_NODE_TYPES.Identifier &&
        callee.object.name === 'Object'
      ) {
        for (const arg of n.arguments) if (arg.type !== AST_NODE_TYPES.SpreadElement) this.payload(arg, out, depth + 1);
      }
      return;
    }
    if (n.type === AST_NODE_TYPES.NewExpression) {
      if (n.callee.type === AST_NODE_TYPES.Identifier && n.callee.name === 'URLSearchParams' && n.arguments[0]) {
        this.payload(n.arguments[0], out, depth + 1);
      }
      return;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const param = this.paramIndex(n);
      if (param !== undefined) {
        out.bodyParams.push(param);
        return;
      }
    }
    const obj = this.resolver.object(n);
    if (obj) {
      for (const prop of obj.properties) {
        if (prop.type === AST_NODE_TYPES.SpreadElement) {
          this.payload(prop.argument, out, depth + 1);
        } else {
          const name = propertyName(prop);
          if (name !== undefined) {
            out.fields.set(name, this.field(prop.value));
          }
        }
      }
      return;
    }
    if (n.type === AST_NODE_TYPES.Identifier) {
      const value = this.resolver.valueOf(n);
      const v = value && unwrap(value);
      if (v?.type === AST_NODE_TYPES.NewExpression) {
        // const form = new FormData(); form.append('key', KEY)  /  new URLSearchParams(); p.set(...)
        if (v.arguments[0]) this.payload(v.arguments[0], out, depth + 1);
        this.appends(n, out, false);
        return;
      }
    }
    const leaves = this.resolver.leaves(n);
    if (leaves.some((l) => l.text?.includes('='))) this.queryFields([{ text: '?', node: n }, ...leaves], out.fields);
  }

  /** `url.searchParams.set('key', KEY)` on a `new URL(...)` held in a variable. */
  private searchParamsOf(node: TSESTree.Node, out: HttpCall): void {
    const n = unwrap(node);
    if (n.type === AST_NODE_TYPES.Identifier) this.appends(n, out, true);
  }

  /** Collects `x.append(name, value)` / `x.set(...)` (or `x.searchParams.set(...)`) calls on a variable. */
  private appends(id: TSESTree.Identifier, out: HttpCall, viaSearchParams: boolean): void {
    const variable = this.resolver.variableOf(id);
    if (!variable) return;
    for (const ref of variable.references) {
      let member: TSESTree.Node | undefined = ref.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== ref.identifier) continue;
      if (viaSearchParams) {
        if (propertyName(member) !== 'searchParams') continue;
        member = member.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression) continue;
      }
      const name = propertyName(member);
      const call = member.parent;
      if (
        (name === 'append' || name === 'set') &&
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === member &&
        call.arguments.length >= 2
      ) {
        const field = this.resolver.string(call.arguments[0]!);
        const value = call.arguments[1]!;
        if (field !== undefined) out.fields.set(field, this.field(value));
      }
    }
  }

  /** superagent-style chains (`.send(body)`, `.query(q)`) and `req.write(body)` on a `https.request()` result. */
  private chained(call: TSESTree.CallExpression, out: HttpCall): void {
    let cur: TSESTree.Node = call;
    for (let i = 0; i < 16; i++) {
      const member: TSESTree.Node | undefined = cur.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== cur) break;
      const next: TSESTree.Node | undefined = member.parent;
      if (next?.type !== AST_NODE_TYPES.CallExpression || next.callee !== member) break;
      const name = propertyName(member);
      if ((name === 'send' || name === 'query' || name === 'form' || name === 'field') && next.arguments[0]) {
        this.payload(next.arguments[0], out);
      }
      cur = next;
    }
    const decl = call.parent;
    if (decl?.type === AST_NODE_TYPES.VariableDeclarator && decl.id.type === AST_NODE_TYPES.Identifier) {
      const variable = this.resolver.variableOf(decl.id);
      for (const ref of variable?.references ?? []) {
        const m = ref.identifier.parent;
        if (
          m?.type === AST_NODE_TYPES.MemberExpression &&
          (propertyName(m) === 'write' || propertyName(m) === 'end') &&
          m.parent?.type === AST_NODE_TYPES.CallExpression &&
          m.parent.arguments[0]
        ) {
          this.payload(m.parent.arguments[0], out);
        }
      }
    }
  }

  /** Reads `name=value` pairs after the `?` of a flattened URL; each value keeps the expression it came from. */
  queryFields(leaves: Leaf[], fields: Map<string, Field>): void {
    let text = '';
    const owner: number[] = [];
    leaves.forEach((l, i) => {
      const piece = l.text !== undefined ? l.text : UNKNOWN;
      text += piece;
      for (let k = 0; k < piece.length; k++) owner.push(i);
    });
    const q = text.indexOf('?');
    if (q < 0) return;
    let pos = q + 1;
    for (const pair of text.slice(q + 1).split('&')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && !pair.slice(0, eq).includes(UNKNOWN)) {
        const name = pair.slice(0, eq);
        const value = pair.slice(eq + 1);
        const start = pos + eq + 1;
        const covering = [...new Set(owner.slice(start, start + value.length))];
        const exact = covering.find((i) => leaves[i]!.text === value || leaves[i]!.text === undefined);
        const node = leaves[exact ?? covering[0] ?? owner[pos] ?? 0]!.node;
        fields.set(name, value.includes(UNKNOWN) ? { node, part: true } : { node, text: decodeURIComponentSafe(value), part: true });
      }
      pos += pair.length + 1;
    }
  }

  private paramIndex(id: TSESTree.Identifier): number | undefined {
    const variable = this.resolver.variableOf(id);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.type !== 'Parameter') return undefined;
    const fn = def.node;
    if (!isFunction(fn)) return undefined;
    const idx = fn.params.findIndex((p) => p === def.name || (p.type === AST_NODE_TYPES.AssignmentPattern && p.left === def.name));
    return idx < 0 ? undefined : idx;
  }

  /** The parameter index, in its own function, of a plain identifier parameter. */
  parameterOf(node: TSESTree.Node): { fn: TSESTree.Node; index: number } | undefined {
    const n = unwrap(node);
    if (n.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.resolver.variableOf(n);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
    const index = this.paramIndex(n);
    return index === undefined ? undefined : { fn: def.node, index };
  }
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export type HostKind = 'capmonster' | 'compatible' | 'unknown';

export interface Classification {
  method: CapMethod;
  protocol: 'json' | 'text';
  host: HostKind;
  /** The URL ends in a parameter of the enclosing function: a generic `call(method, body)` helper. */
  methodParam?: { fn: TSESTree.Node; index: number };
}

/**
 * Decides whether an HTTP call is a CapMonster request and which method it sends. `fileHasHost` says
 * whether the file names a CapMonster-compatible host anywhere (so a bare `/getTaskResult` path on an
 * instance counts).
 */
export function classify(http: HttpCall, extractor: HttpExtractor, fileHasHost: boolean): Classification | undefined {
  let text = '';
  for (const l of http.url) text += l.text !== undefined ? l.text : UNKNOWN;
  const host: HostKind = HOST_CAPMONSTER.test(text) ? 'capmonster' : HOST_COMPATIBLE.test(text) ? 'compatible' : 'unknown';
  const f = http.fields;
  const hasClientKey = f.has('clientKey');
  const json = JSON_PATH.exec(text);
  let method: CapMethod | undefined;
  let protocol: 'json' | 'text' = 'json';
  let methodParam: Classification['methodParam'];
  if (json) {
    method = methodFromName(json[1]!);
  } else if (IN_PHP.test(text)) {
    method = 'in.php';
    protocol = 'text';
  } else if (RES_PHP.test(text)) {
    protocol = 'text';
    const action = f.get('action')?.text?.toLowerCase();
    method =
      action === 'get' || action === 'get2'
        ? 'res.php:get'
        : action === 'getbalance'
          ? 'res.php:getbalance'
          : action === 'reportbad' || action === 'reportgood'
            ? 'res.php:report'
            : 'res.php';
  } else {
    let at = http.url.length - 1;
    while (at >= 0 && http.url[at]!.text === '') at--;
    const last = at >= 0 ? http.url[at] : undefined;
    const prev = at > 0 ? http.url[at - 1] : undefined;
    if (last && last.text === undefined && prev?.text?.endsWith('/')) {
      methodParam = extractor.parameterOf(last.node);
    }
    if (hasClientKey) {
      method = f.has('taskId') ? 'getTaskResult' : f.has('task') ? 'createTask' : 'unknown';
    } else if (methodParam) {
      method = 'unknown';
    }
  }
  if (!method) return undefined;
  const confirmed =
    host !== 'unknown' ||
    hasClientKey ||
    (protocol === 'text' && f.has('key')) ||
    (fileHasHost && (json !== null || protocol === 'text'));
  if (!confirmed) return undefined;
  return { method, protocol, host, methodParam };
}
