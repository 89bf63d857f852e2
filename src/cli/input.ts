/** Reading drafts from a file or standard input, with clear errors instead of stack traces. */
import { readFile } from 'node:fs/promises';

/** Bad usage or unreadable input: the CLI prints the message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Input larger than this is refused before decoding (a draft is at most 40,000 characters; batches are larger). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array, source: string): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new UsageError(`${source} is not valid UTF-8 text.`);
  }
}

export async function readFileBytes(path: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (code ?? 'unreadable');
    throw new UsageError(`Cannot read ${path}: ${reason}.`);
  }
  if (bytes.length > MAX_INPUT_BYTES) throw new UsageError(`${path} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB.`);
  return bytes;
}

export async function readFileText(path: string): Promise<string> {
  return decodeUtf8(await readFileBytes(path), path);
}

export async function readStdinBytes(stdin: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_INPUT_BYTES) throw new UsageError(`Standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB.`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readStdinText(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  return decodeUtf8(await readStdinBytes(stdin), 'Standard input');
}
