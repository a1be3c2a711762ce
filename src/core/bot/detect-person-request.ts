/**
 * Does the customer ask for a person (an agent, a human) rather than the bot? NL, FR and EN.
 * A request needs a verb of talking next to a person, or a message that is little more than
 * the person itself ("agent", "human please", "un conseiller svp"). A person named without
 * such a verb ("ik ben zelf medewerker van een bedrijf") is not a request.
 *
 * @example
 *   isPersonRequest('mag ik iemand spreken?'); // true
 *   isPersonRequest('ik ben zelf medewerker van een bedrijf'); // false
 */
export function isPersonRequest(text: string): boolean {
  const folded = fold(text);
  if (NEGATIONS.some((pattern) => pattern.test(folded))) return false;
  if (REQUESTS.some((pattern) => pattern.test(folded))) return true;
  return isBarePersonRequest(folded);
}

const PERSON = String.raw`(medewerk(st)?er|medewerkster|iemand|persoon|mens|agent|adviseur|operator|operateur|operatrice|human|person|someone|somebody|representative|advisor|adviser|quelqu'?un|conseill(er|ere)|humain|personne|vrai(e)? personne|real person)`;

const REQUESTS: readonly RegExp[] = [
  // nl: "ik wil een medewerker spreken", "mag ik iemand spreken", "kan ik met een mens praten", "verbind me door met een medewerker"
  new RegExp(String.raw`\b${PERSON}\b.{0,30}\b(spreken|praten|chatten|bellen|aan de lijn)\b`),
  new RegExp(String.raw`\b(spreken|praten|chatten|verbind|verbinden|doorverbinden)\b.{0,30}\b${PERSON}\b`),
  new RegExp(String.raw`\b(ik wil|ik wens|graag|liever)\b.{0,20}\b(een )?(medewerker|mens|echte persoon)\b`),
  // fr: "je veux parler à quelqu'un", "mettez-moi en relation avec un conseiller"
  new RegExp(String.raw`\b(parler|discuter|joindre|contacter|relation|passer)\b.{0,30}\b${PERSON}\b`),
  new RegExp(String.raw`\b(je veux|je voudrais|je souhaite)\b.{0,20}\b(un|une) (conseill(er|ere)|humain|agent|personne)\b`),
  // en: "can I talk to an agent", "connect me to a human", "I want a human"
  new RegExp(String.raw`\b(talk|speak|chat|connect|transfer|put me through)\b.{0,30}\b${PERSON}\b`),
  new RegExp(String.raw`\b(i want|i need|i'd like|give me)\b.{0,12}\b(a |an )?(human|agent|person|real person|representative)\b`),
];

const NEGATIONS: readonly RegExp[] = [
  /\bgeen (medewerker|mens|persoon)\b/,
  /\bniet met (een )?(medewerker|mens|iemand)\b/,
  /\b(don'?t|do not|never) (want|need) (to )?(talk|speak|an agent|a human)\b/,
  /\bne (veux|souhaite|voudrais) pas (parler|d'un|un|une)\b/,
];

const FILLER = new Set([
  'een', 'de', 'het', 'echte', 'echt', 'aub', 'graag', 'alstublieft', 'alsjeblieft', 'nu', 'eens', 'please', 'pls', 'plz', 'a', 'an', 'the', 'real', 'now',
  'un', 'une', 'vrai', 'vraie', 'svp', 'stp', "s'il", 'vous', 'plait', 'maintenant', 'merci', 'thanks', 'dank', 'u', 'je',
]);
const BARE_PERSON = new Set(['medewerker', 'mens', 'persoon', 'agent', 'operator', 'human', 'person', 'representative', 'conseiller', 'conseillere', 'humain', 'operateur', 'personne']);

/** "agent", "human please", "un conseiller svp": nothing but a person and politeness. */
function isBarePersonRequest(folded: string): boolean {
  const words = folded.split(/[^a-z']+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  return words.some((w) => BARE_PERSON.has(w)) && words.every((w) => BARE_PERSON.has(w) || FILLER.has(w));
}

/** Lower case, accents off, typographic apostrophes straightened, spaces collapsed. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
