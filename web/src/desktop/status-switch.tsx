import type { AgentStatus, SettableStatus } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

const SETTABLE: SettableStatus[] = ['available', 'away', 'offline'];

/** Shows the agent's status (including busy/wrap-up set by the system) and lets them pick one. */
export function StatusSwitch({ status, onChange }: { status: AgentStatus; onChange: (s: SettableStatus) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="status-switch" data-testid="status-switch" data-status={status}>
      <legend>
        {t('status.label')}: <strong data-testid="status-current" className={`status-text status-${status}`}>{t(`status.${status}`)}</strong>
      </legend>
      <div className="segmented">
        {SETTABLE.map((s) => (
          <button
            key={s}
            type="button"
            data-testid={`status-${s}`}
            aria-pressed={status === s}
            className={`status-${s}`}
            onClick={() => onChange(s)}
          >
            <span className="status-dot" aria-hidden="true" />
            {t(`status.${s}`)}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
