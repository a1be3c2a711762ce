import type { Kysely, Selectable } from 'kysely';
import type { Line, Queue } from '../../core/model/index.js';
import type { Database, LineTable, QueueTable } from '../database.js';
import { readJson, writeJson } from './json-column.js';

type LineSettings = Omit<Line, 'id' | 'tenantId' | 'clientId' | 'name' | 'anonymous'>;
type QueueSettings = Omit<Queue, 'id' | 'tenantId' | 'lineId' | 'name'>;

/** Lines and their queues: the configuration of the services a tenant offers. */
export class LineRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertLine(line: Line): Promise<void> {
    const { id, tenantId, clientId, name, anonymous, ...settings } = line;
    await this.db
      .insertInto('lines')
      .values({ id, tenant_id: tenantId, client_id: clientId, name, anonymous: anonymous ? 1 : 0, settings: writeJson(settings) })
      .execute();
  }

  async updateLine(line: Line): Promise<void> {
    const { id, tenantId, clientId, name, anonymous, ...settings } = line;
    await this.db
      .updateTable('lines')
      .set({ client_id: clientId, name, anonymous: anonymous ? 1 : 0, settings: writeJson(settings) })
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .execute();
  }

  async listLines(tenantId: string): Promise<Line[]> {
    const rows = await this.db.selectFrom('lines').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
    return rows.map(toLine);
  }

  async getLine(id: string): Promise<Line | undefined> {
    const row = await this.db.selectFrom('lines').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toLine(row);
  }

  async insertQueue(queue: Queue): Promise<void> {
    const { id, tenantId, lineId, name, ...settings } = queue;
    await this.db.insertInto('queues').values({ id, tenant_id: tenantId, line_id: lineId, name, settings: writeJson(settings) }).execute();
  }

  async updateQueue(queue: Queue): Promise<void> {
    const { id, tenantId, lineId, name, ...settings } = queue;
    await this.db
      .updateTable('queues')
      .set({ line_id: lineId, name, settings: writeJson(settings) })
      .where('id', '=', id)
      .where('tenant_id', '=', tenantId)
      .execute();
  }

  async listQueues(tenantId: string): Promise<Queue[]> {
    const rows = await this.db.selectFrom('queues').selectAll().where('tenant_id', '=', tenantId).orderBy('name').execute();
    return rows.map(toQueue);
  }
}

function toLine(row: Selectable<LineTable>): Line {
  const settings = readJson<LineSettings>(row.settings, {} as LineSettings);
  return { id: row.id, tenantId: row.tenant_id, clientId: row.client_id, name: row.name, anonymous: row.anonymous === 1, ...settings };
}

function toQueue(row: Selectable<QueueTable>): Queue {
  const settings = readJson<QueueSettings>(row.settings, {} as QueueSettings);
  return { id: row.id, tenantId: row.tenant_id, lineId: row.line_id, name: row.name, ...settings };
}
