import { describe, expect, it } from 'vitest';
import { decideBotTurn, type BotHistory, type RankedIntent } from './decide-bot-turn.js';

const settings = { answerThreshold: 0.6, clarifyMargin: 0.15, maxBotTurns: 3 };
const fresh: BotHistory = { turns: 0, answered: [], offered: null };
const ranked = (...pairs: Array<[string, number]>): RankedIntent[] => pairs.map(([intent, confidence]) => ({ intent, confidence }));
const decide = (text: string, r: RankedIntent[], history: BotHistory = fresh, chosen: string | null = null) => decideBotTurn({ text, ranked: r, settings, history, chosen });

describe('decideBotTurn', () => {
  it('does answer when the top intent passes the threshold and beats the second by the margin', () => {
    expect(decide('kaart gestolen', ranked(['kaart', 0.8], ['limiet', 0.1]))).toEqual({ kind: 'answer', intent: 'kaart', confidence: 0.8 });
  });

  it('does answer at exactly the threshold and exactly the margin', () => {
    expect(decide('x', ranked(['kaart', 0.6], ['limiet', 0.45])).kind).toBe('answer');
  });

  it('does ask which one when the top two are closer than the margin', () => {
    expect(decide('kaart limiet', ranked(['kaart', 0.5], ['limiet', 0.4]))).toEqual({ kind: 'clarify', intents: ['kaart', 'limiet'], confidences: [0.5, 0.4] });
  });

  it('does hand over for low confidence when the top intent is below the threshold and no pair is likely', () => {
    expect(decide('hallo', ranked(['kaart', 0.3], ['limiet', 0.05]))).toEqual({ kind: 'hand_over', reason: 'low_confidence' });
    expect(decide('hallo', ranked(['kaart', 0.2], ['limiet', 0.19]))).toEqual({ kind: 'hand_over', reason: 'low_confidence' });
    expect(decide('hallo', [])).toEqual({ kind: 'hand_over', reason: 'low_confidence' });
  });

  it('does hand over instead of asking a second clarifying question in a row', () => {
    const afterClarify: BotHistory = { turns: 1, answered: [], offered: ['kaart', 'limiet'] };
    expect(decide('tja', ranked(['kaart', 0.5], ['limiet', 0.4]), afterClarify)).toEqual({ kind: 'hand_over', reason: 'low_confidence' });
  });

  it('does answer the option the customer picked from a clarifying question', () => {
    const afterClarify: BotHistory = { turns: 1, answered: [], offered: ['kaart', 'limiet'] };
    expect(decide('Limiet wijzigen', ranked(['kaart', 0.5]), afterClarify, 'limiet')).toEqual({ kind: 'answer', intent: 'limiet', confidence: 1 });
  });

  it('does hand over when the customer asks for a person, even with a confident intent', () => {
    expect(decide('ik wil een medewerker spreken over mijn kaart', ranked(['kaart', 0.99]))).toEqual({ kind: 'hand_over', reason: 'customer_asked' });
  });

  it('does hand over on a repeat when the same intent comes back after its answer', () => {
    const answered: BotHistory = { turns: 1, answered: ['kaart'], offered: null };
    expect(decide('mijn kaart is nog steeds gestolen', ranked(['kaart', 0.95], ['limiet', 0.01]), answered)).toEqual({ kind: 'hand_over', reason: 'repeat' });
  });

  it('does hand over after maxBotTurns bot replies', () => {
    const busy: BotHistory = { turns: 3, answered: ['a', 'b', 'c'], offered: null };
    expect(decide('limiet', ranked(['limiet', 0.95]), busy)).toEqual({ kind: 'hand_over', reason: 'max_turns' });
  });
});
