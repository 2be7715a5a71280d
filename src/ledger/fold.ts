// The same commitment reported by many articles is one ledger commitment with many sources:
// same donor, recipient and unit, amounts within 1 %, announced within 30 days. A report that
// it was delivered is a later stage of the pledge it fulfils (announced up to 18 months before,
// delivering at most what was pledged), not a second commitment.
import { dayNumber, isoDay } from './dates.js';

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
/** How long before a delivery the pledge it fulfils may have been announced. */
export const DELIVERY_WINDOW_DAYS = 548;
const AMOUNT_TOLERANCE = 0.01;
const STATUS_RANK: Record<string, number> = { planned: 0, ready: 1, pledged: 2, delivered: 3 };
/** Stages only a reviewer sets: they end the lifecycle whatever is reported after. */
export const REVIEWED_STAGES = ['cancelled', 'suspended'] as const;

const closeAmounts = (a: number, b: number) => {
  const largest = Math.max(Math.abs(a), Math.abs(b));
  return largest === 0 || Math.abs(a - b) / largest <= AMOUNT_TOLERANCE;
};

/** Whether a newly reported commitment is one already in the ledger. */
export function sameCommitment(ledger: FoldKey, reported: FoldKey): boolean {
  if (ledger.donor !== reported.donor || ledger.recipient !== reported.recipient || ledger.unit !== reported.unit) return false;
  if (ledger.announced && reported.announced && Math.abs(dayNumber(ledger.announced) - dayNumber(reported.announced)) > FOLD_WINDOW_DAYS) return false;
  if (ledger.amount === null || reported.amount === null) {
    // unquantified pledges fold only with their own kind
    return ledger.amount === reported.amount && ledger.category === reported.category;
  }
  return closeAmounts(ledger.amount, reported.amount);
}

export interface PledgeOnRecord extends FoldKey {
  item: string | null;
  delivered: number | null;
}

/**
 * Whether a delivery report fulfils a pledge on record: same parties and unit, the same item for
 * goods, the pledge announced before it within the window, and room left for what it delivers.
 * `alreadyCounted` says the delivery is one the row already holds (another report of it).
 */
export function fulfils(pledge: PledgeOnRecord, delivery: FoldKey & { item: string | null }, alreadyCounted: boolean): boolean {
  if (pledge.donor !== delivery.donor || pledge.recipient !== delivery.recipient || pledge.unit !== delivery.unit) return false;
  if (pledge.unit === 'units' && pledge.item && delivery.item && !sameItem(pledge.item, delivery.item)) return false;
  if (pledge.announced && delivery.announced) {
    const lag = dayNumber(delivery.announced) - dayNumber(pledge.announced);
    if (lag < -FOLD_WINDOW_DAYS || lag > DELIVERY_WINDOW_DAYS) return false;
  }
  if (pledge.amount === null || delivery.amount === null) return pledge.amount === delivery.amount && pledge.category === delivery.category;
  if (alreadyCounted) return true;
  return (pledge.delivered ?? 0) + delivery.amount <= pledge.amount * (1 + AMOUNT_TOLERANCE);
}

/** Items name the same thing when one's words contain the other's head word ("Leopard 2 tanks" / "tanks"). */
function sameItem(a: string, b: string): boolean {
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const [x, y] = [words(a), words(b)];
  const head = (w: string[]) => (w.at(-1) ?? '').replace(/s$/, '');
  return x.map((w) => w.replace(/s$/, '')).includes(head(y)) || y.map((w) => w.replace(/s$/, '')).includes(head(x));
}

export interface StageReport {
  stage: string;
  amount: number | null;
  announced: string | null;
}

export interface StageSummary {
  stage: string;
  /** The earliest date a source gives for the stage. */
  date: string | null;
  /** Pledged and planned: the largest figure reported; delivered: distinct deliveries added up. */
  amount: number | null;
  sources: number;
}

/**
 * The stages of a ledger row from its sources. Reports of one delivery (the same figure within
 * the fold window) count once; different deliveries add up.
 */
export function stagesOf(reports: StageReport[]): StageSummary[] {
  const byStage = new Map<string, StageReport[]>();
  // pushed in place: a row can have thousands of sources
  for (const r of reports) (byStage.get(r.stage) ?? byStage.set(r.stage, []).get(r.stage)!).push(r);
  const stages: StageSummary[] = [];
  for (const [stage, list] of byStage) {
    const dates = list.map((r) => r.announced).filter((d): d is string => d !== null).sort();
    const amounts = list.map((r) => r.amount).filter((a): a is number => a !== null);
    const amount = amounts.length === 0 ? null : stage === 'delivered' ? distinctDeliveries(list) : Math.max(...amounts);
    stages.push({ stage, date: dates[0] ?? null, amount, sources: list.length });
  }
  return stages.sort((a, b) => (STATUS_RANK[a.stage] ?? 9) - (STATUS_RANK[b.stage] ?? 9));
}

function distinctDeliveries(reports: StageReport[]): number {
  const events: StageReport[] = [];
  for (const r of [...reports].sort((a, b) => (a.announced ?? '').localeCompare(b.announced ?? ''))) {
    if (r.amount === null) continue;
    const same = events.find((e) => closeAmounts(e.amount!, r.amount!) && (!e.announced || !r.announced || Math.abs(dayNumber(e.announced) - dayNumber(r.announced)) <= FOLD_WINDOW_DAYS));
    if (!same) events.push(r);
  }
  return events.reduce((sum, e) => sum + e.amount!, 0);
}

/** Whether `delivery` restates a delivery the row already holds. */
export function isKnownDelivery(reports: StageReport[], delivery: StageReport): boolean {
  return (
    delivery.amount !== null &&
    reports.some(
      (r) => r.stage === 'delivered' && r.amount !== null && closeAmounts(r.amount, delivery.amount!) &&
        (!r.announced || !delivery.announced || Math.abs(dayNumber(r.announced) - dayNumber(delivery.announced)) <= FOLD_WINDOW_DAYS),
    )
  );
}

/** The row's status: a reviewer's stage when set, else the most advanced stage reported (a report never moves it back). */
export function currentStatus(stages: StageSummary[], reviewed: string | null): string {
  if (reviewed) return reviewed;
  return stages.reduce((best, s) => ((STATUS_RANK[s.stage] ?? -1) > (STATUS_RANK[best] ?? -1) ? s.stage : best), stages[0]?.stage ?? 'pledged');
}

/** The earliest date of the two, for "announced". */
export function earliest(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** The window of announcement dates a new report can fold into, for the blocking query. */
export function foldWindow(announced: string | null, status: string): { from: string; to: string } | null {
  if (!announced) return null;
  const d = dayNumber(announced);
  const before = status === 'delivered' ? DELIVERY_WINDOW_DAYS : FOLD_WINDOW_DAYS;
  return { from: isoDay(d - before), to: isoDay(d + FOLD_WINDOW_DAYS) };
}
