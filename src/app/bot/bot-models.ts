import { trainIntentModel, type IntentExample, type IntentModel } from '../../ai/intents/index.js';
import type { RankedIntent } from '../../core/bot/index.js';
import type { Language, Line, LineBot } from '../../core/model/index.js';
import { OUT_OF_SCOPE_EXAMPLES, OUT_OF_SCOPE_INTENT } from './out-of-scope-examples.js';

type ModelsByLanguage = Map<Language, IntentModel | null>;

// Keyed by the bot object: the directory replaces a line (and its bot) when an admin saves it,
// so a changed bot is retrained on first use and the old model goes with the old object.
const models = new WeakMap<LineBot, ModelsByLanguage>();

/** The line's bot when it is switched on and has something to recognise. */
export function activeBotOf(line: Line): LineBot | undefined {
  const bot = line.bot;
  return bot?.enabled && bot.intents.length > 0 ? bot : undefined;
}

/**
 * The line's intents ranked for a customer message, in the conversation's language (trained on
 * first use). The out-of-scope class is left out, so its share lowers every confidence instead.
 */
export function rankIntents(bot: LineBot, text: string, language: Language, k = 3): RankedIntent[] {
  const model = modelFor(bot, language);
  if (!model) return [];
  return model
    .predict(text, k + 1, { language })
    .filter((p) => p.intent !== OUT_OF_SCOPE_INTENT)
    .slice(0, k)
    .map((p) => ({ intent: p.intent, confidence: p.confidence }));
}

/** Trains every language of every active bot now (start-up), so the first customer does not wait. */
export function warmBotModels(lines: readonly Line[]): void {
  for (const line of lines) {
    const bot = activeBotOf(line);
    if (bot) for (const language of line.languages) modelFor(bot, language);
  }
}

function modelFor(bot: LineBot, language: Language): IntentModel | null {
  let byLanguage = models.get(bot);
  if (!byLanguage) models.set(bot, (byLanguage = new Map()));
  if (!byLanguage.has(language)) byLanguage.set(language, train(bot, language));
  return byLanguage.get(language) ?? null;
}

/** One model per language: its own examples only, so confidences are not spread over translations. */
function train(bot: LineBot, language: Language): IntentModel | null {
  const examples: IntentExample[] = [];
  for (const intent of bot.intents) {
    for (const text of intent.examples[language] ?? []) examples.push({ text, intent: intent.id, language });
  }
  if (new Set(examples.map((e) => e.intent)).size < 2) return null;
  for (const text of OUT_OF_SCOPE_EXAMPLES[language]) examples.push({ text, intent: OUT_OF_SCOPE_INTENT, language });
  return trainIntentModel(examples, { language, validationShare: 0 });
}
