import { createServer, type Server } from 'node:http';
import { answerIsDynamoDbLocal, isDynamoDbLocal } from '../../../src/local/detect.js';

/** A loopback HTTP server answering every request with `headers`. */
async function serve(headers: Record<string, string>): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => {
    res.writeHead(400, headers);
    res.end('{}');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

test('DynamoDB Local answers from Jetty in the DynamoDB JSON protocol; AWS and other servers do not', () => {
  expect(answerIsDynamoDbLocal({ server: 'Jetty(12.0.31)', 'content-type': 'application/x-amz-json-1.0' })).toBe(true);
  expect(answerIsDynamoDbLocal({ server: 'Server', 'content-type': 'application/x-amz-json-1.0' })).toBe(false);
  expect(answerIsDynamoDbLocal({ server: 'Jetty(9.4)', 'content-type': 'text/html' })).toBe(false);
  expect(answerIsDynamoDbLocal({})).toBe(false);
});

test('isDynamoDbLocal asks the endpoint once; no answer or no http(s) URL is "not DynamoDB Local"', async () => {
  const local = await serve({ Server: 'Jetty(12.0.31)', 'Content-Type': 'application/x-amz-json-1.0' });
  const other = await serve({ Server: 'nginx', 'Content-Type': 'application/json' });
  try {
    expect(await isDynamoDbLocal(local.url)).toBe(true);
    expect(await isDynamoDbLocal(other.url)).toBe(false);
  } finally {
    local.server.close();
    other.server.close();
  }
  expect(await isDynamoDbLocal(local.url, 500)).toBe(false); // closed: nothing answers
  expect(await isDynamoDbLocal('not a url')).toBe(false);
  expect(await isDynamoDbLocal('ftp://127.0.0.1:1')).toBe(false);
});
