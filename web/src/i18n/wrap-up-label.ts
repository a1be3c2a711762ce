import { campaignResultOfWrapUp } from '../../../src/core/campaign/wrap-up-code.js';
import type { LocalizedText } from '../api/api-types.js';
import type { MessageKey } from './dictionaries.js';

type T = (key: MessageKey, values?: Record<string, string | number>) => string;
type Pick = (text: LocalizedText | undefined) => string;

/**
 * A wrap-up code in the UI language: a campaign call's result (`campaign:reached`) as
 * "Campagne: Bereikt", kept apart from a line's own code of the same name; a line code by its
 * label; an unknown code (removed from the line since) as it is.
 */
export function wrapUpLabel(code: string, line: { wrapUpCodes: ReadonlyArray<{ id: string; label: LocalizedText }> } | null | undefined, t: T, pick: Pick): string {
  const result = campaignResultOfWrapUp(code);
  if (result) return t('wrapUp.campaignResult', { result: t(`campaign.result.${result}`) });
  return pick(line?.wrapUpCodes.find((w) => w.id === code)?.label) || code;
}
