// Every pattern of every rule file under src/lexicons/rules/ is exercised by sentences written for
// this project: one it must match and a near miss it must not. A new pattern without both fails here.
import { describe, expect, it } from 'vitest';
import { analyze } from '../src/nlp/index.js';
import { buildContext } from '../src/pipeline/extract/index.js';
import { meetingPatterns, proposalPatterns, ruleFiles, sanctionPatterns } from '../src/pipeline/extract/rules.js';
import { articleView } from '../src/pipeline/extract/view.js';
import type { RuleFamily } from '../src/pipeline/extract/rules.js';

type Cases = Record<string, { match: string; miss: string }>;

const SANCTIONS: Cases = {
  'sanction.trigger.package-ordinal': { match: 'Brussels adopted its 14th sanctions package.', miss: 'Brussels adopted its 14th aid package.' },
  'sanction.trigger.package-ordinal-word': { match: 'It is the fifth sanctions package this year.', miss: 'It is the fifth aid package this year.' },
  'sanction.trigger.package-of-ordinal': { match: 'The 12th package of sanctions took effect.', miss: 'The 12th package of loans took effect.' },
  'sanction.trigger.package': { match: 'Ottawa unveiled a new round of sanctions.', miss: 'Ottawa unveiled a new round of talks.' },
  'sanction.trigger.sanctions-package': { match: 'The sanctions package was delayed.', miss: 'The aid package was delayed.' },
  'sanction.trigger.restrictive-measures-package': { match: 'Chile adopted a 5th package of restrictive measures.', miss: 'Chile adopted a 5th package of economic measures.' },
  'sanction.trigger.restrictive-measures': { match: 'Chile imposed restrictive measures on 10 firms.', miss: 'Chile imposed new measures on 10 firms.' },
  'sanction.trigger.target-listing': { match: 'The Chilean treasury targeted 25 entities.', miss: 'The Chilean treasury reviewed 25 entities.' },
  'sanction.trigger.sanctions-act': { match: 'New Chilean sanctions target the oil trade.', miss: 'New Chilean tariffs target the oil trade.' },
  'sanction.trigger.impose': { match: 'Norway imposed further sanctions on Moscow.', miss: 'Norway opposed further talks with Moscow.' },
  'sanction.trigger.imposition': { match: 'Tokyo announced the imposition of new sanctions.', miss: 'Tokyo announced the imposition of new tariffs.' },
  'sanction.trigger.sanctioned': { match: 'Canada has sanctioned 12 vessels.', miss: 'Canada has inspected 12 vessels.' },
  'sanction.trigger.designate': { match: 'The list designates 30 more companies.', miss: 'The list names 30 more companies.' },
  'sanction.trigger.asset-freeze-noun': { match: 'The asset freeze covers 40 people.', miss: 'The asset sale covers 40 people.' },
  'sanction.trigger.asset-freeze-verb': { match: 'Swiss banks froze the accounts.', miss: 'Swiss banks opened the accounts.' },
  'sanction.trigger.asset-freeze-perfect': { match: 'Britain has frozen the funds of 10 oligarchs.', miss: 'Britain has found the funds of 10 oligarchs.' },
  'sanction.trigger.freezing-of': { match: 'It ordered the freezing of the accounts.', miss: 'It ordered the closing of the accounts.' },
  'sanction.trigger.trade-ban': { match: 'An export ban on chips follows.', miss: 'An export deal on chips follows.' },
  'sanction.trigger.ban-on-trade': { match: 'Seoul will ban the export of drones.', miss: 'Seoul will boost the export of drones.' },
  'sanction.trigger.embargo': { match: 'An oil embargo starts in June.', miss: 'An oil pipeline starts in June.' },
  'sanction.trigger.price-cap': { match: 'The price cap was lowered.', miss: 'The price index was lowered.' },
  'sanction.trigger.entry-ban': { match: 'An entry ban applies to 90 officials.', miss: 'An entry fee applies to 90 officials.' },
  'sanction.trigger.bar-entry': { match: 'Finland will deny entry to tourists.', miss: 'Finland will allow entry to tourists.' },
  'sanction.trigger.expel': { match: 'Prague will expel five Russian diplomats.', miss: 'Prague will welcome five Russian diplomats.' },
  'sanction.trigger.travel-ban': { match: 'A travel ban applies to 30 officials.', miss: 'A travel plan applies to 30 officials.' },
  'sanction.trigger.swift': { match: 'Ten banks were cut off from SWIFT.', miss: 'Ten banks were cut off from the grid.' },
  'sanction.trigger.phase-out-purchases': { match: 'Oslo will phase out purchases of coal.', miss: 'Oslo will phase out subsidies for coal.' },
  'sanction.not.call': { match: 'Kyiv urged partners to act.', miss: 'Kyiv thanked partners for acting.' },
  'sanction.not.modal': { match: 'The bloc should act.', miss: 'The bloc will act.' },
  'sanction.not.need': { match: 'Ministers will discuss new measures.', miss: 'Ministers will adopt new measures.' },
  'sanction.not.evasion': { match: 'Tankers evade the measures.', miss: 'Tankers carry the cargo.' },
  'sanction.adoption': { match: 'Iceland adopted the package.', miss: 'Iceland welcomed the package.' },
  'sanction.imposer.by': { match: 'The ships were listed by Canada.', miss: 'The ships were listed in March.' },
  'sanction.imposer.possessive': { match: 'It is Japan’s latest package.', miss: 'It is the latest package.' },
  'sanction.imposer.modifier': { match: 'New EU sanctions start today.', miss: 'New tough sanctions start today.' },
  'sanction.imposer.demonym': { match: 'Japanese sanctions cover 20 firms.', miss: 'Sweeping sanctions cover 20 firms.' },
  'sanction.target.named': { match: 'Oslo imposed sanctions on Foreign Minister Sergei Lavrov.', miss: 'Oslo imposed sanctions on foreign ministers.' },
  'sanction.target.on-against': { match: 'They imposed sanctions on Belarus.', miss: 'They imposed sanctions in Belarus.' },
  'sanction.target.demonym': { match: 'It lists 22 Russian banks.', miss: 'It lists 22 regional banks.' },
  'sanction.count': { match: 'It names 189 tankers.', miss: 'It names several tankers.' },
};

