/** A campaign's progress as the supervisor sees it: `GET /api/campaigns/:id/progress` and the `campaign.progress` frame. */
export interface CampaignProgress {
  campaign: { id: string; name: string; status: string; lineId: string; maxAttempts: number; retryDelayMinutes: number };
  total: number;
  pending: number;
  inProgress: number;
  done: number;
  percentDone: number;
  attempts: number;
  byResult: Record<string, number>;
}
