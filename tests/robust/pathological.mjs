// Pathological inputs: huge, deep and wide programs around CapMonster requests. Each has a CapMonster
// signal, so the analysis layer does its full work on it (the cheap gate does not save it).

const KEY = '0123456789abcdef0123456789abcdef';
const RESULT = "await fetch('https://api.capmonster.cloud/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: id }) })";

/**
 * A 1 MB minified-bundle-like file on one line: ordinary library code with a CapMonster client (create,
 * poll, error branches, a setInterval poll) in the middle.
 */
function oneMegabyteBundle() {
  const client = [
    `var KEY='${KEY}',API='https://api.capmonster.cloud';`,
    'function sleep(ms){return new Promise(function(r){setTimeout(r,ms)})}',
    "async function createTask(u,k){var r=await fetch(API+'/createTask',{method:'POST',body:JSON.stringify({clientKey:KEY,task:{type:'RecaptchaV2TaskProxyless',websiteURL:u,websiteKey:k}})});var d=await r.json();if(d.errorId!==0)throw new Error(d.errorCode);return d.taskId}",
    "async function getResult(id){for(var i=0;;i++){var r=await(await fetch(API+'/getTaskResult',{method:'POST',body:JSON.stringify({clientKey:KEY,taskId:id})})).json();if(r.errorCode==='ERROR_ZERO_BALANCE')continue;if(r.status==='ready')return r.solution;await sleep(500)}}",
    "function watch(id,cb){var t=setInterval(function(){fetch(API+'/getTaskResult',{method:'POST',body:JSON.stringify({clientKey:KEY,taskId:id})}).then(function(r){return r.json()}).then(function(r){if(r.status==='ready'){clearInterval(t);cb(r.solution)}})},1000)}",
  ].join('');
  const unit = (i) =>
    `function u${i}(a,b){var c=[],d={k${i}:a,v:b};for(var e=0;e<a.length;e++){if(a[e]===b)c.push(e);else if(typeof a[e]==='object'&&a[e]!==null)c.push(u${i}(a[e],b))}return c.length?c:d}` +
    `var o${i}={get:function(x){return this[x]},set:function(x,y){this[x]=y;return this},list:[${i},${i + 1},'s${i}'],re:/a${i}+b/g};` +
    `u${i}.prototype.run=function(){var s=this;return Promise.resolve().then(function(){return s.list.map(function(x){return x*2})})};`;
  const parts = [];
  let size = 0;
  for (let i = 0; size < 1024 * 1024; i++) {
    if (i === 2000) parts.push(client);
    const u = unit(i);
    parts.push(u);
    size += u.length;
  }
  return parts.join('');
}

/** A 1 MB file on one line made only of CapMonster polls: about 6,500 polling functions. */
function oneMegabyteLine() {
  const unit = `async function f$(id) { while (true) { const r$ = await (${RESULT}).json(); if (r$.status === 'ready') return r$.solution; if (r$.errorCode === 'ERROR_ZERO_BALANCE') continue; } } `;
  const parts = [`const KEY = '${KEY}';`];
  let size = parts[0].length;
  for (let i = 0; size < 1024 * 1024; i++) {
    const u = unit.replaceAll('$', String(i));
    parts.push(u);
    size += u.length;
  }
  return parts.join(' ');
}

/** A 1 MB line of mostly string literal text that mentions CapMonster many times (regex food). */
function oneMegabyteString() {
  const text = 'api.capmonster.cloud/getTaskResult?key=0123456789abcdef__nocache_x&'.repeat(Math.ceil((1024 * 1024) / 68));
  return `const KEY = '${KEY}'; const url = '${text}'; fetch(url, { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: 1 }) });`;
}

/** 1,000 loops nested around one result request. */
function nestedLoops(kind) {
  const n = 1000;
  const heads = {
    while: () => 'while (true) {',
    for: (i) => `for (let i${i} = 0; i${i} < 10; i${i}++) {`,
    mixed: (i) => ['while (true) {', `for (let i${i} = 0; i${i} < 3; i${i}++) {`, 'do {', `for (const x${i} of xs) {`][i % 4],
  };
  const tails = { while: () => '}', for: () => '}', mixed: (i) => ['}', '}', '} while (true);', '}'][i % 4] };
  const open = [];
  const close = [];
  for (let i = 0; i < n; i++) {
    open.push(heads[kind](i));
    close.unshift(tails[kind](i));
  }
  return [`const KEY = '${KEY}';`, 'const xs = [1];', 'async function poll(id) {', ...open, `const r = await (${RESULT}).json();`, "if (r.status === 'ready') return r;", ...close, '}'].join('\n');
}

/** 1,000 nested braceless loops (no block statements at all). */
function nestedBracelessLoops() {
  const n = 1000;
  return [`const KEY = '${KEY}';`, 'async function poll(id) {', `${'while (true) '.repeat(n)}${RESULT};`, '}'].join('\n');
}

/** A call with 10,000 arguments, to an HTTP client, to a wrapper, and to the generic helper. */
function wideCall(target) {
  const args = Array.from({ length: 10000 }, (_, i) => `a${i % 50}`).join(', ');
  const decl = Array.from({ length: 50 }, (_, i) => `a${i}`).join(', ');
  const callee = {
    axios: `axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: KEY, taskId: 1 }, ${args})`,
    wrapper: `getResult({ clientKey: KEY, taskId: 1 }, ${args})`,
    generic: `call('getTaskResult', ${args})`,
  }[target];
  return [
    "const axios = require('axios');",
    `const KEY = '${KEY}';`,
    `let ${decl};`,
    'async function getResult(body) { return axios.post(\'https://api.capmonster.cloud/getTaskResult\', body); }',
    "async function call(method, body) { return axios.post(`https://api.capmonster.cloud/${method}`, { clientKey: KEY, ...body }); }",
    `async function main() { while (true) { await ${callee}; } }`,
  ].join('\n');
}

