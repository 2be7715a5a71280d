// Meetings: talks, calls, visits, press conferences and summits between named parties,
// with the place ("in CITY"), the date (resolved against the publication date) and
// whether they were held or are planned. Triggers are the patterns of
// src/lexicons/rules/meetings.json; every field carries the rule that decided it.
import type { Commitment, Meeting } from '../../facts/types.js';
import { anyCouldMatch, familyGate, type TokenView } from '../match/index.js';
import { countries, MONTHS, patterns, prepositions, speechVerbs, WEEKDAYS, wordLists } from '../../lexicons/index.js';
import { resolveDate } from '../resolve/dates.js';
import type { ArticleContext } from './context.js';
import { findMentionBefore, firstWordFrom, isCountry, isOrg, isPerson } from './context.js';
import { pledgingConference } from './conferences.js';
import { evidenceAt } from './evidence.js';
import { partyAfter, partyBefore } from './parties.js';
import { meetingPatterns } from './rules.js';
import { articleParse, articleView } from './view.js';

type Kind = Meeting['kind'];

const DATE_HINT = patterns.meetings.dateHint;

const COUNTRY_NAMES = new Set(countries.flatMap((c) => c.names));
const PLANNED_BEFORE = patterns.meetings.plannedBefore;
const PLANNED_WORDS = patterns.meetings.plannedWords;
const OBJECT_STOP = wordLists.meetings.objectStop;

interface Trigger {
  at: number;
  kind: Kind;
  /** The word after which the other participants are listed. */
  objectsFrom: number | null;
  visit: boolean;
  /** A gerund that acts as the verb of its clause, whatever its tag. */
  gerund?: boolean;
  /** "talks between A and B": the participants are the object, and the verb after them is the sentence's own. */
  between?: boolean;
  /** The pattern that found it. */
  rule: string;
}

