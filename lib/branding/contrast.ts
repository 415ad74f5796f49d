// WCAG 2.2 contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), for the portal colours an admin picks
// (issue 6 point 9). Pure: the admin form, the settings schema and the tests share it.

const HEX = /^#[0-9a-f]{6}$/;

/** `#rrggbb` as 0..255 channels, or null for anything else (`#fff`, names, `rgb()`: the form sends #rrggbb). */
export function parseHexColor(hex: string): [number, number, number] | null {
  const value = hex.trim().toLowerCase();
  if (!HEX.test(value)) return null;
  return [1, 3, 5].map((i) => Number.parseInt(value.slice(i, i + 2), 16)) as [number, number, number];
}

function channel(c8: number): number {
  const c = c8 / 255;
  // The WCAG 2.x formula keeps the sRGB draft's 0.03928 threshold; for 8-bit values it gives the same results as
  // the 0.04045 of the sRGB standard.
  return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** Relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance([r, g, b]: readonly [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 to 21, in either order. */
export function contrastRatio(a: string, b: string): number {
  const ca = parseHexColor(a);
  const cb = parseHexColor(b);
  if (!ca || !cb) throw new RangeError(`not a #rrggbb colour: ${ca ? b : a}`);
  const [hi, lo] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * A ratio as people read it, "4,49:1". Truncated, never rounded up: WCAG has no rounding, so 4.499 fails 4.5 and
 * must not be shown as "4,50:1" next to a refusal.
 */
export function formatRatio(ratio: number, locale = "it-IT"): string {
  // The epsilon keeps 4.51, stored as 4.5099999…, from showing as 4,50.
  const truncated = Math.floor(ratio * 100 + 1e-9) / 100;
  return `${truncated.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}:1`;
}
