import { describe, expect, it } from 'vitest';
import { detectFraudSignals } from './index.js';

const ids = (...messages: string[]) => detectFraudSignals(messages).map((s) => s.id);

describe('detectFraudSignals', () => {
  it.each([
    ['iemand belde namens de bank en ik heb mijn code gegeven', ['code_shared', 'caller_posing_as_bank']],
    ['Er heeft iemand namens de bank gebeld', ['caller_posing_as_bank']],
    ['Hij zei dat hij van de bank was', ['caller_posing_as_bank']],
    ['Ze vroegen naar mijn pincode', ['asked_for_code']],
    ['Ik kreeg een sms met een link om mijn kaart te verlengen', ['link_in_message']],
    ['Ik heb de Zuid-code doorgegeven aan de man', ['code_shared']],
    ['Ik moest mijn geld naar een veilige rekening overschrijven', ['safe_account']],
  ])('does flag the Dutch message "%s"', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ["On m'a demandé mon code", ['asked_for_code']],
    ["Quelqu’un m'a appelé de la part de la banque et j'ai donné mon code", ['code_shared', 'caller_posing_as_bank']],
    ["J'ai reçu un SMS avec un lien", ['link_in_message']],
    ['Il se faisait passer pour la banque', ['caller_posing_as_bank']],
    ['Ils voulaient que je partage mon écran', ['remote_access']],
    ["Il m'a demandé une prise en main à distance", ['remote_access']],
  ])('does flag the French message "%s"', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    ['Someone asked for my PIN', ['asked_for_code']],
    ['A man called from the bank and I gave him my PIN', ['code_shared', 'caller_posing_as_bank']],
    ['I clicked a link in a text message', ['link_in_message']],
    ['They told me to move my savings to a safe account', ['safe_account']],
    ['He pretended to be from my bank', ['caller_posing_as_bank']],
  ])('does flag the English message "%s"', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    'Hoe blokkeer ik mijn kaart?',
    'Ik heb mijn code niet gegeven',
    'ik heb nooit mijn pincode doorgegeven',
    'Ik heb een nieuwe pincode gevraagd',
    'Ik heb de bank gisteren zelf gebeld',
    'De link in de app werkt niet',
    "Je n'ai pas donné mon code",
    'Comment changer mon code PIN ?',
    'I never gave my PIN to anyone',
    'I asked for a new PIN',
    'I called the bank yesterday about my loan',
    'How do I change my password?',
  ])('does not flag the harmless message "%s"', (text) => {
    expect(ids(text)).toEqual([]);
  });

  it('does report each signal once over several messages, with advice in three languages', () => {
    const signals = detectFraudSignals(['Someone asked for my PIN', 'they asked for my code again']);
    expect(signals).toHaveLength(1);
    expect(signals[0]?.evidence).toBe('asked for my pin');
    expect(Object.keys(signals[0]!.advice).sort()).toEqual(['en', 'fr', 'nl']);
  });
});
