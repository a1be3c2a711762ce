import type { LanguageLexicon, LexiconTerm, PatternRule } from './lexicon.types.js';

/**
 * French (Belgium and France). Curated on top of the LDNOOBW `fr` list, which holds words that are
 * ordinary in a helpline chat ("gueule" de bois, "chiottes", "pipi", "clitoris", "meuf").
 * Accents are folded before matching, so entries are written without them.
 */
const terms: LexiconTerm[] = [
  { term: 'merde', category: 'swearing', severity: 0.6, role: 'expletive', variants: ['merdes', 'mrd', 'merdique', 'merdeux', 'merdeuse'] },
  { term: 'putain', category: 'swearing', severity: 0.6, role: 'expletive', variants: ['ptn', 'putin', 'ptain', 'putaing'] },
  { term: 'bordel', category: 'swearing', severity: 0.5, role: 'expletive', variants: ['bordel de merde'] },
  { term: 'fait chier', category: 'swearing', severity: 0.6, role: 'expletive', variants: ['fais chier', 'me fait chier', 'faites chier', 'chier'] },
  { term: 'va te faire foutre', category: 'swearing', severity: 0.85, role: 'insult', variants: ['allez vous faire foutre', 'va te faire enculer', 'va te faire voir', 'vtff'] },
  { term: 'ta gueule', category: 'swearing', severity: 0.7, role: 'insult', variants: ['ferme ta gueule', 'fermez vos gueules', 'ftg', 'tg', 'ta geule'] },
  { term: 'nique ta mere', category: 'swearing', severity: 0.9, role: 'insult', variants: ['ntm', 'nique ta race', 'nique ta mer', 'niquer ta mere', 'je nique ta mere', 'nique', 'niquer'] },
  { term: 'fils de pute', category: 'swearing', severity: 0.9, role: 'insult', variants: ['fdp', 'fils de putain', 'fille de pute', 'la putain de ta mere'] },
  { term: 'encule', category: 'swearing', severity: 0.85, role: 'insult', variants: ['enculee', 'enculer', 'enculeur', 'enculeurs', 'encules'] },
  { term: 'connard', category: 'swearing', severity: 0.75, role: 'insult', variants: ['connards', 'connasse', 'connasses', 'conard', 'konnard'] },
  { term: 'con', category: 'swearing', severity: 0.55, role: 'insult', languageOnly: true, variants: ['conne', 'connes', 'cons'] },
  { term: 'salaud', category: 'swearing', severity: 0.7, role: 'insult', variants: ['salauds', 'salopard', 'saloperie'] },
  { term: 'salope', category: 'swearing', severity: 0.8, role: 'insult', variants: ['salopes', 'salop'] },
  { term: 'pute', category: 'swearing', severity: 0.8, role: 'insult', variants: ['putes', 'pouffiasse', 'pouffiasses', 'grognasse', 'grogniasse', 'garce'] },
  { term: 'enfoire', category: 'swearing', severity: 0.75, role: 'insult', variants: ['enfoiree', 'enfoires'] },
  { term: 'batard', category: 'swearing', severity: 0.7, role: 'insult', variants: ['batards', 'batarde'] },
  { term: 'abruti', category: 'swearing', severity: 0.55, role: 'insult', variants: ['abrutie', 'abrutis'] },
  { term: 'cretin', category: 'swearing', severity: 0.5, role: 'insult', variants: ['cretine', 'cretins'] },
  { term: 'debile', category: 'swearing', severity: 0.55, role: 'insult', variants: ['debiles'] },
  { term: 'imbecile', category: 'swearing', severity: 0.5, role: 'insult', variants: ['imbeciles', 'idiot', 'idiote', 'idiots'] },
  { term: 'branleur', category: 'swearing', severity: 0.6, role: 'insult', variants: ['branleuse', 'branleurs'] },
  { term: 'emmerdeur', category: 'swearing', severity: 0.55, role: 'insult', variants: ['emmerdeuse', 'emmerdeurs', 'emmerde'] },
  { term: 'trou du cul', category: 'swearing', severity: 0.75, role: 'insult', variants: ['trouduc', 'sac a merde', 'tete de noeud'] },
  { term: 'casse couilles', category: 'swearing', severity: 0.6, role: 'insult', variants: ['casse couille'] },
  { term: 'bouffon', category: 'swearing', severity: 0.5, role: 'insult', variants: ['bouffons', 'tocard', 'tocards'] },
  // Sexual language; clinical words (sexe, vagin, penis, enceinte, clitoris) are absent on purpose.
  { term: 'bite', category: 'sexual', severity: 0.65, role: 'vulgar', languageOnly: true, variants: ['bites', 'zob', 'teub'] },
  { term: 'chatte', category: 'sexual', severity: 0.7, role: 'vulgar', languageOnly: true, variants: ['teuch', 'cramouille'] },
  { term: 'branlette', category: 'sexual', severity: 0.7, role: 'vulgar', variants: ['branler', 'branle', 'branlage', 'palucher'] },
  { term: 'sucer', category: 'sexual', severity: 0.6, role: 'vulgar', variants: ['suce moi', 'suce ma', 'turlute'] },
  { term: 'baise moi', category: 'sexual', severity: 0.8, role: 'vulgar', variants: ['je vais te baiser', 'je veux te baiser', 'on baise', 'baiser avec moi', 'tringler', 'troncher'] },
  { term: 'nichons', category: 'sexual', severity: 0.6, role: 'vulgar', variants: ['nibards', 'nibars', 'lolos'] },
  // Slurs.
  { term: 'negre', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['negres', 'negresse', 'negro', 'negros', 'negrillon'] },
  { term: 'bougnoule', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['bougnoules', 'bicot', 'bicots', 'crouille'] },
  { term: 'youpin', category: 'discrimination', severity: 0.95, role: 'slur', variants: ['youpins', 'youpine'] },
  { term: 'bamboula', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['bamboulas'] },
  { term: 'macaque', category: 'discrimination', severity: 0.8, role: 'slur', languageOnly: true, variants: ['macaques'] },
  { term: 'pede', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['pedes', 'pd', 'tarlouze', 'tarlouzes', 'tantouze', 'fiotte'] },
  { term: 'gouine', category: 'discrimination', severity: 0.8, role: 'slur', variants: ['gouines'] },
  { term: 'mongol', category: 'discrimination', severity: 0.75, role: 'slur', languageOnly: true, variants: ['mongols', 'gogol', 'gogols', 'triso'] },
  { term: 'chinetoque', category: 'discrimination', severity: 0.9, role: 'slur', variants: ['chinetoques', 'niakoue'] },
];