const MEETINGS: Cases = {
  'meeting.trigger.gerund': { match: 'She spoke after meeting the minister.', miss: 'She spoke after meeting of the board.' },
  'meeting.trigger.hosted-by': { match: 'The forum was co-hosted by Ana Rojas and Luis Vega.', miss: 'The forum was opened by Ana Rojas and Luis Vega.' },
  'meeting.trigger.received-by': { match: 'Ana Rojas was received by Luis Vega in Lima.', miss: 'Ana Rojas was praised by Luis Vega in Lima.' },
  'meeting.trigger.meet': { match: 'The envoy met the president.', miss: 'The envoy greeted the president.' },
  'meeting.trigger.meets-with': { match: 'Envoy arrives in Kyiv, meets with Zelensky', miss: 'Envoy arrives in Kyiv, greets Zelensky' },
  'meeting.trigger.talks-between': { match: 'Talks between the two leaders ended.', miss: 'Talks among the two leaders ended.' },
  'meeting.trigger.call-between': { match: 'A call between the two leaders ended.', miss: 'A call for the two leaders ended.' },
  'meeting.trigger.standing-beside': { match: 'Speaking alongside Ana Rojas, Luis Vega said the deal was done.', miss: 'Speaking after Ana Rojas, Luis Vega said the deal was done.' },
  'meeting.trigger.standing-next-to': { match: 'Standing next to Ana Rojas, Luis Vega said the deal was done.', miss: 'Standing close to Ana Rojas, Luis Vega said the deal was done.' },
  'meeting.trigger.spoke-by-phone': { match: 'Ana Rojas and Luis Vega spoke by phone on Tuesday.', miss: 'Ana Rojas and Luis Vega spoke to reporters on Tuesday.' },
  'meeting.trigger.signed-between': { match: 'The accord was signed in Lima between Ana Rojas and Luis Vega.', miss: 'The accord was signed in Lima by Ana Rojas.' },
  'meeting.trigger.exchange-between': { match: 'It was agreed in an exchange of notes in Lima between Ana Rojas and Luis Vega.', miss: 'It was agreed in an exchange of fire between the armies.' },
  'meeting.trigger.arrive': { match: 'The minister arrived in Riga.', miss: 'The minister arrived late.' },
  'meeting.trigger.travel': { match: 'The minister travelled to Riga.', miss: 'The minister travelled widely.' },
  'meeting.trigger.talks-with': { match: 'It held talks last week with the mayor.', miss: 'It held talks last week, said the mayor.' },
  'meeting.trigger.call-with': { match: 'A phone call on Monday with the mayor followed.', miss: 'A phone call on Monday, the mayor said.' },
  'meeting.trigger.press-conference': { match: 'She said so at a press conference.', miss: 'She said so at a conference.' },
  'meeting.trigger.conference-with': { match: 'She spoke at a briefing with the mayor.', miss: 'She spoke at a briefing for the mayor.' },
  'meeting.trigger.visit-verb': { match: 'The king visited the troops.', miss: 'The king praised the troops.' },
  'meeting.trigger.visit-to': { match: 'His visit to Oslo ended.', miss: 'His trip to Oslo ended.' },
  'meeting.trigger.host': { match: 'Paris hosted the leaders.', miss: 'Paris thanked the leaders.' },
  'meeting.trigger.receive': { match: 'The president received the envoy.', miss: 'The president ignored the envoy.' },
  'meeting.trigger.summit-named': { match: 'The NATO summit opened.', miss: 'The annual event opened.' },
  'meeting.trigger.summit-the': { match: 'After the summit, leaders left.', miss: 'After a summit, leaders left.' },
  'meeting.trigger.summit-of': { match: 'A summit of leaders opened.', miss: 'A summit on leaders opened.' },
  'meeting.trigger.meeting-named': { match: 'The Ramstein meeting opened.', miss: 'The monthly meeting opened.' },
  'meeting.trigger.meeting-the': { match: 'After the meeting, leaders left.', miss: 'After a meeting, leaders left.' },
  'meeting.trigger.meeting-of': { match: 'A meeting of ministers opened.', miss: 'A meeting on ministers opened.' },
  'meeting.trigger.hold-talks': { match: 'They will hold their first talks.', miss: 'They will hold their first vote.' },
  'meeting.trigger.discuss': { match: 'The two leaders discussed the plan.', miss: 'The two leaders praised the plan.' },
  'meeting.trigger.attend': { match: 'Ten ministers attended.', miss: 'Ten ministers resigned.' },
  'meeting.trigger.speak-with': { match: 'He spoke by phone with the mayor.', miss: 'He spoke by phone about the mayor.' },
};

