import type { Kysely } from 'kysely';
import type { Database } from './database.js';
import type { DialectFlags } from './dialect-flags.js';
import type { Db } from './open-database.js';
import { CallStateRepository } from './repositories/call-state.repository.js';
import { AuditRepository } from './repositories/audit.repository.js';
import { BlockRepository } from './repositories/block.repository.js';
import { ComplaintRepository } from './repositories/complaint.repository.js';
import { ChannelRepository } from './repositories/channel.repository.js';
import { ComplimentRepository } from './repositories/compliment.repository.js';
import { ConsentRepository } from './repositories/consent.repository.js';
import { IdeaRepository } from './repositories/idea.repository.js';
import { RecognitionRepository } from './repositories/recognition.repository.js';
import { ContactRepository } from './repositories/contact.repository.js';
import { ConversationRepository } from './repositories/conversation.repository.js';
import { EventRepository } from './repositories/event.repository.js';
import { IncidentRepository } from './repositories/incident.repository.js';
import { JobLeaseRepository } from './repositories/job-lease.repository.js';
import { LeaseRepository } from './repositories/lease.repository.js';
import { ConfigVersionRepository } from './repositories/config-version.repository.js';
import { KnowledgeRepository } from './repositories/knowledge.repository.js';
import { LineRepository } from './repositories/line.repository.js';
import { SessionRepository } from './repositories/session.repository.js';
import { SurveyRepository } from './repositories/survey.repository.js';
import { TenantRepository } from './repositories/tenant.repository.js';
import { UnansweredRepository } from './repositories/unanswered.repository.js';
import { UserRepository } from './repositories/user.repository.js';
import { VoiceRepository } from './repositories/voice.repository.js';
import { UtteranceRepository } from './repositories/utterance.repository.js';
import { CampaignRepository } from './repositories/campaign.repository.js';
import { ThankYouRepository } from './repositories/thank-you.repository.js';

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
  voice: VoiceRepository;
  unanswered: UnansweredRepository;
  utterances: UtteranceRepository;
  audit: AuditRepository;
  consents: ConsentRepository;
  jobLeases: JobLeaseRepository;
  complaints: ComplaintRepository;
  ideas: IdeaRepository;
  recognition: RecognitionRepository;
  campaigns: CampaignRepository;
  thankYou: ThankYouRepository;
  /** Email and WhatsApp threads, message ids, outbox, attachments (never read by agent views). */
  channels: ChannelRepository;
  leases: LeaseRepository;
  /** Several nodes: per-tenant configuration counters. */
  configVersions: ConfigVersionRepository;
  /** Running browser calls' IVR position, ringing and consult (survive a restart or takeover). */
  callStates: CallStateRepository;
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
    voice: new VoiceRepository(kysely),
    unanswered: new UnansweredRepository(kysely),
    utterances: new UtteranceRepository(kysely),
    audit: new AuditRepository(kysely),
    consents: new ConsentRepository(kysely),
    jobLeases: new JobLeaseRepository(kysely),
    complaints: new ComplaintRepository(kysely),
    ideas: new IdeaRepository(kysely),
    recognition: new RecognitionRepository(kysely, flags),
    campaigns: new CampaignRepository(kysely, flags),
    thankYou: new ThankYouRepository(kysely),
    channels: new ChannelRepository(kysely, flags),
    leases: new LeaseRepository(kysely, flags),
    configVersions: new ConfigVersionRepository(kysely),
    callStates: new CallStateRepository(kysely),
    withTransaction: (trx) => bind(trx, flags),
  };
}

export function createRepositories(db: Db): Repositories {
  return bind(db.kysely, db.flags);
}
