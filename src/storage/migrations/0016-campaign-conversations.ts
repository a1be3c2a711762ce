import type { Kysely, Migration } from 'kysely';
import type { DialectFlags } from '../dialect-flags.js';

/**
 * A dialled campaign contact is an outbound voice conversation. `campaign_contacts.conversation_id`
 * is the open conversation of the call in progress (null between calls); `campaign_attempts.conversation_id`
 * links each recorded attempt to its conversation (null for attempts from before this migration).
 */
export const campaignConversationsMigration = (_flags: DialectFlags): Migration => ({
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('campaign_contacts').addColumn('conversation_id', 'text').execute();
    await db.schema.alterTable('campaign_attempts').addColumn('conversation_id', 'text').execute();
  },
});
