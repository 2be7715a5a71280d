// The same commitment reported by many articles is one ledger commitment with many sources:
// same donor, recipient and unit, amounts within 1 %, announced within 30 days. A later report
// that it was delivered moves it along its lifecycle instead of adding a second one.

export interface FoldKey {
  donor: string | null;
  recipient: string | null;
  unit: string | null;
  amount: number | null;
  category: string;
  status: string;
  announced: string | null;
}

export const FOLD_WINDOW_DAYS = 30;
const AMOUNT_TOLERANCE = 0.01;
const STATUS_RANK: Record<string, number> = { planned: 0, ready: 1, pledged: 2, delivered: 3 };

const days = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / 86_400_000;

/** Whether a newly reported commitment is one already in the ledger. */
export function sameCommitment(ledger: FoldKey, reported: FoldKey): boolean {
  if (ledger.donor !== reported.donor || ledger.recipient !== reported.recipient || ledger.unit !== reported.unit) return false;
  if (ledger.announced && reported.announced && Math.abs(days(ledger.announced) - days(reported.announced)) > FOLD_WINDOW_DAYS) return false;
  if (ledger.amount === null || reported.amount === null) {
    // unquantified pledges fold only with their own kind
    return ledger.amount === reported.amount && ledger.category === reported.category;
  }
  const largest = Math.max(Math.abs(ledger.amount), Math.abs(reported.amount));
  return largest === 0 || Math.abs(ledger.amount - reported.amount) / largest <= AMOUNT_TOLERANCE;
}

/** The status after a new report: pledged → delivered moves forward; nothing moves back. */
export function advancedStatus(current: string, reported: string): string {
  return (STATUS_RANK[reported] ?? 0) > (STATUS_RANK[current] ?? 0) ? reported : current;
}

/** The earliest date of the two, for "announced". */
export function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** The window of announcement dates a new report can fold into, for the blocking query. */
export function foldWindow(announced: string | null): { from: string; to: string } | null {
  if (!announced) return null;
  const d = days(announced);
  const iso = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);
  return { from: iso(d - FOLD_WINDOW_DAYS), to: iso(d + FOLD_WINDOW_DAYS) };
}
