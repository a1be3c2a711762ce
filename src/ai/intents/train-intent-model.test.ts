import { describe, expect, it } from 'vitest';
import { coverageAtPrecision, expectedCalibrationError } from './coverage-at-precision.js';
import type { IntentExample } from './intent.types.js';
import { IntentModel } from './intent-model.js';
import { seededRandom } from './seeded-random.js';
import { trainIntentModel } from './train-intent-model.js';

const DUTCH: IntentExample[] = [
  ...['Mijn bankkaart is gestolen', 'Iemand heeft mijn kaart gestolen', 'Ik ben mijn bankkaart kwijt', 'Kaart verloren, wat nu?'].map((text) => ({ text, intent: 'kaart_verloren' })),
  ...['Hoe verhoog ik mijn limiet?', 'Ik wil een hogere limiet op mijn kaart', 'Kan de uitgavelimiet omhoog?', 'Limiet aanpassen graag'].map((text) => ({ text, intent: 'limiet' })),
  ...['Ik kan niet inloggen in de app', 'De app werkt niet meer', 'Inloggen lukt niet op mijn telefoon', 'App geeft een foutmelding bij aanmelden'].map((text) => ({ text, intent: 'app_probleem' })),
];
const FRENCH: IntentExample[] = [
  ...['On a volé ma carte bancaire', "J'ai perdu ma carte", 'Ma carte a été volée', 'Carte perdue, que faire ?'].map((text) => ({ text, intent: 'carte_perdue' })),
  ...['Comment augmenter ma limite ?', 'Je veux une limite plus élevée', 'Puis-je relever le plafond de ma carte ?', 'Changer ma limite de dépenses'].map((text) => ({ text, intent: 'limite' })),
  ...["Je n'arrive pas à me connecter à l'application", "L'application ne marche plus", 'Connexion impossible sur mon téléphone', "Erreur dans l'appli à la connexion"].map((text) => ({ text, intent: 'probleme_app' })),
];
const ENGLISH: IntentExample[] = [
  ...['My card was stolen', 'I lost my bank card', 'Someone stole my card', 'Card lost, what should I do?'].map((text) => ({ text, intent: 'lost_card' })),
  ...['How do I raise my limit?', 'I want a higher spending limit', 'Can my card limit go up?', 'Please change my limit'].map((text) => ({ text, intent: 'limit' })),
  ...['I cannot log in to the app', 'The app stopped working', 'Login fails on my phone', 'The app shows an error when I sign in'].map((text) => ({ text, intent: 'app_problem' })),
];

