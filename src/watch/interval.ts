// Intervals as users write them: `90s`, `15m`, `2h` (and `500ms`, for tests and the host gap).

const UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 };

/** Milliseconds of an interval such as `15m` (`0` for none), or null when it is not one. */
export function parseInterval(text: string): number | null {
  if (/^\s*0\s*$/.test(text)) return 0;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/i.exec(text);
  if (!m) return null;
  const ms = Number(m[1]) * UNITS[m[2].toLowerCase()];
  return Number.isFinite(ms) ? Math.round(ms) : null;
}

/** An interval in the largest unit that writes it whole: 900 s → `15m`. */
export function formatInterval(ms: number): string {
  for (const unit of ['h', 'm', 's'] as const) if (ms >= UNITS[unit] && ms % UNITS[unit] === 0) return `${ms / UNITS[unit]}${unit}`;
  return `${ms}ms`;
}
