// Retries task creation only on transient codes; zero balance, a bad key and proxy errors stop.
import got from 'got';

const API = 'https://api.capmonster.cloud';
const KEY = process.env.CAPMONSTER_KEY;
if (!KEY) throw new Error('CAPMONSTER_KEY is not set');

const TRANSIENT = new Set(['ERROR_NO_SLOT_AVAILABLE', 'ERROR_SERVICE_NOT_AVAILABLE']);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

interface CreateTaskReply {
  errorId: number;
  errorCode?: string;
  taskId?: number;
}

export async function createTask(task: Record<string, unknown>): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const reply = await got.post(`${API}/createTask`, { json: { clientKey: KEY, task } }).json<CreateTaskReply>();
    if (reply.errorId === 0 && reply.taskId) return reply.taskId;
    if (reply.errorCode && TRANSIENT.has(reply.errorCode)) {
      await sleep(2000 * (attempt + 1));
      continue;
    }
    throw new Error(`CapMonster createTask failed: ${reply.errorCode}`);
  }
  throw new Error('CapMonster had no free slot after 5 attempts');
}
