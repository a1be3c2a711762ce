import { useId, useState } from 'react';
import type { ProcedureStep } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  title: string;
  steps: ProcedureStep[];
  warnings: string[];
  /** `assist-procedure` for the suggested one; another id when an opened article shows its own steps. */
  testId?: string;
}

/** A guided procedure the agent walks through with the customer: one step at a time, tip and warning per step. */
export function ProcedureGuide({ title, steps, warnings, testId = 'assist-procedure' }: Props) {
  const { t } = useI18n();
  const headingId = useId();
  const [current, setCurrent] = useState(0);
  const last = steps.length - 1;
  return (
    <section className="procedure" aria-labelledby={headingId} data-testid={testId} data-current-step={current}>
      <h3 id={headingId}>{t('procedure.title', { title })}</h3>
      {warnings.length > 0 && (
        <ul className="callout callout-warn">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <ol className="procedure-steps">
        {steps.map((step, i) => (
          <li key={`${i}-${step.title}`} data-testid="procedure-step" data-step={i} aria-current={i === current ? 'step' : undefined} className={i === current ? 'step-current' : i < current ? 'step-done' : ''}>
            <button type="button" className="step-title" onClick={() => setCurrent(i)}>
              {step.title}
            </button>
            {i === current && (
              <div className="step-detail">
                <p>{step.body}</p>
                {step.screen && (
                  <p className="step-screen">
                    <strong>{t('procedure.screen')}:</strong> {step.screen}
                  </p>
                )}
                {step.tip && (
                  <p className="step-tip" data-testid="procedure-tip">
                    <strong>{t('procedure.tip')}:</strong> {step.tip}
                  </p>
                )}
                {step.warning && (
                  <p className="step-warning" data-testid="procedure-warning">
                    <strong>{t('procedure.warning')}:</strong> {step.warning}
                  </p>
                )}
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="procedure-nav">
        <button type="button" data-testid="procedure-previous" disabled={current === 0} onClick={() => setCurrent((c) => Math.max(0, c - 1))}>
          {t('procedure.previous')}
        </button>
        <span className="small muted" aria-live="polite" data-testid="procedure-progress">
          {t('procedure.progress', { n: current + 1, total: steps.length })}
        </span>
        <button type="button" className="button-primary" data-testid="procedure-next" disabled={current >= last} onClick={() => setCurrent((c) => Math.min(last, c + 1))}>
          {t('procedure.next')}
        </button>
      </div>
    </section>
  );
}
