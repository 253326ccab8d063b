import { ZipFile } from 'yazl';

export interface ZipEntry {
  readonly name: string;
  readonly content?: string | Buffer;
  /** Unix mode, e.g. 0o120777 for a symlink. */
  readonly mode?: number;
}

/**
 * A zip built in memory for a test. `rename` swaps a name for another of the same length in the finished bytes:
 * yazl refuses to write an unsafe name (as it should), so a hostile name is put in afterwards.
 */
export async function zipBytes(entries: readonly ZipEntry[], rename?: { from: string; to: string }): Promise<Buffer> {
  const zip = new ZipFile();
  for (const { name, content, mode } of entries) {
    if (name.endsWith('/')) zip.addEmptyDirectory(name);
    else zip.addBuffer(Buffer.from(content ?? ''), name, mode === undefined ? {} : { mode });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  if (!rename) return bytes;
  if (rename.from.length !== rename.to.length) throw new Error('a renamed entry keeps its length');
  const text = bytes.toString('latin1');
  if (!text.includes(rename.from)) throw new Error(`no ${rename.from} in the zip`);
  return Buffer.from(text.split(rename.from).join(rename.to), 'latin1');
}
