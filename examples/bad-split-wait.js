// The poll of a client split into modules. Not one CapMonster word in this file, and still banned for
// WrongTaskId: fetchResult() of ./bad-split-api sends getTaskResult, the loop never gives up, and an error
// reply (no errorId check) is polled again and again.
const { fetchResult } = require('./bad-split-api');
const { pause } = require('./split-timing');

async function waitForToken(taskId) {
  for (;;) {
    await pause();
    const result = await fetchResult(taskId);
    if (result.status === 'ready') return result.solution.token;
  }
}

module.exports = { waitForToken };
