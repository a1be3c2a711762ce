import { describe, expect, it } from 'vitest';
import { isOpen } from './opening-hours.js';
import type { OpeningHours } from '../model/line.js';

const weekdays9to17: OpeningHours = {
  timeZone: 'Europe/Brussels',
  slots: [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:00', close: '17:00' })),
  closedDates: ['2026-12-25'],
};

describe('opening hours', () => {
  it('is open at 09:00 local time and closed at 17:00 (closing is exclusive)', () => {
    // Thursday 26 Nov 2026; Brussels is UTC+1 in winter.
    expect(isOpen(weekdays9to17, Date.parse('2026-11-26T08:00:00Z'))).toBe(true);
    expect(isOpen(weekdays9to17, Date.parse('2026-11-26T07:59:00Z'))).toBe(false);
    expect(isOpen(weekdays9to17, Date.parse('2026-11-26T16:00:00Z'))).toBe(false);
    expect(isOpen(weekdays9to17, Date.parse('2026-11-26T15:59:00Z'))).toBe(true);
  });

  it('follows summer time', () => {
    // Brussels is UTC+2 on 1 July 2026 (a Wednesday).
    expect(isOpen(weekdays9to17, Date.parse('2026-07-01T07:00:00Z'))).toBe(true);
    expect(isOpen(weekdays9to17, Date.parse('2026-07-01T06:59:00Z'))).toBe(false);
  });

  it('is closed on weekends and closed dates, and always open without hours', () => {
    expect(isOpen(weekdays9to17, Date.parse('2026-11-28T10:00:00Z'))).toBe(false);
    expect(isOpen(weekdays9to17, Date.parse('2026-12-25T10:00:00Z'))).toBe(false);
    expect(isOpen(null, 0)).toBe(true);
  });
});
