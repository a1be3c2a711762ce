import { trainIntentModel, type IntentExample, type IntentModel } from '../../ai/intents/index.js';
import type { RankedIntent } from '../../core/bot/index.js';
import type { Language, Line, LineBot } from '../../core/model/index.js';
import { OUT_OF_SCOPE_EXAMPLES, OUT_OF_SCOPE_INTENT } from './out-of-scope-examples.js';

/** A labelled utterance from an imported chat log, as the bot trains on it. */
export interface ImportedExample {
  lineId: string;
  language: Language;
  text: string;
  intent: string;
}

/** The line's intents for one message, best first, and how much the out-of-scope class took. */
export interface IntentRanking {
  ranked: RankedIntent[];
  /** Calibrated probability that the message is none of the line's questions. */
  outOfScope: number;
}

interface CachedModel {
  generation: number;
  model: IntentModel | null;
}

/** The line's bot when it is switched on and has something to recognise. */
export function activeBotOf(line: Line): LineBot | undefined {
  const bot = line.bot;
  return bot?.enabled && bot.intents.length > 0 ? bot : undefined;
}

/**
 * The customer bots' intent models of this node: one per line bot and language, trained from the
 * content managers' examples on the bot plus the line's labelled imported utterances, on first
 * use. Keyed by the bot object: the directory replaces a line (and its bot) when it is saved, so a
 * changed bot is retrained and the old model goes with the old object; new labels bump the line's
 * generation, which retrains too.
 */
export class BotModels {
  private readonly models = new WeakMap<LineBot, Map<Language, CachedModel>>();
  private readonly imported = new Map<string, { generation: number; examples: ImportedExample[] }>();

  /** Replaces the labelled imported utterances of every line (at start). */
  loadImported(examples: readonly ImportedExample[]): void {
    this.imported.clear();
    const byLine = new Map<string, ImportedExample[]>();
    for (const e of examples) byLine.set(e.lineId, [...(byLine.get(e.lineId) ?? []), e]);
    for (const [lineId, list] of byLine) this.imported.set(lineId, { generation: 1, examples: list });
  }

  /** Replaces one line's labelled imported utterances; its models retrain on next use. */
  setImported(lineId: string, examples: readonly ImportedExample[]): void {
    const generation = (this.imported.get(lineId)?.generation ?? 0) + 1;
    this.imported.set(lineId, { generation, examples: [...examples] });
  }

  importedCount(lineId: string): number {
    return this.imported.get(lineId)?.examples.length ?? 0;
  }

  /**
   * The bot's intents ranked for a message, in the conversation's language. The out-of-scope class
   * is left out of `ranked`, so its share lowers every confidence instead, and reported apart.
   */
  rank(line: Line, bot: LineBot, text: string, language: Language, k = 3): IntentRanking {
    const model = this.modelFor(line.id, bot, language);
    if (!model) return { ranked: [], outOfScope: 0 };
    const predictions = model.predict(text, model.intents.length, { language });
    return {
      ranked: predictions
        .filter((p) => p.intent !== OUT_OF_SCOPE_INTENT)
        .slice(0, k)
        .map((p) => ({ intent: p.intent, confidence: p.confidence })),
      outOfScope: predictions.find((p) => p.intent === OUT_OF_SCOPE_INTENT)?.confidence ?? 0,
    };
  }

  /** Trains every language of every active bot now (start-up), so the first customer does not wait. */
  warm(lines: readonly Line[]): void {
    for (const line of lines) {
      const bot = activeBotOf(line);
      if (bot) for (const language of line.languages) this.modelFor(line.id, bot, language);
    }
  }

  private modelFor(lineId: string, bot: LineBot, language: Language): IntentModel | null {
    let byLanguage = this.models.get(bot);
    if (!byLanguage) this.models.set(bot, (byLanguage = new Map()));
    const generation = this.imported.get(lineId)?.generation ?? 0;
    const cached = byLanguage.get(language);
    if (cached && cached.generation === generation) return cached.model;
    const model = train(bot, language, this.imported.get(lineId)?.examples ?? []);
    byLanguage.set(language, { generation, model });
    return model;
  }
}

/** One model per language: its own examples only, so confidences are not spread over translations. */
function train(bot: LineBot, language: Language, imported: readonly ImportedExample[]): IntentModel | null {
  const examples: IntentExample[] = [];
  const known = new Set(bot.intents.map((i) => i.id));
  for (const intent of bot.intents) {
    for (const text of intent.examples[language] ?? []) examples.push({ text, intent: intent.id, language });
  }
  // A label whose intent was removed since is skipped, not trained as a ghost intent.
  for (const e of imported) if (e.language === language && known.has(e.intent)) examples.push({ text: e.text, intent: e.intent, language });
  if (new Set(examples.map((e) => e.intent)).size < 2) return null;
  for (const text of OUT_OF_SCOPE_EXAMPLES[language]) examples.push({ text, intent: OUT_OF_SCOPE_INTENT, language });
  return trainIntentModel(examples, { language, validationShare: 0 });
}
