import { AppError } from '../../core/errors/app-error.js';

/** Error codes of the follow-up list, the ideas board and recognition (listed in docs/errors.md). */
export const qualityErrors = {
  followUpNotFound: (id: string) => new AppError('FOLLOW_UP_NOT_FOUND', `Follow-up ${id} not found`, { status: 404 }),
  followUpTransition: (from: string, to: string) => new AppError('FOLLOW_UP_INVALID_TRANSITION', `A follow-up cannot go from ${from} to ${to}`, { status: 409 }),
  followUpOutcomeRequired: () => new AppError('FOLLOW_UP_OUTCOME_REQUIRED', 'Record the outcome of the call before marking the follow-up done', { status: 422 }),
  changedMeanwhile: (what: string, id: string) =>
    new AppError('CHANGED_MEANWHILE', `${what} ${id} was changed by someone else; reload it and try again`, { status: 409, userMessage: 'Someone else changed this meanwhile; reload and try again.' }),
  ideaNotFound: (id: string) => new AppError('IDEA_NOT_FOUND', `Idea ${id} not found`, { status: 404 }),
  ideaTransition: (from: string, to: string) => new AppError('IDEA_INVALID_TRANSITION', `An idea cannot go from ${from} to ${to}`, { status: 409 }),
  ideaReplyRequired: () => new AppError('IDEA_REPLY_REQUIRED', 'Give a reply when declining an idea', { status: 422 }),
  ideaVoteClosed: (status: string) => new AppError('IDEA_VOTING_CLOSED', `Support is closed for an idea that is ${status}`, { status: 409 }),
  ideaOwnVote: () => new AppError('IDEA_OWN_VOTE', 'You cannot support your own idea', { status: 422 }),
  ideaAlreadySupported: () => new AppError('IDEA_ALREADY_SUPPORTED', 'You support this idea already', { status: 409 }),
  awardNotFound: (id: string) => new AppError('AWARD_NOT_FOUND', `Award ${id} not found`, { status: 404 }),
  awardClosed: (id: string) => new AppError('AWARD_CLOSED', `Award ${id} is closed: no more nominations or votes`, { status: 409 }),
  awardSelfNomination: () => new AppError('AWARD_SELF_NOMINATION', 'You cannot nominate yourself', { status: 422 }),
  awardAlreadyNominated: () => new AppError('AWARD_ALREADY_NOMINATED', 'You nominated this colleague for this award already', { status: 409 }),
  awardSelfVote: () => new AppError('AWARD_SELF_VOTE', 'You cannot vote for yourself', { status: 422 }),
  awardNotNominated: (id: string) => new AppError('AWARD_NOT_NOMINATED', `${id} is not nominated for this award`, { status: 422 }),
  awardAlreadyVoted: () => new AppError('AWARD_ALREADY_VOTED', 'You voted in this award already (one vote per person)', { status: 409 }),
  badgeRuleNotFound: (id: string) => new AppError('BADGE_RULE_NOT_FOUND', `Badge rule ${id} not found`, { status: 404 }),
  gestureNotFound: (id: string) => new AppError('GESTURE_NOT_FOUND', `Gesture ${id} not found`, { status: 404 }),
  gestureNoTeam: () => new AppError('GESTURE_NO_TEAM', 'You are not in a team, so there is no gestures budget to ask from', { status: 422 }),
  gestureTransition: (from: string, to: string) => new AppError('GESTURE_INVALID_TRANSITION', `A gesture cannot go from ${from} to ${to}`, { status: 409 }),
  gestureNoBudget: (team: string, year: number) => new AppError('GESTURE_NO_BUDGET', `Team ${team} has no gestures budget for ${year}`, { status: 409 }),
  gestureOverBudget: (leftCents: number) =>
    new AppError('GESTURE_OVER_BUDGET', `This gesture does not fit in the team budget: ${(leftCents / 100).toFixed(2)} is left`, { status: 409 }),
};
