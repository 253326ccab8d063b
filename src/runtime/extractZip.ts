import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** How much a zip may hold once extracted: it comes from outside, so it may be built to fill the disk. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

/** Why a zip was refused, as a code the caller turns into words in the reader's language. */
export type ZipRefusal =
  | { readonly code: 'not_zip' }
  | { readonly code: 'unsafe_path'; readonly entry: string }
  | { readonly code: 'too_many_entries'; readonly limit: number }
  | { readonly code: 'too_large'; readonly limit: number };

export type ZipResult = { ok: true; files: readonly string[] } | { ok: false; refusal: ZipRefusal };

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

class Refused extends Error {
  constructor(readonly refusal: ZipRefusal) {
    super(refusal.code);
  }
}

/**
 * Extracts a zip into `into`, refusing the whole file when an entry's path would land outside the folder (absolute,
 * `..`, a drive letter, a backslash), when an entry is anything but a file or a folder (a symlink, a device), or when
 * the entries or their uncompressed bytes exceed the limits. Sizes are checked as declared before anything is
 * written, and again as the bytes come out, so a zip lying about its sizes is cut off too.
 * @returns the extracted files, relative to `into`, with `/` separators
 */
export async function extractZip(zipFile: string, into: string, limits: ZipLimits): Promise<ZipResult> {
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(zipFile, { lazyEntries: true, decodeStrings: true, validateEntrySizes: true }, (error, opened) =>
        error || !opened ? reject(error) : resolve(opened),
      ),
    );
  } catch {
    return { ok: false, refusal: { code: 'not_zip' } };
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      return { ok: false, refusal: { code: 'too_many_entries', limit: limits.maxEntries } };
    }
    const root = path.resolve(into);
    const files: string[] = [];
    let written = 0;
    const tooLarge = () => new Refused({ code: 'too_large', limit: limits.maxBytes });
    for await (const entry of entries(zip)) {
      const target = safeTarget(root, entry);
      if (entry.fileName.endsWith('/')) {
        await mkdir(target, { recursive: true });
        continue;
      }
      if (written + entry.uncompressedSize > limits.maxBytes) throw tooLarge();
      await mkdir(path.dirname(target), { recursive: true });
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          written += chunk.length;
          done(written > limits.maxBytes ? tooLarge() : null, chunk);
        },
      });
      await pipeline(await openEntry(zip, entry), counter, createWriteStream(target, { flags: 'wx' }));
      files.push(path.relative(root, target).split(path.sep).join('/'));
    }
    return { ok: true, files };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, refusal: error.refusal };
    // yauzl's own checks (a `..` or absolute file name, sizes that do not match, a broken stream) and a name that
    // is there twice (`wx`): a file that is not a plain zip of a folder.
    const message = (error as Error).message ?? '';
    if (/relative path|absolute path|invalid characters/i.test(message)) {
      return { ok: false, refusal: { code: 'unsafe_path', entry: message.split(': ').pop() ?? '' } };
    }
    return { ok: false, refusal: { code: 'not_zip' } };
  } finally {
    zip.close();
  }
}

/** Where an entry goes, or a refusal if that is outside `root` or the entry is not a plain file or folder. */
function safeTarget(root: string, entry: Entry): string {
  const name = entry.fileName;
  const unsafe = () => new Refused({ code: 'unsafe_path', entry: name.slice(0, 200) });
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  // Zips made on Windows carry no Unix mode (0): those are files or folders by their name.
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) throw unsafe();
  if (name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name) || name.startsWith('/')) throw unsafe();
  if (name.split('/').some((part) => part === '..')) throw unsafe();
  const target = path.resolve(root, name);
  if (target !== root && !target.startsWith(`${root}${path.sep}`)) throw unsafe();
  return target;
}

async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  for (;;) {
    const next = await new Promise<Entry | undefined>((resolve, reject) => {
      const onEntry = (entry: Entry) => {
        cleanup();
        resolve(entry);
      };
      const onEnd = () => {
        cleanup();
        resolve(undefined);
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      const cleanup = () => {
        zip.off('entry', onEntry);
        zip.off('end', onEnd);
        zip.off('error', onError);
      };
      zip.on('entry', onEntry);
      zip.on('end', onEnd);
      zip.on('error', onError);
      zip.readEntry();
    });
    if (next === undefined) return;
    yield next;
  }
}

function openEntry(zip: ZipFile, entry: Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(error) : resolve(stream))),
  );
}
