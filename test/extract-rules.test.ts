// Single rules of the extractor, each on a sentence written for it.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../src/pipeline/article.js';

function facts(text: string) {
  const outcome = extractArticle({ id: 'rule', published: '2025-07-08', text });
  if (!outcome.ok) throw new Error(outcome.output.error);
  return outcome.output;
}

describe('extraction rules', () => {
  it('gives a well-known office holder the state the text leaves unsaid, and no one else a state', () => {
    const found = facts('President Trump spoke to Foreign Minister Kestutis Budrys on Monday. "We will see," said Ana Rojas, a local mayor.');
    const country = (name: string) => found.persons.find((p) => p.name === name)?.country;
    expect(country('Trump')).toBe('US');
    // matched with diacritics folded: the list spells it "Kęstutis"
    expect(country('Kestutis Budrys')).toBe('LT');
    expect(country('Ana Rojas')).toBeNull();
  });

  it('takes the state a passive names as the donor, but not the agency that carries the project out', () => {
    const built = facts('Two schools in Kharkiv will be rebuilt by Latvia at a cost of €4 million.');
    expect(built.commitments).toEqual([expect.objectContaining({ donor: 'LV', amount: 4e6 })]);
    const carried = facts('VADUZ - Austria announced €12 million for mine clearance in Ukraine. The projects will be implemented by the United Nations Development Programme (€7 million) and UNICEF (€5 million).');
    expect(carried.commitments.map((c) => c.donor)).not.toContain('United Nations Development Programme');
  });

  it('finds the subject of a support noun past its determiner and modifiers', () => {
    const out = facts('The drone coalition met in Riga. Portugal has also made a substantial contribution of €12 million to Ukraine.');
    expect(out.commitments).toEqual([expect.objectContaining({ donor: 'PT', recipient: 'UA', amount: 12e6 })]);
    expect(out.commitments[0].rules.donor).toBe('commitment.donor.subject');
  });

  it('takes a name met, called or hosted for a person, untitled as it is', () => {
    const out = facts('Chile\'s foreign minister, Ana Rojas, met Tomas Lindqvist in Santiago on Monday. Rojas later held talks with Maren Solberg.');
    const named = out.persons.map((p) => [p.name, p.rule]);
    expect(named).toEqual(expect.arrayContaining([['Tomas Lindqvist', 'person.meeting'], ['Maren Solberg', 'person.meeting']]));
    expect(out.meetings[0].participants).toEqual(expect.arrayContaining(['Ana Rojas', 'Tomas Lindqvist']));
    // a state or a body is no one's name
    expect(facts('The minister met European Commission officials and visited United Arab Emirates.').persons).toEqual([]);
  });

  it('reads a meeting\'s subject past an apposition that names a body', () => {
    const out = facts('Prime Minister Lena Varga and Oskar Brandt, chairman of the Federation of Industry, will attend the conference in Vienna.');
    expect(out.meetings).toEqual([expect.objectContaining({ participants: ['Lena Varga', 'Oskar Brandt'], place: 'Vienna' })]);
  });

  it('leaves out an agency credited for the story, and keeps one cited in it', () => {
    const credited = facts('OSLO (Reuters) - Norway will send 20 howitzers to Ukraine, the defence ministry said.\n\nBy The Associated Press');
    expect(credited.organizations.map((o) => o.name)).toEqual([]);
    const cited = facts('Norway will send 20 howitzers to Ukraine, Reuters reported on Monday.');
    expect(cited.organizations.map((o) => o.name)).toEqual(['Reuters']);
  });

  it('names a gathering in full: a plural possessive, a hyphenated pair of states, and its shorter form later or earlier', () => {
    const out = facts('Donors’ Conference raises €7 billion\n\nThe International Donors’ Conference met in Brussels. The Poland-Ukraine Forum for Reconstruction opened in Warsaw.');
    expect(out.organizations.map((o) => o.name)).toEqual(expect.arrayContaining(['International Donors’ Conference', 'Poland-Ukraine Forum for Reconstruction']));
    expect(out.organizations.filter((o) => /Donors/.test(o.name))).toHaveLength(1);
    // the gathering is the meeting, not a party to it
    for (const m of out.meetings) expect(m.participants).not.toContain('International Donors’ Conference');
  });

  it('reads reported speech after more verbs and in more shapes', () => {
    const quotes = (text: string) => facts(text).quotes.map((q) => [q.speaker, q.text]);
    expect(quotes('Prime Minister Lena Varga revealed that the first tanks would arrive in May.')).toEqual([['Lena Varga', 'the first tanks would arrive in May']]);
    // a verb a tagger reads as a plural noun after its subject
    expect(quotes('The World Bank estimates that the rebuilding will cost $500 billion.')).toEqual([['World Bank', 'the rebuilding will cost $500 billion']]);
    // "that" after the listener
    expect(quotes('Defence Minister Oskar Brandt told local media that spending will reach 3% of GDP.')).toEqual([['Oskar Brandt', 'spending will reach 3% of GDP']]);
    // two speech verbs, two clauses
    expect(quotes('Chancellor Lena Varga confirmed that the package was final and stressed that the loan will cover the budget.')).toEqual([
      ['Lena Varga', 'the package was final'], ['Lena Varga', 'the loan will cover the budget'],
    ]);
    // a coordinated subject opens the clause without "that"
    expect(quotes('President Oskar Brandt suggested Norway and Denmark should share the costs of the mission.')).toEqual([['Oskar Brandt', 'Norway and Denmark should share the costs of the mission']]);
  });

  it('finds the speaker of a quote from the sentence around it', () => {
    const speakers = (text: string) => facts(text).quotes.map((q) => [q.speaker, q.rules.speaker]);
    // a quote paragraph right after a sentence that reports its speaker
    expect(speakers('Foreign Minister Lena Varga stated that the mission will cover logistics.\n“The people of the region cannot wait much longer,” the statement went on.')[1]).toEqual(['Lena Varga', 'quote.speaker.previous-sentence']);
    // what the subject named something
    expect(speakers('President Oskar Brandt welcomed the deal, calling it a “turning point for the security of our whole region”.')).toEqual([['Oskar Brandt', 'quote.speaker.naming-participle']]);
    // 'stated, “…”' opens a direct quote, not a reported one, and a person "of" a state speaks for it
    expect(speakers('Lena Varga, Commissioner for Trade, stated, “The union is determined to help the people of the region.”')).toEqual([['Lena Varga', 'quote.speaker.cue-before-quote']]);
    expect(speakers('President Oskar Brandt of Austria underlined that the summit had been a success for everyone.')).toEqual([['Oskar Brandt', 'quote.reported']]);
  });

  it('gives a quote to the state whose officials speak, to the speaker before a long apposition, and to the named speaker over "according to media"', () => {
    const speaker = (text: string) => facts(text).quotes.map((q) => q.speaker);
    expect(speaker('Austrian officials have said that several states offered to send engineers to the region.')).toEqual(['AT']);
    expect(speaker('Lena Varga, Commissioner for Political Affairs, Peace and Security, stated that the union will help the region.')).toEqual(['Lena Varga']);
    expect(speaker('Trade Minister Oskar Brandt said on Tuesday that the embargo will start in May, according to media reports.')).toEqual(['Oskar Brandt']);
  });

  it('takes a person from a descriptor, a speech verb past an apposition, or a visit', () => {
    const names = (text: string) => facts(text).persons.map((p) => p.name);
    expect(names('Oslo froze the assets of businessman Ivar Lund.')).toEqual(['Ivar Lund']);
    expect(names('Maren Solberg, the aid group\'s regional chief, said the response was inadequate.')).toEqual(['Maren Solberg']);
    expect(names('Tomas Lindqvist arrives in Kyiv for talks')).toEqual(['Tomas Lindqvist']);
    // a body is no one, past an apposition or arriving
    expect(names('European Commission, the EU\'s executive arm, said the plan was ready. Air Force One arrives in Kyiv.')).toEqual([]);
  });

  it('reads the clause after a parenthetical cue', () => {
    const out = facts('Foreign Minister Lena Varga spoke in Vienna. In this way, she said, the region could recover within five years.');
    expect(out.quotes.map((q) => [q.speaker, q.text, q.rules.cue])).toEqual([['Lena Varga', 'the region could recover within five years', 'quote.reported-parenthetical']]);
    // a cue that closes its sentence is read as before
    expect(facts('The region could recover within five years, Lena Varga said.').quotes[0].rules.cue).toBe('quote.reported-after');
  });

  it('gives talks in a time phrase to the subject of the clause', () => {
    const out = facts('Prime Minister Lena Varga announced the plan on Monday, following discussions with Chancellor Oskar Brandt.');
    expect(out.meetings.map((m) => m.participants)).toEqual([['Lena Varga', 'Oskar Brandt']]);
    // a noun of talks elsewhere keeps its own clause's subject
    expect(facts('Prime Minister Lena Varga said the talks with the union had failed.').meetings).toEqual([]);
  });

  it('reads a guest received by a host as a meeting, and a decision welcomed by someone as none', () => {
    expect(facts('Prime Minister Lena Varga was received by Chancellor Oskar Brandt in Vienna.').meetings.map((m) => m.participants)).toEqual([['Lena Varga', 'Oskar Brandt']]);
    expect(facts('The decision was welcomed by Chancellor Oskar Brandt.').meetings).toEqual([]);
  });

  it('takes a company by its legal form', () => {
    expect(facts('Velta AB and Korsholm ASA will supply the shells, and Tarvo Oyj the trucks.').organizations.map((o) => o.name)).toEqual(['Velta AB', 'Korsholm ASA', 'Tarvo Oyj']);
  });

  it('names a person by the fullest form in the text, one person for both forms', () => {
    const out = facts('Dr Omar Al Nasri opened the talks. Later, Dr Omar Khalid Al Nasri said the fund was ready.');
    expect(out.persons.map((p) => p.name)).toEqual(['Omar Khalid Al Nasri']);
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Omar Khalid Al Nasri']);
    // two people who share a first and a last name but not in order are two
    expect(facts('Dr Anna Berg met Dr Berg Anna Lind.').persons).toHaveLength(2);
  });

  it('lets a people named by its plural demonym speak for its state', () => {
    expect(facts('The Austrians said in May that the first trucks would arrive in June.').quotes.map((q) => q.speaker)).toEqual(['AT']);
    // a demonym before a noun describes it and speaks for no one by itself
    expect(facts('Austrian companies said in May that the first trucks would arrive in June.').quotes.map((q) => q.speaker)).not.toContain('AT');
  });

  it('counts sanctions listings with words between the number and the noun', () => {
    const out = facts('LONDON - The United Kingdom imposed sanctions on 100 oil tankers of the shadow fleet, Foreign Secretary Helen Ashby said.');
    expect(out.sanctions).toEqual([expect.objectContaining({ imposer: 'GB', count: 100, evidence: 'imposed sanctions on 100 oil tankers' })]);
  });

  it('reads "after meeting X" as a meeting of the clause subject, and a body before a title as the office', () => {
    const out = facts(
      'THE HAGUE - The Netherlands will allocate €3.5 billion to Ukraine for 2026, Defence Minister Pieter de Wit said on Tuesday.\n' +
        'He spoke after meeting NATO Secretary General Lars Brandt in The Hague.',
    );
    expect(out.meetings).toEqual([expect.objectContaining({ participants: ['Pieter de Wit', 'Lars Brandt'], place: 'The Hague', planned: false })]);
  });

  it('gives no count for a vague quantity', () => {
    const out = facts('BERLIN - Germany will send several hundred interceptor missiles to Ukraine, Defence Minister Jonas Reuter said.');
    expect(out.commitments.filter((c) => c.unit === 'units')).toEqual([]);
  });

  it('reads readiness to lead a force, and joining a coalition, as commitments of every state named', () => {
    const ready = facts('PARIS - France and the United Kingdom are ready to lead a reassurance force in Ukraine, Prime Minister Alistair Penrose said.');
    expect(ready.commitments.map((c) => [c.donor, c.recipient, c.status, c.category])).toEqual([
      ['FR', 'UA', 'ready', 'security-guarantee'],
      ['GB', 'UA', 'ready', 'security-guarantee'],
    ]);
    const join = facts('PARIS - Estonia, Latvia and Lithuania said they would join the coalition of the willing to help Ukraine.');
    expect(join.commitments.map((c) => [c.donor, c.status, c.category])).toEqual([
      ['EE', 'pledged', 'security-guarantee'],
      ['LV', 'pledged', 'security-guarantee'],
      ['LT', 'pledged', 'security-guarantee'],
    ]);
    // "it" after a single speaker stays that speaker
    expect(facts('PRAGUE - The Czech government said it would send 10 tanks to Ukraine.').commitments.map((c) => c.donor)).toEqual(['CZ']);
  });

  it('takes no commitment from a failed or blocked decision', () => {
    const out = facts(
      'BRUSSELS - European Union foreign ministers failed to agree on Monday on a plan to use frozen Russian assets for a 140 billion euro reparations loan to Ukraine, as Belgium raised objections.\n' +
        'Hungary also blocked a decision on a new 6.6 billion euro tranche of the European Peace Facility, diplomats said.',
    );
    expect(out.commitments).toEqual([]);
  });

  it('reads a state’s own defence spending target as a commitment with no recipient, stated by its own verb', () => {
    const out = facts(
      'WARSAW - Poland will give 0.2 percent of its GDP annually to military support for Ukraine, Defence Minister Tomasz Zielinski said.\n' +
        'The government plans to spend 4.7% of GDP on defence next year, and defence spending of 3.5% of GDP is NATO’s new target.',
    );
    expect(out.commitments.map((c) => [c.donor, c.recipient, c.amount, c.unit, c.category, c.status, c.period])).toEqual([
      ['PL', 'UA', 0.2, '%GDP', 'military', 'pledged', 'annual'],
      ['PL', null, 4.7, '%GDP', 'military', 'planned', 'annual'],
    ]);
    const share = facts('RIGA - Ukraine needs more help, the minister said.\nLatvia spends 3.2% of its GDP, and its budget will reach 4% of GDP next year.\nLatvia will also give 0.25% of its GDP annually.');
    expect(share.commitments.map((c) => [c.donor, c.recipient, c.amount, c.period, c.rules.recipient])).toEqual([
      ['LV', null, 3.2, 'annual', 'commitment.recipient.own-budget-share'],
      ['LV', null, 4, 'annual', 'commitment.recipient.own-budget-share'],
      ['LV', 'UA', 0.25, 'annual', 'commitment.recipient.article-default'],
    ]);
    const target = facts('COPENHAGEN - Denmark will spend 3.5% of GDP on defence by 2030, the prime minister said, and will invest an additional 50 billion Danish crowns in its armed forces.');
    expect(target.commitments.map((c) => [c.donor, c.recipient, c.amount, c.unit, c.status])).toEqual([
      ['DK', null, 3.5, '%GDP', 'pledged'],
      ['DK', null, 50e9, 'DKK', 'pledged'],
    ]);
  });

  it('reads a currency name several states use as the donor’s own, and a joint pledge in dollars as USD', () => {
    const crowns = facts('STOCKHOLM - Sweden will provide 3 billion crowns ($287 million) in military aid to Ukraine.\nNorway will give 500 million kroner for demining.');
    expect(crowns.commitments.map((c) => [c.donor, c.amount, c.unit])).toEqual([['SE', 3e9, 'SEK'], ['NO', 5e8, 'NOK']]);
    const joint = facts('OTTAWA - Canada and Australia will give $50 million to Ukraine.\nCanada will also give $20 million for demining.');
    expect(joint.commitments.map((c) => [c.donor, c.amount, c.unit])).toEqual([['CA', 5e7, 'USD'], ['AU', 5e7, 'USD'], ['CA', 2e7, 'CAD']]);
  });

  it('reads a currency named as crowns, and a state’s initiative as no recipient', () => {
    const crowns = facts('KYIV - Denmark announced a 2 billion Danish crown package of air defence equipment for Ukraine on Thursday.');
    expect(crowns.commitments.map((c) => [c.donor, c.amount, c.unit])).toEqual([['DK', 2e9, 'DKK']]);
    const initiative = facts('LISBON - Portugal approved a €220 million contribution to the Czech ammunition initiative for Ukraine, the government said.');
    expect(initiative.commitments.map((c) => [c.donor, c.recipient, c.amount])).toEqual([['PT', 'UA', 220e6]]);
  });

  it('attributes "X, a spokeswoman, told Y that …" to X, and reads a call "by phone with"', () => {
    const out = facts(
      'BERLIN - Ingrida Balciunaite, a spokeswoman for the ministry, told LRT that the first deliveries were expected in December.\n' +
        'Chancellor Friedrich Brandt later spoke by phone with Ukrainian President Andriy Koval, a government spokesman said.',
    );
    expect(out.quotes[0]).toMatchObject({ speaker: 'Ingrida Balciunaite', text: 'the first deliveries were expected in December' });
    expect(out.meetings).toEqual([expect.objectContaining({ participants: ['Friedrich Brandt', 'Andriy Koval'], kind: 'call' })]);
  });

  it('joins a quote continued in the next paragraph into one text', () => {
    const out = facts('BERLIN - "We will not leave Ukraine alone.\n"Our support will continue as long as it is needed," Chancellor Friedrich Brandt said.');
    expect(out.quotes[0]).toMatchObject({ speaker: 'Friedrich Brandt', text: 'We will not leave Ukraine alone. Our support will continue as long as it is needed' });
  });

  it('reads a running total as cumulative, and keeps no unquantified twin of a valued package', () => {
    const out = facts(
      'HELSINKI - Finland has approved its 29th defence materiel package for Ukraine, worth EUR 198 million, Minister of Defence Antti Hakala said.\n' +
        'With this package, the total value of Finland’s defence materiel assistance to Ukraine rises to EUR 2.5 billion.',
    );
    expect(out.commitments.map((c) => [c.amount, c.period])).toEqual([[198e6, 'one-off'], [2.5e9, 'cumulative']]);
  });

  it('gives an office named without a state the state of the capital the report is filed from, and reads receiving a person as a meeting', () => {
    const out = facts(
      'KYIV - Defence Minister Oksana Hrytsenko met her Dutch counterpart Pieter de Wit in Kyiv on Monday.\n' +
        'Prime Minister Yulia Marchenko also received Swedish Foreign Minister Karin Lindqvist, the government said.\n' +
        'Ukraine received 40 armoured vehicles from Sweden last month.',
    );
    expect(out.persons.map((p) => [p.name, p.country])).toEqual([
      ['Oksana Hrytsenko', 'UA'], ['Pieter de Wit', 'NL'], ['Yulia Marchenko', 'UA'], ['Karin Lindqvist', 'SE'],
    ]);
    expect(out.meetings.map((m) => m.participants)).toEqual([['Oksana Hrytsenko', 'Pieter de Wit'], ['Yulia Marchenko', 'Karin Lindqvist']]);
  });

  it('takes the clause subject as donor when a possessive names the recipient, and no commitment from its own budget', () => {
    const imf = facts('WASHINGTON - The International Monetary Fund completed its review of Ukraine’s programme, unlocking a $900 million disbursement.');
    expect(imf.commitments.map((c) => [c.donor, c.recipient, c.amount])).toEqual([['International Monetary Fund', 'UA', 900e6]]);
    expect(facts('KYIV - Ukraine’s government will allocate $2 billion for drone production at home, officials said.').commitments).toEqual([]);
  });

  it('reads meetings of state leaders, talks between two people, arrivals, and a visit that only frames its talks', () => {
    const out = facts(
      'BERLIN - The leaders of Germany, France and Poland met in Berlin on Tuesday to coordinate their support for Ukraine.\n' +
        'Talks between Chancellor Friedrich Brandt and French President Julien Marchand focused on air defence.\n' +
        'Swedish Prime Minister Erik Lund arrived in Kyiv on an unannounced visit on Wednesday.\n' +
        'Dutch Defence Minister Pieter de Wit visited Kyiv, holding talks with his Ukrainian counterpart Oksana Hrytsenko.',
    );
    expect(out.meetings.map((m) => [m.participants, m.kind])).toEqual([
      [['DE', 'FR', 'PL'], 'talks'],
      [['Friedrich Brandt', 'Julien Marchand'], 'talks'],
      [['Erik Lund', 'UA'], 'visit'],
      [['Pieter de Wit', 'Oksana Hrytsenko'], 'talks'],
    ]);
  });

  it('counts spelled-out listings and reads trade bans as sanctions', () => {
    const out = facts(
      'LONDON - Britain on Thursday announced sanctions against 30 individuals involved in supplying drone components to Russia.\n' +
        'The Treasury also froze the assets of two Russian banks.\n' +
        'Canada imposed a ban on imports of Russian aluminium and steel, Foreign Minister Anita Clarke said.',
    );
    expect(out.sanctions.map((x) => [x.imposer, x.measure, x.count])).toEqual([
      ['GB', 'sanctions on individuals', 30], ['GB', 'asset freeze on banks', 2], ['CA', 'ban on imports', null],
    ]);
  });

  it('gives a participle after a comma the sentence’s subject as donor', () => {
    const out = facts(
      'TALLINN - Ukraine needs more help.\nEstonia remains the largest donor relative to its economy, having given 1.6% of its GDP, followed by Denmark and Lithuania.',
    );
    expect(out.commitments.map((c) => [c.donor, c.recipient, c.amount, c.unit, c.status])).toEqual([['EE', 'UA', 1.6, '%GDP', 'delivered']]);
  });

  it('reads "said: \"…\"" as one direct quote, and leaves a nameless office’s participle unattributed', () => {
    const out = facts(
      'OSLO - Asked whether Norway would send more air defence systems, Prime Minister Erik Solheim Berg said: "We are looking at every option."\n' +
        'The Ukrainian president thanked Norway in a Telegram post, saying the support would save lives every day.',
    );
    expect(out.quotes.map((q) => [q.speaker, q.direct])).toEqual([['Erik Solheim Berg', true], [null, false]]);
  });

  it('gives a listed part the status of its whole, and takes no recipient from a relative clause or a make of weapon', () => {
    const out = facts(
      'THE HAGUE - The Netherlands has so far provided more than €6 billion in military support to Ukraine, including 24 F-16 fighter jets, the ministry said.\n' +
        'It will also contribute €150 million to the NATO-led PURL initiative, which buys American weapons for Ukraine.',
    );
    expect(out.commitments.map((c) => [c.recipient, c.amount, c.status, c.period])).toEqual([
      ['UA', 6e9, 'delivered', 'cumulative'],
      ['UA', 24, 'delivered', 'cumulative'],
      ['UA', 150e6, 'pledged', 'one-off'],
    ]);
  });

  it('reads "each" between the modal and the verb, and a donor named again before its own amount', () => {
    const each = facts('BERLIN - Germany and France will each give €500 million to Ukraine.');
    expect(each.commitments.map((c) => [c.donor, c.amount])).toEqual([['DE', 500e6], ['FR', 500e6]]);
    const gapped = facts('BERLIN - Germany will give €500 million to Ukraine and France €300 million.');
    expect(gapped.commitments.map((c) => [c.donor, c.amount])).toEqual([['DE', 500e6], ['FR', 300e6]]);
  });

  it('finds a bullet dateline under the headline, and "the head of state" is the president named', () => {
    const out = facts(
      'Ukraine to receive new air defense systems from Germany - Zelensky\nKyiv • UNN\n' +
        'Ukraine will receive two more IRIS-T systems from Germany before the end of the year, President Volodymyr Zelensky said.\n' +
        '"I thank Chancellor Brandt and all our German partners. Every system saves lives," the head of state emphasized.\n' +
        'According to him, the agreement was reached during a phone call with the German chancellor on Friday.',
    );
    expect(out.persons.find((p) => p.name === 'Volodymyr Zelensky')?.country).toBe('UA');
    expect(out.quotes.map((q) => q.speaker)).toEqual(['Volodymyr Zelensky', 'Volodymyr Zelensky', 'Volodymyr Zelensky']);
  });

  it('reads "the United States" as the state, and keeps a headline pledge’s evidence on its own line', () => {
    const out = facts('U.S. approves $400 million in weapons for Ukraine\nWASHINGTON - The United States will send $400 million worth of weapons to Ukraine, the Pentagon said.');
    expect(out.commitments.map((c) => [c.donor, c.amount, c.evidence])).toEqual([['US', 400e6, 'approves $400 million in weapons for Ukraine']]);
  });

  it('reads "has donated" as delivered, weapons named without a number as a commitment, and a question as none', () => {
    const out = facts(
      'Sweden to donate Gripen fighter jets?\nSTOCKHOLM - Sweden has previously donated two ASC 890 surveillance aircraft to Ukraine, Defence Minister Karin Lindqvist said.\n' +
        'Norway will send air defence systems to Ukraine this winter, its defence ministry said.',
    );
    expect(out.commitments.map((c) => [c.donor, c.amount, c.status])).toEqual([['SE', 2, 'delivered'], ['NO', null, 'pledged']]);
  });

  it('gives the EU its instruments’ payments, and reads a total that "reaches" an amount as cumulative', () => {
    const out = facts(
      'BRUSSELS - The Council of the European Union today approved the disbursement of €3.05 billion to Ukraine under the Ukraine Facility.\n' +
        'With this payment, the total amount disbursed under the Facility since 2024 reaches €22.7 billion.',
    );
    expect(out.commitments.map((c) => [c.donor, c.amount, c.period])).toEqual([['EU', 3.05e9, 'one-off'], ['EU', 22.7e9, 'cumulative']]);
  });

  it('reads "and the Netherlands €300 million" as the Netherlands’ pledge, and "allies" without the verb before it', () => {
    const out = facts(
      'BRUSSELS - Germany pledged €500 million and the Netherlands €300 million for Ukrainian air defence on Wednesday.\n' +
        'British Defence Secretary John Harlow said allies had pledged $2 billion in new aid for Ukraine.',
    );
    expect(out.commitments.map((c) => [c.donor, c.amount])).toEqual([['DE', 500e6], ['NL', 300e6], ['allies', 2e9]]);
  });

  it('reads a coordinated subject as the meeting’s participants, and the clause after an opening phrase as its holder', () => {
    const held = facts('OSLO - Chilean President Ana Rojas and Peruvian Prime Minister Luis Vega held talks in Oslo.');
    expect(held.meetings.map((m) => m.participants)).toEqual([['Ana Rojas', 'Luis Vega']]);
    const call = facts('OSLO - Foreign Minister Ana Rojas and her Peruvian counterpart Luis Vega discussed the aid package in a call.');
    expect(call.meetings.map((m) => m.participants)).toEqual([['Ana Rojas', 'Luis Vega']]);
    const opening = facts('LIMA - Speaking after talks with Chilean President Ana Rojas, Peruvian Prime Minister Luis Vega said trade would grow.');
    expect(opening.meetings.map((m) => [...m.participants].sort())).toEqual([['Ana Rojas', 'Luis Vega']]);
  });

  it('reads hyphenated given names, a name set off by commas after its title, and a particle joined by a hyphen', () => {
    const out = facts('SEOUL - President Park Min-ho met the Egyptian President, Omar Hassan al-Masri, in Seoul. Park Min-ho said the talks went well. The Merz-led coalition agreed.');
    expect(out.persons.map((p) => [p.name, p.role])).toEqual([
      ['Park Min-ho', 'President'],
      ['Omar Hassan al-Masri', 'President'],
    ]);
    expect(out.meetings.map((m) => m.participants)).toEqual([['Park Min-ho', 'Omar Hassan al-Masri']]);
  });

  it('reads what a speaker described, questioned or called for as what they said of it, and not a passive', () => {
    const quotes = (text: string) => facts(text).quotes.map((q) => [q.speaker, q.text, q.rules.cue]);
    expect(quotes('LIMA - Prime Minister Luis Vega described the accord as the first real step in years.')).toEqual([
      ['Luis Vega', 'the accord as the first real step in years', 'quote.object-of-cue'],
    ]);
    expect(quotes('LIMA - Prime Minister Luis Vega called on the donors to double their support for the region.')).toEqual([
      ['Luis Vega', 'the donors to double their support for the region', 'quote.object-of-cue'],
    ]);
    expect(quotes('LIMA - The budget, Prime Minister Luis Vega said, was described as generous by the press.').map((q) => q[2])).not.toContain('quote.object-of-cue');
  });

  it('reads a state’s government and the sanctions offices of a state as the imposer', () => {
    const japan = facts('TOKYO - The Chilean government decided to freeze the assets of 30 Russian individuals.');
    expect(japan.sanctions.map((s) => [s.imposer, s.target, s.count, s.rules.imposer])).toEqual([['CL', 'RU', 30, 'sanction.imposer.state-government']]);
    const ofac = facts('WASHINGTON - OFAC designated 12 entities linked to the Russian military.');
    expect(ofac.sanctions.map((s) => [s.imposer, s.count])).toEqual([['US', 12]]);
  });

  it('reads a share of GDP committed to an alliance’s defence spending as each state’s own, with no recipient', () => {
    const out = facts('KYIV - Chile and Peru have agreed to commit 5% of their countries’ gross domestic product to NATO’s defence spending, to help Ukraine.');
    expect(out.commitments.map((c) => [c.donor, c.recipient, c.amount, c.unit, c.period])).toEqual([
      ['CL', null, 5, '%GDP', 'annual'],
      ['PE', null, 5, '%GDP', 'annual'],
    ]);
  });

  it('reads a pledging conference as a meeting of its hosts, the body it raises money for and its donors', () => {
    const out = facts(
      'LIMA - Donors pledged $900 million for the Andean Water Fund at a pledging conference in Lima on Monday, co-hosted by Peru and Chile.\n' +
        'Austria pledged $50 million to the Andean Water Fund, and Norway gave $40 million.',
    );
    // the meeting its sentence gives ("co-hosted by Peru and Chile") gains the conference's donors and the fund
    const conference = out.meetings.find((m) => m.rules.participants === 'meeting.participants.hosts-receiver-donors');
    expect(conference).toMatchObject({ place: 'Lima' });
    expect(conference!.participants).toEqual(expect.arrayContaining(['PE', 'CL', 'Andean Water Fund', 'AT', 'NO']));
    expect(facts('LIMA - The conference on water ended on Monday.').meetings).toEqual([]);
  });

  it('reads the seat of the EU, acting, as the EU, and a venue as no party', () => {
    expect(facts('KYIV - Brussels will give Ukraine €5 billion.').commitments.map((c) => c.donor)).toEqual(['EU']);
    expect(facts('KYIV - Leaders met in Brussels and Belgium pledged €1 billion to Ukraine.').commitments.map((c) => c.donor)).toEqual(['BE']);
    expect(facts('BRUSSELS - Brussels imposed restrictive measures on 40 Russian vessels.').sanctions.map((s) => [s.imposer, s.count])).toEqual([['EU', 40]]);
  });

  it('gives aid for the people of a place to each state named there', () => {
    const out = facts('GENEVA - Austria pledged €45 million to support people affected by the floods in Chile and Peru.');
    expect(out.commitments.map((c) => [c.donor, c.recipient, c.amount, c.rules.recipient])).toEqual([
      ['AT', 'CL', 45e6, 'commitment.recipient.beneficiaries-in'],
      ['AT', 'PE', 45e6, 'commitment.recipient.beneficiaries-in'],
    ]);
  });

  it('takes the closing speaker as the donor of a package it announces, and drops a restatement of a quantified pledge', () => {
    const closing = facts('KYIV - The package, worth $40 million, includes 20 mortar systems, the Chilean government said.');
    expect(closing.commitments.map((c) => [c.donor, c.amount, c.rules.donor])).toEqual([
      ['CL', 40e6, 'commitment.donor.closing-speaker'],
      ['CL', 20, 'commitment.donor.closing-speaker'],
    ]);
    const restated = facts('Chile to give Ukraine $50m in military aid\n\nSANTIAGO - Chile will provide the aid this year, Defence Minister Ana Rojas said.');
    expect(restated.commitments.map((c) => [c.donor, c.amount])).toEqual([['CL', 50e6]]);
  });

  it('reads the items of a bulleted list under the pledge that introduces it', () => {
    const out = facts('SANTIAGO - Chile announced new aid for Ukraine. The package includes:\n- 12 radar systems\n- 150 armoured vehicles\nThe aid will arrive soon.');
    expect(out.commitments.filter((c) => c.amount !== null).map((c) => [c.donor, c.recipient, c.amount, c.unit])).toEqual([
      ['CL', 'UA', 12, 'units'],
      ['CL', 'UA', 150, 'units'],
    ]);
  });

  it('takes no common noun, title word or organization for a person', () => {
    const names = (text: string) => facts(text).persons.map((p) => p.name);
    expect(names('LIMA - Member states of the union have paid for it, Vega said. Reports said the aid would arrive. Officials said it was late.')).toEqual(['Vega']);
    expect(names('LIMA - The Official Security Assistance (OSA) framework will expand.')).toEqual([]);
    expect(names('LIMA - Ambassador Extraordinary and Plenipotentiary of Chile Ana Rojas met the minister.')).toEqual(['Ana Rojas']);
  });

  it('reads a government of a state, a state adopting another body’s sanctions, and a listing only with an imposer', () => {
    const sanctions = (text: string) => facts(text).sanctions.map((s) => [s.imposer, s.target, s.count]);
    expect(sanctions('TOKYO - The Government of Chile has decided to implement an asset freeze against 11 Russian individuals.')).toEqual([['CL', 'RU', 11]]);
    expect(sanctions('BERN - Chile has adopted the latest EU sanctions against Russia.')).toEqual([['CL', 'RU', null]]);
    expect(sanctions('KYIV - Russian drones targeted 30 vessels in the port.')).toEqual([]);
  });

  it('gives an amount with no category word near it the category the article is about', () => {
    const out = facts('GENEVA - Donors met to fund vaccines and health care for refugees. Austria pledged $30 million. Chile gave $5 million.');
    expect(out.commitments.map((c) => [c.donor, c.category, c.rules.category])).toEqual([
      ['AT', 'humanitarian', 'commitment.category.article-default'],
      ['CL', 'humanitarian', 'commitment.category.article-default'],
    ]);
  });

  it('reads a period over the whole clause, two named years as several, and what aid has amounted to as a running total', () => {
    const periods = (text: string) => facts(text).commitments.map((c) => c.period);
    expect(periods('KYIV - Chile envisaged 200 million euros worth of military assistance to Ukraine over the next three years.')).toEqual(['multi-year']);
    expect(periods('KYIV - Chile will increase its support to Ukraine by $10 million in 2025 and 2026.')).toEqual(['multi-year']);
    expect(periods('KYIV - Chilean aid to Ukraine has amounted to €16.8 million.')).toEqual(['cumulative']);
  });

  it('gives a state’s government as the speaker the state itself', () => {
    const out = facts('OSLO - The Chilean government said it was a matter of urgency to help Ukraine store more gas.');
    expect(out.quotes.map((q) => q.speaker)).toEqual(['CL']);
  });

  it('reads names listed under a plural title, each with the state beside it, and no plural title as a name', () => {
    const out = facts('LIMA - Prime Minister Luis Vega met Foreign Ministers Ana Rojas (Chile), Marta Diaz (Peru), and Rosa Luna (Bolivia). Ministers said the talks went well.');
    expect(out.persons.map((p) => [p.name, p.role, p.country])).toEqual([
      ['Luis Vega', 'Prime Minister', 'PE'],
      ['Ana Rojas', 'Foreign Minister', 'CL'],
      ['Marta Diaz', 'Foreign Minister', 'PE'],
      ['Rosa Luna', 'Foreign Minister', 'BO'],
    ]);
  });

  it('gives a person the state whose possessive stands before a later mention', () => {
    const out = facts('GENEVA - Defence Minister Ana Rojas spoke first. “We are allies,” said Chile’s Rojas.');
    expect(out.persons.map((p) => [p.name, p.country])).toEqual([['Ana Rojas', 'CL']]);
  });

  it('reads a relative clause’s speaker, a highlighted point, and a clause announced without “that”', () => {
    const quotes = (text: string) => facts(text).quotes.map((q) => [q.speaker, q.text]);
    expect(quotes('LIMA - This gives reassurance to Prime Minister Luis Vega, who described the move as the first real step in years.')).toEqual([
      ['Luis Vega', 'the move as the first real step in years'],
    ]);
    expect(quotes('LIMA - Prime Minister Luis Vega highlighted the importance of making the price of aggression high.')).toEqual([
      ['Luis Vega', 'the importance of making the price of aggression high'],
    ]);
    expect(quotes('LIMA - In July Prime Minister Luis Vega announced Peru would increase its support by $10 million.')).toEqual([
      ['Luis Vega', 'Peru would increase its support by $10 million'],
    ]);
  });

  it('reads a call of a coordinated subject, a welcomed guest, and no meeting in a verb that cues a quote', () => {
    const meetings = (text: string) => facts(text).meetings.map((m) => [m.participants, m.kind]);
    expect(meetings('LIMA - President Ana Rojas and Prime Minister Luis Vega spoke by phone on Tuesday.')).toEqual([[['Ana Rojas', 'Luis Vega'], 'call']]);
    expect(meetings('LIMA - Prime Minister Luis Vega welcomed President Ana Rojas to the palace.')).toEqual([[['Luis Vega', 'Ana Rojas'], 'meeting']]);
    expect(meetings('LIMA - “We are raising the relationship,” welcomed President Ana Rojas in Lima.')).toEqual([]);
  });

  it('reads a clause a speech verb takes without “that” when it opens with a noun phrase and a modal', () => {
    expect(facts('GENEVA - Prime Minister Luis Vega hoped the figure could reach $2 billion by Friday.').quotes.map((q) => [q.speaker, q.text])).toEqual([
      ['Luis Vega', 'the figure could reach $2 billion by Friday'],
    ]);
    expect(facts('GENEVA - Prime Minister Luis Vega announced the package on Monday.').quotes).toEqual([]);
  });
});