const GROUPS =
  '(?:arabe|arabes|noir|noirs|noire|juif|juifs|juive|musulman|musulmans|musulmane|etranger|etrangers|etrangere|immigre|immigres|chinois|roumain|roumains|gitan|gitans|race|homo|homos|pd|gay|tapette|pedale|handicape|handicapes|femme|femmes|bougnoule|negre|africain|africains|marocain|marocains|turc|turcs|belge|flamand|flamands)';
const YOU = '(?:te|vous|t)';

const patterns: PatternRule[] = [
  { id: 'fr.threat.kill', kind: 'threat', severity: 0.95, negatable: true, triggers: ['tuer', 'tue', 'buter', 'crever', 'defoncer', 'massacrer', 'egorger', 'planter', 'demonter', 'peau', 'gueule', 'flinguer', 'mort', 'morts', 'retrouver', 'frapper', 'casser'], pattern: new RegExp(`\\bje (?:vais |veux |vai |v )?${YOU} (?:tuer|buter|crever|defoncer|massacrer|egorger|planter|demonter|flinguer|frapper|retrouver|casser la gueule|peter la gueule|faire la peau|faire du mal|saigner)\\b|\\bje ${YOU} (?:tue|bute|creve|defonce|massacre|egorge|retrouverai|trouverai)\\b|\\bje vais (?:tous )?vous (?:tuer|buter)\\b|\\b(?:t es|tu es|vous etes|t est) (?:un homme )?morts?\\b`) },
  { id: 'fr.threat.know-address', kind: 'threat', severity: 0.9, negatable: true, triggers: ['habites', 'habitez', 'habite', 'adresse', 'travailles', 'travaillez'], pattern: /\bje (?:sais|connais) (?:tres bien |tres bien )?(?:ou (?:tu |vous )?(?:habites|habitez|habite|travailles|travaillez|vis|vivez)|ton adresse|votre adresse)\b/ },
  { id: 'fr.threat.come-armed', kind: 'threat', severity: 0.95, negatable: true, triggers: ['arme', 'couteau', 'flingue', 'fusil', 'pistolet', 'bombe', 'batte', 'kalach', 'essence'], pattern: /\bje (?:vais|viens|viendrai|passe|passerai|debarque|reviens)\b[a-z ]{0,50}\bavec (?:un |une |mon |ma |des )?(?:arme|armes|couteau|flingue|fusil|pistolet|bombe|batte|kalach|essence|potes)\b/ },
  { id: 'fr.threat.bomb', kind: 'threat', severity: 0.95, negatable: true, triggers: ['bombe', 'sauter', 'explosif', 'explosifs'], pattern: /\b(?:il y a une bombe|une bombe (?:dans|chez|sous|a)|(?:je vais|on va|je veux) (?:tout )?faire sauter|faire sauter (?:votre|vos|le|la|l|ton)|explosifs? (?:dans|chez|sous))\b/ },
  { id: 'fr.threat.arson', kind: 'threat', severity: 0.9, negatable: true, triggers: ['feu', 'bruler', 'incendier'], pattern: /\bje (?:vais|veux|viens)\b[a-z ]{0,30}\b(?:mettre le feu|bruler|incendier)\b/ },
  { id: 'fr.threat.doom', kind: 'threat', severity: 0.8, negatable: true, triggers: ['regretter', 'payer', 'gaffe', 'attention', 'trouver', 'attendre', 'sortie'], pattern: /\b(?:tu vas|vous allez) le (?:regretter|payer)|fais gaffe a toi|faites gaffe a vous|je vais (?:te|vous) (?:trouver|attendre a la sortie)|je t attends a la sortie\b/ },
  { id: 'fr.discrimination.group-insult', kind: 'discrimination', severity: 0.85, negatable: false, triggers: ['sale', 'sales', 'espece', 'putain', 'connard', 'connasse'], pattern: new RegExp(`\\b(?:sales? |espece de |putain de |connard de |connasse de )${GROUPS}\\b`) },
  { id: 'fr.discrimination.go-home', kind: 'discrimination', severity: 0.8, negatable: true, triggers: ['pays', 'bled'], pattern: /\b(?:retourne|retournez|rentre|rentrez|repars|repartez|dégage|degage|degagez)\b[a-z ]{0,15}\b(?:dans|a|au|en) (?:ton|votre|vos) (?:pays|bled)\b|\bretourne au bled\b/ },
  { id: 'fr.discrimination.want-native', kind: 'discrimination', severity: 0.6, negatable: true, triggers: ['francais', 'belge', 'blanc', 'homme', 'normalement'], pattern: /\b(?:passez moi|passe moi|je veux parler a|donnez moi)\b[a-z ]{0,10}\b(?:un (?:vrai )?(?:francais|belge|blanc|homme)|quelqu un qui parle (?:normalement|bien) francais)\b/ },
  { id: 'fr.discrimination.sexist', kind: 'discrimination', severity: 0.75, negatable: true, triggers: ['cuisine', 'vaisselle', 'femme', 'femmes', 'bonne'], pattern: /\b(?:les femmes (?:a la cuisine|au foyer|a la vaisselle)|retourne (?:a la|dans ta) cuisine|je (?:ne )?parle pas (?:a|avec) (?:une |des )?(?:femme|femmes|bonne femme))\b/ },
  { id: 'fr.sexual.caller', kind: 'sexual', severity: 0.85, negatable: false, triggers: ['portes', 'porte', 'branle', 'suce', 'sucer', 'baiser', 'seins', 'nue', 'nues', 'photo', 'bander', 'bande', 'jouis'], pattern: /\b(?:tu portes quoi|qu est ce que tu portes|vous portez quoi|je me branle|je bande|suce (?:moi|ma)|tu veux (?:me )?sucer|je veux te (?:baiser|sucer)|montre (?:moi )?tes (?:seins|fesses)|envoie (?:moi )?(?:une )?photo (?:de toi )?nue?|tes seins sont|je jouis)\b/ },
  { id: 'fr.spam.prank', kind: 'spam', severity: 0.6, negatable: true, triggers: ['pizza', 'blague', 'prank', 'canular'], pattern: /\b(?:(?:je voudrais|je veux|commander|livrer)\b[a-z ]{0,15}\bpizza|c est (?:une|juste une) (?:blague|prank|canular)|appel canular)\b/ },
  { id: 'fr.care.self-harm', kind: 'self_harm', severity: 0.9, triggers: ['mourir', 'suicider', 'suicide', 'tuer', 'scarifie', 'coupe', 'mutile', 'mal', 'finir', 'vivre', 'disparaitre'], pattern: /\b(?:je veux (?:mourir|disparaitre|en finir)|me suicider|suicide|suicidaire|je vais me tuer|je veux me tuer|je me (?:scarifie|mutile|coupe|fais du mal)|en finir avec (?:la vie|tout)|(?:plus|pas) envie de vivre)\b/ },
  { id: 'fr.care.abuse-disclosure', kind: 'abuse_disclosure', severity: 0.8, triggers: ['harcele', 'harcelee', 'harcelent', 'frappe', 'bat', 'battu', 'battue', 'viole', 'violee', 'moque', 'moquent', 'insulte', 'insultent', 'traite', 'traitent'], pattern: /\b(?:je suis (?:\w+ )?(?:harcele|harcelee|battu|battue|viole|violee|insulte|insultee)|(?:on|ils|elles) me (?:harcele|harcelent|frappe|frappent|tape|tapent|insulte|insultent|traite|traitent)|on se moque de moi|(?:mon|ma) (?:pere|mere|beau pere|frere|copain) me (?:frappe|bat|tape))\b/ },
];

