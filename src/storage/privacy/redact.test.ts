import { describe, expect, it } from 'vitest';
import { REDACTED, redactData } from './redact.js';

describe('redactData', () => {
  it('replaces free text, keeps ids and codes, and drops recordings', () => {
    const data = {
      text: 'Mijn IBAN is BE68539007547034',
      clientId: 'm-1',
      queueId: 'qu_bank',
      language: 'nl',
      reason: 'flagged by Sofie: klant noemt adres',
      options: [{ id: 'kaart', label: 'Kaart blokkeren' }, 'vrije tekst'],
      recordingUrl: 'https://recordings.example/abc.wav',
      recording: { id: 'rec_1', seconds: 40 },
      confidence: 0.93,
      nested: { agentName: 'Sofie Peeters', seq: 4 },
    };
    expect(redactData(data)).toEqual({
      text: REDACTED,
      clientId: 'm-1',
      queueId: 'qu_bank',
      language: 'nl',
      reason: REDACTED,
      options: [{ id: 'kaart', label: 'Kaart blokkeren' }, REDACTED],
      confidence: 0.93,
      nested: { agentName: REDACTED, seq: 4 },
    });
  });
});
