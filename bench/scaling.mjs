// One CapMonster-shaped file, grown by a factor: more solver functions, more (and deeper)
// nested loops, a longer wrapper chain (wrapper N calls wrapper N-1 ... calls the HTTP helper),
// more classes. Line count grows linearly with the factor, so a rule whose cost per line grows
// with the size of the file is super-linear.

/** @param {number} factor 1, 2, 4, 8, 16 */
export function scaledFile(factor) {
  const out = [];
  const depth = 1 + Math.round(Math.log2(factor)); // nesting of the deepest loop nest: 1..5
  out.push(
    `// Generated CapMonster client, size ${factor}x.`,
    `const API = 'https://api.capmonster.cloud';`,
    `const CLIENT_KEY = process.env.CAPMONSTER_KEY;`,
    `const POLL_MS = 2 * 1000;`,
    `const MAX_POLLS = 60;`,
    `const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));`,
    ``,
    `async function call(method, body) {`,
    `  const res = await fetch(\`\${API}/\${method}\`, {`,
    `    method: 'POST',`,
    `    headers: { 'Content-Type': 'application/json' },`,
    `    body: JSON.stringify({ clientKey: CLIENT_KEY, ...body }),`,
    `  });`,
    `  const reply = await res.json();`,
    `  if (reply.errorId !== 0) throw new Error(reply.errorCode);`,
    `  return reply;`,
    `}`,
    ``,
    `const wrap0 = (method, body) => call(method, body);`,
    ``,
  );
  const blocks = 2 * factor;
  const chain = 8 * factor;
  for (let i = 1; i <= chain; i++) {
    out.push(`async function wrap${i}(method, body) {`, `  const reply = await wrap${i - 1}(method, body);`, `  return reply;`, `}`, ``);
  }
  for (let i = 0; i < blocks; i++) {
    const top = `wrap${chain}`;
    out.push(
      `async function createTask${i}(task) {`,
      `  const created = await ${top}('createTask', { task });`,
      `  return created.taskId;`,
      `}`,
      ``,
      `async function getResult${i}(taskId) {`,
      `  return ${top}('getTaskResult', { taskId });`,
      `}`,
      ``,
      `async function poll${i}(taskId) {`,
      `  await sleep(POLL_MS);`,
      `  for (let attempt = 0; attempt < MAX_POLLS; attempt++) {`,
      `    const reply = await getResult${i}(taskId);`,
      `    if (reply.status === 'ready') return reply.solution;`,
      `    await sleep(POLL_MS);`,
      `  }`,
      `  throw new Error('not ready');`,
      `}`,
      ``,
      `async function pollInline${i}(taskId) {`,
      `  let polls = 0;`,
      `  while (polls < MAX_POLLS) {`,
      `    polls++;`,
      `    const res = await fetch(\`\${API}/getTaskResult\`, {`,
      `      method: 'POST',`,
      `      body: JSON.stringify({ clientKey: CLIENT_KEY, taskId }),`,
      `    });`,
      `    const reply = await res.json();`,
      `    if (reply.errorId !== 0) throw new Error(reply.errorCode);`,
      `    if (reply.status === 'ready') return reply.solution;`,
      `    await sleep(POLL_MS);`,
      `  }`,
      `  return undefined;`,
      `}`,
      ``,
      `async function solveAll${i}(jobs) {`,
      `  const tokens = [];`,
    );
    // A loop nest over the jobs, `depth` levels deep, polling in the innermost level.
    let indent = '  ';
    for (let d = 0; d < depth; d++) {
      out.push(`${indent}for (let j${d} = 0; j${d} < jobs.length; j${d}++) {`);
      indent += '  ';
    }
    out.push(
      `${indent}const taskId = await createTask${i}({ type: 'TurnstileTask', websiteURL: jobs[j0].url, websiteKey: jobs[j0].key });`,
      `${indent}let tries = 0;`,
      `${indent}while (tries++ < 3) {`,
      `${indent}  try {`,
      `${indent}    tokens.push((await poll${i}(taskId)).token);`,
      `${indent}    break;`,
      `${indent}  } catch (error) {`,
      `${indent}    if (String(error.message).includes('ERROR_ZERO_BALANCE')) throw error;`,
      `${indent}    await sleep(POLL_MS);`,
      `${indent}  }`,
      `${indent}}`,
    );
    for (let d = depth - 1; d >= 0; d--) {
      indent = indent.slice(2);
      out.push(`${indent}}`);
    }
    out.push(
      `  return tokens;`,
      `}`,
      ``,
      `class Solver${i} {`,
      `  constructor(options = {}) {`,
      `    this.interval = options.interval ?? 3000;`,
      `    this.maxPolls = options.maxPolls ?? 40;`,
      `  }`,
      ``,
      `  async create(task) {`,
      `    const reply = await call('createTask', { task });`,
      `    return reply.taskId;`,
      `  }`,
      ``,
      `  async result(taskId) {`,
      `    for (let n = 0; n < this.maxPolls; n++) {`,
      `      const reply = await call('getTaskResult', { taskId });`,
      `      if (reply.status === 'ready') return reply.solution;`,
      `      await sleep(this.interval);`,
      `    }`,
      `    throw new Error('timeout');`,
      `  }`,
      ``,
      `  async solve(task) {`,
      `    return this.result(await this.create(task));`,
      `  }`,
      `}`,
      ``,
      `async function balance${i}() {`,
      `  const { balance } = await wrap${Math.min(i + 1, chain)}('getBalance', {});`,
      `  if (balance <= 0) throw new Error('top up');`,
      `  return balance;`,
      `}`,
      ``,
    );
  }
  out.push(`module.exports = { call, sleep };`, ``);
  return out.join('\n');
}

if (process.argv[1] && process.argv[1].endsWith('scaling.mjs')) {
  const factor = Number(process.argv[2] ?? 1);
  process.stdout.write(scaledFile(factor));
}
