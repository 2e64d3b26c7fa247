// Rule options derived from each rule's meta.schema, so new rules are covered without touching this file:
//   - strictOptions(): a valid, tighter-than-default option object per rule (the `strict` variant);
//   - invalidOptionCases(): option values the schema must reject (wrong types, out of range, unknown keys);
//   - oddValidOptionCases(): extreme values the schema accepts, which the rule must then survive.

/** The schema of the option at `index`, normalised from ESLint's two schema forms. */
function optionSchemas(rule) {
  const schema = rule.meta?.schema;
  if (schema === undefined || schema === false) return { list: [], free: schema === false };
  if (Array.isArray(schema)) return { list: schema, free: false };
  // A full array schema: { type: 'array', items: [...] } or items: {...}
  if (schema.type === 'array' && Array.isArray(schema.items)) return { list: schema.items, free: false, full: schema };
  if (schema.type === 'array' && schema.items) return { list: [schema.items], free: false, full: schema };
  return { list: [], free: false, full: schema };
}

function typesOf(s) {
  if (!s || typeof s !== 'object') return [];
  if (Array.isArray(s.type)) return s.type;
  if (s.type) return [s.type];
  if (s.enum) return [...new Set(s.enum.map((v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v)))];
  if (s.properties) return ['object'];
  return [];
}

const MAXISH = /max|limit|bound|attempt|timeout|deadline|retries|count/iu;
const MINISH = /min|interval|delay|wait|sleep/iu;

function strictNumber(name, s, fallback) {
  const integer = typesOf(s).includes('integer');
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : undefined);
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : undefined);
  const clamp = (v) => {
    let x = integer ? Math.round(v) : v;
    if (lo !== undefined && x < lo) x = lo;
    if (hi !== undefined && x > hi) x = hi;
    return x;
  };
  if (/^maxAttempts$/iu.test(name)) return clamp(60);
  const d = typeof s.default === 'number' ? s.default : typeof fallback === 'number' ? fallback : undefined;
  if (MAXISH.test(name)) {
    if (d !== undefined) return clamp(Math.floor(d / 2));
    if (hi !== undefined) return clamp(Math.floor(hi / 2));
    return clamp(60);
  }
  if (MINISH.test(name)) {
    if (d !== undefined) return clamp(d * 2);
    if (lo !== undefined) return clamp(Math.max(lo, 1) * 2);
    return clamp(5000);
  }
  return clamp(d ?? lo ?? 1);
}

/** `fallback`: the default from the rule's meta.defaultOptions, when the schema has none. */
function strictValue(name, s, fallback, depth = 0) {
  if (!s || typeof s !== 'object' || depth > 5) return undefined;
  if (s.enum) return s.enum[s.enum.length - 1];
  const types = typesOf(s);
  if (types.includes('object') && s.properties) {
    const out = {};
    for (const [k, ps] of Object.entries(s.properties)) {
      const v = strictValue(k, ps, fallback && typeof fallback === 'object' ? fallback[k] : undefined, depth + 1);
      if (v !== undefined) out[k] = v;
    }
    return out;
  }
  const def = s.default ?? fallback;
  if (types.includes('boolean')) return typeof def === 'boolean' ? !def : true;
  if (types.includes('integer') || types.includes('number')) return strictNumber(name, s, fallback);
  if (types.includes('array')) {
    const items = s.items && !Array.isArray(s.items) ? s.items : undefined;
    if (items?.enum) return [...items.enum];
    if (typesOf(items).includes('string')) return ['solveCaptcha', 'pollResult', 'waitFor'];
    return s.minItems ? undefined : [];
  }
  if (types.includes('string')) return typeof def === 'string' ? def : undefined;
  return undefined;
}

/**
 * A tighter option list per rule, or `[]` when the rule takes no options.
 * @returns {unknown[]}
 */
export function strictOptions(rule) {
  const { list } = optionSchemas(rule);
  const defaults = Array.isArray(rule.meta?.defaultOptions) ? rule.meta.defaultOptions : [];
  const out = [];
  for (const [i, s] of list.entries()) {
    const v = strictValue('', s, defaults[i]);
    if (v === undefined) break;
    out.push(v);
  }
  return out;
}