export const FR_LEXICON: LanguageLexicon = {
  language: 'fr',
  terms,
  patterns,
  markers: {
    reportedBefore: [
      /\b(?:m a|m ont|me|nous a|l a|les a|m avait) (?:traite|traitee|traites|traitees|appele|appelee|appelle|appellent|insulte|insultee|dit|ecrit|envoye|crie|lance)\b/,
      /\b(?:me|m) (?:traite|traitent|traitait|appelle|appellent|insulte|insultent) (?:de|d)?/,
      /\b(?:il|elle|ils|elles|on|quelqu un|mon \w+|ma \w+|le prof|la prof) (?:a|ont|avait) (?:dit|ecrit|crie)\b/,
      /\b(?:est ce (?:que c est |qu il est )?normal|c est normal|a t (?:il|elle|on) le droit|ont ils le droit|on a le droit de dire|est ce qu on peut dire)\b/,
      /\b(?:que veut dire|ca veut dire quoi|qu est ce que veut dire|que signifie)\b/,
      /\bje suis harcelee?\b/,
    ],
    reportedAfter: [
      /\b(?:c est|est ce) (?:normal|grave|permis|autorise|legal|du harcelement|raciste)\b/,
      /\b(?:il|elle|on|ils) (?:a|ont) le droit\b/,
      /\bqu est ce que je (?:dois|peux) faire\b/,
    ],
    counterSpeech: [/\b(?:arrete|arretez|arreter) (?:de|d)\b/, /\bpas de gros mots\b/, /\bne (?:dis|dites) pas\b/],
    education: [
      /\best ce (?:que c est |qu il est )?(?:normal|grave|dangereux)\b/,
      /\bquestions? sur (?:le |la |les )?(?:sexe|sexualite|mon corps)\b/,
      /\b(?:suis je|je suis peut etre|est ce que je suis) enceinte\b/,
      /\best ce que je peux\b/,
      /\bcomment (?:on |savoir|je sais|faire)\b/,
      /\bpremiere fois\b/,
    ],
    medicalBefore: [],
    medicalAfter: [],
    negators: ['ne', 'pas', 'jamais', 'aucun', 'aucune', 'non', 'rien', 'n', 'personne'],
  },
  stopwords: ['quel', 'quelle', 'je', 'tu', 'il', 'le', 'la', 'les', 'un', 'une', 'des', 'est', 'pas', 'que', 'qui', 'et', 'de', 'du', 'mon', 'ma', 'vous', 'nous', 'ce', 'c', 'j', 'suis', 'avec', 'pour', 'dans', 'mais', 'ou', 'quoi', 'comment', 'pourquoi', 'votre', 'ton', 'ai', 'me', 'te', 'au', 'aux', 'en'],
  baseExclusions: [
    'baiser', 'bander', 'bigornette', 'bitte', 'bloblos', 'bourre', 'bourree', 'brackmard', 'brouter le cresson', 'caca', 'chiasse', 'chiottes', 'clito', 'clitoris', 'cul', 'deconne', 'deconner', 'emmerdant', 'emmerder', 'etron', 'folle', 'gerbe', 'gerber', 'grande folle', 'gueule', 'jouir', 'malpt', 'menage a trois', 'meuf', 'peter', 'pipi', 'pisser', 'pousse-crotte', 'ramoner', 'suce', 'tapette', 'tanche', 'trique', 'zigounette', 'zizi', 'sac a foutre', 'pedale', 'couilles',
  ],
  baseDefault: { category: 'swearing', severity: 0.55, role: 'expletive' },
  compoundAllowlist: [],
};
