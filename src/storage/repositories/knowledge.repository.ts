import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../core/model/index.js';
import type { Database, KnowledgeArticleTable } from '../database.js';
import { readJson, writeJson } from './json-column.js';

/** One step of a guided procedure, as the agent walks the customer through it. */
export interface ProcedureStep {
  title: string;
  body: string;
  /** What the customer sees on their screen at this step. */
  screen?: string;
  tip?: string;
  warning?: string;
}

/** The current version of a knowledge article as stored. */
export interface StoredArticle {
  id: string;
  tenantId: string;
  lineId: string;
  language: Language;
  title: string;
  body: string;
  topicId: string;
  subtopicId: string | null;
  visibility: 'public' | 'internal';
  version: number;
  /** Epoch ms. */
  updatedAt: number;
  tags: string[];
  /** Empty unless the article is a guided procedure. */
  steps: ProcedureStep[];
  warnings: string[];
}

/** Knowledge articles, one row per article holding its latest version. */
export class KnowledgeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts the article, or replaces the stored one when this version is newer. Returns whether it
   * was written. Both steps are conditional in the database, so of two editors saving the same
   * version at once exactly one wins (the other gets false: a stale version).
   */
  async save(article: StoredArticle): Promise<boolean> {
    const row = toRow(article);
    const inserted = await this.db.insertInto('knowledge_articles').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) return true;
    const { id: _id, tenant_id: _tenant, ...changes } = row;
    const updated = await this.db
      .updateTable('knowledge_articles')
      .set(changes)
      .where('id', '=', article.id)
      .where('tenant_id', '=', article.tenantId)
      .where('version', '<', article.version)
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async get(tenantId: string, id: string): Promise<StoredArticle | undefined> {
    const row = await this.db.selectFrom('knowledge_articles').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
    return row && toArticle(row);
  }

  /** Every article of every tenant, for the search index at start. */
  async listAll(): Promise<StoredArticle[]> {
    const rows = await this.db.selectFrom('knowledge_articles').selectAll().orderBy('id').execute();
    return rows.map(toArticle);
  }

  async listByTenant(tenantId: string): Promise<StoredArticle[]> {
    const rows = await this.db.selectFrom('knowledge_articles').selectAll().where('tenant_id', '=', tenantId).orderBy('id').execute();
    return rows.map(toArticle);
  }

  async listByLine(tenantId: string, lineId: string): Promise<StoredArticle[]> {
    const rows = await this.db.selectFrom('knowledge_articles').selectAll().where('tenant_id', '=', tenantId).where('line_id', '=', lineId).orderBy('id').execute();
    return rows.map(toArticle);
  }
}

function toRow(a: StoredArticle): KnowledgeArticleTable {
  return {
    id: a.id,
    tenant_id: a.tenantId,
    line_id: a.lineId,
    language: a.language,
    title: a.title,
    body: a.body,
    topic_id: a.topicId,
    subtopic_id: a.subtopicId,
    visibility: a.visibility,
    version: a.version,
    updated_at: a.updatedAt,
    tags: writeJson(a.tags),
    steps: writeJson(a.steps),
    warnings: writeJson(a.warnings),
  };
}

function toArticle(row: Selectable<KnowledgeArticleTable>): StoredArticle {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    lineId: row.line_id,
    language: row.language as Language,
    title: row.title,
    body: row.body,
    topicId: row.topic_id,
    subtopicId: row.subtopic_id,
    visibility: row.visibility === 'internal' ? 'internal' : 'public',
    version: Number(row.version),
    // PostgreSQL returns bigint as a string.
    updatedAt: Number(row.updated_at),
    tags: readJson<string[]>(row.tags, []),
    steps: readJson<ProcedureStep[]>(row.steps, []),
    warnings: readJson<string[]>(row.warnings, []),
  };
}
