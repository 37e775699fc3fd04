export { createRng, type Rng } from './rng.ts';
export { campaignTime } from './campaign-clock.ts';
export { FENGHE_PLAN, LAYOUT, type LayoutPlan } from './layout-plan.ts';
export { generateLayout } from './generate-layout.ts';
export { generateCampaign, type CampaignPlan } from './generate-campaign.ts';
export { generateEvidence, signatureStrokes, SIGNATURE_BOX, syntheticSignature } from './generate-evidence.ts';
export { fengheCampaignPlan } from './fenghe-campaign-plan.ts';
export { districtInstance, phasingInputFromLayout, randomSmallInstance, type InstanceOptions } from './phasing-instance.ts';
export { parkingInstance } from './parking-instance.ts';
