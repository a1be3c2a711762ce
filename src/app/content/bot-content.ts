import type { BotIntent, Line, LineBot } from '../../core/model/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { contentErrors } from './content.errors.js';

export type BotSettings = Omit<LineBot, 'intents'>;

// One change at a time per line: intents are read, changed and written as the line's bot, so two
// content managers saving at once must not overwrite each other's change.
const lineLocks = new Map<string, Promise<unknown>>();

/** A line of the caller's tenant; another tenant's line is as unknown as a missing one. */
export function lineOfTenant(deps: ServiceDeps, tenantId: string, lineId: string): Line {
  const line = deps.directory.findLine(lineId);
  if (!line || line.tenantId !== tenantId) throw errors.notFound('line', lineId);
  return line;
}

/** Creates the line's bot or changes its settings (greeting, name, thresholds, on/off); its intents stay. */
export function saveBotSettings(deps: ServiceDeps, tenantId: string, lineId: string, settings: BotSettings): Promise<LineBot> {
  return changeBot(deps, tenantId, lineId, (bot) => ({ ...settings, intents: bot?.intents ?? [] }));
}

/** Adds an intent or replaces the one with the same id. */
export function saveIntent(deps: ServiceDeps, tenantId: string, lineId: string, intent: BotIntent): Promise<LineBot> {
  return changeBot(deps, tenantId, lineId, (bot, line) => {
    if (!bot) throw contentErrors.noBot(lineId);
    checkIntent(deps, line, intent);
    const exists = bot.intents.some((i) => i.id === intent.id);
    return { ...bot, intents: exists ? bot.intents.map((i) => (i.id === intent.id ? intent : i)) : [...bot.intents, intent] };
  });
}

export function deleteIntent(deps: ServiceDeps, tenantId: string, lineId: string, intentId: string): Promise<LineBot> {
  return changeBot(deps, tenantId, lineId, (bot) => {
    if (!bot || !bot.intents.some((i) => i.id === intentId)) throw contentErrors.intentNotFound(intentId);
    return { ...bot, intents: bot.intents.filter((i) => i.id !== intentId) };
  });
}

/** Adds one example to an intent (the one-click "make this an example" of an unanswered question); a duplicate is not added twice. */
export function addExample(deps: ServiceDeps, tenantId: string, lineId: string, intentId: string, language: Line['languages'][number], text: string): Promise<LineBot> {
  return changeBot(deps, tenantId, lineId, (bot) => {
    const intent = bot?.intents.find((i) => i.id === intentId);
    if (!bot || !intent) throw contentErrors.intentNotFound(intentId);
    const current = intent.examples[language] ?? [];
    if (current.some((e) => e.trim().toLowerCase() === text.trim().toLowerCase())) return bot;
    const changed: BotIntent = { ...intent, examples: { ...intent.examples, [language]: [...current, text.trim()] } };
    return { ...bot, intents: bot.intents.map((i) => (i.id === intentId ? changed : i)) };
  });
}

async function changeBot(deps: ServiceDeps, tenantId: string, lineId: string, change: (bot: LineBot | undefined, line: Line) => LineBot): Promise<LineBot> {
  const previous = lineLocks.get(lineId) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(async () => {
    const line = lineOfTenant(deps, tenantId, lineId);
    const bot = change(line.bot, line);
    await deps.repos.lines.updateLine({ ...line, bot });
    // The directory replaces the line object (and its bot), so its models retrain: now, while the
    // content manager waits, rather than inside the next customer's turn.
    await deps.directory.reloadTenant(tenantId);
    deps.botModels.warm([deps.directory.line(lineId)]);
    return bot;
  });
  lineLocks.set(lineId, run);
  try {
    return await run;
  } finally {
    if (lineLocks.get(lineId) === run) lineLocks.delete(lineId);
  }
}

/** Links must point at this line's articles and queues. */
function checkIntent(deps: ServiceDeps, line: Line, intent: BotIntent): void {
  if (intent.articleId) {
    const article = deps.knowledge.get(line.tenantId, intent.articleId);
    if (!article || article.lineId !== line.id) throw contentErrors.invalid(`articleId ${intent.articleId} is not an article of line ${line.id}`);
  }
  const queueId = intent.handover?.queueId;
  if (queueId) {
    const queue = deps.directory.findQueue(line.tenantId, queueId);
    if (!queue || queue.lineId !== line.id) throw contentErrors.invalid(`handover.queueId ${queueId} is not a queue of line ${line.id}`);
  }
  if (!Object.values(intent.examples).some((list) => (list?.length ?? 0) > 0)) throw contentErrors.invalid('give at least one example');
}
