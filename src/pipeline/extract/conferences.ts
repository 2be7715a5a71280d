// Pledging conferences: a donor conference, replenishment summit or pledging event is a meeting
// of its hosts, the body it raises money for and the donors that pledge there. Its participants
// come from the article's own commitments, so this frame runs after the commitments frame.
import type { Commitment, Meeting } from '../../facts/types.js';
import { governmentNouns, wordLists } from '../../lexicons/index.js';
import type { ArticleContext } from './context.js';
import { evidenceAt } from './evidence.js';
import { NO_DEFAULTS } from './donors.js';
import { partyOfPhrase } from './phrase-roles.js';
import { articleParse } from './view.js';

/** How many donors a conference lists at most: the first to pledge in the report. */
const MAX_DONORS = 8;

/**
 * The article's pledging conference, when it reports one and quantified pledges:
 * the first sentence that names the conference, its hosts ("co-hosted by X and Y") and place.
 */
export function pledgingConference(ctx: ArticleContext, commitments: Commitment[], placeIn: (first: number, last: number) => string | null): Meeting | null {
  const pledges = commitments.filter((c) => c.amount !== null && c.unit !== '%GDP');
  if (pledges.length === 0) return null;
  const sentence = ctx.analysis.sentences.find((s) => namesConference(ctx, s.first, s.last));
  if (!sentence) return null;
  const hosts = ctx.analysis.sentences.flatMap((s) => hostsIn(ctx, s.first, s.last));
  const receivers = new Map<string, number>();
  for (const c of pledges) if (c.recipient && !/^[A-Z]{2}$/.test(c.recipient)) receivers.set(c.recipient, (receivers.get(c.recipient) ?? 0) + 1);
  // the body the pledges went to, else the fund or agency the conference sentence names ("Green Climate Fund pledging conference")
  const receiver = [...receivers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ;
  const donors = [...new Set(pledges.map((c) => c.donor).filter((d): d is string => d !== null))].slice(0, MAX_DONORS);
  const participants = [...new Set([...hosts, ...(receiver ? [receiver] : []), ...donors])];
  if (participants.length < 2) return null;
  const place = placeIn(sentence.first, sentence.last);
  return {
    participants,
    place,
    date: null,
    kind: 'summit',
    planned: false,
    rules: {
      trigger: 'meeting.trigger.pledging-conference',
      participants: 'meeting.participants.hosts-receiver-donors',
      place: place ? 'meeting.place.in-city' : null,
      date: null,
      planned: 'meeting.held.no-future-marker',
    },
    evidence: evidenceAt(ctx, sentence.start, sentence.end, 'meeting.trigger.pledging-conference'),
  };
}

/** "a pledging conference", "the donors' conference", "its Eighth Replenishment Summit". */
function namesConference(ctx: ArticleContext, first: number, last: number): boolean {
  for (let k = first; k < last; k++) {
    if (!wordLists.conferences.gatherings.has(ctx.words[k].lower)) continue;
    // "a pledging conference", "the conference for the replenishment of …"
    for (let j = Math.max(first, k - 3); j < Math.min(last, k + 5); j++) if (wordLists.conferences.pledgingWords.has(ctx.words[j].lower.replace(/['’]s?$/, ''))) return true;
    // "at the Global Summit …, leaders pledged": a pledge said in the sentence
    for (let j = first; j < last; j++) if (wordLists.conferences.pledgeVerbs.has(ctx.words[j].lemma) && ctx.words[j].pos === 'VERB') return true;
  }
  return false;
}

/** The parties after "hosted by", "co-hosted by", "organised by": "Co-hosted by the European Union, the Gates Foundation, and Gavi". */
function hostsIn(ctx: ArticleContext, first: number, last: number): string[] {
  const parse = articleParse(ctx);
  for (let k = first; k < last - 2; k++) {
    if (!wordLists.conferences.hostVerbs.has(ctx.words[k].lower)) continue;
    // "hosted by Germany", "hosted in Bonn by Germany"
    let by = k + 1;
    while (by < Math.min(last, k + 5) && ctx.words[by].lower !== 'by') by++;
    const p = ctx.words[by]?.lower === 'by' ? parse.phraseOf[by + 1] : -1;
    if (p < 0) continue;
    // "co-hosted by the governments of South Africa and the United Kingdom": the states the governments are of
    const of = governmentNouns.has(ctx.words[parse.phrases[p].head].lemma) ? parse.phrases[p].attached.find((a) => a.prep === 'of') : undefined;
    return partiesNamedIn(ctx, of ? of.phrase : p);
  }
  return [];
}

/** Each party of a coordination, skipping conjuncts that name none; "the Republic of South Africa" through its of-phrase. */
function partiesNamedIn(ctx: ArticleContext, p: number): string[] {
  const parse = articleParse(ctx);
  const out: string[] = [];
  for (let i = parse.phrases[p].listFirst; i <= parse.phrases[p].listLast; i++) {
    const phrase = parse.phrases[i];
    const of = phrase.attached.find((a) => a.prep === 'of');
    const party = partyOfPhrase(ctx, phrase, NO_DEFAULTS) ?? (of ? partyOfPhrase(ctx, parse.phrases[of.phrase], NO_DEFAULTS) : null);
    if (party) out.push(party);
  }
  return out;
}
