// A worker that keeps creating tasks. Gets the account banned for ZeroBalance: when the balance
// runs out it waits a little and sends createTask again, for as long as the worker runs.
const got = require('got');

const API = 'https://api.capmonster.cloud';
const RETRYABLE = ['ERROR_NO_SLOT_AVAILABLE', 'ERROR_ZERO_BALANCE'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function createTask(clientKey, task) {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const body = await got.post(`${API}/createTask`, { json: { clientKey, task } }).json();
    if (body.errorId === 0) return body.taskId;
    if (body.errorCode === 'ERROR_ZERO_BALANCE') {
      console.warn('balance is empty, retrying in 5 s');
      await sleep(5000);
      continue;
    }
    if (RETRYABLE.includes(body.errorCode)) {
      await sleep(1000);
      continue;
    }
    throw new Error(body.errorCode);
  }
  throw new Error('could not create a task');
}

module.exports = { createTask };
