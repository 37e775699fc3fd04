export { CAMPAIGN_STEPS, CAMPAIGN_WORDS, campaignStep, countCampaign, isConfirmed, sumCampaign, type CampaignCounts, type CampaignStep, type CountedStairwell } from './campaign-counts.ts';
export { deadlines, type Deadline, type DeadlineKind, type DeadlineStairwell } from './deadlines.ts';
export { ruleMetSince } from './rule-met-since.ts';
export { FUNDING_STAGES, type Headline } from './headline.ts';
export { sharePreview, type SharePreviewInput } from './share-preview.ts';
