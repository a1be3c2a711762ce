import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { DialectFlags } from './dialect-flags.js';
import type { Db } from './open-database.js';
import { BlockRepository } from './repositories/block.repository.js';
import { ComplimentRepository } from './repositories/compliment.repository.js';
import { ContactRepository } from './repositories/contact.repository.js';
import { ConversationRepository } from './repositories/conversation.repository.js';
import { EventRepository } from './repositories/event.repository.js';
import { IncidentRepository } from './repositories/incident.repository.js';
import { LeaseRepository } from './repositories/lease.repository.js';
import { KnowledgeRepository } from './repositories/knowledge.repository.js';
import { LineRepository } from './repositories/line.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SurveyRepository } from './repositories/survey.repository.js';
import { TenantRepository } from './repositories/tenant.repository.js';
import { UserRepository } from './repositories/user.repository.js';

export interface Repositories {
  tenants: TenantRepository;
  lines: LineRepository;
  users: UserRepository;
  sessions: SessionRepository;
  contacts: ContactRepository;
  conversations: ConversationRepository;
  events: EventRepository;
  incidents: IncidentRepository;
  blocks: BlockRepository;
  knowledge: KnowledgeRepository;
  surveys: SurveyRepository;
  compliments: ComplimentRepository;
  leases: LeaseRepository;
  /** The same repositories bound to a transaction (`db.kysely.transaction().execute(trx => …)`). */
  withTransaction(trx: Kysely<Database>): Repositories;
}

function bind(kysely: Kysely<Database>, flags: DialectFlags): Repositories {
  return {
    tenants: new TenantRepository(kysely),
    lines: new LineRepository(kysely),
    users: new UserRepository(kysely),
    sessions: new SessionRepository(kysely),
    contacts: new ContactRepository(kysely),
    conversations: new ConversationRepository(kysely),
    events: new EventRepository(kysely, flags),
    incidents: new IncidentRepository(kysely),
    blocks: new BlockRepository(kysely),
    knowledge: new KnowledgeRepository(kysely),
    surveys: new SurveyRepository(kysely),
    compliments: new ComplimentRepository(kysely),
    leases: new LeaseRepository(kysely, flags),
    withTransaction: (trx) => bind(trx, flags),
  };
}

export function createRepositories(db: Db): Repositories {
  return bind(db.kysely, db.flags);
}
