export { POST_LIMIT, SERVICE_TEAM_POSTS, TEAM_POSTS, TEAM_POST_EN, TEAM_POST_ZH, teamPostOf, type TeamPost } from './team-posts.ts';
export { NO_DUTY, dutyText, readDuty, type TeamDuty } from './team-duty.ts';
export { COVERAGE_GAPS, COVERAGE_GAP_MARK, COVERAGE_GAP_ZH, coverageOf, coverageTotals, type CoverageGap, type CoverageTotals, type StairwellCoverage } from './coverage.ts';
