/* eslint capmonster/min-poll-interval: "error" -- this project opts into the strict preset's rate rule */
// A bounded poll that still asks every 500 ms. Not a ban by itself (60 requests stay under 120), but
// CapMonster asks for one result request every 2 seconds at most and answers ERROR_TOO_MUCH_REQUESTS
// to clients that go faster. `eslint --fix` raises the delay to 2000 ms.
const axios = require('axios');

const API = 'https://api.capmonster.cloud';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');

const POLL_DELAY_MS = 500;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForToken(taskId) {
  for (let attempt = 0; attempt < 60; attempt++) {
    await sleep(POLL_DELAY_MS);
    const { data } = await axios.post(`${API}/getTaskResult`, { clientKey: KEY, taskId });
    if (data.errorId !== 0) throw new Error(`CapMonster getTaskResult: ${data.errorCode}`);
    if (data.status === 'ready') return data.solution.token;
  }
  throw new Error(`task ${taskId} not solved in 60 polls`);
}

module.exports = { waitForToken };
