import { useI18n } from '../i18n/i18n-context.js';

/** The end of every admin form: the API's validation error (if any), save and cancel. */
export function FormActions(props: { error: string | null; saveTestId: string; onCancel: () => void; sticky?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {props.error && (
        <p className="form-error" role="alert" data-testid="admin-error">
          {props.error}
        </p>
      )}
      <div className={props.sticky ? 'button-row sticky-actions' : 'button-row'}>
        <button type="submit" className="button-primary" data-testid={props.saveTestId}>
          {t('common.save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </>
  );
}
