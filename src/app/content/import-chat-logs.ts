import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { anonymise } from '../../ai/anonymiser/index.js';
import { LANGUAGES, type Language, type Line } from '../../core/model/index.js';
import type { TrainingUtterance } from '../../storage/index.js';
import { errors } from '../app.errors.js';
import type { ServiceDeps } from '../deps.js';
import { newId } from '../ids.js';
import { lineOfTenant } from './bot-content.js';
import { contentErrors } from './content.errors.js';

export const MAX_IMPORT_TURNS = 5_000;
const MAX_TURN_CHARS = 2_000;

/** Speakers whose turns are the customer's; everything else (agent, bot, system) is context only. */
const CUSTOMER_SPEAKERS = new Set(['customer', 'klant', 'client', 'user', 'visitor', 'bezoeker', 'caller']);

const turnSchema = z.object({ speaker: z.string().min(1).max(40), text: z.string().max(MAX_TURN_CHARS), intent: z.string().max(64).nullish() });
const transcriptSchema = z.object({ id: z.union([z.string().min(1).max(120), z.number()]), language: z.enum(LANGUAGES).optional(), turns: z.array(turnSchema).max(MAX_IMPORT_TURNS) });
const jsonSchema = z.union([z.array(transcriptSchema), z.object({ transcripts: z.array(transcriptSchema) }).transform((o) => o.transcripts)]);

interface ParsedTurn {
  transcriptRef: string;
  turn: number;
  speaker: string;
  text: string;
  language: Language;
  intent: string | null;
  /** Where the turn came from in the file, for error messages ("row 12", "transcript 3 turn 2"). */
  where: string;
}

export interface ImportInput {
  format: 'csv' | 'json';
  /** Used for transcripts and rows that do not name their language. */
  language: Language;
  content: string;
}

export interface ImportSummary {
  batchId: string;
  transcripts: number;
  /** Customer turns stored as utterances. */
  utterances: number;
  labelled: number;
  /** Agent and bot turns read but not stored. */
  skippedTurns: number;
  /** Placeholders put in by the anonymiser. */
  redactions: number;
}

/**
 * Imports chat logs as training data for the line's customer bot: the customer turns become
 * utterances, anonymised before anything is stored, each with the engine's suggested intent; a
 * turn already labelled in the file with an intent of the line's bot is labelled, and labelled
 * utterances train the bot from then on. The whole file is checked before anything is written.
 */
