import { describe, expect, it } from 'vitest';
import { dictionaries, type MessageKey } from './dictionaries.js';
import { format } from './format.js';
import { wrapUpLabel } from './wrap-up-label.js';

const line = { wrapUpCodes: [{ id: 'busy', label: { nl: 'Bezet (eigen code)', fr: 'Occupé (code de la ligne)', en: 'Busy (line code)' } }] };

describe('wrapUpLabel', () => {
  for (const [language, campaignBusy, lineBusy] of [
    ['nl', 'Campagne: In gesprek', 'Bezet (eigen code)'],
    ['fr', 'Campagne : Occupé', 'Occupé (code de la ligne)'],
    ['en', 'Campaign: Busy', 'Busy (line code)'],
  ] as const) {
    it(`names a campaign result apart from the line's own code of the same name (${language})`, () => {
      const t = (key: MessageKey, values?: Record<string, string | number>) => format(dictionaries[language][key], values);
      const pick = (text: Record<string, string> | undefined) => text?.[language] ?? '';
      expect(wrapUpLabel('campaign:busy', line, t, pick)).toBe(campaignBusy);
      expect(wrapUpLabel('busy', line, t, pick)).toBe(lineBusy);
      expect(wrapUpLabel('campaign:reached', line, t, pick)).toMatch(/^Campa(gne|ign) ?: \S/);
      // A code the line no longer has, or an unknown campaign result, is shown as it is.
      expect(wrapUpLabel('old_code', line, t, pick)).toBe('old_code');
      expect(wrapUpLabel('campaign:later', line, t, pick)).toBe('campaign:later');
    });
  }
});
