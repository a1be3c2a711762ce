import { useState, type ReactNode } from 'react';
import type { Me } from '../api/api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { MessageKey } from '../i18n/dictionaries.js';
import { FollowUpPanel } from './follow-up-panel.js';
import { GesturesPanel } from './gestures-panel.js';
import { IdeasPanel } from './ideas-panel.js';
import { canDecideGestures, canFollowUpComplaints, canManageIdeas, canManageRecognition } from './quality-access.js';
import { RecognitionPanel } from './recognition-panel.js';
import { hasRole } from '../shell/session-context.js';
import './quality.css';

type TabId = 'ideas' | 'followUp' | 'recognition' | 'gestures';

/**
 * Quality and recognition for everyone: the ideas board (all staff; managers decide), for
 * supervisors and executives the complaints follow-up list, awards and badges, and the gestures
 * budget. One tab list, one panel at a time; `?tab=` opens a tab directly.
 */
export function QualityPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const tabs: Array<{ id: TabId; label: MessageKey; show: boolean; panel: () => ReactNode }> = [
    { id: 'ideas', label: 'quality.tab.ideas', show: true, panel: () => <IdeasPanel manager={canManageIdeas(me)} /> },
    { id: 'followUp', label: 'quality.tab.followUp', show: canFollowUpComplaints(me), panel: () => <FollowUpPanel /> },
    { id: 'recognition', label: 'quality.tab.recognition', show: true, panel: () => <RecognitionPanel me={me} manager={canManageRecognition(me)} admin={hasRole(me, 'admin')} /> },
    { id: 'gestures', label: 'quality.tab.gestures', show: true, panel: () => <GesturesPanel decider={canDecideGestures(me)} budgetKeeper={hasRole(me, 'supervisor', 'admin')} /> },
  ];
  const visible = tabs.filter((tab) => tab.show);
  const [active, setActive] = useState<TabId>(() => (new URLSearchParams(window.location.search).get('tab') as TabId | null) ?? 'ideas');
  const current = visible.find((tab) => tab.id === active) ?? visible[0]!;
  return (
    <main className="quality" data-testid="quality">
      <h1>{t('quality.title')}</h1>
      <div role="tablist" aria-label={t('quality.tabs')} className="quality-tabs">
        {visible.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`quality-tab-${tab.id}`}
            aria-selected={tab.id === current.id}
            aria-controls={`quality-panel-${tab.id}`}
            tabIndex={tab.id === current.id ? 0 : -1}
            data-testid={`quality-tab-${tab.id}`}
            onClick={() => setActive(tab.id)}
            onKeyDown={(e) => {
              if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
              const index = visible.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : -1);
              const next = visible[(index + visible.length) % visible.length]!;
              setActive(next.id);
              document.getElementById(`quality-tab-${next.id}`)?.focus();
            }}
          >
            {t(tab.label)}
          </button>
        ))}
      </div>
      <section role="tabpanel" id={`quality-panel-${current.id}`} aria-labelledby={`quality-tab-${current.id}`} className="quality-panel">
        {current.panel()}
      </section>
    </main>
  );
}
