import type { LanguageLexicon, LexiconTerm, PatternRule } from './lexicon.types.js';

/**
 * Dutch (Netherlands and Flanders). Curated on top of the LDNOOBW `nl` list: that list mixes
 * swear words with ordinary words ("gat", "pot", "balen", "schatje"), which `baseExclusions` drops.
 */
const terms: LexiconTerm[] = [
  // Expletives: the disease curses are the Dutch speciality and glue onto anything.
  { term: 'kanker', category: 'swearing', severity: 0.75, role: 'expletive', compound: 'prefix', guard: 'medical', variants: ['kenker', 'kanka', 'kankah', 'kkr', 'knkr', 'kankr'] },
  { term: 'kut', category: 'swearing', severity: 0.65, role: 'expletive', compound: 'prefix', languageOnly: false },
  { term: 'tering', category: 'swearing', severity: 0.7, role: 'expletive', compound: 'prefix', variants: ['teringg', 'tiering'] },
  { term: 'tyfus', category: 'swearing', severity: 0.7, role: 'expletive', compound: 'prefix', variants: ['tiefus', 'tyfes', 'tief'] },
  { term: 'klere', category: 'swearing', severity: 0.6, role: 'expletive', compound: 'prefix', variants: ['kolere', 'kolera'] },
  { term: 'klote', category: 'swearing', severity: 0.6, role: 'expletive', compound: 'prefix', variants: ['kloten'] },
  { term: 'pleuris', category: 'swearing', severity: 0.6, role: 'expletive', compound: 'prefix' },
  { term: 'godverdomme', category: 'swearing', severity: 0.6, role: 'expletive', variants: ['godverdomse', 'gvd', 'godverdomme', 'godver', 'godsamme', 'verdomme', 'goddomme'] },
  { term: 'sodemieter', category: 'swearing', severity: 0.55, role: 'expletive', variants: ['sodemieteren', 'opsodemieteren'] },
  { term: 'krijg de kanker', category: 'swearing', severity: 0.85, role: 'expletive', variants: ['krijg de tering', 'krijg de tyfus', 'krijg de klere', 'krijg de pest', 'krijg de pleuris', 'krijg de kolere', 'krijg kanker', 'krijg de ziekte'] },
  { term: 'rot op', category: 'swearing', severity: 0.65, role: 'insult', variants: ['rot toch op', 'flikker op', 'kanker op', 'tyf op', 'sodemieter op', 'donder op', 'lazer op', 'opflikkeren', 'oprotten', 'opkankeren', 'optiefen', 'optyfen'] },
  { term: 'hou je bek', category: 'swearing', severity: 0.6, role: 'insult', variants: ['hou je kop', 'houd je bek', 'hou je smoel', 'kop dicht', 'bek dicht', 'hou je muil'] },
  // Insults at a person.
  { term: 'klootzak', category: 'swearing', severity: 0.8, role: 'insult', variants: ['klootsak', 'klotzak', 'kl00tzak', 'klootzakken'] },
  { term: 'lul', category: 'swearing', severity: 0.6, role: 'insult', languageOnly: true, variants: ['lullo', 'lulletje'] },
  { term: 'eikel', category: 'swearing', severity: 0.6, role: 'insult', variants: ['eikels'] },
  { term: 'hufter', category: 'swearing', severity: 0.7, role: 'insult', variants: ['hufters'] },
  { term: 'rotzak', category: 'swearing', severity: 0.7, role: 'insult', variants: ['rotzakken', 'rotwijf', 'rotvent'] },
  { term: 'schoft', category: 'swearing', severity: 0.6, role: 'insult', variants: ['schoften'] },
  { term: 'smeerlap', category: 'swearing', severity: 0.6, role: 'insult', variants: ['smeerlappen'] },
  { term: 'etterbak', category: 'swearing', severity: 0.6, role: 'insult', variants: ['etter'] },
  { term: 'sukkel', category: 'swearing', severity: 0.5, role: 'insult', variants: ['sukkels'] },
  { term: 'idioot', category: 'swearing', severity: 0.5, role: 'insult', variants: ['idioten'] },
  { term: 'debiel', category: 'swearing', severity: 0.55, role: 'insult', variants: ['debielen', 'randdebiel', 'debiele'] },
  { term: 'achterlijk', category: 'swearing', severity: 0.5, role: 'insult', variants: ['achterlijke'] },
  { term: 'zakkenwasser', category: 'swearing', severity: 0.6, role: 'insult' },
  { term: 'oetlul', category: 'swearing', severity: 0.6, role: 'insult', variants: ['droplul', 'lulhannes', 'zeikerd', 'zeiklul'] },
  { term: 'trut', category: 'swearing', severity: 0.6, role: 'insult', variants: ['truttig', 'trutten'] },
  { term: 'wijf', category: 'swearing', severity: 0.55, role: 'insult', variants: ['wijven', 'kutwijf'] },
  { term: 'teef', category: 'swearing', severity: 0.75, role: 'insult', variants: ['teven'] },
  { term: 'hoer', category: 'swearing', severity: 0.75, role: 'insult', compound: 'prefix', variants: ['hoere', 'hoeren', 'hoerenjong', 'rothoer', 'ouwehoer'] },
  { term: 'slet', category: 'swearing', severity: 0.75, role: 'insult', variants: ['sletten', 'sletje'] },
  { term: 'mafkees', category: 'swearing', severity: 0.5, role: 'insult', variants: ['mafketel', 'klojo', 'dombo'] },
  // Sexual language. Clinical words (seks, penis, vagina, zwanger) are deliberately absent.
  { term: 'neuken', category: 'sexual', severity: 0.65, role: 'vulgar', compound: 'prefix', variants: ['neuk', 'neukt', 'neukte', 'geneukt'] },
  { term: 'beffen', category: 'sexual', severity: 0.65, role: 'vulgar' },
  { term: 'afrukken', category: 'sexual', severity: 0.65, role: 'vulgar', variants: ['rukken', 'afgerukt'] },
  { term: 'tieten', category: 'sexual', severity: 0.6, role: 'vulgar', variants: ['tietjes'] },
  { term: 'kutje', category: 'sexual', severity: 0.7, role: 'vulgar', variants: ['kutjes', 'flamoes'] },
  { term: 'geil', category: 'sexual', severity: 0.55, role: 'vulgar', variants: ['geile', 'geiler', 'geilneef'] },
  { term: 'pijpbeurt', category: 'sexual', severity: 0.75, role: 'vulgar', variants: ['pijpbeurten'] },
  { term: 'klaarkomen', category: 'sexual', severity: 0.55, role: 'vulgar' },
  { term: 'vingeren', category: 'sexual', severity: 0.55, role: 'vulgar' },
  // Slurs: discrimination, never swearing.
  { term: 'neger', category: 'discrimination', severity: 0.85, role: 'slur', variants: ['negers', 'negerin', 'negertje'] },
  { term: 'nikker', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['nikkers', 'nigger'] },
  { term: 'zwartjoekel', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['zwartjoekels', 'roetmop', 'bosneger'] },
  { term: 'makak', category: 'discrimination', severity: 0.85, role: 'slur', languageOnly: true, variants: ['makakken'] },
  { term: 'geitenneuker', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['geitenneukers'] },
  { term: 'spleetoog', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['spleetogen'] },
  { term: 'flikker', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['flikkers', 'homoflikker'] },
  { term: 'mietje', category: 'discrimination', severity: 0.6, role: 'slur' },
  { term: 'lesbo', category: 'discrimination', severity: 0.65, role: 'slur' },
  { term: 'mongool', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['mongolen', 'mongooltje', 'mongol'] },
  { term: 'spast', category: 'discrimination', severity: 0.75, role: 'slur', variants: ['spasten', 'spastje'] },
  { term: 'zigeuner', category: 'discrimination', severity: 0.6, role: 'slur', variants: ['zigeuners'] },
  { term: 'mof', category: 'discrimination', severity: 0.55, role: 'slur', languageOnly: true, variants: ['moffen'] },
];

