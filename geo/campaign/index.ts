export { CAMPAIGN_STEPS, CAMPAIGN_WORDS, campaignStep, countCampaign, isConfirmed, sumCampaign, type CampaignCounts, type CampaignStep, type CountedStairwell } from './campaign-counts.ts';
