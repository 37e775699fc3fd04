import { createLocalFrame, type LngLat } from '../geometry/local-frame.ts';
import { problem, type Problem } from '../problems/index.ts';

/** A point pinned twice: on the photo (pixels from its top-left corner, y down) and on the map (WGS-84). */
export interface PlanPoint {
  px: [x: number, y: number];
  at: LngLat;
}

/** Where the photo's corners lie, in MapLibre's image-source order: top-left, top-right, bottom-right, bottom-left. */
export type PlanCorners = [LngLat, LngLat, LngLat, LngLat];

export interface PlanFit {
  corners: PlanCorners;
  /** How far each pinned point lies from where the fitted photo puts it, metres. */
  residualsM: number[];
  /** Metres per pixel of the photo: a scan's scale, for a sanity check. */
  metresPerPx: number;
}

/** The most a pinned point may lie off the fitted plan: a photo taken at a slant, or a point pinned on the wrong building. */
export const MAX_RESIDUAL_M = 15;

/** Solves the 3×3 system m·x = v (Cramer's rule); null when singular. */
function solve3(m: number[][], v: number[]): number[] | null {
  const det = (a: number[][]) =>
    a[0]![0]! * (a[1]![1]! * a[2]![2]! - a[1]![2]! * a[2]![1]!) - a[0]![1]! * (a[1]![0]! * a[2]![2]! - a[1]![2]! * a[2]![0]!) + a[0]![2]! * (a[1]![0]! * a[2]![1]! - a[1]![1]! * a[2]![0]!);
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  return [0, 1, 2].map((c) => det(m.map((row, r) => row.map((x, k) => (k === c ? v[r]! : x)))) / d);
}

/**
 * The affine placement of a photographed or scanned site plan from three or
 * more points pinned on it and on the map (least squares in metres): where
 * its corners lie and how far each point is off. Refused for fewer than
 * three points, points in a line, or a point more than 15 m off.
 *
 * @example fitPlan([p1, p2, p3], 2000, 1400) // { ok: true, fit: { corners, residualsM: [0, 0, 0] } }
 */
export function fitPlan(points: PlanPoint[], widthPx: number, heightPx: number): { ok: true; fit: PlanFit } | { ok: false; problem: Problem; residualsM?: number[] } {
  if (points.length < 3) return { ok: false, problem: problem(`至少需要 3 个对应点，现在有 ${points.length} 个`, `at least 3 points are needed, there are ${points.length}`) };
  const origin = points[0]!.at;
  const frame = createLocalFrame(origin);
  const xy = points.map((p) => frame.toMetres(p.at));
  // Normal equations of [x y 1]·[a b c]ᵀ = X (and = Y).
  const ata = [0, 1, 2].map((i) => [0, 1, 2].map((j) => points.reduce((s, p) => s + [p.px[0], p.px[1], 1][i]! * [p.px[0], p.px[1], 1][j]!, 0)));
  const rhs = (k: 0 | 1) => [0, 1, 2].map((i) => points.reduce((s, p, n) => s + [p.px[0], p.px[1], 1][i]! * xy[n]![k], 0));
  const [ex, ey] = [solve3(ata, rhs(0)), solve3(ata, rhs(1))];
  if (!ex || !ey) return { ok: false, problem: problem('这些点在一条直线上（或重合），无法确定底图位置：请选分布在图上三个角附近的点', 'the points lie in a line (or on each other), so they cannot place the plan: pin points near three corners of it') };
  const place = (x: number, y: number): [number, number] => [ex[0]! * x + ex[1]! * y + ex[2]!, ey[0]! * x + ey[1]! * y + ey[2]!];
  const residualsM = points.map((p, i) => {
    const [X, Y] = place(p.px[0], p.px[1]);
    return Math.round(Math.hypot(X - xy[i]![0], Y - xy[i]![1]) * 10) / 10;
  });
  const worst = Math.max(...residualsM);
  if (worst > MAX_RESIDUAL_M) {
    const n = residualsM.indexOf(worst) + 1;
    return {
      ok: false,
      residualsM,
      problem: problem(
        `第 ${n} 个点与其他点对不上（偏差 ${worst} 米，最多 ${MAX_RESIDUAL_M} 米）：请检查它是否点在了另一幢楼上`,
        `point ${n} disagrees with the others by ${worst} m (at most ${MAX_RESIDUAL_M} m): check it is pinned on the same building in both`,
      ),
    };
  }
  const corner = (x: number, y: number) => frame.toLngLat(place(x, y));
  const metresPerPx = Math.round(Math.sqrt(Math.abs(ex[0]! * ey[1]! - ex[1]! * ey[0]!)) * 1000) / 1000;
  return { ok: true, fit: { corners: [corner(0, 0), corner(widthPx, 0), corner(widthPx, heightPx), corner(0, heightPx)], residualsM, metresPerPx } };
}
