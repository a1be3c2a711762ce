import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripQuotedEmail, summariseExtractive, summariseExtractiveSentences, type SummaryTurn } from './summarise-extractive.js';

const NL: SummaryTurn[] = [
  { speaker: 'bot', text: 'Hallo, ik ben de digitale assistent van Bank Zuid. Waarmee kan ik je helpen?' },
  { speaker: 'customer', text: 'Hallo. Mijn bankkaart is gisteren op de markt gestolen. Kan ik de kaart nog blokkeren?' },
  { speaker: 'agent', text: 'Goedemiddag, ik help je graag. Ik zie de kaart die eindigt op 4321.' },
  { speaker: 'customer', text: 'Ja, dat is de gestolen kaart. Er is ook al betaald met de kaart in een winkel.' },
  { speaker: 'agent', text: 'De betaling in de winkel zet ik in een fraudedossier. Ik heb de kaart nu geblokkeerd en een nieuwe kaart besteld die binnen vijf werkdagen aankomt.' },
  { speaker: 'customer', text: 'Dank je wel!' },
];

describe('summariseExtractive', () => {
  it('does keep the customer question and the outcome of a Dutch chat, leaving greetings out', () => {
    const summary = summariseExtractive(NL, 'nl', { maxSentences: 3 });
    expect(summary.question).toBe('Mijn bankkaart is gisteren op de markt gestolen.');
    expect(summary.outcome).toBe('Ik heb de kaart nu geblokkeerd en een nieuwe kaart besteld die binnen vijf werkdagen aankomt.');
    expect(summary.sentences).toHaveLength(3);
    expect(summary.sentences[0]).toBe(summary.question);
    expect(summary.sentences.at(-1)).toBe(summary.outcome);
    expect(summary.sentences.join(' ')).not.toMatch(/Hallo|Dank je/);
  });

  it('does summarise French and English in their own language', () => {
    const fr = summariseExtractive(
      [
        { speaker: 'customer', text: "Bonjour. Je n'arrive plus à me connecter à l'application bancaire depuis ce matin." },
        { speaker: 'agent', text: "Votre accès était bloqué après trois codes erronés. J'ai débloqué votre accès à l'application." },
      ],
      'fr',
    );
    expect(fr.question).toMatch(/connecter à l'application/);
    expect(fr.outcome).toBe("J'ai débloqué votre accès à l'application.");
    const en = summariseExtractive([{ speaker: 'customer', text: 'Hi. I moved house and need to change my address.' }, { speaker: 'agent', text: 'I updated your address in our records today.' }], 'en');
    expect(en).toMatchObject({ question: 'I moved house and need to change my address.', outcome: 'I updated your address in our records today.' });
  });

  it('does pick the central sentence over an off-topic one when there is room for one more', () => {
    const turns: SummaryTurn[] = [
      { speaker: 'customer', text: 'Mijn limiet voor betalingen met de kaart is te laag.' },
      { speaker: 'customer', text: 'Het weer is vandaag trouwens erg mooi buiten.' },
      { speaker: 'customer', text: 'Ik wil de limiet van mijn kaart verhogen voor een grote betaling.' },
      { speaker: 'agent', text: 'Ik heb de limiet van je kaart tijdelijk verhoogd.' },
    ];
    const summary = summariseExtractive(turns, 'nl', { maxSentences: 3 });
    expect(summary.sentences).toContain('Ik wil de limiet van mijn kaart verhogen voor een grote betaling.');
    expect(summary.sentences.join(' ')).not.toMatch(/weer/);
  });

  it('does leave quoted e-mail history out of a thread', () => {
    const reply = 'Bedankt, de nieuwe kaart is aangekomen.\n\nOp 3 maart 2026 schreef Bank Zuid:\n> Uw kaart is geblokkeerd en een nieuwe kaart is onderweg.';
    expect(stripQuotedEmail(reply).trim()).toBe('Bedankt, de nieuwe kaart is aangekomen.');
    const summary = summariseExtractive([{ speaker: 'customer', text: reply }], 'nl');
    expect(summary.sentences.join(' ')).not.toMatch(/onderweg/);
  });

  it('does give an empty summary for nothing said', () => {
    expect(summariseExtractive([], 'nl')).toEqual({ question: null, outcome: null, sentences: [] });
    expect(summariseExtractive([{ speaker: 'customer', text: '  ' }], 'en')).toEqual({ question: null, outcome: null, sentences: [] });
  });

  it('does only ever return sentences that were said, in order, at most maxSentences, deterministically', () => {
    const words = fc.constantFrom('kaart', 'limiet', 'rekening', 'adres', 'app', 'geblokkeerd', 'verhoogd', 'nieuwe', 'betaling', 'de', 'mijn', 'is');
    const sentence = fc.array(words, { minLength: 1, maxLength: 8 }).map((w) => `${w.join(' ')}.`);
    const turn = fc.record({ speaker: fc.constantFrom('customer' as const, 'agent' as const, 'bot' as const), text: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(' ')) });
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (turns, max) => {
        const summary = summariseExtractive(turns, 'nl', { maxSentences: max });
        const all = turns.flatMap((t) => t.text.split(/(?<=\.)\s+/));
        expect(summary.sentences.length).toBeLessThanOrEqual(Math.max(max, 2));
        let last = -1;
        for (const s of summary.sentences) {
          const at = all.indexOf(s, last + 1);
          expect(at).toBeGreaterThan(last);
          last = at;
        }
        expect(summariseExtractive(turns, 'nl', { maxSentences: max })).toEqual(summary);
      }),
      { numRuns: 150 },
    );
  });

  it('does keep a one-message thread whole', () => {
    const summary = summariseExtractive([{ speaker: 'customer', text: 'Mijn factuur van maart klopt niet.' }], 'nl');
    expect(summary.sentences).toEqual(['Mijn factuur van maart klopt niet.']);
  });

  it('does tell per sentence who said it and in which message, keeping a long mail thread on its topic', () => {
    const thread: SummaryTurn[] = [
      { speaker: 'customer', text: 'Goedemorgen. Mijn factuur van maart is veel te hoog, het voorschot is verdubbeld. Het weer is mooi vandaag.' },
      { speaker: 'agent', text: 'Dank u voor uw bericht. Uw voorschot is verhoogd omdat de meterstand van januari hoog was. Wilt u een nieuwe meterstand doorgeven?' },
      { speaker: 'customer', text: 'De meterstand van vandaag is 12345. Kunt u het voorschot en de factuur aanpassen? Mijn hond heet Max en hij blaft graag.' },
      { speaker: 'agent', text: 'Ik heb de meterstand verwerkt en het voorschot verlaagd. U krijgt een nieuwe factuur.' },
    ];
    const sentences = summariseExtractiveSentences(thread, 'nl', { maxSentences: 3 });
    expect(sentences).toHaveLength(3);
    expect(sentences[0]).toEqual({ speaker: 'customer', turn: 0, text: 'Mijn factuur van maart is veel te hoog, het voorschot is verdubbeld.' });
    const text = sentences.map((s) => s.text).join(' ');
    expect(text).not.toMatch(/hond|weer is mooi/);
    const turns = sentences.map((s) => s.turn);
    expect([...turns].sort((a, b) => a - b)).toEqual(turns);
    for (const s of sentences) expect(thread[s.turn]!.speaker).toBe(s.speaker);
    expect(sentences.map((s) => s.text)).toEqual(summariseExtractive(thread, 'nl', { maxSentences: 3 }).sentences);
  });
});
