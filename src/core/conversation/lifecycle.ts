import { AppError } from '../errors/app-error.js';
import type { ConversationState } from '../model/conversation.js';

/**
 * The conversation state machine from DESIGN.md:
 * bot → queued → offered → active → wrap_up → closed, plus on_hold, timed_out,
 * transferred (handed to an outside service) and abandoned.
 * A transfer to another queue or agent goes active → queued (or offered) again.
 */
const TRANSITIONS: Record<ConversationState, readonly ConversationState[]> = {
  bot: ['queued', 'closed', 'abandoned'],
  queued: ['offered', 'abandoned', 'closed', 'timed_out'],
  offered: ['active', 'queued', 'abandoned', 'closed'],
  active: ['on_hold', 'wrap_up', 'closed', 'queued', 'offered', 'timed_out', 'transferred'],
  on_hold: ['active', 'wrap_up', 'closed', 'queued'],
  wrap_up: ['closed'],
  timed_out: ['active', 'queued', 'closed'],
  closed: [],
  transferred: [],
  abandoned: [],
};

export const TERMINAL_STATES: ReadonlySet<ConversationState> = new Set(['closed', 'transferred', 'abandoned']);

/** States in which the customer and the assigned agent may exchange messages. */
export const TALKING_STATES: ReadonlySet<ConversationState> = new Set(['bot', 'queued', 'offered', 'active', 'on_hold', 'wrap_up']);

export function canTransition(from: ConversationState, to: ConversationState): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(from: ConversationState, to: ConversationState): void {
  if (!canTransition(from, to)) {
    throw new AppError('CONVERSATION_INVALID_TRANSITION', `A conversation cannot go from ${from} to ${to}`, {
      status: 409,
      userMessage: `This conversation is ${from.replace('_', ' ')} and cannot become ${to.replace('_', ' ')}.`,
    });
  }
}

export function isTerminal(state: ConversationState): boolean {
  return TERMINAL_STATES.has(state);
}
