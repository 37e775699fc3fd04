import { unzipSync } from 'fflate';
import { problem, type Problem } from '../../geo/problems/index.ts';

/** What an uploaded archive (Shapefile zip, KMZ, XLSX) may hold once inflated. */
export const MAX_INFLATED_BYTES = 100 * 1024 * 1024;
const MAX_ENTRIES = 5_000;

export type Unzipped = { ok: true; files: Record<string, Uint8Array> } | { ok: false; problem: Problem };

/**
 * The entries of a zip that `wanted` keeps, inflated only after the zip's
 * directory says the whole archive stays under MAX_INFLATED_BYTES in at
 * most 5,000 entries: a zip bomb under the upload cap is refused before
 * anything is inflated.
 */
export function safeUnzip(bytes: Uint8Array, fileName: string, wanted: (name: string) => boolean): Unzipped {
  const refused = zipProblem(bytes, fileName);
  if (refused) return { ok: false, problem: refused };
  try {
    return { ok: true, files: unzipSync(bytes, { filter: (file) => !file.name.includes('__MACOSX') && wanted(file.name) }) };
  } catch (e) {
    return { ok: false, problem: problem(`${fileName} 是损坏的 zip 压缩包（${(e as Error).message}）`, `${fileName} is not a readable zip archive (${(e as Error).message})`) };
  }
}

/**
 * Why an archive (a zip, an XLSX, a KMZ) must not be opened, or null: not a
 * zip, unreadable, or inflating past MAX_INFLATED_BYTES or 5,000 entries by
 * its own directory. Nothing is inflated to find out.
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
    return problem(`${fileName} 是损坏的 zip 压缩包（${(e as Error).message}）`, `${fileName} is not a readable zip archive (${(e as Error).message})`);
  }
  const mb = Math.round(inflated / 1024 / 1024);
  if (entries > MAX_ENTRIES || inflated > MAX_INFLATED_BYTES)
    return problem(
      `${fileName} 解压后有 ${mb} MB、${entries} 个文件，超过上限 ${MAX_INFLATED_BYTES / 1024 / 1024} MB：未读取任何内容`,
      `${fileName} expands to ${mb} MB in ${entries} files, more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; nothing was read`,
    );
  return null;
}
