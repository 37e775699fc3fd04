import { describe, expect, it } from 'vitest';
import { checkStageChange } from '../../../geo/stages/index.ts';

describe('checkStageChange', () => {
  it('lets a stairwell past canvassing only when the rule passes on signed votes', () => {
    expect(checkStageChange({ from: 'canvassing', to: 'consent_passed', consentPassed: false })?.code).toBe('consent_not_passed');
    expect(checkStageChange({ from: 'canvassing', to: 'consent_passed', consentPassed: true })).toBeNull();
  });

  it('advances one stage at a time', () => {
    expect(checkStageChange({ from: 'consent_passed', to: 'public_notice', consentPassed: true })?.code).toBe('not_next_stage');
    expect(checkStageChange({ from: 'consent_passed', to: 'agreement_signed', consentPassed: true })).toBeNull();
  });

  it('needs a reason to suspend, and can resume from suspension', () => {
    expect(checkStageChange({ from: 'public_notice', to: 'suspended', consentPassed: true })?.code).toBe('reason_required');
    expect(checkStageChange({ from: 'public_notice', to: 'suspended', consentPassed: true, reason: '书面异议，调解中' })).toBeNull();
    expect(checkStageChange({ from: 'suspended', to: 'public_notice', consentPassed: true })).toBeNull();
  });

  it('may step back to canvassing', () => {
    expect(checkStageChange({ from: 'consent_passed', to: 'canvassing', consentPassed: false })).toBeNull();
  });
});
