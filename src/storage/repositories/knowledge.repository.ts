import type { Kysely, Selectable } from 'kysely';
import type { Language } from '../../core/model/index.js';
import type { Database, KnowledgeArticleTable, KnowledgeArticleVersionTable } from '../database.js';
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

/** Who saved a version, and why: kept with the version in the article's history. */
export interface VersionAuthorship {
  /** The staff user's id; null for seeds and imports. */
  savedBy: string | null;
  note?: string | null;
  /** Set when this version restores an older one. */
  restoredFrom?: number | null;
}

/** One entry of an article's history, without its content (the history list). */
export interface ArticleVersionSummary {
  articleId: string;
  version: number;
  title: string;
  visibility: 'public' | 'internal';
  /** Epoch ms. */
  savedAt: number;
  savedBy: string | null;
  note: string | null;
  restoredFrom: number | null;
}

/** One saved version with its full content (`updatedAt` is when it was saved). */
export interface ArticleVersionRecord extends Omit<ArticleVersionSummary, 'title' | 'visibility'> {
  article: StoredArticle;
}

/** Knowledge articles, one row per article holding its latest version, and every saved version in `knowledge_article_versions`. */
export class KnowledgeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Inserts the article, or replaces the stored one when this version is newer, and appends the
   * version to the article's history in the same transaction. Returns whether it was written.
   * Both steps are conditional in the database, so of two editors saving the same version at once
   * exactly one wins (the other gets false: a stale version) and the history has no holes.
   */
  async save(article: StoredArticle, by: VersionAuthorship = { savedBy: null }): Promise<boolean> {
    // Already inside a transaction (a seed's `withTransaction`): join it rather than nest.
    if (this.db.isTransaction) return saveIn(this.db, article, by);
    return this.db.transaction().execute((trx) => saveIn(trx, article, by));
  }

  /** The article's history, newest first; empty for an unknown article or one of another tenant. */
  async listVersions(tenantId: string, articleId: string): Promise<ArticleVersionSummary[]> {
    const rows = await this.db
      .selectFrom('knowledge_article_versions')
      .select(['article_id', 'version', 'title', 'visibility', 'saved_at', 'saved_by', 'note', 'restored_from'])
      .where('tenant_id', '=', tenantId)
      .where('article_id', '=', articleId)
      .orderBy('version', 'desc')
      .execute();
    return rows.map((row) => ({
      articleId: row.article_id,
      version: Number(row.version),
      title: row.title,
      visibility: row.visibility === 'internal' ? 'internal' : 'public',
      savedAt: Number(row.saved_at),
      savedBy: row.saved_by,
      note: row.note,
      restoredFrom: row.restored_from === null ? null : Number(row.restored_from),
    }));
  }

  async getVersion(tenantId: string, articleId: string, version: number): Promise<ArticleVersionRecord | undefined> {
    const row = await this.db
      .selectFrom('knowledge_article_versions')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('article_id', '=', articleId)
      .where('version', '=', version)
      .executeTakeFirst();
    return row && toVersionRecord(row);
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

async function saveIn(db: Kysely<Database>, article: StoredArticle, by: VersionAuthorship): Promise<boolean> {
  const row = toRow(article);
  const inserted = await db.insertInto('knowledge_articles').values(row).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
  let written = Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0;
  if (!written) {
    const { id: _id, tenant_id: _tenant, ...changes } = row;
    const updated = await db
      .updateTable('knowledge_articles')
      .set(changes)
      .where('id', '=', article.id)
      .where('tenant_id', '=', article.tenantId)
      .where('version', '<', article.version)
      .executeTakeFirst();
    written = Number(updated.numUpdatedRows) > 0;
  }
  if (!written) return false;
  const { id, updated_at, ...content } = row;
  await db
    .insertInto('knowledge_article_versions')
    .values({ ...content, article_id: id, saved_at: updated_at, saved_by: by.savedBy, note: by.note ?? null, restored_from: by.restoredFrom ?? null })
    .execute();
  return true;
}

function toVersionRecord(row: Selectable<KnowledgeArticleVersionTable>): ArticleVersionRecord {
  const { article_id, saved_at, saved_by, note, restored_from, ...content } = row;
  return {
    articleId: article_id,
    version: Number(row.version),
    savedAt: Number(saved_at),
    savedBy: saved_by,
    note,
    restoredFrom: restored_from === null ? null : Number(restored_from),
    article: toArticle({ ...content, id: article_id, updated_at: saved_at }),
  };
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
