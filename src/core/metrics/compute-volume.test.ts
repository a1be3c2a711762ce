import { describe, expect, it } from 'vitest';
import { computeBotResolvedShare } from './compute-bot-resolved-share.js';
import { computeVolumeByChannel, computeVolumeByHourOfDay } from './compute-volume.js';
import { contact } from './metrics.test-kit.js';

const brussels = { timeZone: 'Europe/Brussels' };

describe('computeVolumeByChannel', () => {
  it('counts conversations per channel as shares of all conversations', () => {
    const records = [
      contact('1', { channel: 'chat' }),
      contact('2', { channel: 'chat' }),
      contact('3', { channel: 'voice' }),
      contact('4', { channel: 'whatsapp' }),
    ];
    const volume = computeVolumeByChannel(records);
    expect(volume.chat).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
    expect(volume.voice).toEqual({ value: 0.25, numerator: 1, denominator: 4 });
    expect(volume.email).toEqual({ value: 0, numerator: 0, denominator: 4 });
  });

  it('returns null shares for every channel when there are no conversations', () => {
    expect(computeVolumeByChannel([]).chat).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});

describe('computeVolumeByHourOfDay', () => {
  it('buckets by local hour in winter and in summer time when the line is in Brussels', () => {
    const winterNine = contact('w', { createdAt: Date.UTC(2024, 0, 15, 8, 30) }); // 09:30 CET
    const summerNine = contact('s', { createdAt: Date.UTC(2024, 6, 15, 7, 30) }); // 09:30 CEST
    const hours = computeVolumeByHourOfDay([winterNine, summerNine], brussels);
    expect(hours).toHaveLength(24);
    expect(hours[9]).toEqual({ value: 1, numerator: 2, denominator: 2 });
    expect(hours.reduce((total, h) => total + h.numerator, 0)).toBe(2);
  });

  it('counts a contact spanning midnight in the hour it arrived', () => {
    const late = contact('late', { createdAt: Date.UTC(2024, 0, 15, 22, 58), endedAt: Date.UTC(2024, 0, 15, 23, 20) });
    const afterMidnight = contact('early', { createdAt: Date.UTC(2024, 0, 15, 23, 5) }); // 00:05 local
    const hours = computeVolumeByHourOfDay([late, afterMidnight], brussels);
    expect(hours[23]?.numerator).toBe(1);
    expect(hours[0]?.numerator).toBe(1);
  });

  it('skips the missing hour on the night clocks go forward', () => {
    const before = contact('b', { createdAt: Date.UTC(2024, 2, 31, 0, 30) }); // 01:30 CET
    const after = contact('a', { createdAt: Date.UTC(2024, 2, 31, 1, 30) }); // 03:30 CEST
    const hours = computeVolumeByHourOfDay([before, after], brussels);
    expect([hours[1]?.numerator, hours[2]?.numerator, hours[3]?.numerator]).toEqual([1, 0, 1]);
  });

  it('gives 24 null shares when there are no contacts', () => {
    expect(computeVolumeByHourOfDay([], brussels).every((h) => h.value === null && h.denominator === 0)).toBe(true);
  });

  it('throws when the time zone is unknown', () => {
    expect(() => computeVolumeByHourOfDay([], { timeZone: 'Mars/Olympus' })).toThrow(RangeError);
  });
});

describe('computeBotResolvedShare', () => {
  it('divides bot-resolved conversations by all conversations of the period', () => {
    const records = [contact('1', { botResolved: true }), contact('2'), contact('3'), contact('4', { botResolved: true })];
    expect(computeBotResolvedShare(records)).toEqual({ value: 0.5, numerator: 2, denominator: 4 });
  });

  it('returns null when there are no conversations', () => {
    expect(computeBotResolvedShare([])).toEqual({ value: null, numerator: 0, denominator: 0 });
  });
});
