// The transport module of a client split into modules: one result request, the reply handed back as it came.
// Gets the account banned: the key of ./split-config is never checked (KeyDoesntExist).
const axios = require('axios');
const { CAPMONSTER_KEY } = require('./split-config');

async function fetchResult(taskId) {
  const { data } = await axios.post('https://api.capmonster.cloud/getTaskResult', { clientKey: CAPMONSTER_KEY, taskId });
  return data;
}

module.exports = { fetchResult };
