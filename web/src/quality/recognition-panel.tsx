import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { Colleague, Me } from '../api/api-types.js';
import { agentApi } from '../api/endpoints.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useNotices } from '../shell/notice-bar.js';
import { recognitionApi, type Award, type Badge, type BadgeRule } from './quality-api.js';

/**
 * Recognition: awards (nominate with a reason, one vote each and never for yourself, the result
 * when a manager closes it), the badges survey scores earned, and for admins the badge rules.
 */
export function RecognitionPanel({ me, manager, admin }: { me: Me; manager: boolean; admin: boolean }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [awards, setAwards] = useState<Award[] | null>(null);
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');

  const load = useCallback(() => {
    recognitionApi.awards().then((r) => setAwards(r.awards), showError);
    agentApi.colleagues().then((list) => setColleagues((list ?? []).filter((c) => c.id !== me.id)), () => undefined);
  }, [me.id, showError]);
  useEffect(load, [load]);

  const replace = (award: Award) => setAwards((list) => list?.map((a) => (a.id === award.id ? award : a)) ?? list);
  const act = async (work: () => Promise<Award>) => {
    try {
      replace(await work());
    } catch (error) {
      showError(error);
    }
  };
  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const award = await recognitionApi.createAward(title, description);
      setAwards((list) => [award, ...(list ?? [])]);
      setTitle('');
      setDescription('');
    } catch (error) {
      showError(error);
    }
  };

  return (
    <div className="recognition" data-testid="recognition">
      <section aria-labelledby="awards-title" className="quality-panel">
        <h2 id="awards-title">{t('awards.title')}</h2>
        {manager && (
          <form className="card" onSubmit={(e) => void create(e)} aria-labelledby="award-new-title">
            <h3 id="award-new-title">{t('awards.new')}</h3>
            <label>
              {t('awards.titleLabel')}
              <input data-testid="award-title" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label>
              {t('awards.description')}
              <textarea data-testid="award-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} />
            </label>
            <button type="submit" className="button-primary" data-testid="award-create" disabled={title.trim().length < 3}>
              {t('awards.create')}
            </button>
          </form>
        )}
        {awards?.length === 0 && <p className="muted">{t('awards.none')}</p>}
        <ul className="card-list">
          {(awards ?? []).map((award) => (
            <AwardCard
              key={award.id}
              award={award}
              me={me}
              manager={manager}
              colleagues={colleagues}
              onNominate={(nomineeId, reason) => void act(() => recognitionApi.nominate(award.id, nomineeId, reason))}
              onVote={(nomineeId) => void act(() => recognitionApi.vote(award.id, nomineeId))}
              onClose={() => void act(() => recognitionApi.close(award.id))}
            />
          ))}
        </ul>
      </section>
      <Badges manager={manager} />
      {admin && <BadgeRules />}
    </div>
  );
}

