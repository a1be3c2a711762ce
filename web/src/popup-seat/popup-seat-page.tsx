import { useI18n } from '../i18n/i18n-context.js';
import { LineCallPanel } from './line-call-panel.js';
import { ThankYouPanel } from './thank-you-panel.js';

/** Thank-you day's pop-up seat for executives: call the own line as a customer, and call agents to thank them. */
export function PopupSeatPage() {
  const { t } = useI18n();
  return (
    <main className="popup-seat" data-testid="popup-seat">
      <h1>{t('popup.title')}</h1>
      <div className="popup-grid">
        <LineCallPanel />
        <ThankYouPanel />
      </div>
    </main>
  );
}
