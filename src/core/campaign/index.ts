export { normalisePhone, PHONE_COUNTRIES, type PhoneCountry, type PhoneResult } from './phone-number.js';
export { validateContactRows, findColumns, CONTACT_COLUMNS, type ContactRowProblem, type ContactRowsResult, type ImportedContact } from './contact-rows.js';
export { applyCallResult, CALL_RESULTS, CAMPAIGN_CONTACT_STATUSES, type CallResult, type CampaignContactStatus, type CampaignSettings, type ContactProgress } from './call-results.js';
export { CAMPAIGN_WRAP_UP_PREFIX, campaignResultOfWrapUp, campaignWrapUpCode } from './wrap-up-code.js';
