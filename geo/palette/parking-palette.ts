import type { PaletteEntry } from './palette-entry.ts';

export const PARKING_STATES = ['assigned', 'free', 'out_of_use'] as const;
export type ParkingState = (typeof PARKING_STATES)[number];

/** Parking spaces on /plan's parking view: blue, grey and vermillion stay apart for every colour vision. */
export const PARKING_PALETTE: Record<ParkingState, PaletteEntry> = {
  assigned: { color: '#2c7bb6', text: '#ffffff', zh: '已分配优先车位', en: 'Assigned priority space' },
  free: { color: '#9a9a9a', text: '#000000', zh: '空闲', en: 'Free' },
  out_of_use: { color: '#e66101', text: '#000000', zh: '本批施工停用', en: 'Out of use this phase' },
};
