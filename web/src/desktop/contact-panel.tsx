import type { ConversationDetails } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** Who the contact is (pseudonymous on anonymous lines) and what they tried online before reaching us. */
export function ContactPanel({ details }: { details: ConversationDetails }) {
  const { t } = useI18n();
  const { contact, context } = details;
  const steps = context.selfServiceSteps ?? [];
  return (
    <section className="panel" aria-labelledby="contact-title" data-testid="contact-panel">
      <h2 id="contact-title">{t('contact.title')}</h2>
      <dl className="facts">
        <dt>{t('contact.pseudonym')}</dt>
        <dd data-testid="contact-pseudonym">{contact.displayName ? `${contact.displayName} (${contact.pseudonym})` : contact.pseudonym}</dd>
        {contact.identifier && (
          <>
            <dt>{t('contact.identifier')}</dt>
            <dd data-testid="contact-identifier">{contact.identifier}</dd>
          </>
        )}
        <dt>{t('contact.line')}</dt>
        <dd>
          {details.line.name}
          {details.line.anonymous && <span className="tag">{t('contact.anonymous')}</span>}
        </dd>
        <dt>{t('contact.languageChannel')}</dt>
        <dd>
          {details.language.toUpperCase()} · {t(`channel.${details.channel}`)}
        </dd>
        {context.customerRef && (
          <>
            <dt>{t('contact.customerRef')}</dt>
            <dd data-testid="contact-customer-ref">
              {context.customerRef}{' '}
              <span className={`tag ${context.customerRefVerified ? 'tag-ok' : 'tag-warn'}`} data-testid="contact-customer-ref-verified">
                {context.customerRefVerified ? t('contact.verified') : t('contact.unverified')}
              </span>
            </dd>
          </>
        )}
      </dl>
      {(steps.length > 0 || context.page) && (
        <div className="self-service" data-testid="contact-self-service">
          <h3>{t('contact.triedOnline')}</h3>
          {context.page && (
            <p className="small">
              {t('contact.page')}: <span className="break">{context.page}</span>
            </p>
          )}
          {steps.length > 0 && (
            <ol>
              {steps.map((step, i) => (
                <li key={i}>{step}</li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}
