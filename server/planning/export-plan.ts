import ExcelJS from 'exceljs';
import type { FeatureCollection } from 'geojson';
import { VIOLATION_ZH } from '../../geo/phasing/index.ts';
import { STAGE_ZH } from '../../geo/stages/index.ts';
import { printReady } from '../export/print-ready.ts';
import type { ComputedPlan } from './compute-plan.ts';

/**
 * The plan as a workbook for the contractor: phases with dates, stairwells
 * with their phase, and the parameters. Door numbers only, no personal data.
 */
export async function planToXlsx(name: string, plan: ComputedPlan): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'LiftMap 加梯作战图';
  const doorOf = new Map(plan.sites.map((s) => [s.stairwellId, s]));
  // A plan that breaks a constraint says so on its first sheet, before anyone builds from it.
  const broken = plan.violations.length > 0 ? book.addWorksheet('⚠ 违反约束 Constraints broken') : null;

  const phases = book.addWorksheet('批次 Phases');
  phases.columns = [
    { header: '批次 Phase', key: 'phase', width: 10 },
    { header: '开工 Start', key: 'start', width: 13 },
    { header: '完工 End', key: 'end', width: 13 },
    { header: '门洞数 Sites', key: 'count', width: 10 },
    { header: '门洞 Door numbers', key: 'doors', width: 60 },
    { header: '占用消防车道 Lanes narrowed', key: 'lanes', width: 24 },
    { header: '停用车位 Parking out of use', key: 'parking', width: 14 },
  ];
  for (const p of plan.phases)
    phases.addRow({
      phase: p.index + 1,
      start: p.startDate,
      end: p.endDate,
      count: p.stairwellIds.length,
      doors: p.stairwellIds.map((id) => doorOf.get(id)?.doorNumber ?? id).join('、'),
      lanes: p.lanes.join('、'),
      parking: p.parkingLost.length,
    });

  const sites = book.addWorksheet('门洞 Stairwells');
  sites.columns = [
    { header: '门牌号 Door number', key: 'door', width: 18 },
    { header: '幢 Building', key: 'building', width: 10 },
    { header: '批次 Phase', key: 'phase', width: 10 },
    { header: '开工 Start', key: 'start', width: 13 },
    { header: '完工 End', key: 'end', width: 13 },
    { header: '最早可开工 Ready', key: 'ready', width: 14 },
    { header: '阶段 Stage', key: 'stage', width: 18 },
    { header: '停用车位 Parking', key: 'parking', width: 30 },
    { header: '未排原因 Not scheduled because', key: 'reason', width: 40 },
  ];
  const unscheduled = new Map(plan.unscheduled.map((u) => [u.stairwellId, u.reason]));
  for (const s of plan.sites) {
    const phase = s.phase === null ? undefined : plan.phases[s.phase];
    sites.addRow({
      door: s.doorNumber,
      building: s.buildingCode,
      phase: phase ? phase.index + 1 : '',
      start: phase?.startDate ?? '',
      end: phase?.endDate ?? '',
      ready: s.readyDate,
      stage: STAGE_ZH[s.stage],
      parking: s.parking.join(' '),
      reason: unscheduled.get(s.stairwellId) ?? '',
    });
  }
  const params = book.addWorksheet('参数 Parameters');
  params.columns = [
    { header: '参数 Parameter', key: 'k', width: 28 },
    { header: '值 Value', key: 'v', width: 30 },
  ];
  params.addRows([
    { k: '方案 Scenario', v: name },
    { k: '施工队 Crews', v: plan.params.crews },
    { k: '每批天数 Phase days', v: plan.params.phaseDays },
    { k: '开始日期 Start date', v: plan.params.startDate },
    { k: '施工区 Zone (m)', v: plan.params.zoneM },
    { k: '每批最多停用车位 Max parking lost', v: plan.params.maxParkingLossPerPhase },
    { k: '老人加权完工 Σ weight × day', v: plan.score.weightedCompletion },
    { k: '拆分的楼 Buildings split', v: plan.score.buildingsSplit },
    { k: '最多停用车位 Peak parking lost', v: plan.score.peakParkingLost },
  ]);
  const checks = broken ?? book.addWorksheet('约束 Constraints');
  checks.columns = [
    { header: '批次 Phase', key: 'phase', width: 10 },
    { header: '违反的约束 Constraint broken', key: 'what', width: 50 },
    { header: '门洞 Door numbers', key: 'doors', width: 40 },
  ];
  if (plan.violations.length === 0) checks.addRow({ phase: '', what: '所有约束均满足 Every constraint holds', doors: '' });
  for (const v of plan.violations) checks.addRow({ phase: v.phase === null ? '' : v.phase + 1, what: `${VIOLATION_ZH[v.kind]} ${v.message}`, doors: v.doors.join('、') });
  if (plan.violations.length > 0) params.addRow({ k: '⚠ 违反约束 Constraints broken', v: plan.violations.length });
  for (const sheet of [phases, sites, params, checks]) printReady(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The plan's construction zones as GeoJSON, each with its door number, phase and dates. */
export function planToGeoJSON(name: string, plan: ComputedPlan): FeatureCollection {
  const site = new Map(plan.sites.map((s) => [s.stairwellId, s]));
  return {
    type: 'FeatureCollection',
    features: plan.geometry.zones.features.map((f) => {
      const s = site.get(f.properties.stairwellId);
      const phase = s?.phase === null || s === undefined ? undefined : plan.phases[s.phase];
      return {
        type: 'Feature',
        geometry: f.geometry,
        properties: {
          scenario: name,
          doorNumber: s?.doorNumber ?? null,
          buildingCode: s?.buildingCode ?? null,
          phase: phase ? phase.index + 1 : null,
          startDate: phase?.startDate ?? null,
          endDate: phase?.endDate ?? null,
          readyDate: s?.readyDate ?? null,
          blocksLanes: s?.blocksLanes.join(';') ?? '',
        },
      };
    }),
  };
}