export function extractMeetings(ctx: ArticleContext, commitments: Commitment[] = []): Meeting[] {
  const out: Meeting[] = [];
  const view = articleView(ctx);
  let lastPlace: string | null = null;
  for (const sentence of ctx.analysis.sentences) {
    const sentenceText = ctx.text.slice(sentence.start, sentence.end);
    ctx.deadline.check('meetings');
    const place = placeIn(ctx, sentence.first, sentence.last);
    const triggers = triggersIn(ctx, view, sentence.first, sentence.last);
    // chrono is the costliest step here: only sentences with a meeting and a date-like word pay for it
    const mayHaveDate = triggers.length > 0 && DATE_HINT.test(sentenceText);
    const dates = new Map<boolean, string | null>();
    const dateOf = (planned: boolean) => {
      if (!dates.has(planned)) dates.set(planned, resolveDate(sentenceText, ctx.referenceDate, planned));
      return dates.get(planned) ?? null;
    };
    const fromSentence = out.length;
    for (const t of triggers) {
      if (negatedBefore(ctx, t.at, sentence.first)) continue;
      const before = ctx.text.slice(Math.max(sentence.start, ctx.words[t.at].start - 30), ctx.words[t.at].start);
      const modal = PLANNED_BEFORE.test(before);
      const upcoming = !modal && PLANNED_WORDS.test(sentenceText.slice(0, 200)) && patterns.meetings.futureCues.test(sentenceText);
      const planned = modal || upcoming;
      const subject = subjectOf(ctx, t.at, sentence.first, sentence.last, t.gerund ?? false);
      // "At a press conference with Maia Sandu, Costa condemned …": the clause after the opening phrase names who held it
      if (subject.length === 0) subject.push(...openingPhraseSubject(ctx, t.at, sentence.first, sentence.last));
      const objects = t.objectsFrom === null ? [] : partiesFrom(ctx, t.objectsFrom, sentence.last, !t.between);
      const visited = t.visit ? visitedCountry(ctx, t.at, sentence.last) : null;
      const visitedCity = place ? null : t.visit ? visitedPlace(ctx, t.at, sentence.last) : null;
      const earlierPlace = place || visitedCity || !(t.kind === 'talks' || t.kind === 'meeting' || t.kind === 'press conference') ? null : lastPlace;
      const meetingPlace = place ?? visitedCity ?? earlierPlace;
      const evidence = evidenceAt(ctx, sentence.start, sentence.end, t.rule);
      const participants = (list: string[]) => [...new Set(list.filter((p) => p.length > 0))];
      const date = () => (mayHaveDate ? dateOf(planned) : null);
      const rules = (participantsRule: string, when: string | null): Meeting['rules'] => ({
        trigger: t.rule,
        participants: participantsRule,
        place: place ? 'meeting.place.in-city' : visitedCity ? 'meeting.place.visited-capital' : earlierPlace ? 'meeting.place.earlier-sentence' : null,
        date: when ? 'meeting.date.in-sentence' : null,
        planned: modal ? 'meeting.planned.modal-before' : upcoming ? 'meeting.planned.upcoming' : 'meeting.held.no-future-marker',
      });
      // (the parties "between" or "hosted by" are one gathering, not a meeting of each with the subject)
      if (subject.length > 0 && objects.length > 1 && t.kind !== 'summit' && !t.between) {
        // "X met with A, B and C": one meeting per pair, as each is a meeting of its own
        const when = date();
        for (const o of objects) out.push({ participants: participants([...subject, o]), place: meetingPlace, date: when, kind: t.kind, planned, rules: rules('meeting.participants.subject-with-each', when), evidence });
      } else {
        const all = participants([...subject, ...objects, ...(visited ? [visited] : [])]);
        // one party alone: a named gathering it holds or attends ("the NATO defence ministers' meeting"); a press
        // conference given alone is no meeting between parties
        const named = ctx.words.slice(Math.max(sentence.first, t.at - 4), t.at).some((w) => (w.pos === 'PROPN' || w.cap) && !(ctx.dateline && w.start < ctx.dateline.end)) || ctx.words[t.at + 1]?.lower === 'of';
        // (those "between" or "received by" a party are two at least)
        const single = all.length === 1 && !t.between && !/^[A-Z]{2}$/.test(all[0]) && (t.kind === 'summit' || t.kind === 'meeting') && named;
        const how = visited && all.includes(visited) ? 'meeting.participants.visitor-and-state' : single ? 'meeting.participants.sole-party' : 'meeting.participants.clause';
        const when = all.length >= 2 || single ? date() : null;
        if (all.length >= 2 || single) out.push({ participants: all, place: meetingPlace, date: when, kind: t.kind, planned, rules: rules(how, when), evidence });
      }
    }
    // "visited Kyiv, holding talks with Umerov": the talks say whom the visit met; the visit to the state adds nothing
    const met = out.slice(fromSentence).some((m) => m.kind !== 'visit' && m.participants.length >= 2);
    if (met) {
      const kept = out.slice(fromSentence).filter((m) => m.kind !== 'visit');
      out.splice(fromSentence, out.length - fromSentence, ...kept);
    }
    if (place) lastPlace = place;
  }
  // a pledging conference the article reports: the meeting its sentence gave, if any, gains the hosts and donors
  const conference = pledgingConference(ctx, commitments, (first, last) => placeIn(ctx, first, last));
  const same = conference ? out.find((m) => m.evidence.start === conference.evidence.start) : undefined;
  if (conference && same) {
    same.participants = [...new Set([...same.participants, ...conference.participants])];
    same.place ??= conference.place;
    same.rules.participants = conference.rules.participants;
  } else if (conference) out.push(conference);
  return dedupe(out);
}

/** Verbs that carry a meeting noun: "held talks", "had a call", "holding talks". */
const LIGHT_VERBS = wordLists.meetings.lightVerbs;

function negatedBefore(ctx: ArticleContext, t: number, first: number): boolean {
  for (let k = Math.max(first, t - 3); k < t; k++) if (wordLists.meetings.negations.has(ctx.words[k].lower)) return true;
  return false;
}

/** The words a sentence needs for any meeting trigger to match. */
const TRIGGER_GATE = familyGate(meetingPatterns.all);

