import type { Config } from '../config/config.js';
import type { EventBus } from '../realtime/event-bus.js';
import type { Db, Repositories } from '../storage/index.js';
import type { BotModels } from './bot/bot-models.js';
import type { ChannelHub } from './channels/channel-hub.js';
import type { InboundForwarder } from './channels/receive-inbound.js';
import type { Clock } from './clock.js';
import type { EventRecorder } from './conversation/event-recorder.js';
import type { Directory } from './directory.js';
import type { KnowledgeService } from './knowledge/knowledge.service.js';
import type { LiveConversations } from './live-conversations.js';
import type { RoutingCoordinator } from './routing/routing-coordinator.js';
import type { CallRegistry } from './voice/call-registry.js';
import type { IvrFlowService } from './voice/ivr-flow.service.js';

/** What every use case may use; assembled once in `createApp`. */
export interface ServiceDeps {
  config: Config;
  repos: Repositories;
  /** The database itself, for read models that query it directly (reports, wallboard). */
  db: Db;
  directory: Directory;
  live: LiveConversations;
  recorder: EventRecorder;
  routing: RoutingCoordinator;
  /** The knowledge base search of this node. */
  knowledge: KnowledgeService;
  /** Every line's IVR flow, validated and cached (voice). */
  ivrFlows: IvrFlowService;
  /** The customer bots' intent models (trained on first use, retrained when content changes). */
  botModels: BotModels;
  bus: EventBus;
  /** Browser calls (IVR position, ringing, consult): a cache of the `call_states` table on the tenant's lease holder. */
  calls: CallRegistry;
  /** Email and WhatsApp adapters: outbound selection, reply windows. */
  channels: ChannelHub;
  /** Several nodes: sends inbound email/WhatsApp items to their tenant's lease holder (unset on one node). */
  inboundForwarder?: InboundForwarder;
  clock: Clock;
  log: (level: 'info' | 'warn' | 'error', message: string, detail?: Record<string, unknown>) => void;
}
