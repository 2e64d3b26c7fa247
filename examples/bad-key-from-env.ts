// A small typed client. Gets the account (and then the IP) banned for KeyDoesntExist: when the
// variable is not set, every request goes out with a placeholder key.
import axios from 'axios';

const CLIENT_KEY = process.env.CAPMONSTER_API_KEY || 'YOUR_API_KEY';

interface TaskResult {
  errorId: number;
  errorCode?: string;
  status?: 'processing' | 'ready';
  solution?: { gRecaptchaResponse: string };
}

export class CapMonster {
  private readonly base = 'https://api.capmonster.cloud';

  async balance(): Promise<number> {
    const { data } = await axios.post(`${this.base}/getBalance`, { clientKey: CLIENT_KEY });
    if (data.errorId !== 0) throw new Error(`CapMonster ${data.errorCode}`);
    return data.balance;
  }

  async result(taskId: number): Promise<TaskResult> {
    const { data } = await axios.post<TaskResult>(`${this.base}/getTaskResult`, { clientKey: CLIENT_KEY, taskId });
    if (data.errorId !== 0) throw new Error(`CapMonster ${data.errorCode}`);
    return data;
  }
}
