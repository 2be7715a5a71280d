// The shallow parse and the roles read off it, on sentences written for them.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp/index.js';
import { extractArticle } from '../src/pipeline/article.js';
import { Deadline } from '../src/pipeline/deadline.js';
import { buildContext } from '../src/pipeline/extract/index.js';
import { articleParse } from '../src/pipeline/extract/view.js';

function parsed(text: string) {
  const ctx = buildContext(analyze(text), { referenceDate: null, dateline: null, deadline: new Deadline() });
  const parse = articleParse(ctx);
  const phrase = (i: number) => ctx.words.slice(parse.phrases[i].first, parse.phrases[i].last).map((w) => w.text).join(' ');
  const indexOf = (text: string) => parse.phrases.findIndex((_, i) => phrase(i) === text);
  return { ctx, parse, phrase, indexOf };
}

function facts(text: string) {
  const outcome = extractArticle({ id: 'parse', published: '2025-07-08', text });
  if (!outcome.ok) throw new Error(outcome.output.error);
  return outcome.output;
}

function commitments(text: string) {
  return facts(text).commitments.map((c) => [c.donor, c.recipient, c.amount, c.rules.donor]);
}

describe('shallow parse', () => {
  it('attaches a prepositional phrase to the noun phrase before it, and keeps a name with "of" whole', () => {
    const { parse, phrase, indexOf } = parsed('Oslo sent a $12 million grant from the Council of Europe to the relief agency.');
    const grant = indexOf('a $ 12 million grant');
    expect(grant).toBeGreaterThanOrEqual(0);
    expect(parse.phrases[grant].attached.map((a) => [a.prep, phrase(a.phrase)])).toEqual([['from', 'the Council of Europe']]);
    const council = indexOf('the Council of Europe');
    expect(parse.phrases[council].host).toEqual({ prep: 'from', phrase: grant });
    expect(parse.phrases[council].attached.map((a) => [a.prep, phrase(a.phrase)])).toEqual([['to', 'the relief agency']]);
  });

  it('joins a list that closes with "and", and leaves a run of commas alone', () => {
    const list = parsed('The fourth tranche was paid by Austria, Chile, and Peru for $80 million.');
    const austria = list.indexOf('Austria');
    expect([list.parse.phrases[austria].listFirst, list.parse.phrases[austria].listLast]).toEqual([austria, list.indexOf('Peru')]);
    const apposition = parsed('Chile, the donor, paid.');
    const chile = apposition.indexOf('Chile');
    expect(apposition.parse.phrases[chile].listLast).toBe(chile);
  });

  it('reads voice, modality and negation of a verb group', () => {
    const { parse, ctx } = parsed('The money has been promised by Peru, but Chile would not send troops.');
    const groups = parse.verbGroups.map((g) => [ctx.words[g.main].text, g.passive, g.modal, g.negated]);
    expect(groups).toEqual([
      ['promised', true, null, false],
      ['send', false, 'would', true],
    ]);
  });

  it('breaks clauses at a comma before "while"', () => {
    const { parse, ctx } = parsed('Peru gave $5 million, while Chile gave $3 million.');
    const chile = ctx.words.findIndex((w) => w.text === 'Chile');
    const peru = ctx.words.findIndex((w) => w.text === 'Peru');
    expect(parse.clauseStart[peru]).toBe(0);
    expect(ctx.words[parse.clauseStart[chile]].text).toBe('while');
  });
});

