import { KnowledgeIndex, type KnowledgeArticle, type KnowledgeQuery } from '../src/ai/knowledge/index.js';
import { seededRandom } from '../src/ai/intents/seeded-random.js';
import type { Language } from '../src/ai/text/index.js';

/**
 * Knowledge search bench: synthetic articles over five lines × three languages (banking,
 * energy and helpline vocabularies, topics and subtopics, a tail of rare made-up words),
 * indexed once, then queried as agents and the customer bot do: whole words, typos, the
 * last word still being typed, topic filters, public or all. Every search is timed with
 * performance.now(). Progress goes to stderr; stdout ends with one JSON line.
 *
 * @example npx tsx bench/knowledge.bench.ts --articles 10000 --queries 2000 --seed 7
 */

type Domain = 'banking' | 'energy' | 'helpline';
const LANGS: readonly Language[] = ['nl', 'fr', 'en'];
const LINES: readonly { id: string; domain: Domain }[] = [
  { id: 'bank-zuid', domain: 'banking' },
  { id: 'bank-oost', domain: 'banking' },
  { id: 'energie-noord', domain: 'energy' },
  { id: 'energie-west', domain: 'energy' },
  { id: 'kinderlijn', domain: 'helpline' },
];
const VOCABULARY: Readonly<Record<Domain, Readonly<Record<Language, string>>>> = {
  banking: {
    nl: 'bankkaart kredietkaart kaart blokkeren limiet pincode rekening spaarrekening overschrijving betaling app online bankieren verzekering ziekenhuisopname hospitalisatie nalatenschap erfenis volmacht beleggen fonds aandelen lening krediet hypotheek rente kosten afschrift diefstal verlies fraude phishing terugbetaling storting geldautomaat buitenland reisverzekering',
    fr: 'carte bancaire crédit bloquer limite code compte épargne virement paiement application banque ligne assurance hospitalisation succession héritage procuration investir fonds actions prêt hypothécaire intérêt frais extrait vol perte fraude hameçonnage remboursement dépôt distributeur étranger résilier',
    en: 'card debit credit block limit pin account savings transfer payment app online banking insurance hospitalisation estate inheritance power attorney invest fund shares loan mortgage interest fees statement theft loss fraud phishing refund deposit cash machine abroad travel cancel',
  },
  energy: {
    nl: 'factuur jaarafrekening voorschot meterstand meter slimme elektriciteit gas verhuizing contract opzeggen betalingsplan afbetaling herinnering aanmaning tarief energieprijs zonnepanelen terugleveren storing aansluiting netbeheerder leverancier klantnummer domiciliëring korting',
    fr: 'facture décompte annuel acompte relevé compteur intelligent électricité gaz déménagement contrat résilier plan paiement échelonné rappel mise demeure tarif prix énergie panneaux solaires injection panne raccordement gestionnaire réseau fournisseur numéro client domiciliation réduction',
    en: 'bill invoice annual statement advance meter reading smart electricity gas moving contract cancel payment plan instalment reminder notice tariff energy price solar panels feed outage connection grid operator supplier customer number direct debit discount',
  },
  helpline: {
    nl: 'pesten relaties verliefd seksualiteit thuis familie ouders mishandeling geweld lichaam puberteit scheiding eenzaamheid vrienden school leraar verdriet angst zelfbeeld online sexting chantage gesprek vertrouwenspersoon hulpverlening doorverwijzen toestemming',
    fr: 'harcèlement relations amoureux sexualité maison famille parents maltraitance violence corps puberté divorce solitude amis école professeur tristesse peur image soi ligne chantage conversation confident aide orienter consentement',
    en: 'bullying relationships crush sexuality home family parents abuse violence body puberty divorce loneliness friends school teacher sadness fear self image online sexting blackmail conversation trusted adult support referral consent',
  },
};
const FUNCTION_WORDS: Readonly<Record<Language, string>> = {
  nl: 'de het een en of je u uw wij we kunt kan moet niet wel als dan met voor van in op naar bij over dat dit deze die wanneer hoe waar zo ook nog al na',
  fr: 'le la les un une et ou vous votre nous pouvez peut doit ne pas si alors avec pour de du des dans sur chez sur que ce cette quand comment où aussi encore déjà après',
  en: 'the a an and or you your we can may must not if then with for of in on to at about that this these when how where also still already after',
};
const SYLLABLES = ['ba', 'ko', 'ri', 'lan', 'ter', 'mo', 'vi', 'sen', 'dra', 'pe', 'lu', 'kar', 'no', 'zi', 'tel', 'ga', 'fu', 'mer', 'sto', 'lin'];
const TOPICS = 6;
const SUBTOPICS = 4;

interface BenchArgs { readonly articles: number; readonly queries: number; readonly seed: number }

