import type { ConcernTag } from './concern-tags.ts';

/** The committee's starting answers (锦囊) per concern; staff edit them in the app. */
export const DEFAULT_CONCERN_ANSWERS: Record<ConcernTag, { zh: string; en: string }> = {
  property_value: { zh: '加装电梯后整幢楼更宜居，本市已加梯小区的二手房成交普遍更快。', en: 'A lift makes the whole block easier to live in; flats in retrofitted blocks tend to sell faster.' },
  noise: { zh: '采用低噪音无机房电梯，夜间停用时段可由全体业主约定。', en: 'A low-noise machine-room-less lift; quiet hours at night can be agreed by the owners.' },
  light: { zh: '井道采用玻璃幕墙，尽量减少对低层采光的影响；方案公示时可查看日照分析。', en: 'A glass shaft keeps light in; the sunlight study is posted with the scheme.' },
  maintenance_cost: { zh: '统一维保，费用按楼层系数分摊，低层可约定少付或不付。', en: 'One maintenance contract, shared by the floor coefficients; low floors may pay little or nothing.' },
  parking: { zh: '签约的一、二层住户可获门口附近的优先停车位，施工期间另行安排。', en: 'Signed ground- and first-floor households get a priority space near their door, rearranged during construction.' },
  drying_space: { zh: '可在不影响采光的位置为低层住户加装晾衣架。', en: 'A drying rack can be added for low-floor households where it keeps their light.' },
  cost_share: { zh: '市级补贴为工程费的 40%（每台最高 28 万元），其余按楼层系数分摊，一层通常不出资。', en: 'The city pays 40 % of construction (up to ¥280,000 a lift); the rest is split by floor, the ground floor usually pays nothing.' },
  other: { zh: '记录具体顾虑，由楼组长或居委会上门沟通。', en: 'Note the concern; the building-group leader or the committee will follow up.' },
};
