import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../server/routers/_app.ts';

/**
 * The contract between client and server: what each procedure takes and
 * what arrives, derived from the router (AppRouter) as JSON, so a screen is
 * typed by what it receives rather than by a server function. The only
 * client file that imports from server/ (eslint.config.js keeps it so);
 * closed sets both sides need (roles, stages, datums, palette keys) come
 * from geo/.
 */
export type { AppRouter };
export type Inputs = inferRouterInputs<AppRouter>;
export type Outputs = inferRouterOutputs<AppRouter>;

// The estate and its map.
export type EstateSummary = Outputs['estate']['list'][number];
export type EstateMap = Outputs['estate']['map'];
export type StairwellProperties = EstateMap['layers']['stairwells']['features'][number]['properties'];
export type Headline = EstateMap['headline'];
export type StairwellDetail = Outputs['stairwell']['detail'];

// Planning, parking, the programme.
export type PlanParams = Inputs['plan']['compute']['params'];
export type PlanMove = NonNullable<Inputs['plan']['compute']['moves']>[number];
export type ComputedPlan = Outputs['plan']['compute'];
export type ScenarioSummary = Outputs['plan']['list'][number];
export type Programme = NonNullable<Outputs['plan']['programme']>;
export type ComputedParking = Outputs['parking']['compute'];
export type StairwellMoney = Outputs['money']['ofStairwell'];

// The deck and the replay.
export type PresentDeck = Outputs['present']['deck'];
export type TimelineDay = Outputs['history']['progress']['days'][number];
export type ReplayDay = Outputs['history']['replay']['days'][number];

// The campaign's papers, pipeline and public page.
export type StairwellPapers = Outputs['stages']['papers'];
export type PipelineStairwell = Outputs['stages']['pipeline']['stairwells'][number];
export type PipelineObjection = PipelineStairwell['objections'][number];
export type PublicStairwell = Outputs['stages']['publicStairwell'];
export type EvidenceQueue = Outputs['evidence']['queue'];

// The phone.
export type SessionUser = NonNullable<Outputs['auth']['me']>;
export type StairwellRegister = Outputs['canvass']['register'];
export type VisitInput = Inputs['canvass']['recordVisit'];

// What live screens hear over server-sent events (live.onChange yields them, tracked by id).
type Streamed<T> = T extends AsyncIterable<{ data: infer D }> ? D : never;
export type LiveChange = Streamed<Outputs['live']['onChange']>;
export type FlatChange = Extract<LiveChange, { kind: 'flat' }>;
export type StageChange = Extract<LiveChange, { kind: 'stage' }>;

// Staff imports.
export type ImportPreview = NonNullable<Extract<Outputs['admin']['previewEstate'], { preview: unknown }>['preview']>;