describe('trainIntentModel on small data', () => {
  it.each([
    ['nl', DUTCH, 'Help, mijn kaart is kwijtgeraakt', 'kaart_verloren'],
    ['fr', FRENCH, 'Je voudrais augmenter la limite de ma carte', 'limite'],
    ['en', ENGLISH, "my phone app won't let me log in", 'app_problem'],
  ] as const)('does learn every own example and a paraphrase when the language is %s', (language, examples, paraphrase, intent) => {
    const model = trainIntentModel(examples, { language });
    for (const example of examples) expect(model.predict(example.text, 1)[0]?.intent).toBe(example.intent);
    expect(model.predict(paraphrase, 1)[0]?.intent).toBe(intent);
  });

  it('does return k intents sorted with confidences summing to at most 1 when k is smaller than the intent count', () => {
    const predictions = trainIntentModel(ENGLISH).predict('stolen card', 2);
    expect(predictions).toHaveLength(2);
    expect(predictions[0]?.confidence ?? 0).toBeGreaterThanOrEqual(predictions[1]?.confidence ?? 0);
    expect((predictions[0]?.confidence ?? 0) + (predictions[1]?.confidence ?? 0)).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('does predict the same after a JSON round trip when the model is stored', () => {
    const model = trainIntentModel(DUTCH, { language: 'nl' });
    const restored = IntentModel.fromJSON(JSON.parse(JSON.stringify(model)));
    const text = 'bankkaart gestolen en limiet';
    expect(restored.predict(text, 3)).toEqual(model.predict(text, 3));
  });

  it('does reject a stored model when its format is unknown', () => {
    expect(() => IntentModel.fromJSON({ format: 'other' })).toThrow();
  });

  it('does throw when there is only one intent', () => {
    expect(() => trainIntentModel([{ text: 'hallo', intent: 'groet' }])).toThrow(/two intents/);
  });
});

/** Noisy synthetic intents: two or three words of their own, two of a random other intent, filler. */
function noisyExamples(count: number, seed: number): IntentExample[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const intents = Array.from({ length: 8 }, (_, i) => ({ id: `intent_${i}`, words: Array.from({ length: 6 }, (_, w) => `kw${i}x${w}`) }));
  const filler = ['please', 'my', 'the', 'help', 'need', 'today', 'again', 'still', 'why', 'how'];
  return Array.from({ length: count }, () => {
    const own = pick(intents);
    const other = pick(intents);
    const extra = random() < 0.5 ? [pick(own.words)] : [];
    const words = [...extra, pick(own.words), pick(own.words), pick(other.words), pick(other.words), pick(filler), pick(filler), pick(filler)];
    return { text: words.sort(() => random() - 0.5).join(' '), intent: own.id };
  });
}

describe('calibration', () => {
  it('does give confidences that match held-out accuracy when the intents overlap', () => {
    const model = trainIntentModel(noisyExamples(1200, 1), { validationShare: 0.3, svm: false });
    const judged = noisyExamples(1000, 2).map((example) => {
      const [top] = model.predict(example.text, 1);
      return { confidence: top?.confidence ?? 0, correct: top?.intent === example.intent };
    });
    const accuracy = judged.filter((j) => j.correct).length / judged.length;
    const meanConfidence = judged.reduce((sum, j) => sum + j.confidence, 0) / judged.length;
    expect(accuracy).toBeGreaterThan(0.6);
    expect(accuracy).toBeLessThan(0.97);
    expect(Math.abs(meanConfidence - accuracy)).toBeLessThan(0.05);
    expect(expectedCalibrationError(judged)).toBeLessThan(0.08);
    expect(coverageAtPrecision(judged, 0.97)).toBeGreaterThan(0);
  });
});

describe('trainIntentModel with a validation split', () => {
  it('does fit the network and its nearest-example scorer and predict the same after a JSON round trip', () => {
    const model = trainIntentModel(noisyExamples(400, 3), { validationShare: 0.2, dense: { hidden: 16, epochs: 5, learningRate: 0.1, embeddingRateScale: 1, dropout: 0.2, inputDropout: 0.2 } });
    const json = JSON.parse(JSON.stringify(model)) as { dense?: unknown; denseKnn?: unknown };
    expect(json.dense).toBeDefined();
    expect(json.denseKnn).toBeDefined();
    expect(model.temperature).toBe(1);
    const restored = IntentModel.fromJSON(json);
    for (const example of noisyExamples(20, 4)) expect(restored.predict(example.text, 3)).toEqual(model.predict(example.text, 3));
  });

  it('does leave the network out when there is too little data to fit its weight', () => {
    const json = JSON.parse(JSON.stringify(trainIntentModel(ENGLISH))) as { dense?: unknown; denseKnn?: unknown };
    expect(json.dense).toBeUndefined();
    expect(json.denseKnn).toBeUndefined();
  });
});

describe('trainIntentModel with cross-fitting', () => {
  const dense = { hidden: 16, epochs: 5, learningRate: 0.1, embeddingRateScale: 1, dropout: 0.2, inputDropout: 0.2 };

  it('does keep its confidence model and predictions after a JSON round trip when the confidence model is on', () => {
    const model = trainIntentModel(noisyExamples(400, 3), { crossFitFolds: 3, confidenceModel: true, dense });
    expect(model.confidence?.weights).toHaveLength(9);
    const restored = IntentModel.fromJSON(JSON.parse(JSON.stringify(model)));
    for (const example of noisyExamples(20, 4)) {
      const predictions = model.predict(example.text, 3);
      expect(restored.predict(example.text, 3)).toEqual(predictions);
      expect(predictions.reduce((sum, p) => sum + p.confidence, 0)).toBeLessThanOrEqual(1 + 1e-9);
    }
  });

  it('does rank the same intents with or without the confidence model', () => {
    const plain = trainIntentModel(noisyExamples(400, 3), { crossFitFolds: 3, confidenceModel: false, dense });
    const withConfidence = trainIntentModel(noisyExamples(400, 3), { crossFitFolds: 3, confidenceModel: true, dense });
    expect(plain.confidence).toBeUndefined();
    for (const example of noisyExamples(20, 5)) {
      expect(withConfidence.predict(example.text, 3).map((p) => p.intent)).toEqual(plain.predict(example.text, 3).map((p) => p.intent));
    }
  });

  it('does average a bag of networks and keep it after a JSON round trip when denseNetworks is 2', () => {
    const model = trainIntentModel(noisyExamples(400, 3), { crossFitFolds: 3, denseNetworks: 2, dense });
    const json = JSON.parse(JSON.stringify(model)) as { denseBag?: unknown[] };
    expect(json.denseBag).toHaveLength(1);
    const restored = IntentModel.fromJSON(json);
    for (const example of noisyExamples(20, 4)) expect(restored.predict(example.text, 3)).toEqual(model.predict(example.text, 3));
  });
});