const PROPOSALS: Cases = {
  'proposal.trigger.noun-for-step': { match: 'Chile backed a proposal for a 10-day truce.', miss: 'Chile backed a proposal for a new airport.' },
  'proposal.trigger.noun-to-step': { match: 'The offer by Peruvian President Ana Rojas to start peace talks stands.', miss: 'The offer by Peruvian President Ana Rojas to build a school stands.' },
  'proposal.trigger.step-noun': { match: 'The ceasefire proposal was made public.', miss: 'The budget proposal was made public.' },
  'proposal.trigger.point-plan': { match: 'Lima drafted a 12-point plan.', miss: 'Lima drafted a 12-page plan.' },
  'proposal.trigger.verb-step': { match: 'Quito proposed a prisoner exchange.', miss: 'Quito proposed a new tax.' },
  'proposal.trigger.phrasal-step': { match: 'The envoy called for an immediate truce.', miss: 'The envoy called for more weapons.' },
  'proposal.trigger.verb-to-step': { match: 'Bolivia offered on Monday to host direct talks.', miss: 'Bolivia offered on Monday to host the games.' },
  'proposal.trigger.suggest-gerund': { match: 'He suggested replacing the governor as part of a peace settlement.', miss: 'He suggested replacing the governor as part of a reform.' },
  'proposal.trigger.suggest-gerund-step': { match: 'Lima suggested holding direct talks in May.', miss: 'Lima suggested holding a referendum on taxes.' },
  'proposal.trigger.declare-truce': { match: 'The rebels declared a two-day truce.', miss: 'The rebels declared a two-day strike.' },
  'proposal.trigger.truce-announced': { match: 'It ignored a truce he announced in May.', miss: 'It ignored a strike he announced in May.' },
  'proposal.trigger.want-step': { match: 'The president wants a lasting ceasefire.', miss: 'The president wants a lasting legacy.' },
  'proposal.trigger.peace-talks-planned': { match: 'The two sides may hold peace talks in Lima.', miss: 'The two sides may hold trade talks in Lima.' },
  'proposal.reference': { match: 'Quito dismissed the plan.', miss: 'Quito dismissed the minister.' },
  'proposal.response.not-assent': { match: 'Lima would not agree to it.', miss: 'Lima would gladly agree to it.' },
  'proposal.response.reject': { match: 'Lima rejected the offer.', miss: 'Lima repeated the offer.' },
  'proposal.response.turn-down': { match: 'Lima turned down the offer.', miss: 'Lima turned up the heat.' },
  'proposal.response.conditional': { match: 'Lima accepted the plan on two conditions.', miss: 'Lima accepted the plan on Monday.' },
  'proposal.response.yes-but': { match: 'Their answer was yes, but not now.', miss: 'Their answer was no, and that was all.' },
  'proposal.response.accept': { match: 'Lima accepted the offer.', miss: 'Lima expected the offer.' },
  'proposal.response.agree-to': { match: 'Lima agreed to the truce.', miss: 'Lima agreed with the minister.' },
  'proposal.response.consider': { match: 'Lima is studying the offer.', miss: 'Lima is praising the offer.' },
  'proposal.response.take-note': { match: 'Lima took note of the offer.', miss: 'Lima took part in the talks.' },
  'proposal.response.withdraw': { match: 'Lima withdrew its offer.', miss: 'Lima renewed its offer.' },
};

