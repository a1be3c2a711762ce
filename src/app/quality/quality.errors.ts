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
};