/** `rules` of a config: every rule of the plugin with strict options (plain 'error' when it has none). */
export function strictRules(plugin) {
  const rules = {};
  for (const [name, rule] of Object.entries(plugin.rules)) {
    const opts = strictOptions(rule);
    rules[`capmonster/${name}`] = opts.length > 0 ? ['error', ...opts] : 'error';
  }
  return rules;
}

/** One value of each JSON type. */
const SAMPLES = [
  { type: 'number', value: 42.5 },
  { type: 'string', value: 'sixty' },
  { type: 'boolean', value: true },
  { type: 'array', value: ['x'] },
  { type: 'object', value: { not: 'valid' } },
  { type: 'null', value: null },
];

/** Values of other types than the schema allows. */
function wrongTypeValues(s) {
  const types = typesOf(s);
  if (types.length === 0) return [];
  const allowed = (t) => types.includes(t) || (t === 'number' && types.includes('integer'));
  return SAMPLES.filter((c) => !allowed(c.type)).map((c) => ({ why: `wrong type (${JSON.stringify(c.value)} for ${types.join('|')})`, value: c.value }));
}

function invalidValues(name, s, path, depth = 0) {
  if (!s || typeof s !== 'object' || depth > 5) return [];
  const out = wrongTypeValues(s).map((c) => ({ path, why: c.why, value: c.value }));
  const types = typesOf(s);
  if (s.enum) out.push({ path, why: 'not one of the allowed values', value: typesOf(s).includes('string') ? 'not-an-allowed-value' : 987654321 });
  if (types.includes('integer') || types.includes('number')) {
    if (s.minimum !== undefined) out.push({ path, why: `below minimum ${s.minimum}`, value: s.minimum - 1 });
    if (s.exclusiveMinimum !== undefined) out.push({ path, why: `not above ${s.exclusiveMinimum}`, value: s.exclusiveMinimum });
    if (s.maximum !== undefined) out.push({ path, why: `above maximum ${s.maximum}`, value: s.maximum + 1 });
    if (s.exclusiveMaximum !== undefined) out.push({ path, why: `not below ${s.exclusiveMaximum}`, value: s.exclusiveMaximum });
    if (types.includes('integer') && !types.includes('number')) {
      const base = s.minimum ?? 1;
      out.push({ path, why: 'not an integer', value: base + 0.5 });
    }
  }
  if (types.includes('string')) {
    if (s.minLength) out.push({ path, why: `shorter than ${s.minLength}`, value: '' });
  }
  if (types.includes('array')) {
    const items = s.items && !Array.isArray(s.items) ? s.items : undefined;
    for (const c of wrongTypeValues(items)) out.push({ path: `${path}[0]`, why: `item of ${c.why}`, value: [c.value] });
    if (s.minItems) out.push({ path, why: `fewer than ${s.minItems} items`, value: [] });
    if (s.uniqueItems && typesOf(items).includes('string')) out.push({ path, why: 'duplicate items', value: ['same', 'same'] });
  }
  if (types.includes('object') && s.properties) {
    if (s.additionalProperties === false) {
      out.push({ path, why: 'unknown key', value: { robustUnknownKey: 1 } });
    }
    for (const [k, ps] of Object.entries(s.properties)) {
      for (const c of invalidValues(k, ps, `${path}.${k}`, depth + 1)) out.push({ ...c, key: k, parentPath: path });
    }
    for (const req of s.required ?? []) out.push({ path, why: `missing required "${req}"`, value: {}, missing: req });
  }
  return out;
}

/** Sets `value` at the end of `pathParts` inside a copy of `base`. */
function withValue(base, parts, value) {
  if (parts.length === 0) return value;
  const copy = base && typeof base === 'object' && !Array.isArray(base) ? { ...base } : {};
  const [head, ...rest] = parts;
  copy[head] = withValue(copy[head], rest, value);
  return copy;
}

/**
 * Invalid option lists for a rule, each with a label. ESLint must reject every one at config validation.
 * @returns {Array<{ label: string, options: unknown[] }>}
 */
