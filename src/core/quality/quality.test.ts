import { describe, expect, it } from 'vitest';
import { checkFollowUpTransition, checkIdeaTransition, ideaAcceptsVotes, isComplaintRegistration, surveyNeedsFollowUp } from './index.js';

describe('complaint follow-up rules', () => {
  it('follows up detractors (NPS ≤ 6) who left a comment, nobody else', () => {
    expect(surveyNeedsFollowUp({ nps: 6, comment: 'Veel te lang gewacht' })).toBe(true);
    expect(surveyNeedsFollowUp({ nps: 0, comment: 'x' })).toBe(true);
    expect(surveyNeedsFollowUp({ nps: 7, comment: 'Bof' })).toBe(false);
    expect(surveyNeedsFollowUp({ nps: 2, comment: '   ' })).toBe(false);
    expect(surveyNeedsFollowUp({ nps: 2, comment: null })).toBe(false);
    expect(surveyNeedsFollowUp({ nps: null, comment: 'Slecht' })).toBe(false);
  });

  it('recognises a complaint by wrap-up code or topic', () => {
    expect(isComplaintRegistration({ wrapUpCode: 'klacht', topics: [] })).toBe(true);
    expect(isComplaintRegistration({ wrapUpCode: 'opgelost', topics: [{ topicId: 'complaint' }] })).toBe(true);
    expect(isComplaintRegistration({ wrapUpCode: 'opgelost', topics: [{ topicId: 'kaart' }] })).toBe(false);
    expect(isComplaintRegistration({})).toBe(false);
  });

  it('walks open → in progress → done, with an outcome to finish, and can reopen', () => {
    expect(checkFollowUpTransition('open', 'in_progress', null)).toEqual({ ok: true });
    expect(checkFollowUpTransition('open', 'done', 'Teruggebeld')).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkFollowUpTransition('in_progress', 'done', ' ')).toEqual({ ok: false, reason: 'outcome_required' });
    expect(checkFollowUpTransition('in_progress', 'done', 'Excuses aangeboden')).toEqual({ ok: true });
    expect(checkFollowUpTransition('done', 'in_progress', null)).toEqual({ ok: true });
    expect(checkFollowUpTransition('done', 'open', null)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkFollowUpTransition('open', 'open', null)).toEqual({ ok: true });
  });
});

describe('idea rules', () => {
  it('moves ideas forward, never out of done, and declines only with a reply', () => {
    expect(checkIdeaTransition('new', 'under_review', null)).toEqual({ ok: true });
    expect(checkIdeaTransition('under_review', 'planned', null)).toEqual({ ok: true });
    expect(checkIdeaTransition('planned', 'done', 'Live sinds maandag')).toEqual({ ok: true });
    expect(checkIdeaTransition('done', 'planned', null)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkIdeaTransition('new', 'done', null)).toEqual({ ok: false, reason: 'invalid_transition' });
    expect(checkIdeaTransition('new', 'declined', '')).toEqual({ ok: false, reason: 'reply_required' });
    expect(checkIdeaTransition('new', 'declined', 'Past niet in het budget')).toEqual({ ok: true });
    expect(checkIdeaTransition('declined', 'under_review', null)).toEqual({ ok: true });
  });

  it('takes votes only while an idea is weighed', () => {
    expect(ideaAcceptsVotes('new')).toBe(true);
    expect(ideaAcceptsVotes('under_review')).toBe(true);
    expect(ideaAcceptsVotes('planned')).toBe(false);
    expect(ideaAcceptsVotes('declined')).toBe(false);
  });
});
