// A careful fetch client: the key is checked once, every reply's errorId is checked, fatal codes
// stop the flow, and the poll waits 3 s between requests and gives up after 60 of them.
const API = 'https://api.capmonster.cloud';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY || !/^[0-9a-f]{32}/i.test(KEY)) {
  throw new Error('CAPMONSTER_KEY is missing or malformed');
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(method, payload) {
  const res = await fetch(`${API}/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientKey: KEY, ...payload }),
  });
  const data = await res.json();
  if (data.errorId !== 0) {
    throw new Error(`CapMonster ${method} failed: ${data.errorCode}`);
  }
  return data;
}

async function solveTurnstile(websiteURL, websiteKey) {
  const { taskId } = await call('createTask', { task: { type: 'TurnstileTask', websiteURL, websiteKey } });
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(3000);
    const result = await call('getTaskResult', { taskId });
    if (result.status === 'ready') return result.solution.token;
  }
  throw new Error(`task ${taskId} not solved after 60 polls`);
}

module.exports = { solveTurnstile };
