import type { LineVoiceInput } from './admin-api.js';
import { useI18n } from '../i18n/i18n-context.js';

interface Props {
  value: LineVoiceInput | null | undefined;
  /** The server already holds a token for this line (it is never sent back, only "set"). */
  tokenSet: boolean;
  onChange: (value: LineVoiceInput | null) => void;
}

/**
 * The line's own voice-provider account (one per brand for an outsourcer): account SID, auth token and the line's
 * number in E.164, its caller id when it calls out. The token field is write-only: left empty, the stored token is
 * kept. All fields empty removes the settings (the line then uses the server-wide account).
 */
export function LineVoiceEditor({ value, tokenSet, onChange }: Props) {
  const { t } = useI18n();
  const current = value ?? { accountSid: '', callerId: '' };
  const update = (patch: Partial<LineVoiceInput>) => {
    const next = { ...current, ...patch };
    if (!next.authToken) delete next.authToken;
    onChange(next.accountSid || next.callerId || next.authToken ? next : null);
  };
  return (
    <fieldset className="admin-channels" data-testid="line-voice">
      <legend>{t('admin.voiceAccount')}</legend>
      <p className="muted">{t('admin.voiceAccountHint')}</p>
      <label className="block">
        {t('admin.voiceAccountSid')}
        <input data-testid="line-voice-sid" autoComplete="off" spellCheck={false} value={current.accountSid} onChange={(e) => update({ accountSid: e.target.value.trim() })} />
      </label>
      <label className="block">
        {t('admin.voiceAuthToken')}
        <input
          type="password"
          data-testid="line-voice-token"
          autoComplete="new-password"
          placeholder={tokenSet ? t('admin.voiceTokenSet') : t('admin.voiceTokenNotSet')}
          value={value?.authToken ?? ''}
          onChange={(e) => update({ authToken: e.target.value.trim() })}
        />
      </label>
      <label className="block">
        {t('admin.voiceCallerId')}
        <input type="tel" data-testid="line-voice-number" placeholder="+3225550100" value={current.callerId} onChange={(e) => update({ callerId: e.target.value.trim() })} />
      </label>
    </fieldset>
  );
}
