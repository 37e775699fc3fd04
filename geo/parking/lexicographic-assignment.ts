/**
 * Minimum-cost assignment of every row to a distinct column (rows ≤ columns),
 * with costs compared lexicographically as pairs (major, minor) of integers:
 * the Hungarian method with potentials (Kuhn–Munkres, O(rows² · columns)).
 * `major(i, j)` = Infinity forbids a pair. Returns the column of each row.
 *
 * Pairs keep both goals exact: no weighting of one against the other can
 * overflow or round.
 */
export function lexicographicAssignment(
  rows: number,
  columns: number,
  major: (row: number, column: number) => number,
  minor: (row: number, column: number) => number,
): Int32Array {
  const n = rows;
  const m = columns;
  // 1-based arrays as in the classic formulation; index 0 is the virtual start.
  const uA = new Float64Array(n + 1);
  const uB = new Float64Array(n + 1);
  const vA = new Float64Array(m + 1);
  const vB = new Float64Array(m + 1);
  const p = new Int32Array(m + 1);
  const way = new Int32Array(m + 1);
  const minA = new Float64Array(m + 1);
  const minB = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  const less = (a1: number, b1: number, a2: number, b2: number) => a1 < a2 || (a1 === a2 && b1 < b2);

  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minA.fill(Infinity);
    minB.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let dA = Infinity;
      let dB = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const ca = major(i0 - 1, j - 1);
        if (ca !== Infinity) {
          const curA = ca - uA[i0]! - vA[j]!;
          const curB = minor(i0 - 1, j - 1) - uB[i0]! - vB[j]!;
          if (less(curA, curB, minA[j]!, minB[j]!)) {
            minA[j] = curA;
            minB[j] = curB;
            way[j] = j0;
          }
        }
        if (less(minA[j]!, minB[j]!, dA, dB)) {
          dA = minA[j]!;
          dB = minB[j]!;
          j1 = j;
        }
      }
      if (j1 === 0) throw new Error('lexicographicAssignment: a row has no allowed column');
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          const r = p[j]!;
          uA[r] = uA[r]! + dA;
          uB[r] = uB[r]! + dB;
          vA[j] = vA[j]! - dA;
          vB[j] = vB[j]! - dB;
        } else {
          minA[j] = minA[j]! - dA;
          minB[j] = minB[j]! - dB;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const columnOf = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! > 0) columnOf[p[j]! - 1] = j - 1;
  return columnOf;
}
