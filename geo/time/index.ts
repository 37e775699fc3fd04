export { addDays } from './add-days.ts';
export { shanghaiIso } from './shanghai-iso.ts';