const FILES: Record<string, { family: RuleFamily; cases: Cases }> = {
  sanctions: { family: sanctionPatterns, cases: SANCTIONS },
  meetings: { family: meetingPatterns, cases: MEETINGS },
  proposals: { family: proposalPatterns, cases: PROPOSALS },
};

function matches(family: RuleFamily, id: string, sentence: string): boolean {
  const pattern = family.all.find((p) => p.id === id);
  if (!pattern) throw new Error(`no pattern ${id}`);
  const ctx = buildContext(analyze(sentence), { referenceDate: null, dateline: null });
  return pattern.findAll(articleView(ctx)).length > 0;
}

describe('rule files', () => {
  it('have a tested case, positive and negative, for every pattern', () => {
    for (const [file, specs] of Object.entries(ruleFiles)) {
      const cases = FILES[file]?.cases ?? {};
      expect(specs.map((s) => s.id).filter((id) => !cases[id]), `${file}: patterns without cases`).toEqual([]);
      expect(Object.keys(cases).filter((id) => !specs.some((s) => s.id === id)), `${file}: cases without a pattern`).toEqual([]);
    }
  });

  for (const [file, { family, cases }] of Object.entries(FILES)) {
    it.each(Object.entries(cases))(`${file}: %s matches its case and not its near miss`, (id, { match, miss }) => {
      expect(matches(family, id, match), match).toBe(true);
      expect(matches(family, id, miss), miss).toBe(false);
    });
  }
});
