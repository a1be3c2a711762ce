import { randomBytes } from 'node:crypto';
import type { Agent } from '../../core/model/index.js';
import { DEFAULT_PHASES } from '../../core/model/index.js';
import { hashPassword, LOAD_TEST_COST } from '../../app/auth/password.js';
import type { Db } from '../open-database.js';
import { createRepositories } from '../repositories.js';

export interface LoadTenant {
  tenantId: string;
  lineId: string;
  agents: Array<{ email: string; password: string }>;
}

/**
 * A tenant for load tests: one normal chat line, one queue, N agents with the same chat
 * capacity. The password is hashed once with a low cost so thousands of logins stay fast;
 * it is random per run and never used outside the benchmark.
 */
export async function seedLoadTenant(db: Db, opts: { agents: number; chatCapacity: number }, now = Date.now()): Promise<LoadTenant> {
  const repos = createRepositories(db);
  const tenantId = 'tn_load';
  const lineId = 'ln_load';
  const password = randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(password, LOAD_TEST_COST);
  const emails: string[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    const tx = repos.withTransaction(trx);
    await tx.tenants.insert({ id: tenantId, name: 'Load test', secret: randomBytes(32).toString('base64url') }, now);
    await tx.tenants.insertClient({ id: 'cl_load', tenantId, name: 'Load test' });
    await tx.lines.insertLine({
      id: lineId, tenantId, clientId: 'cl_load', name: 'Load line', channels: ['chat'], languages: ['nl'], anonymous: false, openingHours: null,
      taxonomy: [], phases: DEFAULT_PHASES, wrapUpCodes: [], defaultQueueId: 'qu_load', topicQueues: {}, hideAgentHandleTime: false, contextSecret: null,
    });
    await tx.lines.insertQueue({ id: 'qu_load', tenantId, lineId, name: 'Load queue', skills: [], priority: 0, serviceLevelSeconds: 20, serviceLevelPercent: 80, overflow: null });
    for (let i = 0; i < opts.agents; i++) {
      const email = `agent${i}@load.example`;
      emails.push(email);
      const agent: Agent = {
        id: `us_load_${i}`, tenantId, email, name: `Agent ${i}`, roles: ['agent'], skills: ['lang:nl'], queueIds: ['qu_load'],
        capacity: { chat: opts.chatCapacity, voice: 1, email: 5, whatsapp: opts.chatCapacity }, team: null, status: 'offline', uiLanguage: 'nl',
      };
      await tx.users.insert(agent, passwordHash, now);
    }
  });
  return { tenantId, lineId, agents: emails.map((email) => ({ email, password })) };
}
