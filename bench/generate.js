// Generated news-like articles for the ingest benchmarks, from templates written for this
// project: every article is distinct (its numbers, names and dates differ).
const DONORS = [
  ['Lithuania', 'Lithuanian'], ['Latvia', 'Latvian'], ['Estonia', 'Estonian'], ['Poland', 'Polish'], ['Germany', 'German'], ['France', 'French'],
  ['Denmark', 'Danish'], ['Sweden', 'Swedish'], ['Norway', 'Norwegian'], ['Finland', 'Finnish'], ['Canada', 'Canadian'], ['Japan', 'Japanese'],
  ['the Netherlands', 'Dutch'], ['Belgium', 'Belgian'], ['Spain', 'Spanish'], ['Italy', 'Italian'], ['Czechia', 'Czech'], ['Portugal', 'Portuguese'],
];
const FIRST = ['Aino', 'Jonas', 'Marta', 'Erik', 'Ilze', 'Pieter', 'Claire', 'Tomas', 'Kadri', 'Lars', 'Anna', 'Mikko', 'Eva', 'Rui', 'Sara', 'Piotr'];
const LAST = ['Laakso', 'Adler', 'Zielinska', 'Holm', 'Kalnina', 'Jansen', 'Dubois', 'Hrdina', 'Tamm', 'Brekke', 'Lind', 'Laine', 'Novak', 'Costa', 'Berg', 'Nowak'];
const ITEMS = ['howitzers', 'armoured vehicles', 'drones', 'generators', 'air defence systems', 'ambulances', 'radars', 'boats'];
const ROLES = ['Defence Minister', 'Foreign Minister', 'Prime Minister', 'Finance Minister'];
const CATEGORIES = ['military aid', 'humanitarian aid', 'energy infrastructure repairs', 'budget support', 'air defence'];

/** A deterministic pseudo-random sequence, so runs are comparable. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function generateArticle(i) {
  const r = random(i * 7919 + 17);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const [donor, demonym] = pick(DONORS);
  const person = `${pick(FIRST)} ${pick(LAST)}`;
  const role = pick(ROLES);
  const amount = (10 + Math.floor(r() * 990)).toString();
  const units = 2 + Math.floor(r() * 200);
  const item = pick(ITEMS);
  const day = 1 + Math.floor(r() * 28);
  const month = 1 + Math.floor(r() * 12);
  const published = `${2022 + Math.floor(r() * 4)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const text = [
    `${donor} pledges new support for Ukraine (${i})`,
    `${donor} will provide €${amount} million in ${pick(CATEGORIES)} to Ukraine, ${demonym} ${role} ${person} said on Tuesday.`,
    `The package includes ${units} ${item}, ${person.split(' ')[1]} told reporters in the capital, adding that deliveries would start within weeks.`,
    `"We will stand with Ukraine for as long as it takes, and report number ${i} proves it," ${person.split(' ')[1]} said.`,
    `${person.split(' ')[1]} also met with Ukrainian Foreign Minister Oksana Melnyk to discuss reconstruction and the coalition of the willing.`,
    `The European Union adopted its ${1 + (i % 20)}th sanctions package against Russia, listing ${10 + (i % 90)} vessels of the shadow fleet.`,
  ].join('\n');
  return { id: `gen-${i}`, url: `https://generated.example.org/${i}`, source: 'generated.example.org', published, text };
}

// node bench/generate.js N > articles.jsonl
if (import.meta.url === `file://${process.argv[1]}`) {
  const n = Number(process.argv[2] ?? 1000);
  for (let i = 0; i < n; i++) process.stdout.write(`${JSON.stringify(generateArticle(i))}\n`);
}
