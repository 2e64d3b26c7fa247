// A small TypeScript client for any Anti-Captcha-compatible service: the base URL and the key come
// from the constructor (and from the environment where it is made). Gets the account banned: the key
// is never checked (KeyDoesntExist), and the poll has no attempt limit (WrongTaskId).
interface TaskReply {
  errorId: number;
  errorCode?: string;
  taskId?: number;
  status?: 'processing' | 'ready';
  solution?: { token: string };
}

export class SolverClient {
  readonly #baseUrl: string;
  readonly #clientKey: string;

  constructor(baseUrl: string, clientKey: string) {
    this.#baseUrl = baseUrl;
    this.#clientKey = clientKey;
  }

  async #send(method: string, body: Record<string, unknown>): Promise<TaskReply> {
    const res = await fetch(`${this.#baseUrl}/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientKey: this.#clientKey, ...body }),
    });
    return (await res.json()) as TaskReply;
  }

  async solveTurnstile(websiteURL: string, websiteKey: string): Promise<string> {
    const created = await this.#send('createTask', { task: { type: 'TurnstileTaskProxyless', websiteURL, websiteKey } });
    if (created.errorId !== 0) throw new Error(created.errorCode);
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const reply = await this.#send('getTaskResult', { taskId: created.taskId });
      if (reply.errorId !== 0) throw new Error(reply.errorCode);
      if (reply.status === 'ready') return reply.solution!.token;
    }
  }
}

export const solver = new SolverClient(process.env.SOLVER_URL ?? 'https://api.capmonster.cloud', process.env.SOLVER_KEY!);
