export { addDays } from './add-days.ts';
export { shanghaiDay, shanghaiIso } from './shanghai-iso.ts';
export { daysBetween, shiftIsoDays } from './shift-days.ts';
