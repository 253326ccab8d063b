import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchText } from '../../src/runtime/fetchText.js';

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/small') return void response.end('{"ok":true}');
    if (request.url === '/large') return void response.end('x'.repeat(5000));
    if (request.url === '/chunked-large') {
      response.write('x'.repeat(3000));
      return void setTimeout(() => response.end('x'.repeat(3000)), 5);
    }
    if (request.url === '/slow') return void setTimeout(() => response.end('late'), 2000);
    response.writeHead(404);
    response.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const limits = { maxBytes: 4096, timeoutMs: 300 };

describe('fetchText', () => {
  it('GIVEN a small file THEN its text', async () => {
    expect(await fetchText(`${base}/small`, limits)).toEqual({ ok: true, text: '{"ok":true}' });
  });

  it('GIVEN a file over the limit THEN refused, whether or not its size was announced', async () => {
    const refusal = { ok: false, reason: 'larger than the limit of 4096 bytes' };
    expect(await fetchText(`${base}/large`, limits)).toEqual(refusal);
    expect(await fetchText(`${base}/chunked-large`, limits)).toEqual(refusal);
  });

  it('GIVEN a server too slow THEN a time-out, not a hang', async () => {
    expect(await fetchText(`${base}/slow`, limits)).toEqual({ ok: false, reason: 'no answer within 300 ms' });
  });

  it('GIVEN an error status THEN says which', async () => {
    expect(await fetchText(`${base}/missing`, limits)).toEqual({ ok: false, reason: 'the server answered 404' });
  });
});
