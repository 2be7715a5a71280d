// The ledger's changes as an Atom feed (RFC 4287) that any feed reader follows: the feed and each
// entry carry the elements the RFC requires (id, title, updated; an author; a self link; for each
// entry its content and an alternate link), built with fast-xml-parser's builder, which escapes.
import { XMLBuilder } from 'fast-xml-parser';
import type { ChangeFilter, LedgerChange } from './changes.js';

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@', format: true, suppressEmptyNode: true });

export interface FeedContext {
  /** The feed's own address without any token (its rel="self" link). */
  selfUrl: string;
  /** The workbench's origin, for the links to a ledger row. */
  origin: string;
  filter: ChangeFilter;
}

/** A feed id stable for a filter, whatever order its parameters were given in. */
export function feedId(filter: ChangeFilter): string {
  const params = Object.entries(filter).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return `tag:pledgewatch,2026:ledger-changes${params.length > 0 ? `?${params.join('&')}` : ''}`;
}

export function atomFeed(changes: LedgerChange[], ctx: FeedContext, now = new Date()): string {
  const filterWords = Object.entries(ctx.filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k} ${v}`).join(', ');
  const feed = {
    '?xml': { '@version': '1.0', '@encoding': 'utf-8' },
    feed: {
      '@xmlns': 'http://www.w3.org/2005/Atom',
      id: feedId(ctx.filter),
      title: `pledgewatch: ledger changes${filterWords ? ` (${filterWords})` : ''}`,
      subtitle: 'New commitments, new sources, stages reached, amounts revised and reviews, newest first',
      updated: changes[0]?.at ?? now.toISOString(),
      author: { name: 'pledgewatch' },
      generator: 'pledgewatch',
      link: [{ '@rel': 'self', '@type': 'application/atom+xml', '@href': ctx.selfUrl }, { '@rel': 'alternate', '@type': 'text/html', '@href': `${ctx.origin}/#/ledger` }],
      entry: changes.map((c) => entryOf(c, ctx)),
    },
  };
  return builder.build(feed) as string;
}

function entryOf(c: LedgerChange, ctx: FeedContext) {
  // the ledger screen filtered to the row's donor and recipient: the row among its neighbours
  const params = new URLSearchParams(Object.entries({ donor: c.commitment.donor, recipient: c.commitment.recipient }).filter((e): e is [string, string] => e[1] !== null));
  const row = `${ctx.origin}/#/ledger${params.size > 0 ? `?${params}` : ''}`;
  const lines = [
    c.summary,
    `Status: ${c.commitment.status}${c.commitment.period ? ` · ${c.commitment.period}` : ''}${c.commitment.eur !== null ? ` · about EUR ${Math.round(c.commitment.eur).toLocaleString('en-GB')}` : ''}`,
    c.article ? `Source: ${c.article.title ?? c.article.url ?? `article ${c.article.id}`}${c.article.url ? ` <${c.article.url}>` : ''}` : null,
    c.actor ? `By: ${c.actor}` : null,
  ].filter((l): l is string => l !== null);
  return {
    id: `tag:pledgewatch,2026:change/${c.id}`,
    title: c.summary,
    updated: c.at,
    published: c.at,
    category: { '@term': c.kind, '@label': c.kind },
    link: [{ '@rel': 'alternate', '@type': 'text/html', '@href': row }, ...(c.article?.url ? [{ '@rel': 'related', '@href': c.article.url }] : [])],
    content: { '@type': 'text', '#text': lines.join('\n') },
  };
}
