import { AppError } from '../../core/errors/app-error.js';
import type { ContactRowProblem } from '../../core/campaign/index.js';

/** A contact list that cannot be imported: every problem with its CSV line and column. Nothing is imported. */
export class CampaignCsvError extends AppError {
  constructor(readonly problems: readonly ContactRowProblem[]) {
    super('CAMPAIGN_CSV_INVALID', `The contact list has ${problems.length} problem(s): ${problems.slice(0, 5).map((p) => `line ${p.row}, ${p.column}: ${p.problem}`).join('; ')}${problems.length > 5 ? '; …' : ''}`, { status: 422 });
    this.name = 'CampaignCsvError';
  }
}

export const campaignErrors = {
  notRunning: (status: string) => new AppError('CAMPAIGN_NOT_RUNNING', `The campaign is ${status}; start it first`, { status: 409 }),
  contactNotHeld: () => new AppError('CAMPAIGN_CONTACT_NOT_HELD', 'This contact is not yours to call now (take it with "next" first)', { status: 409 }),
  alreadyDialled: () => new AppError('CAMPAIGN_CONTACT_DIALLED', 'This contact was dialled: record the result of the call instead of skipping it', { status: 409 }),
  doNotCall: () => new AppError('CAMPAIGN_DO_NOT_CALL', 'This number is on the do-not-call list', { status: 409 }),
  resultRequired: () =>
    new AppError('CAMPAIGN_RESULT_REQUIRED', 'This is a campaign call: record its result on the campaign screen (that closes the conversation); a wrap-up code alone does not tell whether to call again', { status: 409 }),
  notOnLine: () => new AppError('FORBIDDEN', 'You work no queue of this campaign\'s line', { status: 403 }),
};