export async function importChatLogs(deps: ServiceDeps, tenantId: string, lineId: string, input: ImportInput): Promise<ImportSummary> {
  const line = lineOfTenant(deps, tenantId, lineId);
  const turns = input.format === 'csv' ? fromCsv(input.content, input.language) : fromJson(input.content, input.language);
  if (turns.length > MAX_IMPORT_TURNS) throw contentErrors.importInvalid(`at most ${MAX_IMPORT_TURNS} turns per import (this file has ${turns.length})`);
  const intents = new Set(line.bot?.intents.map((i) => i.id) ?? []);
  const problems: string[] = [];
  for (const t of turns) {
    if (!line.languages.includes(t.language)) problems.push(`${t.where}: line ${line.id} does not offer ${t.language}`);
    if (t.intent && !intents.has(t.intent)) problems.push(`${t.where}: unknown intent ${t.intent}`);
  }
  if (problems.length > 0) throw contentErrors.importInvalid(problems.slice(0, 20).join('; '));
  const batchId = newId('ib');
  const now = deps.clock.now();
  const customerTurns = turns.filter((t) => CUSTOMER_SPEAKERS.has(t.speaker.toLowerCase()) && t.text.trim() !== '');
  let redactions = 0;
  const utterances: TrainingUtterance[] = [];
  for (const [index, t] of customerTurns.entries()) {
    // A big file is thousands of anonymiser and model runs: give the event loop (live chats) a turn every 100.
    if (index > 0 && index % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
    const anonymised = anonymise(t.text.trim(), { language: t.language });
    redactions += anonymised.replacements.length;
    const suggestion = suggest(deps, line, anonymised.text, t.language);
    utterances.push({
      id: newId('ut'),
      tenantId,
      lineId,
      batchId,
      transcriptRef: t.transcriptRef,
      turn: t.turn,
      language: t.language,
      text: anonymised.text,
      intent: t.intent ?? null,
      suggestedIntent: suggestion?.intent ?? null,
      suggestedConfidence: suggestion?.confidence ?? null,
      createdAt: now,
    });
  }
  await deps.db.kysely.transaction().execute((trx) => deps.repos.withTransaction(trx).utterances.insertMany(utterances));
  const labelled = utterances.filter((u) => u.intent).length;
  if (labelled > 0) await refreshImportedExamples(deps, tenantId, lineId);
  return { batchId, transcripts: new Set(turns.map((t) => t.transcriptRef)).size, utterances: utterances.length, labelled, skippedTurns: turns.length - customerTurns.length, redactions };
}

/** Labels one utterance (or clears its label) and retrains the line's bot with the new labels. */
export async function labelUtterance(deps: ServiceDeps, tenantId: string, utteranceId: string, intent: string | null): Promise<TrainingUtterance> {
  const utterance = await deps.repos.utterances.get(tenantId, utteranceId);
  if (!utterance) throw errors.notFound('utterance', utteranceId);
  const line = lineOfTenant(deps, tenantId, utterance.lineId);
  if (intent && !line.bot?.intents.some((i) => i.id === intent)) throw contentErrors.invalid(`unknown intent ${intent}`);
  await deps.repos.utterances.setIntent(tenantId, utteranceId, intent);
  await refreshImportedExamples(deps, tenantId, utterance.lineId);
  return { ...utterance, intent };
}

/** Gives the line's bot models its current labelled utterances; they retrain on next use. */
export async function refreshImportedExamples(deps: ServiceDeps, tenantId: string, lineId: string): Promise<void> {
  const labelled = await deps.repos.utterances.list(tenantId, lineId, { labelled: true, limit: 100_000 });
  deps.botModels.setImported(lineId, labelled.map((u) => ({ lineId, language: u.language, text: u.text, intent: u.intent ?? '' })));
  deps.botModels.warm([deps.directory.line(lineId)]);
}

function suggest(deps: ServiceDeps, line: Line, text: string, language: Language): { intent: string; confidence: number } | undefined {
  if (!line.bot || line.bot.intents.length === 0) return undefined;
  return deps.botModels.rank(line, line.bot, text, language, 1).ranked[0];
}

function fromCsv(content: string, fallback: Language): ParsedTurn[] {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(content, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw contentErrors.importInvalid(`CSV: ${(error as Error).message}`);
  }
  if (rows.length === 0) throw contentErrors.importInvalid('the CSV has no rows');
  const first = rows[0]!;
  const refColumn = ['conversation_id', 'transcript_id', 'conversation', 'transcript'].find((c) => c in first);
  if (!refColumn || !('text' in first) || !('speaker' in first)) throw contentErrors.importInvalid('the CSV needs the columns conversation_id, speaker and text (turn, language and intent are optional)');
  const counters = new Map<string, number>();
  return rows.map((row, index) => {
    const where = `row ${index + 2}`;
    const ref = row[refColumn] ?? '';
    if (!ref) throw contentErrors.importInvalid(`${where}: no ${refColumn}`);
    const turn = row.turn ? Number(row.turn) : (counters.get(ref) ?? 0) + 1;
    if (!Number.isInteger(turn) || turn < 0) throw contentErrors.importInvalid(`${where}: turn must be a whole number`);
    counters.set(ref, turn);
    const text = row.text ?? '';
    if (text.length > MAX_TURN_CHARS) throw contentErrors.importInvalid(`${where}: text longer than ${MAX_TURN_CHARS} characters`);
    return { transcriptRef: ref, turn, speaker: row.speaker ?? '', text, language: languageOf(row.language, fallback, where), intent: row.intent || null, where };
  });
}

function fromJson(content: string, fallback: Language): ParsedTurn[] {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw contentErrors.importInvalid(`JSON: ${(error as Error).message}`);
  }
  const parsed = jsonSchema.safeParse(data);
  if (!parsed.success) throw contentErrors.importInvalid(`JSON: ${parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data.flatMap((transcript, t) =>
    transcript.turns.map((turn, i) => ({
      transcriptRef: String(transcript.id),
      turn: i + 1,
      speaker: turn.speaker,
      text: turn.text,
      language: transcript.language ?? fallback,
      intent: turn.intent ?? null,
      where: `transcript ${t + 1} turn ${i + 1}`,
    })),
  );
}

function languageOf(value: string | undefined, fallback: Language, where: string): Language {
  if (!value) return fallback;
  const language = value.toLowerCase();
  if (!(LANGUAGES as readonly string[]).includes(language)) throw contentErrors.importInvalid(`${where}: unknown language ${value}`);
  return language as Language;
}
