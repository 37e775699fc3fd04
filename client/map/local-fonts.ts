/** The device's own CJK fonts for map labels: no glyphs URL, nothing fetched (MapLibre ≥ 5.11). */
export const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif';
