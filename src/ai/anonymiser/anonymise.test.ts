import { describe, expect, it } from 'vitest';
import { anonymise } from './anonymise.js';

type Row = readonly [input: string, expected: string];

/** Dutch: redactions and look-alikes that must stay (amounts, dates, times, failing checksums, "Mei", "Bank"). */
const DUTCH: readonly Row[] = [
  ['Ik ben Jan van der Berg.', 'Ik ben [NAAM].'],
  ['Pieter De Smet belde gisteren.', '[NAAM] belde gisteren.'],
  ['Mijn naam is Verhoeven.', 'Mijn naam is [NAAM].'],
  ['Graag voor meneer van Dijk.', 'Graag voor meneer [NAAM].'],
  ['Bel me op 0471 12 34 56.', 'Bel me op [TELEFOON].'],
  ['Of op +32 471 12 34 56 of 02 123 45 67.', 'Of op [TELEFOON] of [TELEFOON].'],
  ['Mijn mobiel: 06-12345678 of +31 (0)6 1234 5678.', 'Mijn mobiel: [TELEFOON] of [TELEFOON].'],
  ['Mail naar jan.peeters@voorbeeld.be aub', 'Mail naar [E-MAIL] aub'],
  ['Rekening BE68 5390 0754 7034 graag.', 'Rekening [IBAN] graag.'],
  ['Rekening NL91ABNA0417164300.', 'Rekening [IBAN].'],
  ['Rijksregisternummer 85.07.30-033.28, klopt.', 'Rijksregisternummer [RIJKSREGISTERNUMMER], klopt.'],
  ['Mijn zoon: 05.03.15-123.67.', 'Mijn zoon: [RIJKSREGISTERNUMMER].'],
  ['BSN 111222333 graag wijzigen.', 'BSN [BSN] graag wijzigen.'],
  ['Ik woon in de Kerkstraat 12, 1000 Brussel.', 'Ik woon in de [ADRES].'],
  ['Adres: Stationsplein 5b, 1012 AB Amsterdam.', 'Adres: [ADRES].'],
  ['Kaart 4111 1111 1111 1111 is geblokkeerd.', 'Kaart [KAART] is geblokkeerd.'],
  ['Mijn IP is 192.168.10.20.', 'Mijn IP is [IP].'],
  ['Het bedrag was € 1.234,56 op 12-05-2024.', 'Het bedrag was € 1.234,56 op 12-05-2024.'],
  ['Om 14:30 of 10:30:45 ben ik thuis.', 'Om 14:30 of 10:30:45 ben ik thuis.'],
  ['Bestelnummer 123456789 is niet aangekomen.', 'Bestelnummer 123456789 is niet aangekomen.'],
  ['Kaart 4111 1111 1111 1112 is fout.', 'Kaart 4111 1111 1111 1112 is fout.'],
  ['Rekening BE68 5390 0754 7035 klopt niet.', 'Rekening BE68 5390 0754 7035 klopt niet.'],
  ['In Mei ga ik naar de Bank.', 'In Mei ga ik naar de Bank.'],
  ['Op 12 Jan 2024 en 01-02-2024 10:00.', 'Op 12 Jan 2024 en 01-02-2024 10:00.'],
];

const FRENCH: readonly Row[] = [
  ['Bonjour, je suis Marie Dubois.', 'Bonjour, je suis [NOM].'],
  ["Je m'appelle Lefèvre.", "Je m'appelle [NOM]."],
  ['Madame Le Goff a appelé.', 'Madame [NOM] a appelé.'],
  ['Pierre du Pont et Anne-Marie Lambert.', '[NOM] et [NOM].'],
  ['Mon numéro : 06 12 34 56 78.', 'Mon numéro : [TELEPHONE].'],
  ['Appelez le +33 6 12 34 56 78 ou le 0032 2 123 45 67.', 'Appelez le [TELEPHONE] ou le [TELEPHONE].'],
  ["J'habite rue de la Loi 16, 1000 Bruxelles.", "J'habite [ADRESSE]."],
  ["J'habite 16 rue de la Paix, 75001 Paris.", "J'habite [ADRESSE]."],
  ['IBAN FR14 2004 1010 0505 0001 3M02 606 svp', 'IBAN [IBAN] svp'],
  ['Numéro national 85073003328.', 'Numéro national [NUMERO_NATIONAL].'],
  ['Carte 5500-0000-0000-0004 bloquée.', 'Carte [CARTE] bloquée.'],
  ['Écrivez à marie.dubois@exemple.fr.', 'Écrivez à [E-MAIL].'],
  ['Le montant est de 1 234,56 € le 12/05/2024 à 14h30.', 'Le montant est de 1 234,56 € le 12/05/2024 à 14h30.'],
  ['Commande 987654321 en attente.', 'Commande 987654321 en attente.'],
  ['En Mai, à la Banque.', 'En Mai, à la Banque.'],
];

const ENGLISH: readonly Row[] = [
  ['My name is Oliver Smith.', 'My name is [NAME].'],
  ['Please ask Mrs. Thompson.', 'Please ask Mrs. [NAME].'],
  ['Emily Watson and James called.', '[NAME] and [NAME] called.'],
  ['I live at 12 Main Street.', 'I live at [ADDRESS].'],
  ['Call +44 20 7946 0958 today.', 'Call [PHONE] today.'],
  ['Card 4111 1111 1111 1111, thanks.', 'Card [CARD], thanks.'],
  ['Mail oliver.smith@example.com now', 'Mail [EMAIL] now'],
  ['From 2001:db8::1 and 10.0.0.1.', 'From [IP] and [IP].'],
  ['IBAN GB82 WEST 1234 5698 7654 32 please', 'IBAN [IBAN] please'],
  ['Order #A-2024-0017 of $1,234.56 on 12 Jan 2024 at 10:30.', 'Order #A-2024-0017 of $1,234.56 on 12 Jan 2024 at 10:30.'],
  ['Card 4111 1111 1111 1112 was refused.', 'Card 4111 1111 1111 1112 was refused.'],
  ['The version is 1.2.3 and 300.1.1.1 is no address.', 'The version is 1.2.3 and 300.1.1.1 is no address.'],
  ['In May I went to the Bank.', 'In May I went to the Bank.'],
];

describe('anonymise', () => {
  it.each(DUTCH)('does redact Dutch text as expected when given %j', (input, expected) => {
    expect(anonymise(input, { language: 'nl' }).text).toBe(expected);
  });

  it.each(FRENCH)('does redact French text as expected when given %j', (input, expected) => {
    expect(anonymise(input, { language: 'fr' }).text).toBe(expected);
  });

  it.each(ENGLISH)('does redact English text as expected when given %j', (input, expected) => {
    expect(anonymise(input, { language: 'en' }).text).toBe(expected);
  });

  it('does report kinds and input offsets when it redacts', () => {
    const input = 'Jan Peeters, BE68 5390 0754 7034';
    const { replacements } = anonymise(input);
    expect(replacements).toEqual([
      { kind: 'name', start: 0, end: 11 },
      { kind: 'iban', start: 13, end: input.length },
    ]);
  });

  it('does map name offsets back to the input when a number before the name was replaced', () => {
    const input = 'BE68 5390 0754 7034 van Jan Peeters';
    const name = anonymise(input).replacements.find((replacement) => replacement.kind === 'name');
    expect(name && input.slice(name.start, name.end)).toBe('Jan Peeters');
  });

  it('does use neutral English placeholders when no language is given', () => {
    expect(anonymise('Ik ben Jan.').text).toBe('Ik ben [NAME].');
  });
});
