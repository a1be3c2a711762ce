import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../core/model/index.js';
import type { Database, TrainingUtteranceTable } from '../database.js';

/** One customer turn of an imported chat log, anonymised, with its label (or none yet). */
export interface TrainingUtterance {
  id: string;
  tenantId: string;
  lineId: string;
  batchId: string;
  /** The transcript's own id in the imported file. */
  transcriptRef: string;
  turn: number;
  language: Language;
  text: string;
  /** Set by a content manager; only labelled utterances train the bot. */
  intent: string | null;
  suggestedIntent: string | null;
  suggestedConfidence: number | null;
  createdAt: number;
}

export interface UtteranceFilter {
  labelled?: boolean;
  limit: number;
}

/** Imported, anonymised chat-log turns used as training data for a line's customer bot. */
export class UtteranceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertMany(utterances: readonly TrainingUtterance[]): Promise<void> {
    // Chunks keep every statement well under SQLite's bound-parameter limit.
    for (let i = 0; i < utterances.length; i += 200) {
      await this.db.insertInto('training_utterances').values(utterances.slice(i, i + 200).map(toRow)).execute();
    }
  }

  async get(tenantId: string, id: string): Promise<TrainingUtterance | undefined> {
    const row = await this.db.selectFrom('training_utterances').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toUtterance(row);
  }

  async list(tenantId: string, lineId: string, filter: UtteranceFilter): Promise<TrainingUtterance[]> {
    let query = this.db.selectFrom('training_utterances').selectAll().where('tenant_id', '=', tenantId).where('line_id', '=', lineId);
    if (filter.labelled === true) query = query.where('intent', 'is not', null);
    if (filter.labelled === false) query = query.where('intent', 'is', null);
    const rows = await query.orderBy('created_at', 'desc').orderBy('transcript_ref').orderBy('turn').limit(filter.limit).execute();
    return rows.map(toUtterance);
  }

  /** Every labelled utterance of every line: what the bots train on besides their examples. */
  async listLabelled(): Promise<TrainingUtterance[]> {
    const rows = await this.db.selectFrom('training_utterances').selectAll().where('intent', 'is not', null).orderBy('id').execute();
    return rows.map(toUtterance);
  }

  async setIntent(tenantId: string, id: string, intent: string | null): Promise<boolean> {
    const result = await this.db.updateTable('training_utterances').set({ intent }).where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toRow(u: TrainingUtterance): TrainingUtteranceTable {
  return {
    id: u.id,
    tenant_id: u.tenantId,
    line_id: u.lineId,
    batch_id: u.batchId,
    transcript_ref: u.transcriptRef,
    turn: u.turn,
    language: u.language,
    text: u.text,
    intent: u.intent,
    suggested_intent: u.suggestedIntent,
    suggested_confidence: u.suggestedConfidence,
    created_at: u.createdAt,
  };
}

function toUtterance(row: Selectable<TrainingUtteranceTable>): TrainingUtterance {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    batchId: row.batch_id,
    transcriptRef: row.transcript_ref,
    turn: Number(row.turn),
    language: row.language as Language,
    text: row.text,
    intent: row.intent,
    suggestedIntent: row.suggested_intent,
    suggestedConfidence: row.suggested_confidence === null ? null : Number(row.suggested_confidence),
    createdAt: Number(row.created_at),
  };
}
