import { type CapMethod, methodFromName } from './methods';
import type { HttpCall } from './senders';
import { joinParts, type Part } from './values';

/** Which CapMonster method a URL and its fields ask for, and whether the call can be tied to CapMonster. */

export type HostKind = 'capmonster' | 'compatible' | 'unknown';

export interface Classification {
  method: CapMethod;
  protocol: 'json' | 'text';
  host: HostKind;
}

const HOST_CAPMONSTER = /capmonster\.cloud/i;
const HOST_COMPATIBLE = /anti-captcha\.com|2captcha\.com|rucaptcha\.com|65\.21\.216\.235/i;
/** A method name as the last part of a path: after a slash, or after a base the source does not show. */
const JSON_PATH = /(?:\/|\uFFFF)(createTask|getTaskResult|getBalance|reportIncorrect[A-Za-z]*)(?![A-Za-z])/;
const IN_PHP = /(?:\/|\uFFFF|^)in\.php(?![\w.])/i;
const RES_PHP = /(?:\/|\uFFFF|^)res\.php(?![\w.])/i;

/** A URL that starts with a scheme and a host written out in full. */
const OTHER_HOST = /^[a-z][a-z0-9+.-]*:\/\/[^/\uFFFF?#]+(?:[/?#]|$)/i;

/**
 * Words that appear in every file that talks to CapMonster, directly or through a compatible API: the
 * gate. Kept to plain alternatives so the test is one linear scan.
 */
export const CAPMONSTER_SIGNAL =
  /capmonster|clientKey|getTaskResult|createTask|in\.php|res\.php|anti-?captcha|2captcha|rucaptcha|two_captcha|extra-plugin-recaptcha|65\.21\.216\.235/i;

/** The names CapMonster endpoints and compatible hosts are written with: a file without one sends nothing to them. */
export const HOST_SIGNAL = /capmonster\.cloud|anti-captcha\.com|2captcha\.com|rucaptcha\.com|65\.21\.216\.235/i;

/**
 * Decides whether an HTTP call is a CapMonster request and which method it sends. A compatible host is
 * enough; on a host the source does not show, the path must name a method and the request must carry that
 * method's fields (`clientKey`; `key` with `action`, `id` or `method`), or the file must name a compatible
 * host elsewhere (`fileHasHost`, for a bare path on an instance whose base is set out of sight).
 */
export function classify(http: HttpCall, fileHasHost: boolean): Classification | undefined {
  const text = joinParts(http.url);
  const host: HostKind = HOST_CAPMONSTER.test(text) ? 'capmonster' : HOST_COMPATIBLE.test(text) ? 'compatible' : 'unknown';
  // A URL whose host is written out and is another service's is never a CapMonster request.
  if (host === 'unknown' && OTHER_HOST.test(text)) return undefined;
  const f = http.fields;
  const hasClientKey = f.has('clientKey');
  const json = JSON_PATH.exec(text);
  let method: CapMethod | undefined;
  let protocol: 'json' | 'text' = 'json';
  if (json) {
    method = methodFromName(json[1]!);
  } else if (IN_PHP.test(text)) {
    method = 'in.php';
    protocol = 'text';
  } else if (RES_PHP.test(text)) {
    protocol = 'text';
    const action = f.get('action')?.text?.toLowerCase();
    method =
      action === 'get' || action === 'get2'
        ? 'res.php:get'
        : action === 'getbalance'
          ? 'res.php:getbalance'
          : action === 'reportbad' || action === 'reportgood'
            ? 'res.php:report'
            : 'res.php';
  } else if (hasClientKey) {
    method = f.has('taskId') ? 'getTaskResult' : f.has('task') ? 'createTask' : 'unknown';
  } else if (http.known && host !== 'unknown' && lastPart(http)?.param) {
    // A generic helper on a known host whose method comes from its caller: `post(method, body)`.
    method = 'unknown';
  }
  if (!method) return undefined;
  const textFields = f.has('key') && (f.has('action') || f.has('id') || f.has('method'));
  const confirmed =
    host !== 'unknown' ||
    hasClientKey ||
    (protocol === 'text' && textFields) ||
    (fileHasHost && http.known && (json !== null || protocol === 'text'));
  if (!confirmed) return undefined;
  return { method, protocol, host };
}

/** The last part of the URL that is not empty text. */
function lastPart(http: HttpCall): Part | undefined {
  for (let i = http.url.length - 1; i >= 0; i--) if (http.url[i]!.text !== '') return http.url[i];
  return undefined;
}
