import { z } from 'zod';
import { parseTrustProxy } from './trust-proxy.js';

/**
 * One declaration of every setting: a default, a description and whether it is secret.
 * Only this module reads `process.env`; the result is validated once at start and frozen.
 */
const port = z.coerce.number().int().min(0).max(65535);

/** An RTCIceServer as the browser takes it; credentials reach the callers' browsers, so use short-lived TURN secrets. */
const iceServersSchema = z.array(
  z.object({ urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]), username: z.string().optional(), credential: z.string().optional() }),
).max(10);

const configSchema = z.object({
  PORT: port.default(3000).describe('HTTP port to listen on'),
  HOST: z.string().min(1).default('127.0.0.1').describe('Interface to bind; loopback by default'),
  DATA_DIR: z.string().min(1).default('./data').describe('Folder for the embedded SQLite database'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('PostgreSQL connection string; when unset, embedded SQLite in DATA_DIR is used'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional()
    .describe('Redis for several nodes (events fan out through pub/sub, nodes forward writes to a tenant\'s lease holder); needs DATABASE_URL; unset means one node, in-process'),
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, dot, dash and underscore, at most 64')
    .optional()
    .describe('Several nodes: this node\'s name in routing leases and logs; default host name, process id and a random part'),
  TRUST_PROXY: z
    .string()
    .default('off')
    .transform((text, ctx) => {
      const parsed = parseTrustProxy(text);
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    })
    .describe('Reverse proxies whose X-Forwarded-For gives the client address (rate limits, audit log, blocking by IP): off (default: the header is ignored), a hop count such as 1, or a comma list of proxy addresses/CIDRs such as 10.0.0.0/8,127.0.0.1'),
  CONFIG_CHECK_SECONDS: z.coerce.number().min(1).max(3600).default(30).describe('Several nodes: how often a node compares the stored configuration counters with its own (also on every Redis reconnect) and reloads a tenant that changed while it missed the message'),
  LEASE_TTL_SECONDS: z.coerce.number().min(1).max(60).default(5).describe('Several nodes: a tenant\'s routing moves to another node at most this long after its node died'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12).describe('Absolute staff session lifetime from login'),
  SESSION_IDLE_MINUTES: z.coerce.number().min(0).default(30).describe('A staff session without requests for this long ends (0: no idle time-out)'),
  METRICS_TOKEN: z.string().min(16).optional().describe('Bearer token for GET /metrics; unset: /metrics answers loopback clients only'),
  RETENTION_INTERVAL_MINUTES: z.coerce.number().positive().default(60).describe('How often the retention job runs (also once at start); lines opt in with retention: {days, mode}'),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().positive().default(10).describe('On SIGTERM: how long in-flight requests and the journal get before the process exits'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RING_TIMEOUT_SECONDS: z.coerce.number().positive().default(20).describe('Offer ring-no-answer timeout'),
  CALL_PICKUP_TIMEOUT_SECONDS: z.coerce.number().positive().default(45).describe('A chat that became a call rings its agent this long; unanswered, it stays a chat'),
  MAX_MISSED_OFFERS: z.coerce.number().int().positive().default(2).describe('Missed offers before an agent is set away'),
  AGENT_DISCONNECT_GRACE_SECONDS: z.coerce.number().positive().default(60).describe('An agent whose last socket closed goes offline after this long'),
  DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Create the demo tenant on first start'),
  DEMO_CUSTOMER_BOT: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('Switch the demo Bank Zuid line\'s customer bot on when the demo tenant is created (first start only)'),
  WIDGET_STARTS_PER_MINUTE: z.coerce.number().int().positive().default(30).describe('New conversations one IP address may start per minute'),
  WIDGET_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(120).describe('HTTP messages one conversation token may post per minute'),
  LOGINS_PER_MINUTE: z.coerce.number().int().positive().default(60).describe('Login attempts one IP address may make per minute'),
  SAFETY_TIMEOUT_MINUTES_OVERRIDE: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .optional()
    .describe('Tests and demos only: replaces the length of every abuse time-out (fractions allowed, 0.05 = 3 s); unset in production'),
  PUBLIC_BASE_URL: z
    .string()
    .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, 'must be an absolute http(s) URL')
    .transform((v) => v.replace(/\/+$/, ''))
    .default('http://127.0.0.1:3000')
    .describe('The address callers\' telephony provider reaches this server at; webhook signatures are computed over it'),
  TWILIO_AUTH_TOKEN: z.string().min(8).optional().describe('Auth token of the Twilio-style voice provider; signs its webhooks (unset: the voice webhooks answer 503)'),
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-fA-F]{32}$/, 'an account SID (AC + 32 hex digits)').optional().describe('Account SID of the voice provider; with TWILIO_AUTH_TOKEN it authenticates the REST calls behind the desktop\'s phone-line controls (unset: those controls answer 503)'),
  TWILIO_API_BASE_URL: z.string().url().regex(/^https?:\/\//, 'must start with http:// or https://').default('https://api.twilio.com').describe('Base URL of the voice provider\'s REST API (tests point it at a local fake)'),
  TWILIO_API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000).describe('After this long a call update (hold, transfer, hang-up) is given up with 502 VOICE_PROVIDER_UNAVAILABLE'),
  VOICE_HOLD_MUSIC_URL: z.string().regex(/^(https?:\/\/|\/)\S+$/).optional().describe('Hold music for waiting callers (default: the built-in tone at PUBLIC_BASE_URL/voice/hold-music.wav)'),
  SMTP_INBOUND_PORT: port.optional().describe('Port of the inbound SMTP server that receives the lines\' email; unset = off, 0 = any free port (tests)'),
  SMTP_INBOUND_HOST: z.string().min(1).default('127.0.0.1').describe('Interface of the inbound SMTP server; loopback by default (put a relay in front)'),
  SMTP_OUTBOUND_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .describe('SMTP relay for outgoing mail (smtp://user:pass@host:port); unset: email replies wait in the outbox and are marked failed'),
  EMAIL_INBOUND_WEBHOOK_SECRET: z.string().min(16).optional().describe('Bearer secret of POST /api/channels/email/inbound (providers that post parsed mail); unset: the endpoint is off'),
  EMAIL_MAX_ATTACHMENT_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024).describe('Largest attachment accepted on inbound mail; a larger one is refused with SMTP 552'),
  EMAIL_MAX_MESSAGE_BYTES: z.coerce.number().int().positive().default(30 * 1024 * 1024).describe('Largest whole inbound mail (SMTP SIZE)'),
  WHATSAPP_GRAPH_BASE_URL: z.string().url().default('https://graph.facebook.com').describe('Base URL of the WhatsApp Cloud API (tests point it at a local server)'),
  WHATSAPP_GRAPH_VERSION: z.string().regex(/^v\d+\.\d+$/, 'like v21.0').default('v21.0').describe('Graph API version in the send URL'),
  WHATSAPP_APP_SECRET: z.string().min(8).optional().describe('App secret that signs webhook bodies (X-Hub-Signature-256); unset: the WhatsApp webhook is off'),
  WHATSAPP_VERIFY_TOKEN: z.string().min(8).optional().describe('Token Meta sends in the webhook GET verification handshake'),
  WHATSAPP_ACCESS_TOKEN: z.string().min(8).optional().describe('Bearer token for the Cloud API send endpoint'),
  CHANNEL_OUTBOX_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500).describe('How often the outbox worker looks for email/WhatsApp messages to deliver'),
  CHANNEL_OUTBOX_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6).describe('Delivery attempts (with back-off) before a message is marked failed'),
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL').describe('SQLite durability: FULL survives power loss'),
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        const parsed = iceServersSchema.safeParse(JSON.parse(text));
        if (parsed.success) return parsed.data;
        ctx.addIssue({ code: 'custom', message: `not a list of {urls, username?, credential?}: ${parsed.error.issues[0]?.message ?? ''}` });
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not valid JSON' });
      }
      return z.NEVER;
    })
    .describe('STUN/TURN servers for browser calls, as RTCIceServer JSON: [{"urls":"turn:turn.example:3478","username":"u","credential":"p"}]; default none (one LAN)'),
  LLM_BASE_URL: z
    .string()
    .url()
    .regex(/^https?:\/\//, 'must start with http:// or https://')
    .optional()
    .describe('Optional OpenAI-compatible provider for better summaries (POST {base}/chat/completions); unset: extractive summaries only'),
  LLM_API_KEY: z.string().min(1).optional().describe('Bearer token for LLM_BASE_URL'),
  LLM_MODEL: z.string().min(1).default('default').describe('Model name sent to the LLM provider'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(4_000).describe('After this long the extractive summary is used instead of the provider'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export const SECRET_KEYS: ReadonlySet<string> = new Set(['DATABASE_URL', 'REDIS_URL', 'TWILIO_AUTH_TOKEN', 'ICE_SERVERS', 'LLM_API_KEY', 'METRICS_TOKEN', 'SMTP_OUTBOUND_URL', 'EMAIL_INBOUND_WEBHOOK_SECRET', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_ACCESS_TOKEN']);

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates environment variables (only the keys we know) and freezes the result. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const known: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key];
    if (value !== undefined && value !== '') known[key] = value;
  }
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return Object.freeze(parsed.data);
}

/** Describes every key for `--help` and docs, hiding nothing but marking secrets. */
export function describeConfig(): Array<{ key: string; description: string; secret: boolean }> {
  return Object.entries(configSchema.shape).map(([key, schema]) => ({
    key,
    description: schema.description ?? '',
    secret: SECRET_KEYS.has(key),
  }));
}
