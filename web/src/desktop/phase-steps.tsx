import type { Phase } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** The line's phase model as steps; the current one highlighted, earlier ones marked done. */
export function PhaseSteps({ phases, current, disabled, onSelect }: { phases: Phase[]; current: string | null; disabled: boolean; onSelect: (id: string) => void }) {
  const { t, pick } = useI18n();
  const currentIndex = phases.findIndex((p) => p.id === current);
  return (
    <nav aria-label={t('registration.phase')} className="phase-nav">
      <h3>{t('registration.phase')}</h3>
      <ol className="phase-steps" data-testid="phase-steps">
        {phases.map((phase, i) => (
          <li key={phase.id} className={i === currentIndex ? 'current' : i < currentIndex ? 'done' : undefined}>
            <button
              type="button"
              data-testid={`phase-step-${phase.id}`}
              aria-current={i === currentIndex ? 'step' : undefined}
              disabled={disabled}
              onClick={() => onSelect(phase.id)}
            >
              <span className="step-number" aria-hidden="true">
                {i + 1}
              </span>
              {pick(phase.label)}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
