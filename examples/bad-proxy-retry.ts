// Solves reCAPTCHA through the customer's own proxy. Gets the account banned for BadProxy: when
// CapMonster says the proxy is banned, the same task with the same proxy is sent again.
import axios from 'axios';

const API = 'https://api.capmonster.cloud';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');

const proxy = { proxyType: 'http', proxyAddress: '203.0.113.7', proxyPort: 8080 };

export async function createRecaptchaTask(websiteURL: string, websiteKey: string): Promise<number> {
  for (let attempt = 1; attempt <= 5; attempt++) {
    const { data } = await axios.post(`${API}/createTask`, {
      clientKey: KEY,
      task: { type: 'RecaptchaV2Task', websiteURL, websiteKey, ...proxy },
    });
    if (data.errorId === 0) return data.taskId;
    if (data.errorCode === 'ERROR_PROXY_BANNED') {
      continue;
    }
    throw new Error(`CapMonster ${data.errorCode}`);
  }
  throw new Error('no task after 5 attempts');
}