const GROUPS =
  '(?:marokkaan|marokkanen|turk|turken|buitenlander|buitenlanders|allochtoon|allochtonen|zwarte|zwarten|surinamer|surinamers|antilliaan|antillianen|jood|joden|moslim|moslims|homo|homos|lesbienne|pool|polen|roemeen|roemenen|vluchteling|vluchtelingen|asielzoeker|asielzoekers|gelukzoeker|gelukzoekers|chinees|chinezen|afrikaan|arabier|arabieren|gehandicapte|transgender|aap|apen|neger|negers|wijf|wijven)';
const HATE_ADJECTIVES = '(?:vuile|vieze|smerige|stomme|domme|achterlijke|gore|kut|kanker|tering|tyfus|klere|rot|fucking)';
const YOU = '(?:je|jou|jij|u|jullie)';

const patterns: PatternRule[] = [
  // Threats against the agent, the company or the building.
  { id: 'nl.threat.kill', kind: 'threat', severity: 0.95, negatable: true, triggers: ['maak', 'vermoord', 'vermoorden', 'afmaken', 'kapot', 'dood', 'neer', 'mes'], pattern: new RegExp(`\\bik (?:ga |zal |kom )?${YOU} (?:even )?(?:vermoorden|afmaken|doodmaken|doodslaan|doodsteken|doodschieten|neersteken|neerschieten|kapotmaken|kapot maken|in elkaar slaan|lek steken|wat aandoen|pijn doen)\\b|\\bik (?:maak|vermoord|sla|steek|schiet) ${YOU} (?:af|kapot|dood|neer|in elkaar|lek)\\b|\\bik vermoord ${YOU}\\b`) },
  { id: 'nl.threat.know-address', kind: 'threat', severity: 0.9, negatable: true, triggers: ['woont', 'woon', 'woonplaats', 'adres'], pattern: new RegExp(`\\bik weet (?:heus |precies |echt )?(?:waar ${YOU} (?:woont|woon|werkt|werken|wonen)|${YOU}w? (?:adres|woonplaats))\\b`) },
  { id: 'nl.threat.come-armed', kind: 'threat', severity: 0.95, negatable: true, triggers: ['mes', 'pistool', 'geweer', 'wapen', 'bom', 'knuppel', 'vuurwerk', 'honkbalknuppel', 'benzine'], pattern: /\bik (?:kom|ga|zal|sta)\b[a-z ]{0,50}\bmet (?:een |mijn |m n |het )?(?:mes|pistool|geweer|wapen|bom|knuppel|honkbalknuppel|vuurwerk|benzine|vrienden)\b/ },
  { id: 'nl.threat.bomb', kind: 'threat', severity: 0.95, negatable: true, triggers: ['bom', 'opblazen', 'blaas', 'explosief', 'explosieven'], pattern: /\b(?:er (?:ligt|zit|staat) een bom|een bom (?:in|bij|onder|op)|(?:ik )?blaas\b[a-z ]{0,30}\bop|(?:gaan|ga|zal|wil|kan)\b[a-z ]{0,30}\bopblazen|opblazen van (?:het|jullie)|explosieven? (?:in|bij|onder))\b/ },
  { id: 'nl.threat.arson', kind: 'threat', severity: 0.9, negatable: true, triggers: ['brand', 'fik', 'afbranden', 'platbranden'], pattern: /\b(?:ik )?(?:steek|zet|ga|zal)\b[a-z ]{0,40}\b(?:in (?:de )?brand|in de fik|afbranden|platbranden)\b/ },
  { id: 'nl.threat.doom', kind: 'threat', severity: 0.8, negatable: true, triggers: ['eraan', 'geweest', 'halen', 'vinden', 'opwachten', 'regretten', 'spijt', 'pas', 'rug'], pattern: new RegExp(`\\b(?:${YOU} (?:gaat|gaan) eraan|${YOU} (?:bent|is|zijn) (?:er )?geweest|ik kom ${YOU} halen|ik (?:zal|ga) ${YOU} (?:vinden|opwachten|pakken)|ik wacht ${YOU} op|${YOU} (?:gaat|zult|zal) hier spijt van krijgen|kijk maar uit|pas (?:maar )?op je tellen|kijk achter je rug)\\b`) },
  // Discrimination beyond single slurs.
  { id: 'nl.discrimination.group-insult', kind: 'discrimination', severity: 0.85, negatable: false, triggers: ['vuile', 'vieze', 'smerige', 'stomme', 'domme', 'achterlijke', 'gore', 'kut', 'kanker', 'tering', 'tyfus', 'klere', 'rot', 'fucking'], pattern: new RegExp(`\\b${HATE_ADJECTIVES} ?${GROUPS}\\b`) },
  { id: 'nl.discrimination.go-home', kind: 'discrimination', severity: 0.8, negatable: true, triggers: ['land', 'landje'], pattern: /\b(?:ga|rot|oprotten|moet|moeten|moeten jullie|terug)\b[a-z ]{0,20}\b(?:naar|in) (?:je|jullie|jouw|u|uw) (?:eigen )?(?:land|landje)\b/ },
  { id: 'nl.discrimination.want-native', kind: 'discrimination', severity: 0.6, negatable: true, triggers: ['nederlander', 'blanke', 'witte', 'hollander', 'belg', 'vlaming', 'normaal', 'gewoon'], pattern: /\b(?:geef|wil|mag|verbind)\b[a-z ]{0,20}\b(?:een (?:echte |normale )?(?:nederlander|hollander|blanke|witte|vlaming|belg)|iemand die (?:gewoon |normaal |echt )?nederlands (?:praat|spreekt|kan))\b/ },
  { id: 'nl.discrimination.sexist', kind: 'discrimination', severity: 0.75, negatable: true, triggers: ['keuken', 'aanrecht', 'man', 'vrouw', 'vrouwen', 'wijf'], pattern: /\b(?:(?:vrouwen|wijven) (?:horen|moeten|hoort) (?:in de keuken|achter het aanrecht|thuis)|(?:terug )?naar (?:de keuken|het aanrecht)|geef (?:me|mij) (?:een|maar een) (?:man|vent|echte man)|ik (?:praat|spreek) niet (?:met|tegen) (?:een |vrouwen|wijven)(?:vrouw|wijf)?)\b/ },
  // Sex callers: phrases addressed to the agent.
  { id: 'nl.sexual.caller', kind: 'sexual', severity: 0.85, negatable: false, triggers: ['aan', 'draag', 'trek', 'trekken', 'geil', 'zuig', 'neuken', 'tieten', 'borsten', 'naakt', 'naaktfoto', 'nudes', 'stijve', 'kont', 'pijp', 'lul', 'pik', 'piemel', 'klaar'], pattern: new RegExp(`\\b(?:wat (?:heb|draag) ${YOU} (?:nu |nou )?aan|wat draag ${YOU}|ik (?:zit |lig )?(?:me|mezelf) af te trekken|ik trek (?:me|mezelf) (?:af|aan)|ik ben (?:zo |echt |heel )?geil|${YOU} (?:klinkt|bent) (?:zo |echt )?geil|zuig (?:mijn|m n|aan mijn) (?:lul|pik|piemel)|pijp (?:me|mij)|wil ${YOU} (?:met mij |met me )?neuken|ik wil ${YOU} neuken|(?:laat|stuur)\\b[a-z ]{0,15}\\b(?:tieten|borsten|kont|naaktfoto|naaktfotos|nudes)|hoe groot (?:zijn|is) ${YOU}w? (?:tieten|borsten|kont)|ik heb een stijve|ik kom (?:zo )?klaar)\\b`) },
  // Pranks: the pizza order is the classic on free helplines.
  { id: 'nl.spam.prank', kind: 'spam', severity: 0.6, negatable: true, triggers: ['pizza', 'prank', 'grap', 'geintje'], pattern: /\b(?:(?:ik wil|ik wou|mag ik|kan ik|wil graag|bestel|bestellen)\b[a-z ]{0,15}\bpizza|pizza (?:bestellen|bezorgen|graag)|dit is (?:een|maar een) (?:prank|grap|geintje)|prank ?call)\b/ },
  // Care signals: a disclosure, never a sanction.
  { id: 'nl.care.self-harm', kind: 'self_harm', severity: 0.9, triggers: ['dood', 'zelfmoord', 'suicide', 'leven', 'mezelf', 'mijzelf', 'eind', 'einde', 'snijd', 'kras', 'zelfbeschadiging', 'sterven'], pattern: /\b(?:ik wil (?:echt |gewoon )?(?:dood|sterven)|zelfmoord|suicide|suicidaal|zelfbeschadiging|(?:wil|kan) (?:niet meer|nie meer) (?:leven|verder)|(?:mezelf|mijzelf) (?:iets aandoen|van kant maken|snijden|pijn doen|krassen|ophangen)|ik (?:snijd|kras|sny) (?:mezelf|mijzelf|in mijn)|ik maak mezelf af|er een (?:eind|einde) aan (?:maken|te maken)|niet meer wakker (?:worden|te worden))\b/ },
  { id: 'nl.care.abuse-disclosure', kind: 'abuse_disclosure', severity: 0.8, triggers: ['gepest', 'pesten', 'pest', 'slaat', 'sloeg', 'geslagen', 'misbruikt', 'aangerand', 'verkracht', 'uitgescholden', 'uitgemaakt', 'schelden', 'scheldt'], pattern: /\b(?:ik (?:word|werd|wordt) (?:\w+ )?(?:gepest|geslagen|misbruikt|aangerand|verkracht|uitgescholden|uitgemaakt|bedreigd)|(?:ze|zij|hij|men|iedereen) (?:pesten|pest|pestte|pestten|slaat|sloeg|schelden|scheldt) (?:me|mij)|(?:mijn )?(?:vader|moeder|stiefvader|stiefmoeder|broer|zus|oom|opa|vriend|ex) (?:slaat|sloeg|schopt|misbruikt) (?:me|mij))\b/ },
];

