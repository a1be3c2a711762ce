import { matchCandidates, type Candidate } from './candidate.js';

const UPPER_WORD = String.raw`\p{Lu}[\p{L}'’-]*(?![\p{L}\p{N}])`;
const PARTICLE = String.raw`(?:van|de|der|den|het|ter|ten|la|le|les|du|des|d'|l'|of|the)`;
const HOUSE_NUMBER = String.raw`\d{1,4}(?:[ -]?[a-zA-Z](?![\p{L}]))?(?:\s?(?:bus|bte|boîte|b)\s?\d{1,4})?`;
/** Dutch and Flemish street names end in a street word: Kerkstraat, Stationsplein, Meir, Grote Markt. */
const NL_STREET_SUFFIX = String.raw`(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steenweg|lei|dreef|hof|markt|pad|baan|park|kaai|vest|wal|veld|berg|dam|poort|ring|straatweg)`;
const NL_STREET = new RegExp(
  String.raw`(?<![\p{L}])(?:${UPPER_WORD}\s(?:${PARTICLE}\s)*){0,3}(?:\p{Lu}[\p{L}'’-]*)?${NL_STREET_SUFFIX}\s${HOUSE_NUMBER}(?![\p{L}\d])`,
  'gu',
);
/** French street types; "rue de la Loi 16" (Belgian order) and "16 rue de la Loi" (French order). */
const FR_TYPE = String.raw`(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]d|[Pp]lace|[Cc]haussée|[Cc]hemin|[Aa]llée|[Qq]uai|[Ii]mpasse|[Rr]oute|[Ss]quare|[Cc]ours)`;
const FR_NAME = String.raw`(?:(?:de la|de l'|du|des|de|d'|l')\s?)?${UPPER_WORD}(?:\s(?:${PARTICLE}\s?)?${UPPER_WORD}){0,3}`;
const FR_STREET_NUMBER_AFTER = new RegExp(String.raw`(?<![\p{L}])${FR_TYPE}\s${FR_NAME},?\s${HOUSE_NUMBER}(?![\p{L}\d])`, 'gu');
const FR_STREET_NUMBER_BEFORE = new RegExp(String.raw`(?<![\p{L}\d:.,])\d{1,4}(?:\s?(?:bis|ter))?,?\s${FR_TYPE}\s${FR_NAME}`, 'gu');
/** English: "12 Main Street", "221B Baker St". */
const EN_TYPE = String.raw`(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Way|Close|Court|Ct\.?|Place|Square|Terrace|Crescent|Gardens)`;
const EN_STREET = new RegExp(String.raw`(?<![\p{L}\d:.,])\d{1,5}[A-Za-z]?\s(?:${UPPER_WORD}\s){1,3}${EN_TYPE}(?![\p{L}])`, 'gu');
/** "1012 AB Amsterdam": a Dutch postcode is four digits and two capitals, then the city. */
const NL_POSTCODE_CITY = new RegExp(String.raw`(?<![\p{L}\d])[1-9]\d{3}\s?[A-Z]{2}(?![\p{L}])\s${UPPER_WORD}`, 'gu');
/** "1000 Brussel", "75001 Paris": only trusted right after a street (", " or a space between). */
const POSTCODE_CITY_AFTER_STREET = new RegExp(String.raw`^,?\s(?:[A-Z]-)?[1-9]\d{3,4}(?:\s?[A-Z]{2}(?![\p{L}]))?\s${UPPER_WORD}(?:[ -]${UPPER_WORD})?`, 'u');

/** Extends a street match over a following postcode and city, so the whole address is one span. */
function withPostcodeCity(text: string, candidate: Candidate): Candidate {
  const rest = text.slice(candidate.end);
  const tail = POSTCODE_CITY_AFTER_STREET.exec(rest);
  return tail ? { ...candidate, end: candidate.end + tail[0].length } : candidate;
}

export function detectAddresses(text: string): Candidate[] {
  const streets = [NL_STREET, FR_STREET_NUMBER_AFTER, FR_STREET_NUMBER_BEFORE, EN_STREET].flatMap((pattern) =>
    matchCandidates(text, pattern, 'address'),
  );
  return [...streets.map((street) => withPostcodeCity(text, street)), ...matchCandidates(text, NL_POSTCODE_CITY, 'address')];
}