function AwardCard(props: { award: Award; me: Me; manager: boolean; colleagues: Colleague[]; onNominate: (nomineeId: string, reason: string) => void; onVote: (nomineeId: string) => void; onClose: () => void }) {
  const { t } = useI18n();
  const { award, me } = props;
  const [nomineeId, setNomineeId] = useState('');
  const [reason, setReason] = useState('');
  const open = award.status === 'open';
  const id = `award-${award.id}`;
  const votedFor = award.nominees.find((n) => n.id === award.myVote)?.name;
  return (
    <li className="card" data-testid="award-item" data-award-id={award.id} data-status={award.status} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>
        {award.title} <span className={`badge badge-${open ? 'open' : 'done'}`}>{t(`awards.status.${award.status}`)}</span>
      </h3>
      {award.description && <p className="pre-wrap">{award.description}</p>}
      <p className="item-sub">{t('awards.votesCast', { count: award.votesCast })}</p>
      <h4>{t('awards.nominees')}</h4>
      {award.nominees.length === 0 ? (
        <p className="muted">{t('awards.noNominees')}</p>
      ) : (
        <ul className="nominees">
          {award.nominees.map((n) => (
            <li key={n.id} data-testid="award-nominee" data-nominee-id={n.id}>
              <strong>{n.name}</strong>
              <ul>
                {n.reasons.map((r, i) => (
                  <li key={i}>{t('awards.reasonBy', { by: r.by, reason: r.reason })}</li>
                ))}
              </ul>
              {open && award.myVote === null && n.id !== me.id && (
                <button type="button" data-testid="award-vote" onClick={() => props.onVote(n.id)}>
                  {t('awards.voteFor', { name: n.name })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {votedFor && (
        <p data-testid="award-my-vote" role="status">
          {t('awards.voted', { name: votedFor })}
        </p>
      )}
      {open && (
        <form
          className="award-nominate"
          onSubmit={(e) => {
            e.preventDefault();
            props.onNominate(nomineeId, reason);
            setReason('');
          }}
        >
          <h4>{t('awards.nominate')}</h4>
          <label>
            {t('awards.nominee')}
            <select data-testid="award-nominee-select" required value={nomineeId} onChange={(e) => setNomineeId(e.target.value)}>
              <option value="" />
              {props.colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('awards.reason')}
            <input data-testid="award-reason" required minLength={3} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" data-testid="award-nominate" disabled={!nomineeId || reason.trim().length < 3}>
            {t('awards.nominateSubmit')}
          </button>
        </form>
      )}
      {open && props.manager && (
        <button type="button" data-testid="award-close" onClick={props.onClose}>
          {t('awards.close')}
        </button>
      )}
      {award.results && (
        <section aria-label={t('awards.results')}>
          <h4>{t('awards.results')}</h4>
          <ol className="award-results" data-testid="award-results">
            {award.results.map((r) => (
              <li key={r.nomineeId} data-testid="award-result" data-rank={r.rank}>
                {t('awards.resultRow', { rank: r.rank, name: r.name, votes: r.votes })}
              </li>
            ))}
          </ol>
        </section>
      )}
    </li>
  );
}

function Badges({ manager }: { manager: boolean }) {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [all, setAll] = useState(false);
  const [badges, setBadges] = useState<Badge[] | null>(null);
  useEffect(() => {
    recognitionApi.badges(all).then((r) => setBadges(r.badges), showError);
  }, [all, showError]);
  return (
    <section aria-labelledby="badges-title" className="quality-panel" data-testid="badges">
      <h2 id="badges-title">{t('badges.title')}</h2>
      {manager && (
        <label className="inline-field">
          <input type="checkbox" data-testid="badges-all" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('badges.all')}
        </label>
      )}
      {badges?.length === 0 && <p className="muted">{t('badges.none')}</p>}
      <ul className="card-list">
        {(badges ?? []).map((b) => (
          <li key={b.id} className="card" data-testid="badge-item">
            <span>
              {all && <strong>{b.agentName}: </strong>}
              {t('badges.item', { badge: b.badge, month: b.month, responses: b.responses, average: b.averageHelpfulness === null ? '–' : b.averageHelpfulness.toFixed(1) })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function BadgeRules() {
  const { t } = useI18n();
  const { showError } = useNotices();
  const [rules, setRules] = useState<BadgeRule[]>([]);
  const [badge, setBadge] = useState('');
  const [minResponses, setMinResponses] = useState('10');
  const [minHelpfulness, setMinHelpfulness] = useState('9.5');
  const [minNps, setMinNps] = useState('');
  useEffect(() => {
    recognitionApi.rules().then((r) => setRules(r.rules), showError);
  }, [showError]);
  const number = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const rule = await recognitionApi.addRule({ badge, minResponses: Number(minResponses), minAverageHelpfulness: number(minHelpfulness), minNps: number(minNps) });
      setRules((list) => [...list, rule]);
      setBadge('');
    } catch (error) {
      showError(error);
    }
  };
  const toggle = async (rule: BadgeRule) => {
    try {
      const updated = await recognitionApi.setRuleActive(rule.id, !rule.active);
      setRules((list) => list.map((r) => (r.id === updated.id ? updated : r)));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <section aria-labelledby="rules-title" className="quality-panel" data-testid="badge-rules">
      <h2 id="rules-title">{t('badges.rules')}</h2>
      <ul className="card-list">
        {rules.map((rule) => (
          <li key={rule.id} className="card" data-testid="badge-rule">
            <span>
              {t('badges.rule', { badge: rule.badge, responses: rule.minResponses })}
              {rule.minAverageHelpfulness !== null && <>, {t('badges.ruleHelpfulness', { value: rule.minAverageHelpfulness })}</>}
              {rule.minNps !== null && <>, {t('badges.ruleNps', { value: rule.minNps })}</>}
            </span>
            <label className="checkbox">
              <input type="checkbox" checked={rule.active} onChange={() => void toggle(rule)} /> {t('badges.ruleActive')}
            </label>
          </li>
        ))}
      </ul>
      <form className="card" onSubmit={(e) => void add(e)} aria-labelledby="rule-new-title">
        <h3 id="rule-new-title">{t('badges.newRule')}</h3>
        <label>
          {t('badges.badge')}
          <input data-testid="rule-badge" required value={badge} onChange={(e) => setBadge(e.target.value)} />
        </label>
        <label>
          {t('badges.minResponses')}
          <input data-testid="rule-min-responses" type="number" min={1} required value={minResponses} onChange={(e) => setMinResponses(e.target.value)} />
        </label>
        <label>
          {t('badges.minHelpfulness')}
          <input data-testid="rule-min-helpfulness" inputMode="decimal" value={minHelpfulness} onChange={(e) => setMinHelpfulness(e.target.value)} />
        </label>
        <label>
          {t('badges.minNps')}
          <input data-testid="rule-min-nps" inputMode="numeric" value={minNps} onChange={(e) => setMinNps(e.target.value)} />
        </label>
        <button type="submit" className="button-primary" data-testid="rule-add" disabled={!badge.trim()}>
          {t('badges.addRule')}
        </button>
      </form>
    </section>
  );
}
