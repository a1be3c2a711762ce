import { useState } from 'react';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { campaignApi, CALL_RESULTS, type Campaign, type ContactPreview } from './campaign-api.js';

/** Agents: the next contact of the campaign, seen before calling; then the result or skip. */
export function PreviewDialler(props: { campaign: Campaign }) {
  const { t } = useI18n();
  const [contact, setContact] = useState<ContactPreview | null>(null);
  const [none, setNone] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  /** The call's conversation once dialled: the result closes it, and it can no longer be skipped. */
  const [call, setCall] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(describeError(e, t));
  const next = () => {
    setError(null);
    void campaignApi.next(props.campaign.id).then((r) => {
      setContact(r.contact);
      setCall(null);
      setNone(r.contact === null);
    }, fail);
  };

  return (
    <section className="campaign-card" aria-labelledby="preview-title" data-testid="preview-dialler">
      <h2 id="preview-title">{t('campaign.preview')}</h2>
      {!contact && (
        <button type="button" className="button-primary" onClick={next} data-testid="campaign-next">
          {t('campaign.next')}
        </button>
      )}
      {none && <p data-testid="campaign-none">{t('campaign.none')}</p>}
      {saved && !contact && (
        <p className="form-ok" role="status">
          {saved}
        </p>
      )}
      {contact && (
        <div className="preview-contact" data-testid="campaign-contact">
          <p className="preview-name">{contact.name ?? t('campaign.noName')}</p>
          <p>
            <a href={`tel:${contact.phone}`} data-testid="campaign-phone">
              {contact.phone}
            </a>
          </p>
          {contact.reference && <p>{t('campaign.reference', { reference: contact.reference })}</p>}
          <p className="muted">{t('campaign.attempts', { count: contact.attempts })}</p>
          {call ? (
            <p className="form-ok" role="status" data-testid="campaign-calling">
              {t('campaign.calling')}
            </p>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button-primary"
                data-testid="campaign-dial"
                onClick={() => {
                  setError(null);
                  void campaignApi.dial(props.campaign.id, contact.id).then((r) => setCall(r.conversationId), fail);
                }}
              >
                {t('campaign.dial')}
              </button>
            </div>
          )}
          <div className="button-row" role="group" aria-label={t('campaign.resultLabel')}>
            {CALL_RESULTS.map((r) => (
              <button
                key={r}
                type="button"
                data-testid={`campaign-result-${r}`}
                onClick={() =>
                  void campaignApi.result(props.campaign.id, contact.id, r).then(() => {
                    setSaved(t('campaign.saved', { result: t(`campaign.result.${r}` as MessageKey) }));
                    setContact(null);
                    setCall(null);
                  }, fail)
                }
              >
                {t(`campaign.result.${r}` as MessageKey)}
              </button>
            ))}
            {!call && (
              <button type="button" className="button-quiet" data-testid="campaign-skip" onClick={() => void campaignApi.skip(props.campaign.id, contact.id).then(() => setContact(null), fail)}>
                {t('campaign.skip')}
              </button>
            )}
          </div>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
