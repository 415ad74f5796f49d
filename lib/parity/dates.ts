// Review dates are calendar days (`YYYY-MM-DD`, articles.reviewBy), compared as strings. "Today" is the server's
// local day: a contact centre and its server share a time zone, and a few hours of skew on a review date is harmless.

/** `YYYY-MM-DD` of the server's local day. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, "0");
  const d = String(now.getDate()).padStart(2, "0");
  return `${y}-${m}-${d}`;
}

/** The calendar day `days` after `iso` (negative goes back). Done in UTC so DST changes never skip a day. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `today` to `iso`: negative when `iso` is in the past. */
export function daysBetween(today: string, iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** `YYYY-MM-DD` as Italian readers write it (24/11/2026). */
export function formatIsoDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return y && m && d ? `${d}/${m}/${y}` : iso;
}
