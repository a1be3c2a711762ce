import type { Line } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { LocalizedInput } from './localized-input.js';

type EmailSettings = NonNullable<Line['email']>;
type WhatsAppSettings = NonNullable<Line['whatsapp']>;

interface Props {
  email: EmailSettings | null | undefined;
  whatsapp: WhatsAppSettings | null | undefined;
  onEmail: (value: EmailSettings | null) => void;
  onWhatsApp: (value: WhatsAppSettings | null) => void;
}

/**
 * The line's mailbox (address, sender name, signature per language) and WhatsApp number (Cloud API
 * phone-number id). An empty address or id removes the channel's settings; the server validates both
 * and refuses one that another line already has. Templates are kept as they are (API only for now).
 */
export function LineChannelsEditor({ email, whatsapp, onEmail, onWhatsApp }: Props) {
  const { t } = useI18n();
  return (
    <fieldset className="admin-channels" data-testid="line-channels">
      <legend>{t('admin.channelSettings')}</legend>
      <label className="block">
        {t('admin.emailAddress')}
        <input
          type="email"
          data-testid="line-email-address"
          value={email?.address ?? ''}
          onChange={(e) => onEmail(e.target.value.trim() ? { ...(email ?? {}), address: e.target.value.trim() } : null)}
        />
      </label>
      {email && (
        <>
          <label className="block">
            {t('admin.emailDisplayName')}
            <input
              data-testid="line-email-name"
              value={email.displayName ?? ''}
              onChange={(e) => {
                const { displayName: _old, ...rest } = email;
                onEmail(e.target.value ? { ...rest, displayName: e.target.value } : rest);
              }}
            />
          </label>
          <LocalizedInput
            label={t('admin.emailSignature')}
            value={email.signature ?? {}}
            onChange={(signature) => {
              const { signature: _old, ...rest } = email;
              onEmail(Object.keys(signature).length > 0 ? { ...rest, signature } : rest);
            }}
            testId="line-email-signature"
          />
        </>
      )}
      <label className="block">
        {t('admin.whatsappNumberId')}
        <input
          inputMode="numeric"
          data-testid="line-whatsapp-id"
          value={whatsapp?.phoneNumberId ?? ''}
          onChange={(e) => onWhatsApp(e.target.value.trim() ? { ...(whatsapp ?? {}), phoneNumberId: e.target.value.trim() } : null)}
        />
      </label>
    </fieldset>
  );
}
