import { useEffect, useState } from 'react';
import type { Me } from '../api/api-types.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { useI18n } from '../i18n/i18n-context.js';
import { describeError } from '../shell/error-message.js';
import { canSupervise } from '../shell/session-context.js';
import { campaignApi, type Campaign } from './campaign-api.js';
import { CampaignManager } from './campaign-manager.js';
import { PreviewDialler } from './preview-dialler.js';

/** Outbound campaigns: supervisors set them up and follow them; agents work them by preview dialling. */
export function CampaignsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [lines, setLines] = useState<Array<{ id: string; name: string }>>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = (selectId?: string) =>
    campaignApi.list().then((r) => {
      setCampaigns(r.campaigns);
      setLines(r.lines);
      setSelected((current) => selectId ?? current ?? r.campaigns[0]?.id ?? null);
    }, (e: unknown) => setError(describeError(e, t)));
  useEffect(() => {
    void load();
  }, []);

  const campaign = campaigns.find((c) => c.id === selected) ?? null;
  const supervising = canSupervise(me);
  return (
    <main className="campaigns" data-testid="campaigns">
      <h1>{t('campaign.title')}</h1>
      <label htmlFor="campaign-select">{t('campaign.choose')}</label>
      <select id="campaign-select" value={selected ?? ''} onChange={(e) => setSelected(e.target.value)} data-testid="campaign-select">
        {campaigns.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({t(`campaign.status.${c.status}` as MessageKey)})
          </option>
        ))}
      </select>
      <div className="campaign-grid">
        {supervising && <CampaignManager campaign={campaign} lines={lines} onChanged={(id) => void load(id)} />}
        {campaign && campaign.status === 'running' && <PreviewDialler key={campaign.id} campaign={campaign} />}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}
