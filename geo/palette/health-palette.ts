import type { LiftHealth } from '../lifecycle/service-record.ts';
import type { PaletteEntry } from './palette-entry.ts';
import { MAP_PALETTE } from './map-palette.ts';

/**
 * A lift in service is coloured by its health on the wall: a healthy one keeps
 * the 运行维保 mint; a problem takes a hue the stage palette does not use for
 * fills (magenta, lavender, white, peach, lime), and the map rings it too, so
 * it is told apart from a stage even by a colour-blind viewer.
 */
export const HEALTH_PALETTE: Record<LiftHealth, PaletteEntry> = {
  fault_open: { color: '#ff4fd8', text: '#000000', zh: '故障未排除', en: 'Open fault' },
  inspection_overdue: { color: '#c39bff', text: '#000000', zh: '定期检验逾期', en: 'Inspection overdue' },
  no_contract: { color: '#ffffff', text: '#000000', zh: '无有效维保合同', en: 'No maintenance contract' },
  visit_overdue: { color: '#ffb38a', text: '#000000', zh: '维保超过 15 天', en: 'Maintenance visit overdue' },
  contract_expiring: { color: '#e4ff5c', text: '#000000', zh: '维保合同将到期', en: 'Contract expiring' },
  ok: { ...MAP_PALETTE.in_service, zh: '运行正常', en: 'Running normally' },
};