describe('roles from phrases', () => {
  it('takes the giver from a from-phrase of the amount, and through "in aid"', () => {
    expect(commitments('LIMA - The relief effort received pledges on Monday, with $74 million from Chile.')).toEqual([
      ['CL', null, 74e6, 'commitment.donor.from-or-by-phrase'],
    ]);
    expect(commitments('LIMA - The conference pledged $9 million in aid from Austria for Peru.')[0]).toEqual(['AT', 'PE', 9e6, 'commitment.donor.from-or-by-phrase']);
  });

  it('takes the givers of a list of tranches, each from its own by-phrase', () => {
    expect(commitments('KYIV - The first tranche of aid to Ukraine was financed by Austria for $20 million, the second by Chile and Peru for $30 million.')).toEqual([
      ['AT', 'UA', 20e6, 'commitment.donor.passive-by'],
      ['CL', 'UA', 30e6, 'commitment.donor.giver-of-host'],
      ['PE', 'UA', 30e6, 'commitment.donor.giver-of-host'],
    ]);
  });

  it('takes the agent of a passive after the amount', () => {
    const [donor, , amount, rule] = commitments('GENEVA - Donors gave to the new relief fund on Monday, and $6 million has been promised from Austria.').at(-1)!;
    expect([donor, amount, rule]).toEqual(['AT', 6e6, 'commitment.donor.passive-agent']);
  });

  it('names a group by its whole phrase, and a fund or agency that receives as the recipient', () => {
    const out = facts('GENEVA - Creditor nations pledged $40 billion for the Global Water Facility (GWF) on Monday. Austria said it would give $2 billion to the GWF.');
    expect(out.commitments.map((c) => [c.donor, c.recipient, c.amount, c.rules.recipient])).toEqual([
      ['Creditor nations', 'Global Water Facility', 40e9, 'commitment.recipient.fund-or-agency'],
      ['AT', 'Global Water Facility', 2e9, 'commitment.recipient.fund-or-agency'],
    ]);
  });

  it('takes the party a with-phrase is said of, and a clause subject before ", with"', () => {
    expect(commitments('GENEVA - The biggest pledges came from Austria, committing $30 million in aid, followed by Chile with over $12 million.').map((c) => c.slice(0, 3))).toEqual([
      ['AT', null, 30e6],
      ['CL', null, 12e6],
    ]);
    expect(commitments('KYIV - Austria and Chile stand out as the largest donors so far, with a joint pledge of €40 million for Ukraine.')).toEqual([
      ['AT', 'UA', 40e6, 'commitment.donor.clause-subject-with'],
      ['CL', 'UA', 40e6, 'commitment.donor.clause-subject-with'],
    ]);
  });

  it('reads "the Government of X" as the state X, not as a body of its own', () => {
    const out = facts('KYIV - The Government of Austria will provide $5 million to Ukraine.');
    expect(out.organizations).toEqual([]);
    expect(out.commitments.map((c) => c.donor)).toEqual(['AT']);
  });
});

describe('organizations from patterns', () => {
  it('names a state ministry through its possessive, and a one-word bank', () => {
    const out = facts("VIENNA - Chile's foreign ministry said Ruritabank would be listed.");
    expect(out.organizations.map((o) => [o.name, o.rule])).toEqual([
      ["Chile's foreign ministry", 'org.state-ministry'],
      ['Ruritabank', 'org.bank-word'],
    ]);
  });

  it('names bodies by their heads: a general staff, an embassy, a school, a police', () => {
    const out = facts('LIMA - The General Staff of the Armed Forces, the Chilean Embassy and the Lima School of Economics agreed with the National Police of Peru.');
    expect(out.organizations.map((o) => o.name)).toEqual(['General Staff of the Armed Forces', 'Chilean Embassy', 'Lima School of Economics', 'National Police of Peru']);
  });

  it('names a company beside what it is, and ends a ministry’s name at its state', () => {
    const out = facts('LIMA - Drones came from Andesmetal, the Chilean arms maker, and from drone maker Condorix. The Ministry of Defence of Peru and Perutrans signed.');
    expect(out.organizations.map((o) => [o.name, o.rule])).toEqual([
      ['Andesmetal', 'org.business-apposition'],
      ['Condorix', 'org.business-named'],
      ['Ministry of Defence of Peru', 'org.head'],
    ]);
  });
});

describe('donors of lists', () => {
  it('pairs donors with amounts said "respectively", and names the party beside a group', () => {
    expect(commitments('KYIV - Austria and Chile will give 0.2% and 0.1% of GDP respectively to Ukraine.')).toEqual([
      ['AT', 'UA', 0.2, 'commitment.donor.respectively'],
      ['CL', 'UA', 0.1, 'commitment.donor.respectively'],
    ]);
    expect(commitments('KYIV - The EU and its member states have provided €50 billion to Ukraine.').map((c) => c[0])).toEqual(['EU']);
    expect(commitments('KYIV - Contributions from Austria and other partners to Ukraine reached €30 million.').map((c) => [c[0], c[3]])).toEqual([
      ['AT', 'commitment.donor.giver-of-subject'],
    ]);
  });

  it('reads the state after a giving verb as its object, not as the owner of the aid', () => {
    expect(commitments('VIENNA - Austria has given Ukraine aid worth €60 million.').map((c) => c.slice(0, 2))).toEqual([['AT', 'UA']]);
  });
});

