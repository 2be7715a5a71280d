// Numbers and parties as analysts read them.
import countries from '../../../src/lexicons/countries.json';

const countryNames = new Map((countries as Array<{ code: string; names: string[] }>).map((c) => [c.code, c.names[0]]));

/** A donor or recipient as stored, with the country's name beside its code ("Latvia (LV)"); a body's name as is. */
export function party(value: string | null): string {
  if (value === null) return '—';
  const name = countryNames.get(value);
  return name ? `${name} (${value})` : value;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const plain = new Intl.NumberFormat('en', { maximumFractionDigits: 2 });

export function eur(value: number | null): string {
  return value === null ? '—' : `€${compact.format(value)}`;
}

export function percent(value: number | null, digits = 3): string {
  return value === null ? '—' : `${value.toFixed(digits)} %`;
}

export function amount(value: number | null, unit: string | null): string {
  if (value === null) return 'unquantified';
  if (unit === '%GDP') return `${plain.format(value)} % of GDP`;
  if (unit === 'units' || unit === 'troops') return `${plain.format(value)} ${unit}`;
  return `${compact.format(value)} ${unit ?? ''}`.trim();
}

export const typeLabel: Record<string, string> = {
  person: 'Persons', country: 'Countries', organization: 'Organizations', quote: 'Quotes', commitment: 'Commitments', sanction: 'Sanctions', meeting: 'Meetings', proposal: 'Proposals',
};

/** One line that says what a fact states. */
export function describeFact(type: string, data: Record<string, unknown>): string {
  const s = (k: string) => (data[k] === null || data[k] === undefined ? '' : String(data[k]));
  switch (type) {
    case 'person': return [s('name'), s('role'), s('country')].filter(Boolean).join(' · ');
    case 'country': return s('code');
    case 'organization': return [s('name'), s('acronym') && `(${s('acronym')})`].filter(Boolean).join(' ');
    case 'quote': return `${s('speaker') || 'unattributed'}: “${s('text')}”`;
    case 'commitment':
      return `${s('donor') || '?'} → ${s('recipient') || '?'}: ${amount(data.amount as number | null, data.unit as string | null)}${s('item') ? ` ${s('item')}` : ''} · ${s('category')}, ${s('status')}${s('period') ? `, ${s('period')}` : ''}`;
    case 'sanction': return `${s('imposer') || '?'} on ${s('target') || '?'}: ${s('measure')}`;
    case 'meeting': return `${(data.participants as string[] | undefined)?.join(', ') ?? ''}${s('place') ? ` in ${s('place')}` : ''}${s('date') ? `, ${s('date')}` : ''}${data.planned ? ' (planned)' : ''}`;
    case 'proposal': return `${(data.proposer as string[] | undefined)?.join(' + ') || '?'} → ${s('addressee') || '?'}: ${s('subject')} · ${s('status')}`;
    default: return JSON.stringify(data);
  }
}
