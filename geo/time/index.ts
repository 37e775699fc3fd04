export { addDays } from './add-days.ts';
export { shanghaiIso } from './shanghai-iso.ts';
export { daysBetween, shiftIsoDays } from './shift-days.ts';
