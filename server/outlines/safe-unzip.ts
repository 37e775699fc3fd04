import { Unzip, UnzipPassThrough, unzipSync, type UnzipDecoder } from 'fflate';
import { inflateRawSync } from 'node:zlib';
import { problem, type Problem } from '../../geo/problems/index.ts';

/** What an uploaded archive (Shapefile zip, KMZ, XLSX) may hold once inflated. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5_000;
const MB = 1024 * 1024;

export type Unzipped = { ok: true; files: Record<string, Uint8Array> } | { ok: false; problem: Problem };

const unreadable = (fileName: string, e: unknown) =>
  problem(`${fileName} 是损坏的 zip 压缩包（${(e as Error).message}）`, `${fileName} is not a readable zip archive (${(e as Error).message})`);

const tooBig = (fileName: string, entries: number) =>
  problem(
    `${fileName} 解压后超过上限 ${MAX_INFLATED_BYTES / MB} MB（${entries} 个文件）：已停止解压，未读取任何内容`,
    `${fileName} expands to more than ${MAX_INFLATED_BYTES / MB} MB (${entries} files); inflating stopped and nothing was read`,
  );

class OverBudget extends Error {}

/**
 * The entries of a zip that `wanted` keeps, inflated with a counter of the
 * bytes that actually come out (never the sizes the zip's directory or
 * headers claim): past MAX_INFLATED_BYTES in all, or 5,000 entries,
 * inflating stops and the archive is refused. A zip bomb whose directory
 * lies about its sizes costs at most the cap, not the bomb.
 */
export function safeUnzip(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Unzipped {
  const refused = zipProblem(bytes, fileName);
  if (refused) return { ok: false, problem: refused };
  let budget = MAX_INFLATED_BYTES;
  let entries = 0;
  const files: Record<string, Uint8Array> = {};
  let failure: unknown = null;
  /** DEFLATE through zlib with the bytes still allowed as its output limit: it stops there, whatever the stream says. */
  class BoundedInflate implements UnzipDecoder {
    static readonly compression = 8;
    private readonly input: Uint8Array[] = [];
    ondata: UnzipDecoder['ondata'] = () => undefined;
    push(chunk: Uint8Array, final: boolean): void {
      this.input.push(chunk.slice());
      if (!final) return;
      let out: Buffer;
      try {
        out = inflateRawSync(Buffer.concat(this.input), { maxOutputLength: Math.max(1, budget) });
      } catch (e) {
        failure ??= (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? new OverBudget() : e;
        return;
      }
      this.ondata(null, new Uint8Array(out.buffer as ArrayBuffer, out.byteOffset, out.length), true);
    }
  }
  const unzip = new Unzip();
  unzip.register(BoundedInflate);
  unzip.register(UnzipPassThrough);
  unzip.onfile = (file) => {
    if (failure) return;
    if (++entries > MAX_ENTRIES) failure = new OverBudget();
    if (file.name.includes('__MACOSX') || !wanted(file.name) || failure) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = err;
        return;
      }
      budget -= data.length;
      if (budget < 0) {
        failure = new OverBudget();
        return;
      }
      chunks.push(data);
      if (final) files[file.name] = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    };
    file.start();
  };
  try {
    // A stored (uncompressed) entry comes through in these pieces, each counted.
    for (let at = 0; at < bytes.length && !failure; at += 64 * 1024) unzip.push(bytes.subarray(at, at + 64 * 1024), at + 64 * 1024 >= bytes.length);
  } catch (e) {
    failure ??= e;
  }
  if (failure instanceof OverBudget) return { ok: false, problem: tooBig(fileName, entries) };
  if (failure) return { ok: false, problem: unreadable(fileName, failure) };
  return { ok: true, files };
}

/**
 * Why an archive (a zip, an XLSX, a KMZ) must not be opened, or null: not a
 * zip, unreadable, or inflating past MAX_INFLATED_BYTES or 5,000 entries by
 * its own directory. Nothing is inflated to find out; a directory that lies
 * is caught by safeUnzip's counter instead.
 */
export function zipProblem(bytes: Uint8Array, fileName: string): Problem | null {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return problem(`${fileName} 不是 zip 压缩包（XLSX、KMZ 和压缩的 Shapefile 都是 zip）`, `${fileName} is not a zip archive (an XLSX, a KMZ and a zipped Shapefile are)`);
  let inflated = 0;
  let entries = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        inflated += file.originalSize;
        entries += 1;
        return false;
      },
    });
  } catch (e) {
    return unreadable(fileName, e);
  }
  const mb = Math.round(inflated / MB);
  if (entries > MAX_ENTRIES || inflated > MAX_INFLATED_BYTES)
    return problem(
      `${fileName} 解压后有 ${mb} MB、${entries} 个文件，超过上限 ${MAX_INFLATED_BYTES / MB} MB：未读取任何内容`,
      `${fileName} expands to ${mb} MB in ${entries} files, more than ${MAX_INFLATED_BYTES / MB} MB; nothing was read`,
    );
  return null;
}