export const NL_LEXICON: LanguageLexicon = {
  language: 'nl',
  terms,
  patterns,
  markers: {
    reportedBefore: [
      /\b(?:noemen|noemt|noemden|noemde|schelden|scheldt|schold|scholden|maken|maakt|maakten|maakte) (?:me|mij|hem|haar|ons)(?: \w+)? (?:uit )?(?:voor|een)?/,
      /\b(?:word|werd|wordt|worden|werden) (?:\w+ )?(?:uitgescholden|uitgemaakt|genoemd)\b/,
      /\b(?:hij|zij|ze|iemand|men|mensen|die|jongens|meisjes|kinderen|klasgenoten|leraar|juf|meester|mijn \w+) (?:zei|zeiden|zegt|zeggen|riep|riepen|roept|roepen|schreef|schreven|schrijft|stuurde|stuurden|stuurt|appte|appten|typte)\b/,
      /\bzei (?:tegen|dat)\b/,
      /\b(?:is|was) het (?:normaal|erg|ok|oke|goed|strafbaar|toegestaan) (?:dat|als)\b/,
      /\b(?:mag|mogen) (?:iemand|je|jij|hij|zij|ze|mensen|een \w+)\b/,
      /\bwat (?:betekent|betekend|is een)\b/,
      /\bik (?:word|werd) gepest\b/,
    ],
    reportedAfter: [
      /\b(?:mag|mogen) (?:dat|dit|ze|hij|zij) (?:zomaar|zeggen)?/,
      /\bis (?:dat|dit) (?:normaal|erg|toegestaan|strafbaar|ok|oke|discriminatie|pesten)\b/,
      /\btegen (?:me|mij|je|hem|haar) (?:zeggen|zei|roepen|riep)\b/,
      /\bwat (?:moet|kan) ik (?:doen|daarmee)\b/,
    ],
    counterSpeech: [/\b(?:stop|hou op|houd op|kap) met\b/, /\bniet (?:meer )?(?:schelden|vloeken|zeggen)\b/, /\bzeg (?:geen|niet)\b/],
    education: [
      /\b(?:is het|is dat) (?:normaal|erg|gezond|gevaarlijk|slecht) (?:dat|als|om)\b/,
      /\b(?:vraag|vragen) over (?:seks|sex|seksualiteit|mijn lichaam)\b/,
      /\b(?:mag|kan) ik (?:al|nog|zwanger)\b/,
      /\bben ik (?:zwanger|nog maagd|normaal)\b/,
      /\bhoe (?:weet|voelt|werkt|doe|moet)\b/,
      /\b(?:voor|na) (?:de )?eerste keer\b/,
    ],
    medicalBefore: ['heeft', 'heb', 'had', 'hebben', 'hadden', 'kreeg', 'kregen', 'gekregen', 'met', 'tegen', 'aan', 'van', 'door', 'overleden', 'soort', 'vorm', 'bestrijden', 'genezen', 'behandeling', 'longen', 'borst', 'darm'],
    medicalAfter: ['patient', 'patienten', 'gehad', 'behandeling', 'diagnose', 'onderzoek', 'overleden', 'genezen', 'vrij', 'gevonden', 'ontdekt', 'uitgezaaid'],
    negators: ['niet', 'geen', 'nooit', 'nee', 'niemand', 'niks', 'nergens', 'allerminst'],
  },
  stopwords: ['ik', 'je', 'jij', 'het', 'de', 'een', 'is', 'niet', 'dat', 'en', 'van', 'met', 'mijn', 'wat', 'zijn', 'heb', 'ben', 'jullie', 'wil', 'maar', 'ook', 'hoe', 'waarom', 'op', 'naar', 'dit', 'er', 'nog', 'geen', 'mag', 'kan', 'hij', 'ze', 'wij', 'u', 'uw'],
  baseExclusions: [
    'anita', 'asbak', 'aso', 'balen', 'bekken', 'beurt', 'boemelen', 'brugpieper', 'buffelen', 'de ballen', 'del', 'de hond uitlaten', 'de koffer induiken', 'de pijp uitgaan', 'driehoog achter wonen', 'engerd', 'gadverdamme', 'gat', 'gedoogzone', 'graftak', 'gras maaien', 'griet', 'hoempert', 'hol', 'huisdealer', 'johny', 'kanen', 'knor', 'kont', 'krentekakker', 'kwakkie', 'lummel', 'matje', 'muts', 'naaien', 'naakt', 'nicht', 'paal', 'palen', 'penoze', 'piesen', 'poep', 'poepen', 'poot', 'pot', 'potverdorie', 'publiciteitsgeil', 'raaskallen', 'remsporen', 'reutelen', 'schatje', 'spuiten', 'standje', 'stootje', 'sufferd', 'toeter', 'tongzoeng', 'vergallen', 'watje', 'welzijnsmafia', 'wippen', 'zaadje', 'zeiken', 'zuigen', 'zuiplap', 'aftrekken', 'pijpen', 'pik', 'bedonderen', 'belazeren', 'klooien', 'lul-de-behanger', 'voor jan lul', 'voor jan-met-de-korte-achternaam', 'reet trappen, voor zijn', 'slempen', 'flikken', 'stront', 'schijten', 'schijt', 'drol', 'afrossen', 'opzouten', 'aardappels afgieten', 'achter het raam zitten', 'een halve man en een paardekop', 'klootjesvolk', 'lummel', 'mafketel', 'trottoir prostituée', 'hoerenbuurt', 'boerenpummel', 'broekhoesten', 'bagger schijten', 'buiten de pot piesen',
  ],
  baseDefault: { category: 'swearing', severity: 0.55, role: 'expletive' },
  compoundAllowlist: [
    'kankeronderzoek', 'kankerpatient', 'kankerpatienten', 'kankerbestrijding', 'kankercel', 'kankercellen', 'kankerverwekkend', 'kankerverwekkende', 'kankerfonds', 'kankerbehandeling', 'kankerdiagnose', 'kankerrisico', 'kankersoort', 'kankersoorten', 'kankerscreening', 'kankerregistratie', 'kankercentrum', 'kankerinstituut', 'kankerlijn', 'kankergezwel',
    'kuttekoven', 'kutter', 'kutters', 'kuttel',
    'teringbestrijding', 'tyfusvacc', 'tyfusbacterie', 'tyfusepidemie', 'kleren', 'klerenkast', 'pleurisaanval',
    'hoera', 'hoeraatje', 'hoerastemming',
    'neukirchen',
  ],
};
