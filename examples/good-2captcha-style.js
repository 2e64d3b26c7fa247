// The 2captcha-compatible endpoints, polled the careful way: OK| and ERROR_ replies are told
// apart, the poll waits 5 s between requests and stops after 24 of them (two minutes).
const axios = require('axios');

const HOST = 'https://api.capmonster.cloud';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function solveImage(base64) {
  const { data: submitted } = await axios.post(`${HOST}/in.php`, new URLSearchParams({ key: KEY, method: 'base64', body: base64 }));
  if (!submitted.startsWith('OK|')) throw new Error(`CapMonster in.php: ${submitted}`);
  const id = submitted.slice(3);

  for (let i = 0; i < 24; i++) {
    await sleep(5000);
    const { data } = await axios.get(`${HOST}/res.php`, { params: { key: KEY, action: 'get', id } });
    if (data === 'CAPCHA_NOT_READY') continue;
    if (!data.startsWith('OK|')) throw new Error(`CapMonster res.php: ${data}`);
    return data.slice(3);
  }
  throw new Error(`captcha ${id} not solved in two minutes`);
}

module.exports = { solveImage };
