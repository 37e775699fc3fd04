import { STAGE_ZH, type Stage } from '../stages/stages.ts';

export interface SharePreviewInput {
  estateName: string;
  doorNumber: string;
  stage: Stage;
  ruleMet: boolean;
  /** Voters agreeing and in all, when the register is complete. */
  voters: { agreeing: number; total: number } | null;
}

/**
 * The title and preview a chat app shows for a stairwell's public page (Open Graph), so a child living elsewhere sees
 * in the family chat where their parents' lift stands. The estate, the door, the step and totals; never a name.
 *
 * @example sharePreview({ estateName: '风荷苑', doorNumber: '长风二村 3号', stage: 'canvassing', ruleMet: false, voters: { agreeing: 14, total: 24 } }).title // '风荷苑 长风二村 3号 加装电梯进展'
 */
export function sharePreview(p: SharePreviewInput): { title: string; description: string } {
  const step = p.stage === 'canvassing' ? (p.ruleMet ? '已达标，待居委确认' : '意见征询中') : STAGE_ZH[p.stage];
  const votes = p.voters && p.stage === 'canvassing' ? `，已有 ${p.voters.agreeing}/${p.voters.total} 位业主签字同意` : '';
  return { title: `${p.estateName} ${p.doorNumber} 加装电梯进展`, description: `当前阶段：${step}${votes}。点开查看各阶段日期、每层出资和居委会答疑。` };
}
