import type { toContract } from '../facts/serialize.js';

type Output = ReturnType<typeof toContract>;

/**
 * The readable form of an article's facts: one line each, with the words that state it; with
 * `explain`, the rule that decided each field (or the one rule that found the fact) under it.
 */
export function formatSummary(o: Output, { explain = false } = {}): string {
  const lines: string[] = [];
  const section = (title: string, rows: string[], count = rows.length) => {
    lines.push(`${title} (${count})`);
    for (const r of rows) lines.push(`  ${r}`);
    lines.push('');
  };
  const why = (x: { rule: string; rules?: Record<string, string | null> }) =>
    !explain ? '' : x.rules ? `\n      rules: ${Object.entries(x.rules).map(([field, rule]) => `${field} ${rule ?? '–'}`).join(' · ')}` : `\n      rule: ${x.rule}`;
  const ev = (x: { evidence: string; start: number; end: number; rule: string; rules?: Record<string, string | null> }) =>
    `    └ [${x.start}–${x.end}] "${x.evidence.length > 160 ? `${x.evidence.slice(0, 157)}…` : x.evidence}"${why(x)}`;
  const line = (x: { rule: string; rules?: Record<string, string | null> }) =>
    !explain ? '' : x.rules ? `  [${Object.entries(x.rules).map(([field, rule]) => `${field} ${rule ?? '–'}`).join(' · ')}]` : `  [${x.rule}]`;
  section('Persons', o.persons.map((p) => `${p.name}${p.role ? `, ${p.role}` : ''}${p.country ? ` (${p.country})` : ''}${line(p)}`));
  section('Countries', explain ? o.countryMentions.map((c) => `${c.code}  [${c.rule}, ${c.mentions} mention${c.mentions === 1 ? '' : 's'}]`) : o.countries.length ? [o.countries.join(' ')] : [], o.countries.length);
  section('Organizations', o.organizations.map((x) => `${x.name}${line(x)}`));
  section('Quotes', o.quotes.map((q) => `${q.speaker ?? '(unattributed)'} ${q.direct ? 'said' : 'said (reported)'}: ${q.text.length > 120 ? `${q.text.slice(0, 117)}…` : q.text}${line(q)}`));
  section(
    'Commitments',
    o.commitments.map((c) => {
      const amount = c.amount === null ? 'unquantified' : `${c.qualifier ? `${c.qualifier} ` : ''}${c.amount.toLocaleString('en')} ${c.unit ?? ''}`.trim();
      return `${c.donor ?? '?'} → ${c.recipient ?? '?'}: ${amount}${c.item ? ` (${c.item})` : ''} · ${c.category} · ${c.status}${c.period ? ` · ${c.period}` : ''}\n${ev(c)}`;
    }),
  );
  section('Sanctions', o.sanctions.map((s) => `${s.imposer ?? '?'} → ${s.target ?? '?'}: ${s.measure}${s.count !== null ? ` (${s.count})` : ''}\n${ev(s)}`));
  section('Meetings', o.meetings.map((m) => `${m.participants.join(', ')}${m.place ? ` in ${m.place}` : ''}${m.date ? ` on ${m.date}` : ''}${m.planned ? ' (planned)' : ''}${line(m)}`));
  section(
    'Proposals',
    o.proposals.map((p) => {
      const answers = p.responses.map((r) => `\n      ${r.by ?? '?'} ${r.response}: "${r.evidence}"${explain ? `  [${r.rule}]` : ''}`).join('');
      return `${p.proposer.join(' + ')} → ${p.addressee ?? '?'}: ${p.subject} · ${p.status}\n${ev(p)}${answers}`;
    }),
  );
  return `${lines.join('\n').trimEnd()}\n`;
}