function parseArgs(argv: readonly string[]): BenchArgs {
  const values = new Map<string, string>();
  for (let index = 0; index < argv.length; index += 2) values.set((argv[index] ?? '').replace(/^--/, ''), argv[index + 1] ?? '');
  const number = (name: string, fallback: number): number => {
    const parsed = values.has(name) ? Number(values.get(name)) : fallback;
    if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} needs a non-negative integer`);
    return parsed;
  };
  return { articles: number('articles', 10_000), queries: number('queries', 2_000), seed: number('seed', 1) };
}

/** Draws words with a Zipf-like skew, so a few words are everywhere and most are rare. */
function makeWordSource(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() ** 2 * items.length)] as T;
  const rare = new Map<Language, string[]>();
  for (const language of LANGS) {
    rare.set(language, Array.from({ length: 4_000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('')));
  }
  return {
    pick,
    domainWords: (domain: Domain, language: Language): string[] => VOCABULARY[domain][language].split(' '),
    functionWord: (language: Language): string => pick(FUNCTION_WORDS[language].split(' ')),
    rareWord: (language: Language): string => (rare.get(language) as string[])[Math.floor(random() * 4_000)] as string,
  };
}

function generateArticles(count: number, random: () => number): KnowledgeArticle[] {
  const words = makeWordSource(random);
  return Array.from({ length: count }, (_, n) => {
    const line = LINES[n % LINES.length] as (typeof LINES)[number];
    const language = LANGS[Math.floor(n / LINES.length) % LANGS.length] as Language;
    const topic = Math.floor(random() * TOPICS);
    const domain = words.domainWords(line.domain, language);
    // Each topic leans on its own slice of the domain vocabulary, as real topics do.
    const topical = domain.filter((_word, index) => index % TOPICS === topic);
    const content = (): string => (random() < 0.5 ? words.pick(topical) : words.pick(domain));
    const title = Array.from({ length: 2 + Math.floor(random() * 4) }, content).join(' ');
    const body = Array.from({ length: 60 + Math.floor(random() * 120) }, () => {
      const roll = random();
      return roll < 0.4 ? words.functionWord(language) : roll < 0.85 ? content() : words.rareWord(language);
    }).join(' ');
    return {
      id: `kb-${String(n).padStart(6, '0')}`, lineId: line.id, language, title, body: `${body}.`,
      topicId: `${line.domain}-t${topic}`, subtopicId: random() < 0.9 ? `${line.domain}-t${topic}-s${Math.floor(random() * SUBTOPICS)}` : null,
      visibility: random() < 0.7 ? 'public' : 'internal', version: 1, updatedAt: '2024-06-01T09:00:00Z', tags: [],
    };
  });
}

function withTypo(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return word.slice(0, at) + 'eaiou'[Math.floor(random() * 5)] + word.slice(at + 1);
}

type QueryKind = 'plain' | 'typo' | 'prefix';

function generateQuery(article: KnowledgeArticle, random: () => number): { query: KnowledgeQuery; kind: QueryKind } {
  const titleWords = article.title.split(' ');
  const start = Math.floor(random() * titleWords.length);
  let picked = titleWords.slice(start, start + 1 + Math.floor(random() * 3));
  const roll = random();
  const kind: QueryKind = roll < 0.3 ? 'typo' : roll < 0.5 ? 'prefix' : 'plain';
  if (kind === 'typo') picked = picked.map((word, index) => (index === 0 ? withTypo(word, random) : word));
  const last = picked[picked.length - 1] ?? '';
  const text = kind === 'prefix' ? [...picked.slice(0, -1), last.slice(0, Math.max(3, Math.ceil(last.length * 0.6)))].join(' ') : `${picked.join(' ')} `;
  const query: KnowledgeQuery = {
    text, lineId: article.lineId, visibility: random() < 0.5 ? 'public' : 'all', limit: 10,
    ...(random() < 0.8 ? { language: article.language } : {}),
    ...(random() < 0.25 ? { topicId: article.topicId } : {}),
  };
  return { query, kind };
}

function percentile(sorted: readonly number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const random = seededRandom(args.seed);
  const articles = generateArticles(args.articles, random);
  process.stderr.write(`generated ${articles.length} articles\n`);
  const index = new KnowledgeIndex();
  const indexStart = performance.now();
  articles.forEach((article, n) => {
    index.upsert(article);
    if ((n + 1) % 2_000 === 0) process.stderr.write(`indexed ${n + 1}\n`);
  });
  const indexSeconds = (performance.now() - indexStart) / 1000;
  const queries = Array.from({ length: args.queries }, () => generateQuery(articles[Math.floor(random() * articles.length)] as KnowledgeArticle, random));
  for (const { query } of queries.slice(0, 200)) index.search(query);
  const times: Record<QueryKind | 'all', number[]> = { all: [], plain: [], typo: [], prefix: [] };
  let facetEntries = 0;
  queries.forEach(({ query, kind }, n) => {
    const started = performance.now();
    const result = index.search(query);
    const elapsed = performance.now() - started;
    times.all.push(elapsed);
    times[kind].push(elapsed);
    facetEntries += result.facets.subtopics.length;
    if ((n + 1) % 500 === 0) process.stderr.write(`queried ${n + 1}\n`);
  });
  for (const list of Object.values(times)) list.sort((a, b) => a - b);
  const round = (value: number): number => Math.round(value * 1000) / 1000;
  process.stderr.write(`p99 plain ${round(percentile(times.plain, 0.99))} ms, typo ${round(percentile(times.typo, 0.99))} ms, prefix ${round(percentile(times.prefix, 0.99))} ms; ${round(facetEntries / Math.max(queries.length, 1))} subtopic facets a query\n`);
  console.log(JSON.stringify({
    articles: articles.length, queries: queries.length, indexSeconds: round(indexSeconds),
    p50Ms: round(percentile(times.all, 0.5)), p99Ms: round(percentile(times.all, 0.99)),
    p99TypoMs: round(percentile(times.typo, 0.99)), p99PrefixMs: round(percentile(times.prefix, 0.99)),
  }));
}

main();
