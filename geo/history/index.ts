export { progressByDay, stateAt, type HistoryConsentEvent, type HistoryFlat, type HistoryStageEvent, type StairwellAt } from './replay.ts';
export { daysBetween, replayDays, type DayState } from './replay-days.ts';
