// The official client used with care: the key is checked before the client is made, the error
// that Solve() returns is looked at, and the default timeouts (under 120 requests) are kept.
import {
  CapMonsterCloudClientFactory,
  ClientOptions,
  RecaptchaV2Request,
} from '@zennolab_com/capmonstercloud-client';

const clientKey = process.env.CAPMONSTER_KEY;
if (!clientKey) {
  throw new Error('CAPMONSTER_KEY is not set');
}

const client = CapMonsterCloudClientFactory.Create(new ClientOptions({ clientKey }));

export async function solveRecaptcha(websiteURL: string, websiteKey: string): Promise<string> {
  const result = await client.Solve(new RecaptchaV2Request({ websiteURL, websiteKey }));
  if (result.error) {
    throw new Error(`CapMonster could not solve the captcha: ${result.error}`);
  }
  return result.solution.gRecaptchaResponse;
}
