import type { FollowUpStatus, IdeaStatus } from '../../core/quality/index.js';

/**
 * What the quality API returns. Types only, importing nothing but the pure core, so the web app
 * shares them instead of keeping a copy.
 */

/** A follow-up as the list shows it: names instead of ids, the contact to call back where the line allows it. */
export interface FollowUpView {
  id: string;
  lineId: string;
  lineName: string;
  conversationId: string;
  source: 'wrap_up' | 'survey';
  nps: number | null;
  comment: string | null;
  status: FollowUpStatus;
  agentName: string | null;
  assignee: { id: string; name: string } | null;
  notes: string;
  outcome: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
  /** The identifier only on lines that are not anonymous (on anonymous lines it is never stored). */
  contact: { pseudonym: string; identifierKind: string; identifier: string | null; displayName: string | null } | null;
}

export interface IdeaView {
  id: string;
  title: string;
  body: string;
  status: IdeaStatus;
  author: { id: string; name: string };
  reply: string | null;
  repliedBy: string | null;
  votes: number;
  supportedByMe: boolean;
  mine: boolean;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface RoundtableView {
  id: string;
  heldOn: string;
  notes: string;
  createdBy: string;
  ideas: Array<{ id: string; title: string; status: IdeaStatus }>;
}


export interface AwardView {
  id: string;
  title: string;
  description: string;
  status: 'open' | 'closed';
  createdAt: number;
  closedAt: number | null;
  nominees: Array<{ id: string; name: string; reasons: Array<{ by: string; reason: string }> }>;
  votesCast: number;
  myVote: string | null;
  /** Only once closed: nominees by votes, ties sharing a rank. */
  results: Array<{ nomineeId: string; name: string; votes: number; rank: number }> | null;
}

export interface BadgeView {
  id: string;
  agentId: string;
  agentName: string;
  badge: string;
  month: string;
  responses: number;
  averageHelpfulness: number | null;
  createdAt: number;
}

export interface GestureView {
  id: string;
  team: string;
  year: number;
  requestedBy: { id: string; name: string };
  conversationId: string | null;
  amountCents: number;
  reason: string;
  status: 'requested' | 'approved' | 'rejected' | 'sent';
  decidedBy: string | null;
  decisionNote: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface GestureBudgetView {
  team: string;
  year: number;
  amountCents: number;
  spentCents: number;
  leftCents: number;
}
