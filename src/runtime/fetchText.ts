import { open } from 'node:fs/promises';

export type FetchTextResult = { ok: true; text: string } | { ok: false; reason: string };

type Limits = { maxBytes: number; timeoutMs: number };
type Outcome = { ok: true } | { ok: false; reason: string };

/** Downloads a text file, refusing anything larger than `maxBytes` or slower than `timeoutMs`. */
export async function fetchText(url: string, limits: Limits): Promise<FetchTextResult> {
  const chunks: Uint8Array[] = [];
  const outcome = await download(url, limits, async () => (chunk) => void chunks.push(chunk));
  return outcome.ok ? { ok: true, text: Buffer.concat(chunks).toString('utf8') } : outcome;
}

/** Downloads a file to `file` (binary, a zip or a large CSV), with the same limits as `fetchText`. */
export async function fetchToFile(url: string, file: string, limits: Limits): Promise<Outcome> {
  let out: Awaited<ReturnType<typeof open>> | undefined;
  try {
    return await download(url, limits, async () => {
      out = await open(file, 'wx');
      const opened = out;
      return async (chunk) => void (await opened.write(chunk));
    });
  } finally {
    await out?.close();
  }
}

/**
 * Fetches `url` and hands its body, chunk by chunk, to the sink `start` opens once the server has answered well:
 * refused when it is slower than `timeoutMs`, or larger than `maxBytes` as declared or as it arrives.
 */
async function download(
  url: string,
  limits: Limits,
  start: () => Promise<(chunk: Uint8Array) => Promise<void> | void>,
): Promise<Outcome> {
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

  const take = await start();
  let size = 0;
  try {
    for await (const chunk of response.body ?? []) {
      size += chunk.byteLength;
      if (size > limits.maxBytes) return tooLarge;
      await take(chunk);
    }
  } catch (error) {
    return { ok: false, reason: `the download failed (${(error as Error).message})` };
  }
  return { ok: true };
}