/** 2,000 wrappers, each calling the next, the last sending the request; polled at the top. */
function wrapperChain(style) {
  const n = 2000;
  const lines = [`const KEY = '${KEY}';`];
  if (style === 'function') {
    lines.push(`async function w0(id) { return (${RESULT}).json(); }`);
    for (let i = 1; i < n; i++) lines.push(`async function w${i}(id) { return w${i - 1}(id); }`);
  } else if (style === 'arrow') {
    lines.push(`const w0 = async (id) => (${RESULT}).json();`);
    for (let i = 1; i < n; i++) lines.push(`const w${i} = (id) => w${i - 1}(id);`);
  } else {
    lines.push('class Chain {', `  async w0(id) { return (${RESULT}).json(); }`);
    for (let i = 1; i < n; i++) lines.push(`  w${i}(id) { return this.w${i - 1}(id); }`);
    lines.push('}', 'const chain = new Chain();');
  }
  const top = style === 'method' ? `chain.w${n - 1}` : `w${n - 1}`;
  lines.push(`async function poll(id) { for (;;) { const r = await ${top}(id); if (r.status === 'ready') return r.solution; } }`);
  return lines.join('\n');
}

/** 2,000 constants, each built from the previous one (static resolution depth). */
function constantChain() {
  const n = 2000;
  const lines = [`const KEY = '${KEY}';`, "const u0 = 'https://api.capmonster.cloud';"];
  for (let i = 1; i < n; i++) lines.push(`const u${i} = u${i - 1} + '';`);
  lines.push(`const n0 = 1;`);
  for (let i = 1; i < n; i++) lines.push(`const n${i} = n${i - 1} * 1;`);
  lines.push(`async function poll(id) { for (let i = 0; i < n${n - 1}; i++) { await fetch(u${n - 1} + '/getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: id }) }); } }`);
  return lines.join('\n');
}

/** A 2,000-link `.then` chain and a 2,000-term string concatenation in the URL. */
function longChains() {
  const thens = Array.from({ length: 2000 }, () => '.then((r) => r)').join('');
  const concat = Array.from({ length: 2000 }, () => "'a'").join(' + ');
  return [
    `const KEY = '${KEY}';`,
    `fetch('https://api.capmonster.cloud/' + ${concat} + 'getTaskResult', { method: 'POST', body: JSON.stringify({ clientKey: KEY, taskId: 1 }) })${thens};`,
  ].join('\n');
}

/** Deep object nesting inside the request body. */
function deepBody() {
  const n = 1000;
  return [`const KEY = '${KEY}';`, `async function f(id) { while (true) await fetch('https://api.capmonster.cloud/createTask', { method: 'POST', body: JSON.stringify({ clientKey: KEY, task: ${'{ a: '.repeat(n)}1${' }'.repeat(n)} }) }); }`].join('\n');
}

/** 2,000 functions that call each other in a ring, each sending a request (recursion analysis). */
function recursionRing() {
  const n = 2000;
  const lines = [`const KEY = '${KEY}';`];
  for (let i = 0; i < n; i++) lines.push(`async function r${i}(id) { await (${RESULT}).json(); setTimeout(() => r${(i + 1) % n}(id), 2000); }`);
  return lines.join('\n');
}

/**
 * The pathological inputs, built lazily (some are large).
 * @returns {Array<{ name: string, build: () => string, lang: 'js'|'ts', sourceType: string }>}
 */
export function pathologicalInputs() {
  const js = (name, build) => ({ name, build, lang: 'js', sourceType: 'module' });
  const ts = (name, build) => ({ name, build, lang: 'ts', sourceType: 'module' });
  return [
    js('1 MB single-line bundle with a CapMonster client', oneMegabyteBundle),
    js('1 MB single line of 6,500 CapMonster polls', oneMegabyteLine),
    js('1 MB single-line string literal', oneMegabyteString),
    js('1,000 nested while loops around a result request', () => nestedLoops('while')),
    js('1,000 nested for loops around a result request', () => nestedLoops('for')),
    js('1,000 nested mixed loops around a result request', () => nestedLoops('mixed')),
    js('1,000 nested braceless loops', nestedBracelessLoops),
    ts('1,000 nested loops (TypeScript)', () => nestedLoops('mixed')),
    js('10,000-argument axios call', () => wideCall('axios')),
    js('10,000-argument wrapper call', () => wideCall('wrapper')),
    js('10,000-argument generic helper call', () => wideCall('generic')),
    js('2,000-link function wrapper chain', () => wrapperChain('function')),
    js('2,000-link arrow wrapper chain', () => wrapperChain('arrow')),
    js('2,000-link class method wrapper chain', () => wrapperChain('method')),
    ts('2,000-link wrapper chain (TypeScript)', () => wrapperChain('function')),
    js('2,000 chained constants', constantChain),
    js('2,000-link .then chain and concatenation', longChains),
    js('1,000-deep task object', deepBody),
    js('2,000-function setTimeout recursion ring', recursionRing),
  ];
}
