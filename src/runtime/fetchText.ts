import { open } from 'node:fs/promises';

export type FetchTextResult = { ok: true; text: string } | { ok: false; reason: string };

/** Downloads a text file, refusing anything larger than `maxBytes` or slower than `timeoutMs`. */
export async function fetchText(
  url: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<FetchTextResult> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut ? `no answer within ${limits.timeoutMs} ms` : `cannot fetch (${(error as Error).message})`,
    };
  }
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status}` };
  const declared = Number(response.headers.get('content-length') ?? 0);
  const tooLarge = { ok: false, reason: `larger than the limit of ${limits.maxBytes} bytes` } as const;
  if (declared > limits.maxBytes) return tooLarge;

  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) return tooLarge;
      chunks.push(chunk);
    }
  } catch (error) {
    return { ok: false, reason: `the download failed (${(error as Error).message})` };
  }
  return { ok: true, text: Buffer.concat(chunks).toString('utf8') };
}

/** Downloads a file to `file` (binary, a zip or a large CSV), with the same limits as `fetchText`. */
export async function fetchToFile(
  url: string,
  file: string,
  limits: { maxBytes: number; timeoutMs: number },
): Promise<{ ok: true } | { ok: false; reason: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), redirect: 'follow' });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    return {
      ok: false,
      reason: timedOut ? `no answer within ${limits.timeoutMs} ms` : `cannot fetch (${(error as Error).message})`,
    };
  }
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status}` };
  const tooLarge = { ok: false, reason: `larger than the limit of ${limits.maxBytes} bytes` } as const;
  if (Number(response.headers.get('content-length') ?? 0) > limits.maxBytes) return tooLarge;
  const out = await open(file, 'wx');
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) return tooLarge;
      await out.write(chunk);
    }
  } catch (error) {
    return { ok: false, reason: `the download failed (${(error as Error).message})` };
  } finally {
    await out.close();
  }
  return { ok: true };
}
