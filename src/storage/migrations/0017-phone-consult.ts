import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/**
 * Warm transfer of a phone-line call: the provider's call SID of the colleague's consult leg, so that
 * after a restart the agent can still complete (move that leg into the caller's conference) or cancel
 * (end that leg). Null for a browser call's consult, which has no leg of its own at the provider.
 */
export const phoneConsultMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('call_states').addColumn('consult_call_sid', 'text').execute();
  },
});
