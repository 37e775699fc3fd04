export { progressByDay, stateAt, type HistoryConsentEvent, type HistoryFlat, type HistoryStageEvent, type StairwellAt } from './replay.ts';
