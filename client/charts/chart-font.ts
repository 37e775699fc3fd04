import { LOCAL_CJK_FONTS } from '../map/local-fonts.ts';

/** ECharts measures text itself, so it needs the page's real font stack, not `inherit`. */
export const CHART_FONT = LOCAL_CJK_FONTS;
