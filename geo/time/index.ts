export { addDays } from './add-days.ts';
