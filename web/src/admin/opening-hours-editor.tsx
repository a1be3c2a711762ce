import type { OpeningHours, OpeningSlot } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

const DAYS = [1, 2, 3, 4, 5, 6, 0];

/** Always open (null) or slots per weekday in a time zone. One slot per day is edited here. */
export function OpeningHoursEditor({ value, onChange }: { value: OpeningHours | null; onChange: (v: OpeningHours | null) => void }) {
  const { t } = useI18n();
  const slotOf = (day: number) => value?.slots.find((s) => s.day === day);
  const setSlot = (day: number, slot: OpeningSlot | null) => {
    if (!value) return;
    const slots = value.slots.filter((s) => s.day !== day);
    onChange({ ...value, slots: slot ? [...slots, slot].sort((a, b) => a.day - b.day) : slots });
  };
  return (
    <fieldset className="opening-hours" data-testid="line-opening-hours">
      <legend>{t('admin.openingHours')}</legend>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="line-always-open"
          checked={value === null}
          onChange={(e) => onChange(e.target.checked ? null : { timeZone: 'Europe/Brussels', slots: [], closedDates: [] })}
        />
        {t('admin.alwaysOpen')}
      </label>
      {value && (
        <>
          <label className="inline">
            {t('admin.timeZone')}
            <input data-testid="line-timezone" value={value.timeZone} onChange={(e) => onChange({ ...value, timeZone: e.target.value })} />
          </label>
          <table className="data-table compact-table">
            <tbody>
              {DAYS.map((day) => {
                const slot = slotOf(day);
                const name = t(`day.${day}` as 'day.1');
                return (
                  <tr key={day}>
                    <th scope="row">
                      <label className="checkbox">
                        <input
                          type="checkbox"
                          data-testid={`line-day-${day}`}
                          checked={!!slot}
                          onChange={(e) => setSlot(day, e.target.checked ? { day, open: '09:00', close: '17:00' } : null)}
                        />
                        {name}
                      </label>
                    </th>
                    <td>
                      {slot && (
                        <>
                          <label className="inline">
                            <span className="visually-hidden">{t('admin.opens', { day: name })}</span>
                            <input type="time" data-testid={`line-day-${day}-open`} value={slot.open} onChange={(e) => setSlot(day, { ...slot, open: e.target.value })} />
                          </label>
                          {' – '}
                          <label className="inline">
                            <span className="visually-hidden">{t('admin.closes', { day: name })}</span>
                            <input type="time" data-testid={`line-day-${day}-close`} value={slot.close} onChange={(e) => setSlot(day, { ...slot, close: e.target.value })} />
                          </label>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <label className="block">
            {t('admin.closedDates')}
            <input
              data-testid="line-closed-dates"
              placeholder="2026-12-25, 2027-01-01"
              value={value.closedDates.join(', ')}
              onChange={(e) => onChange({ ...value, closedDates: splitList(e.target.value) })}
            />
          </label>
        </>
      )}
    </fieldset>
  );
}

export function splitList(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}
