/** Row types of migration 0007-quality; `Database` extends this interface. Times are epoch ms. */
export interface QualityTables {
  complaint_followups: ComplaintFollowUpTable;
  ideas: IdeaTable;
  idea_votes: IdeaVoteTable;
  roundtables: RoundtableTable;
  roundtable_ideas: RoundtableIdeaTable;
  awards: AwardTable;
  award_nominations: AwardNominationTable;
  award_votes: AwardVoteTable;
  badge_rules: BadgeRuleTable;
  badges: BadgeTable;
  gesture_budgets: GestureBudgetTable;
  gestures: GestureTable;
}

export interface ComplaintFollowUpTable {
  id: string;
  tenant_id: string;
  line_id: string;
  /** One follow-up per conversation (unique), whether the wrap-up or the survey raised it. */
  conversation_id: string;
  contact_id: string | null;
  /** The agent who handled the conversation. */
  agent_id: string | null;
  /** wrap_up | survey */
  source: string;
  nps: number | null;
  comment: string | null;
  /** open | in_progress | done */
  status: string;
  assignee_id: string | null;
  notes: string;
  outcome: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface IdeaTable {
  id: string;
  tenant_id: string;
  author_id: string;
  title: string;
  body: string;
  /** new | under_review | planned | done | declined */
  status: string;
  reply: string | null;
  replied_by: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}

export interface IdeaVoteTable {
  idea_id: string;
  agent_id: string;
  created_at: number;
}

export interface RoundtableTable {
  id: string;
  tenant_id: string;
  /** YYYY-MM-DD */
  held_on: string;
  notes: string;
  created_by: string;
  created_at: number;
}

export interface RoundtableIdeaTable {
  roundtable_id: string;
  idea_id: string;
}

export interface AwardTable {
  id: string;
  tenant_id: string;
  title: string;
  description: string;
  /** open | closed */
  status: string;
  created_by: string;
  created_at: number;
  closed_at: number | null;
}

export interface AwardNominationTable {
  id: string;
  award_id: string;
  nominee_id: string;
  nominated_by: string;
  reason: string;
  created_at: number;
}

export interface AwardVoteTable {
  award_id: string;
  voter_id: string;
  nominee_id: string;
  created_at: number;
}

export interface BadgeRuleTable {
  id: string;
  tenant_id: string;
  badge: string;
  min_responses: number;
  min_average_helpfulness: number | null;
  min_nps: number | null;
  /** 0 or 1 */
  active: number;
  created_at: number;
}

export interface BadgeTable {
  id: string;
  tenant_id: string;
  rule_id: string;
  agent_id: string;
  /** YYYY-MM */
  month: string;
  badge: string;
  responses: number;
  average_helpfulness: number | null;
  created_at: number;
}

export interface GestureBudgetTable {
  tenant_id: string;
  team: string;
  year: number;
  amount_cents: number;
}

export interface GestureTable {
  id: string;
  tenant_id: string;
  team: string;
  year: number;
  requested_by: string;
  conversation_id: string | null;
  amount_cents: number;
  reason: string;
  /** requested | approved | rejected | sent */
  status: string;
  decided_by: string | null;
  decision_note: string | null;
  version: number;
  created_at: number;
  updated_at: number;
}
