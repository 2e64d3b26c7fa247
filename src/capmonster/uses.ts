import type { TSESTree } from '@typescript-eslint/utils';

import { AST_NODE_TYPES } from '../util/node-types';

import { calleeName, type FunctionNode, isFunction, propertyName, unwrap } from './ast';
import type { Owner, Values } from './values';

/**
 * Where a value goes, beyond plain variables: into the parameters of the callbacks a call hands it to,
 * through a promise's `resolve` to the promise, into an object field and back out where the field is
 * read, out of an `XMLHttpRequest` or a response stream. Part of the value-flow layer: the reply
 * analysis follows replies with it.
 */

const ERROR_PARAM = /^(?:e|err|error|er|ex|exc)$/i;
/** `xhr.responseText`, `xhr.response`: where an XHR's reply is read. */
const XHR_REPLY = new Set(['responseText', 'response', 'responseJSON']);
const XHR_HANDLERS = new Set(['onload', 'onreadystatechange', 'onloadend']);
const XHR_EVENTS = new Set(['load', 'readystatechange', 'loadend']);

/**
 * The callback parameters a call's result arrives in: an error-first callback's value parameters
 * (`request(opts, (err, res, body) => …)`), a success callback's first parameter (`$.post(url, data,
 * (data) => …)`, `$.ajax({ success(data) {} })`), or the response stream of `https.get(url, (res) => …)`.
 */
export function resultParams(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Parameter[] {
  const out: TSESTree.Parameter[] = [];
  const last = call.arguments[call.arguments.length - 1];
  const cb = last && unwrap(last);
  if (cb && isFunction(cb) && cb.params.length > 0) {
    const first = cb.params[0]!;
    if (first.type === AST_NODE_TYPES.Identifier && ERROR_PARAM.test(first.name)) out.push(...cb.params.slice(1, 3));
    else out.push(first);
  }
  // $.ajax({ url, success(data) {} })
  for (const a of call.arguments) {
    const o = unwrap(a);
    if (o.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const p of o.properties) {
      if (p.type === AST_NODE_TYPES.Property && propertyName(p) === 'success' && isFunction(p.value) && p.value.params[0]) out.push(p.value.params[0]);
    }
  }
  return out;
}

/** For `resolve(x)` in `new Promise((resolve) => …)`: the promise `x` settles. */
export function resolvedPromise(values: Values, callee: TSESTree.Node): TSESTree.NewExpression | undefined {
  const c = unwrap(callee);
  if (c.type !== AST_NODE_TYPES.Identifier) return undefined;
  const p = values.parameterOf(c);
  if (!p || p.index !== 0 || p.path.length > 0) return undefined;
  const executor = p.fn;
  const promise = executor.parent;
  if (
    promise?.type === AST_NODE_TYPES.NewExpression &&
    promise.arguments[0] === executor &&
    promise.callee.type === AST_NODE_TYPES.Identifier &&
    promise.callee.name === 'Promise'
  ) {
    return promise;
  }
  return undefined;
}

/** A call of a function's own parameter (`cb(err, data)`): which function, and which parameter. */
export function callbackParameter(values: Values, callee: TSESTree.Node): { fn: FunctionNode; index: number } | undefined {
  const p = values.parameterOf(callee);
  return p && p.path.length === 0 ? { fn: p.fn, index: p.index } : undefined;
}

/** The reads of a field written with `this.x = value` (or `self.x = …`): `this.x` read elsewhere in the same owner. */
export function fieldReads(values: Values, target: TSESTree.MemberExpression): TSESTree.MemberExpression[] {
  const name = propertyName(target);
  const obj = unwrap(target.object);
  if (name === undefined || !values.isThis(obj)) return [];
  const owner = values.thisOwner(obj.type === AST_NODE_TYPES.ThisExpression ? target : (values.valueOf(obj) ?? target));
  return owner ? values.thisReads(owner as Owner, name) : [];
}

/** Where the reply of `xhr.open(method, url)` is read: `xhr.responseText`, and `this.responseText` in its load handlers. */
export function xhrReplies(values: Values, open: TSESTree.CallExpression): TSESTree.Node[] {
  const callee = unwrap(open.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || propertyName(callee) !== 'open') return [];
  const obj = unwrap(callee.object);
  if (obj.type !== AST_NODE_TYPES.Identifier) return [];
  const variable = values.variableOf(obj);
  if (!variable) return [];
  const out: TSESTree.Node[] = [];
  const handlers: TSESTree.Node[] = [];
  for (const ref of variable.references) {
    const m = ref.identifier.parent;
    if (m?.type !== AST_NODE_TYPES.MemberExpression || m.object !== ref.identifier) continue;
    const name = propertyName(m);
    const up = m.parent;
    if (name !== undefined && XHR_REPLY.has(name) && !(up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === m)) out.push(m);
    else if (name !== undefined && XHR_HANDLERS.has(name) && up?.type === AST_NODE_TYPES.AssignmentExpression && up.left === m) handlers.push(up.right);
    else if (name === 'addEventListener' && up?.type === AST_NODE_TYPES.CallExpression && up.arguments[1]) {
      const event = values.string(up.arguments[0]!);
      if (event !== undefined && XHR_EVENTS.has(event)) handlers.push(up.arguments[1]);
    }
  }
  for (const h of handlers) {
    const fn = values.functionOf(h);
    if (!fn || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    values.walk(fn.body, (n) => {
      if (isFunction(n)) return false;
      if (n.type === AST_NODE_TYPES.MemberExpression && n.object.type === AST_NODE_TYPES.ThisExpression && XHR_REPLY.has(propertyName(n) ?? '')) out.push(n);
      return true;
    });
  }
  return out;
}

/** `res.on('data', (chunk) => …)`: the parameter a stream's data arrives in. */
export function streamChunk(call: TSESTree.CallExpression): TSESTree.Parameter | undefined {
  const name = calleeName(call);
  if (name !== 'on' && name !== 'once' && name !== 'addListener') return undefined;
  const event = call.arguments[0];
  if (event?.type !== AST_NODE_TYPES.Literal || event.value !== 'data') return undefined;
  const cb = call.arguments[1] && unwrap(call.arguments[1]);
  return cb && isFunction(cb) ? cb.params[0] : undefined;
}