/** The meeting triggers of a sentence: at most one a word, the pattern listed first in the rule file winning. */
function triggersIn(ctx: ArticleContext, view: TokenView, first: number, last: number): Trigger[] {
  const byWord = new Map<number, Trigger>();
  if (!anyCouldMatch(TRIGGER_GATE, view, first, last)) return [];
  for (const pattern of meetingPatterns.all) {
    const spec = meetingPatterns.spec(pattern.id)!;
    for (const m of pattern.findAll(view, first, last)) {
      const word = m.captures.trigger ?? { start: m.start, end: m.end };
      if (byWord.has(word.start) || afterQuote(ctx, word.start)) continue;
      if (spec.needs === 'person-object' && !personObject(ctx, word.end, last)) continue;
      const objectsFrom = spec.objects === 'end' ? m.end : spec.objects === 'trigger' ? word.end : spec.objects === 'with' && m.captures.with ? m.captures.with.end : null;
      byWord.set(word.start, { at: word.start, kind: spec.kind as Kind, objectsFrom, visit: spec.visit ?? false, gerund: spec.gerund, between: spec.between, rule: pattern.id });
    }
  }
  return [...byWord.values()].sort((a, b) => a.at - b.at);
}

/** '“…,” welcomed X': a verb right after a closing quote cues the quote, it holds no meeting. */
function afterQuote(ctx: ArticleContext, k: number): boolean {
  const before = ctx.words[k - 1]?.text === ',' ? ctx.words[k - 2] : ctx.words[k - 1];
  return before !== undefined && /^["”»’]$/.test(before.text);
}

/** "the leaders of Germany", "foreign ministers of France": people who stand for the state named after them. */
function representsState(words: ArticleContext['words'], first: number): boolean {
  return words[first - 1]?.lower === 'of' && patterns.meetings.delegateNouns.test(words[first - 2]?.lower ?? '');
}

/** Whether the object right after a verb is a person, past any article, demonym and title words. */
function personObject(ctx: ArticleContext, from: number, last: number): boolean {
  for (let k = from; k < Math.min(last, from + 6); k++) {
    const owner = ctx.owner[k];
    if (isPerson(owner)) return true;
    if (owner && !(isCountry(owner) && owner.form === 'demonym')) return false;
    if (!owner && !/^\p{Lu}/u.test(ctx.words[k].text) && !wordLists.meetings.personDeterminers.has(ctx.words[k].lower)) return false;
  }
  return false;
}

/** For a meeting noun in a sentence's opening prepositional phrase, the subject of the clause after it. */
function openingPhraseSubject(ctx: ArticleContext, t: number, first: number, last: number): string[] {
  const words = ctx.words;
  const start = ctx.dateline && words[first].start < ctx.dateline.end ? firstWordFrom(ctx, ctx.dateline.end) : first;
  // "Speaking after talks with X": a participle may open the phrase, or be the trigger itself ("Standing next to X")
  let opener = (words[start]?.pos === 'VERB' || t === start) && words[start].lower.endsWith('ing') ? start + 1 : start;
  // "next to", "ahead of": a word before the preposition that it governs
  if (!prepositions.has(words[opener]?.lower ?? '') && prepositions.has(words[opener + 1]?.lower ?? '')) opener++;
  if (!prepositions.has(words[opener]?.lower ?? '') || (words[t].pos !== 'NOUN' && t !== start)) return [];
  for (let k = opener + 1; k < t; k++) if (words[k].pos === 'VERB' || words[k].text === ',') return [];
  let comma = t + 1;
  while (comma < last && words[comma].text !== ',' && words[comma].pos !== 'VERB') comma++;
  if (words[comma]?.text !== ',') return [];
  const party = partyAfter(ctx, comma + 1, null);
  if (party?.kind === 'person' && party.name) return [party.name];
  return party?.kind === 'country' && party.name ? [party.name] : [];
}

/** The participants named before the trigger: the clause subject, or a possessive ("Macron's meeting"). */
function subjectOf(ctx: ArticleContext, t: number, first: number, last: number, gerund: boolean): string[] {
  const words = ctx.words;
  const found: string[] = [];
  // "Lithuania's top diplomat is expected to meet": a title resolved to the person holding it
  let v = t - 1;
  while (v >= first && patterns.meetings.verbChain.test(words[v].lower)) v--;
  // (a comma there closes an apposition or a list: the walk below reads those)
  const titled = v >= first && v < t - 1 && ctx.owner[v] === undefined && words[v].pos !== 'PUNCT' ? partyBefore(ctx, v + 1, null) : null;
  if (titled?.kind === 'person' && titled.name) return [titled.name];
  // "Starmer announced the plan, following discussions with Macron": talks in a time phrase are the clause's subject's
  if (words[t].pos === 'NOUN' && wordLists.meetings.timePrepositions.has(words[t - 1]?.lower ?? '')) {
    const subject = ctx.personMentions.find((m) => m.first >= first && m.last <= t - 1);
    if (subject) return [subject.person.name];
  }
  for (let k = t - 1; k >= first; k--) {
    const owner = ctx.owner[k];
    if (!owner) {
      if (wordLists.meetings.objectEnd.has(words[k].lower)) break;
      // "Masakazu Tokura, chairman of the Japan Business Federation, will attend": past the apposition to its person
      const holder = found.length === 0 && words[k].text === ',' ? appositionHolder(ctx, k, first) : -1;
      if (holder >= 0) {
        k = holder + 1;
        continue;
      }
      // a meeting named by a noun takes its subject from its own clause, unless a verb holds it ("holding talks")
      const held = LIGHT_VERBS.has(words[t - 1]?.lemma ?? '') || LIGHT_VERBS.has(words[t - 2]?.lemma ?? '') || LIGHT_VERBS.has(words[t - 3]?.lemma ?? '');
      if (words[t].pos === 'NOUN' && !gerund && !held && found.length === 0 && (words[k].text === ',' || (words[k].pos === 'VERB' && k < t - 1 && !speechVerbs.has(words[k].lemma)))) break;
      // "…, the Latvian foreign minister said at a briefing with …": the speaker attends
      if (found.length === 0 && speechVerbs.has(words[k].lemma) && words[k].pos === 'VERB') {
        const speaker = partyBefore(ctx, k, null);
        if (speaker?.kind === 'person' && speaker.name) return [speaker.name];
      }
      if (wordLists.meetings.personPronouns.has(words[k].lower) && found.length === 0) {
        // "during his meeting": the person the sentence is about; "He spoke after meeting …": the person last named
        if (words[k].lower === 'his' || words[k].lower === 'her') {
          for (let j = first; j < last; j++) {
            const o = ctx.owner[j];
            if (isPerson(o) && (j < t - 1 || j > t + 3)) return [o.person.name];
          }
        }
        const before = findMentionBefore(ctx.personMentions, k, () => true);
        return before ? [before.person.name] : [];
      }
      continue;
    }
    const prep = words[owner.first - 1]?.lower ?? '';
    if (isPerson(owner)) found.unshift(owner.person.name);
    else if (isCountry(owner) && owner.form !== 'demonym' && !owner.venue && (!wordLists.meetings.nonParticipantPrepositions.has(prep) || representsState(words, owner.first))) found.unshift(owner.code);
    else if (isOrg(owner) && !wordLists.meetings.orgObjectPrepositions.has(prep) && found.length === 0 && ctx.words[t].pos === 'VERB') {
      const org = ctx.orgs.get(owner.key);
      // "the Donors’ Conference was attended by …": a gathering is the meeting, not one of its parties
      const gathering = org && wordLists.meetings.gatheringHeads.has(org.name.split(/\s+/).pop()!.toLowerCase());
      if (org && org.kind !== 'government' && org.kind !== 'media' && !gathering) found.unshift(org.name);
    }
    k = owner.first;
    if (found.length > 0 && !['and', ','].includes(words[k - 1]?.lower ?? '')) {
      // "US President Joe Biden and German Chancellor Olaf Scholz held talks": the earlier conjuncts of the subject
      found.unshift(...conjunctsBefore(ctx, k));
      break;
    }
  }
  return found;
}

/** For a comma closing an apposition ("X, chairman of Y,"), the last word of the person it describes; else -1. */
function appositionHolder(ctx: ArticleContext, comma: number, first: number): number {
  for (let j = comma - 1; j > first && j >= comma - 15; j--) {
    if (ctx.words[j].text !== ',') continue;
    return isPerson(ctx.owner[j - 1]) ? j - 1 : -1;
  }
  return -1;
}

/** The persons and states named in the conjuncts before the noun phrase holding word `k`, if it closes a coordination. */
function conjunctsBefore(ctx: ArticleContext, k: number): string[] {
  const parse = articleParse(ctx);
  const p = parse.phraseOf[k];
  if (p < 0) return [];
  const out: string[] = [];
  for (let i = parse.phrases[p].listFirst; i < p; i++) {
    // "US President Joe Biden" is the person; "France" alone the state
    const owners = ctx.owner.slice(parse.phrases[i].first, parse.phrases[i].last);
    const person = owners.find(isPerson);
    const state = owners.find((o) => isCountry(o) && o.form !== 'demonym' && !o.venue);
    if (person) out.push(person.person.name);
    else if (isCountry(state)) out.push(state.code);
  }
  return out;
}

/** The parties listed after "with"/"of": persons, states and groups up to the end of the clause. */
function partiesFrom(ctx: ArticleContext, from: number, last: number, verbEndsList = true): string[] {
  const words = ctx.words;
  const found: string[] = [];
  for (let k = from; k < last; k++) {
    const w = words[k];
    // "met in Berlin on Tuesday to coordinate …": a preposition right after the verb means no one else is named
    if (OBJECT_STOP.has(w.lower) && (found.length > 0 || k === from)) break;
    if (/^[.;:!?]$/.test(w.text)) break;
    const owner = ctx.owner[k];
    if (!owner) continue;
    if (isPerson(owner)) {
      found.push(owner.person.name);
      // "… Kuleba, and Pevkur highlighted …": a verb after a name ends the list
      const next = words[owner.last];
      if (verbEndsList && next && (next.pos === 'VERB' || next.pos === 'AUX') && found.length > 1) {
        found.pop();
        break;
      }
    } else if (isCountry(owner) && !owner.venue) {
      const personNext = isPerson(ctx.owner[owner.last]) || isPerson(ctx.owner[owner.last + 1]) || isPerson(ctx.owner[owner.last + 2]);
      const counterpart = patterns.meetings.counterpart.test(words[owner.last]?.lower ?? '');
      if (counterpart) {
        // "his Danish counterpart": the person of that state named in the article, else the state
        const person = ctx.persons.find((p) => p.country === owner.code);
        found.push(person?.name ?? owner.code);
      } else if (!personNext && owner.form !== 'demonym') found.push(owner.code);
    } else if (isOrg(owner)) {
      // "NATO Secretary General Lars Brandt": the body names the person's office, not another party
      const personSoon = [0, 1, 2, 3].some((d) => isPerson(ctx.owner[owner.last + d]));
      const org = ctx.orgs.get(owner.key);
      if (org && org.kind !== 'media' && !personSoon) found.push(org.name);
    }
    k = owner.last - 1;
  }
  return found;
}

function visitedCountry(ctx: ArticleContext, t: number, last: number): string | null {
  for (let k = t + 1; k < Math.min(last, t + 4); k++) {
    const o = ctx.owner[k];
    if (isCountry(o)) return o.code;
  }
  return null;
}

function visitedPlace(ctx: ArticleContext, t: number, last: number): string | null {
  for (let k = t + 1; k < Math.min(last, t + 4); k++) {
    const o = ctx.owner[k];
    if (isCountry(o) && o.form === 'capital') return ctx.text.slice(ctx.words[o.first].start, ctx.words[o.last - 1].end);
  }
  return null;
}

/** "in Kyiv", "in Washington D.C.": a city named after "in" (a capital or another capitalised name that is no country). */
function placeIn(ctx: ArticleContext, first: number, last: number): string | null {
  const words = ctx.words;
  for (let k = first; k < last - 1; k++) {
    if (words[k].lower !== 'in' && words[k].lower !== 'at') continue;
    const o = ctx.owner[k + 1];
    if (isCountry(o) && o.form === 'capital') return ctx.text.slice(words[o.first].start, words[o.last - 1].end);
    const w = words[k + 1];
    if (!o && /^\p{Lu}\p{Ll}+/u.test(w.text) && w.pos === 'PROPN' && !COUNTRY_NAMES.has(w.text) && !MONTHS.has(w.lower) && !WEEKDAYS.has(w.lower)) {
      let e = k + 2;
      while (e < last && /^\p{Lu}/u.test(words[e].text) && words[e].pos === 'PROPN' && !ctx.owner[e]) e++;
      if (words[e]?.lower === 'region' || words[e]?.lower === 'oblast') continue;
      return ctx.text.slice(w.start, words[e - 1].end);
    }
  }
  return null;
}

function dedupe(meetings: Meeting[]): Meeting[] {
  const out: Meeting[] = [];
  for (const m of meetings) {
    const key = [...m.participants].sort().join('|');
    const same = out.find((x) => [...x.participants].sort().join('|') === key && x.planned === m.planned);
    if (same) {
      same.place ??= m.place;
      same.date ??= m.date;
    } else out.push(m);
  }
  return out;
}
