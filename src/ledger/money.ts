// Every ledger commitment in euros, and as a share of the donor's GDP: currencies at the
// ECB's yearly average rate, %GDP with the World Bank's nominal GDP, like the Kiel tracker.
import fx from '../lexicons/fx-eur.json' with { type: 'json' };
import gdp from '../lexicons/gdp.json' with { type: 'json' };
import prices from '../lexicons/prices.json' with { type: 'json' };
import euShare from '../lexicons/eu-share.json' with { type: 'json' };
import { organizations } from '../lexicons/index.js';
import type { Valuation as ValuationKind } from '../store/schema.js';

const rates = fx.rates as Record<string, Record<string, number>>;
const gdpUsd = gdp.gdp as Record<string, Record<string, number>>;

const nearestYear = (years: number[], year: number) => Math.min(Math.max(year, years[0]), years[years.length - 1]);

/** Units of `currency` per euro in `year` (the nearest year the table has), or undefined when unknown. */
export function eurRate(currency: string, year: number): number | undefined {
  if (currency === 'EUR') return 1;
  return rates[currency]?.[String(nearestYear(fx.years, year))];
}

/** The donor's nominal GDP in euros for `year`, or undefined when the table lacks the state. */
export function gdpEur(country: string, year: number): number | undefined {
  const y = nearestYear(gdp.years, year);
  const usd = gdpUsd[country]?.[String(y)];
  const rate = eurRate('USD', y);
  return usd === undefined || rate === undefined ? undefined : (usd * 1e9) / rate;
}

export interface Valuation {
  eur: number | null;
  /** Percent of the donor's GDP. */
  gdpShare: number | null;
}

/**
 * Values a commitment. `year` is the year of the announcement; `gdpYear`, when given,
 * fixes the GDP base year instead (the Kiel tracker's fixed-base option).
 */
export function valueCommitment(
  c: { donor: string | null; amount: number | null; unit: string | null },
  year: number,
  gdpYear?: number,
): Valuation {
  if (c.amount === null || c.unit === null) return { eur: null, gdpShare: null };
  const base = c.donor ? gdpEur(c.donor, gdpYear ?? year) : undefined;
  if (c.unit === '%GDP') {
    return { eur: base === undefined ? null : (c.amount / 100) * base, gdpShare: c.amount };
  }
  const rate = /^[A-Z]{3}$/.test(c.unit) ? eurRate(c.unit, year) : undefined;
  if (rate === undefined) return { eur: null, gdpShare: null };
  const eur = c.amount / rate;
  return { eur, gdpShare: base === undefined ? null : (100 * eur) / base };
}

interface ItemPrice {
  id: string;
  names: string[];
  price: number;
  currency: string;
  year: number;
}

/** The price-list entry for an item, by the first entry one of whose names its words contain. */
export function itemPrice(item: string | null): ItemPrice | undefined {
  if (!item) return undefined;
  const words: string[] = item.toLowerCase().match(/[\p{L}\d-]+/gu) ?? [];
  const stems = words.map((w) => w.replace(/s$/, ''));
  return (prices.items as ItemPrice[]).find((p) => p.names.some((n) => stems.includes(n) || words.includes(n)));
}

export interface RowValuation extends Valuation {
  /** `reported` when the source gives money or %GDP, `estimate` when items were priced from the list. */
  valuation: ValuationKind | null;
}

/**
 * The stored value of a ledger row: money and %GDP as reported; a count of items at its
 * unit price in the year the price was published (converted at that year's rate), marked an estimate.
 */
export function valueRow(c: { donor: string | null; amount: number | null; unit: string | null; item: string | null }, year: number): RowValuation {
  if (c.unit === 'units' && c.amount !== null) {
    const price = itemPrice(c.item);
    const rate = price && eurRate(price.currency, price.year);
    if (!price || rate === undefined) return { eur: null, gdpShare: null, valuation: null };
    const eur = (c.amount * price.price) / rate;
    const base = c.donor ? gdpEur(c.donor, year) : undefined;
    return { eur, gdpShare: base === undefined ? null : (100 * eur) / base, valuation: 'estimate' };
  }
  const value = valueCommitment(c, year);
  return { ...value, valuation: value.eur === null && value.gdpShare === null ? null : 'reported' };
}

/** Donors whose commitments are the EU's, shared out to its members on request. */
export const SHARED_EU_DONORS: readonly string[] = euShare.sharedDonors;
const EU_MEMBERS = organizations.find((o) => o.name === euShare.union)?.members ?? [];

/** Each EU member's share of the EU's commitments in `year`: its share of the members' combined GDP. */
export function euShareKey(year: number): Array<[string, number]> {
  const gdp = EU_MEMBERS.map((m) => [m, gdpEur(m, year) ?? 0] as const);
  const total = gdp.reduce((n, [, g]) => n + g, 0);
  return total === 0 ? [] : gdp.map(([m, g]) => [m, g / total]);
}
