// Is the configured DynamoDB endpoint DynamoDB Local? A stack input may point provider_config.endpoint
// at one without `--local`; the run then needs the adjustments --local makes (adjust.ts), or an
// on-demand table with GSIs never converges. One bare GET to that endpoint, and nowhere else: no
// credentials are sent. DynamoDB Local answers from Jetty, with DynamoDB's own JSON error body.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

const PROBE_TIMEOUT_MS = 1_500;

/** What the answer to `GET /` says: DynamoDB Local is a Jetty server speaking DynamoDB's JSON protocol. */
export function answerIsDynamoDbLocal(headers: Record<string, string | string[] | undefined>): boolean {
  const server = String(headers.server ?? '');
  const type = String(headers['content-type'] ?? '');
  return /^jetty\b/i.test(server) && type.startsWith('application/x-amz-json');
}

/** True when `endpoint` answers like DynamoDB Local; false when it answers otherwise, not at all, or is no http(s) URL. */
export function isDynamoDbLocal(endpoint: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return Promise.resolve(false);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.resolve(false);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((done) => {
    const req = request(url, { method: 'GET', agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      done(answerIsDynamoDbLocal(res.headers));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => done(false));
    req.end();
  });
}
