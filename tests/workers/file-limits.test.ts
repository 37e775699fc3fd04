import { afterAll, describe, expect, it } from 'vitest';
import { Refusal } from '../../server/refusal.ts';
import { closeWorkers, configureWorkers, inWorker, WORKER_LIMITS } from '../../server/workers/worker-pool.ts';
import { heavyEstate, hugePng, lyingZipXlsx, manyCellsXlsx, manyRowsXlsx, mergedRangeXlsx, registerXlsx } from '../support/upload-bombs.ts';

afterAll(() => closeWorkers());

const refusalOf = async (p: Promise<unknown>): Promise<Refusal> => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof Refusal)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
};
const register = (bytes: Uint8Array, fileName: string) => inWorker('readRegister', { bytes, fileName }, { file: fileName, seconds: 60, field: 'register' });

describe('the worker threads that read uploads refuse what would hurt the server, naming the file and the limit', () => {
  it('a 1.5 KB sheet merging A2:XFD1048576 (17 billion cells), and one merging A2:Z40001, counted in the XML before any cell is built', async () => {
    const bomb = mergedRangeXlsx();
    expect(bomb.length).toBeLessThan(2_000);
    for (const [bytes, cells] of [
      [bomb, '17,179,852,800'],
      [mergedRangeXlsx('A2:Z40001'), '1,040,000'],
    ] as const) {
      const read = await register(bytes, '名册.xlsx');
      expect(read).toMatchObject({ ok: false });
      expect(read.ok ? [] : read.problems.map((p) => p.zh)).toEqual([`名册.xlsx 的合并单元格或数据验证覆盖 ${cells} 个单元格，超过上限 200,000：请取消整行整列的合并后再上传`]);
    }
  });

  it('an XLSX whose directory claims 4 KB but inflates to 400 MB: inflating stops at 100 MB', async () => {
    const bomb = await lyingZipXlsx(400);
    expect(bomb.length).toBeLessThan(500_000);
    const read = await register(bomb, 'lying.xlsx');
    expect(read.ok ? [] : read.problems.map((p) => p.en)).toEqual(['lying.xlsx expands to more than 100 MB (5 files); inflating stopped and nothing was read']);
  });

  it('a 6 MB workbook of a million rows, refused by its row count before it is loaded', async () => {
    const read = await register(manyRowsXlsx(1_000_000), 'million.xlsx');
    expect(read.ok ? [] : read.problems.map((p) => p.zh)).toEqual(['million.xlsx 超过 200000 行，不是一个名册：未读取']);
  });

  it('a 0.5 MB workbook of 6.75 million cells, refused by its cell count before it is loaded', async () => {
    const read = await register(manyCellsXlsx(), 'cells.xlsx');
    expect(read.ok ? [] : read.problems.map((p) => p.en)).toEqual(['cells.xlsx has 6,750,005 cells, more than 3,000,000: not a register; nothing was read']);
  });

  it('a register that needs more memory than its thread has is stopped at the heap limit; the next file is read as usual', async () => {
    const district = registerXlsx(10_000);
    await configureWorkers({ filesHeapMb: 48 });
    try {
      const refusal = await refusalOf(register(district, '街道名册.xlsx'));
      expect(refusal).toMatchObject({ kind: 'too_large', zh: '读取 街道名册.xlsx 需要超过 48 MB 内存，已停止，未写入任何内容', field: 'register' });
    } finally {
      await configureWorkers({ filesHeapMb: 768 });
    }
    // With the usual heap, a fresh thread reads the same file: 10,000 flats.
    const read = await register(district, '街道名册.xlsx');
    expect(read.ok && read.rows.length).toBe(10_000);
  });

  it('a 32 KB signature claiming 12000×12000 px is refused from its header, never decoded (576 MB)', async () => {
    const png = hugePng(12_000);
    expect(png.length).toBeLessThan(40_000);
    const refusal = await refusalOf(inWorker('checkEvidence', { signaturePng: png.toString('base64') }, { file: 'signature', seconds: 10, field: 'evidence.signaturePng' }));
    expect(refusal).toMatchObject({ kind: 'bad_input', zh: '签名图片 12000×12000 像素过大（每边最多 2000）', field: 'evidence.signaturePng' });
  });

  it('an estate file that takes longer than its limit is stopped and refused naming the limit', async () => {
    const refusal = await refusalOf(inWorker('parseEstate', { geojson: heavyEstate(), from: 'wgs84' }, { file: 'big.geojson', seconds: 0.5, field: 'geojson' }));
    expect(refusal).toMatchObject({ kind: 'too_large', zh: '处理 big.geojson 超过 0.5 秒，已停止：文件过大或过于复杂，未写入任何内容', field: 'geojson' });
    // Given its time, the same file reads: 15 stairwells estimated for 5 buildings of 9,990 points.
    const read = await inWorker('parseEstate', { geojson: heavyEstate(), from: 'wgs84' }, { file: 'big.geojson', seconds: 60 });
    expect(read.ok && read.layout.stairwells.length).toBe(15);
  });

  it('refuses as busy beyond its queue, and answers the rest', async () => {
    const tasks = Array.from({ length: WORKER_LIMITS.files.threads + WORKER_LIMITS.files.queue + 4 }, () =>
      inWorker('parseEstate', { geojson: heavyEstate(1, 2_000), from: 'wgs84' }, { file: 'x.geojson', seconds: 120 }).then(
        () => 'read',
        (e: unknown) => (e instanceof Refusal ? e.kind : String(e)),
      ),
    );
    const outcomes = await Promise.all(tasks);
    expect(outcomes.filter((o) => o === 'too_many')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'read')).toHaveLength(WORKER_LIMITS.files.threads + WORKER_LIMITS.files.queue);
  });
});