export function invalidOptionCases(rule) {
  const { list, free } = optionSchemas(rule);
  const cases = [];
  if (free) return cases;
  const valid = strictOptions(rule);
  if (list.length === 0) {
    cases.push({ label: 'an option for a rule that takes none', options: [{}] });
    cases.push({ label: 'a number option for a rule that takes none', options: [60] });
    return cases;
  }
  cases.push({ label: `${list.length + 1} options where at most ${list.length} are allowed`, options: [...list.map((s) => strictValue('', s, undefined) ?? {}), 'extra'] });
  list.forEach((s, i) => {
    for (const c of invalidValues('', s, `[${i}]`)) {
      const prefix = valid.slice(0, i);
      while (prefix.length < i) prefix.push(strictValue('', list[prefix.length], undefined) ?? {});
      // Put the bad value at its path inside an otherwise valid (default) option object.
      const rel = c.path.slice(`[${i}]`.length).split('.').filter(Boolean);
      let value;
      if (c.missing) value = withValue(undefined, rel, {});
      else if (rel.length === 0) value = c.value;
      else value = withValue({}, rel, c.value);
      cases.push({ label: `option ${c.path}: ${c.why}`, options: [...prefix, value] });
    }
  });
  return cases;
}

/**
 * Option lists the schema accepts but that sit at the edges: the rule must run without crashing.
 * @returns {Array<{ label: string, options: unknown[] }>}
 */
export function oddValidOptionCases(rule) {
  const { list } = optionSchemas(rule);
  const first = list[0];
  if (!first || !typesOf(first).includes('object') || !first.properties) return [];
  const cases = [{ label: 'empty option object', options: [{}] }];
  for (const [k, s] of Object.entries(first.properties)) {
    const types = typesOf(s);
    if (types.includes('integer') || types.includes('number')) {
      const edges = new Set();
      if (s.minimum !== undefined) edges.add(s.minimum);
      if (s.maximum !== undefined) edges.add(s.maximum);
      if (s.minimum === undefined) edges.add(0);
      if (s.maximum === undefined) edges.add(1e9);
      for (const v of edges) cases.push({ label: `${k}: ${v}`, options: [{ [k]: v }] });
    }
    if (types.includes('array') && !s.minItems) cases.push({ label: `${k}: []`, options: [{ [k]: [] }] });
    if (types.includes('string') && !s.minLength && !s.enum && !s.pattern) cases.push({ label: `${k}: ''`, options: [{ [k]: '' }] });
  }
  return cases;
}

/** Invalid `settings.capmonster` values: each must fail with the plugin's own clear message. */
export const INVALID_SETTINGS = [
  { label: 'a number', value: 5 },
  { label: 'a string', value: 'getTaskResult' },
  { label: 'an array', value: ['sleep'] },
  { label: 'null', value: null },
  { label: 'an unknown key', value: { wrapper: { pollResult: 'getTaskResult' } } },
  { label: 'wrappers not an object', value: { wrappers: ['pollResult'] } },
  { label: 'wrappers null', value: { wrappers: null } },
  { label: 'a wrapper with an unknown method', value: { wrappers: { pollResult: 'getResult' } } },
  { label: 'a wrapper with a number', value: { wrappers: { pollResult: 1 } } },
  { label: 'sleepFunctions a string', value: { sleepFunctions: 'sleep' } },
  { label: 'sleepFunctions with a number entry', value: { sleepFunctions: ['sleep', 2000] } },
  { label: 'sleepFunctions with an empty name', value: { sleepFunctions: [''] } },
  { label: 'sleepFunctions with a negative delay', value: { sleepFunctions: { sleep: -1 } } },
  { label: 'sleepFunctions with a string delay', value: { sleepFunctions: { sleep: '2s' } } },
  { label: 'sleepFunctions with an infinite delay', value: { sleepFunctions: { sleep: Infinity } } },
];

/** Valid `settings.capmonster` values: they must not throw. */
export const VALID_SETTINGS = [
  { label: 'empty', value: {} },
  { label: 'wrappers', value: { wrappers: { pollResult: 'getTaskResult', makeTask: 'createTask', balance: 'getBalance', solveCaptcha: 'solve' } } },
  { label: 'sleepFunctions list', value: { sleepFunctions: ['pause', 'waitABit'] } },
  { label: 'sleepFunctions map', value: { sleepFunctions: { pause: 2500, jitter: null } } },
];
