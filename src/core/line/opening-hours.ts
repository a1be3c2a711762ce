import type { OpeningHours } from '../model/line.js';

/** Wall-clock day, date and minutes in the line's time zone (Intl does the zone maths). */
function localParts(timeZone: string, at: number): { day: number; date: string; minutes: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    day: days.indexOf(get('weekday')),
    date: `${get('year')}-${get('month')}-${get('day')}`,
    minutes: Number(get('hour')) * 60 + Number(get('minute')),
  };
}

function toMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A line without opening hours is always open. Closing time is exclusive. */
export function isOpen(hours: OpeningHours | null, at: number): boolean {
  if (!hours) return true;
  const local = localParts(hours.timeZone, at);
  if (hours.closedDates.includes(local.date)) return false;
  return hours.slots.some(
    (slot) => slot.day === local.day && local.minutes >= toMinutes(slot.open) && local.minutes < toMinutes(slot.close),
  );
}
