// Uses the official client. Its Solve() returns { error } instead of throwing, so reading
// result.solution without looking at result.error keeps a script going after KEY_DOES_NOT_EXIST;
// and the hand-written timeouts poll every 100 ms for 10 minutes: 6,000 requests for one task.
import {
  CapMonsterCloudClientFactory,
  ClientOptions,
  RecaptchaV2Request,
} from '@zennolab_com/capmonstercloud-client';

const client = CapMonsterCloudClientFactory.Create(
  new ClientOptions({ clientKey: process.env.CAPMONSTER_KEY }),
);

export async function solveRecaptcha(websiteURL: string, websiteKey: string): Promise<string> {
  const request = new RecaptchaV2Request({ websiteURL, websiteKey });
  const result = await client.Solve(request, { timeout: 10 * 60 * 1000, requestsInterval: 100 });
  return result.solution.gRecaptchaResponse;
}
