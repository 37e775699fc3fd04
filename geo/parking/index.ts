export type { AllocateOptions, Claimant, ParkingAllocation, ParkingSpace } from './parking-types.ts';
export { allocateParking } from './allocate-parking.ts';
export { greedyParking } from './greedy-parking.ts';
export { claimantsFor, DEFAULT_PARKING_RULES, type ParkingRules, type RegisterFlatForParking } from './eligibility.ts';
export { priorityZones } from './priority-zones.ts';
export { lexicographicAssignment } from './lexicographic-assignment.ts';
