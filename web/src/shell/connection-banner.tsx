import { useI18n } from '../i18n/i18n-context.js';
import { useConnectionState } from '../realtime/realtime-context.js';

/** Tells the user the live connection is gone and being restored; silent while connected. */
export function ConnectionBanner() {
  const state = useConnectionState();
  const { t } = useI18n();
  return (
    <div aria-live="polite" className="connection-slot">
      {state === 'reconnecting' && (
        <div className="connection-banner" data-testid="reconnect-banner" role="status">
          {t('connection.reconnecting')}
        </div>
      )}
    </div>
  );
}
