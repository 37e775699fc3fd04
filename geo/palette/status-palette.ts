import type { HouseholdStatus } from '../consent/household-status.ts';
import type { PaletteEntry } from './palette-entry.ts';

/** Household statuses in the colour families of SPEC §3. */
export const STATUS_PALETTE: Record<HouseholdStatus, PaletteEntry> = {
  unvisited: { color: '#d4d4d4', text: '#000000', zh: '未走访', en: 'Not visited' },
  undecided: { color: '#f2b701', text: '#000000', zh: '考虑中', en: 'Undecided' },
  intent: { color: '#b8e6a8', text: '#000000', zh: '口头同意', en: 'Verbal yes' },
  signed: { color: '#0f6b34', text: '#ffffff', zh: '已签字同意', en: 'Signed' },
  abstain: { color: '#5f7387', text: '#ffffff', zh: '弃权', en: 'Abstain' },
  opposed: { color: '#ec6a45', text: '#000000', zh: '反对', en: 'Opposed' },
  unreachable: { color: '#8e6bbf', text: '#000000', zh: '联系不上', en: 'Unreachable' },
};
