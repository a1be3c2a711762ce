import { z } from 'zod';

/**
 * One declaration of every setting: a default, a description and whether it is secret.
 * Only this module reads `process.env`; the result is validated once at start and frozen.
 */
const port = z.coerce.number().int().min(0).max(65535);

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
  LEASE_TTL_SECONDS: z.coerce.number().min(1).max(60).default(5).describe('Several nodes: a tenant\'s routing moves to another node at most this long after its node died'),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12).describe('Agent session lifetime'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RING_TIMEOUT_SECONDS: z.coerce.number().positive().default(20).describe('Offer ring-no-answer timeout'),
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
  SQLITE_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL').describe('SQLite durability: FULL survives power loss'),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export const SECRET_KEYS: ReadonlySet<string> = new Set(['DATABASE_URL', 'REDIS_URL']);

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
