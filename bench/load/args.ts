import { parseArgs } from 'node:util';
import { z } from 'zod';

/**
 * Command-line options of `npm run bench:load`, validated once and frozen.
 *
 * @example
 *   npm run bench:load -- --agents 200 --chats 1000 --seconds 20
 *   npm run bench:load -- --relay-only --agents 200 --chats 1000
 */
const count = z.coerce.number().int().positive();
const seconds = z.coerce.number().positive();

const argsSchema = z.object({
  agents: count.default(200).describe('Agent sockets (logged-in agents)'),
  chats: count.default(1000).describe('Customer conversations'),
  seconds: seconds.default(20).describe('Steady phase duration'),
  saturationSeconds: seconds.default(10).describe('Saturation (and relay baseline) duration'),
  sendIntervalSeconds: seconds.default(10).describe('Steady phase: each customer sends once per interval'),
  graceSeconds: seconds.default(5).describe('Wait after a phase before counting a message as lost'),
  inflight: count.default(2).describe('Saturation: un-acked messages allowed per customer'),
  globalInflight: count.default(512).describe('Saturation: un-acked messages allowed in total'),
  rampPerSecond: count.default(250).describe('Customers started per second'),
  assignTimeoutSeconds: seconds.default(60).describe('How long customers may wait for an agent'),
  capacity: count.optional().describe('Chat capacity per agent; default max(5, ceil(chats / agents))'),
  url: z
    .string()
    .regex(/^https?:\/\/[^/]+$/, 'must look like http://127.0.0.1:PORT')
    .optional()
    .describe('Target an already running, already seeded server'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .describe('Seed and run the server on PostgreSQL'),
  nodes: count.default(1).describe('Centraal processes sharing the load (several nodes need --database-url; Redis from --redis-url or a throwaway redis-server)'),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional()
    .describe('With --nodes > 1: the Redis the nodes share; default a throwaway redis-server on a free port'),
  dataDir: z.string().min(1).optional().describe('Use (and keep) this DATA_DIR instead of a temp dir'),
  seedFile: z.string().min(1).optional().describe('Seed result JSON: written after seeding, read with --url'),
  seedOnly: z.boolean().default(false).describe('Seed, write --seed-file and stop'),
  relayOnly: z.boolean().default(false).describe('Run only the bare ws relay baseline'),
});

export type BenchArgs = Readonly<z.infer<typeof argsSchema>> & { readonly capacity: number };

const stringOption = { type: 'string' } as const;
const flagOption = { type: 'boolean' } as const;

/** Maps kebab-case flags to schema keys; flags that take a value are strings until zod coerces them. */
const options = {
  agents: stringOption,
  chats: stringOption,
  seconds: stringOption,
  'saturation-seconds': stringOption,
  'send-interval': stringOption,
  grace: stringOption,
  inflight: stringOption,
  'global-inflight': stringOption,
  ramp: stringOption,
  'assign-timeout': stringOption,
  capacity: stringOption,
  url: stringOption,
  'database-url': stringOption,
  'data-dir': stringOption,
  nodes: stringOption,
  'redis-url': stringOption,
  'seed-file': stringOption,
  'seed-only': flagOption,
  'relay-only': flagOption,
} as const;

const renamed: Record<string, string> = {
  'saturation-seconds': 'saturationSeconds',
  'send-interval': 'sendIntervalSeconds',
  grace: 'graceSeconds',
  'global-inflight': 'globalInflight',
  ramp: 'rampPerSecond',
  'assign-timeout': 'assignTimeoutSeconds',
  'database-url': 'databaseUrl',
  'data-dir': 'dataDir',
  'redis-url': 'redisUrl',
  'seed-file': 'seedFile',
  'seed-only': 'seedOnly',
  'relay-only': 'relayOnly',
};

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  const input: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(values)) input[renamed[flag] ?? flag] = value;
  const parsed = argsSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  --${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid bench arguments:\n${problems.join('\n')}`);
  }
  const args = parsed.data;
  if (args.url && args.databaseUrl) throw new Error('--url and --database-url exclude each other');
  if (args.nodes > 1 && !args.databaseUrl) throw new Error('--nodes > 1 needs --database-url (an empty PostgreSQL database the nodes share)');
  if (args.nodes > 1 && args.url) throw new Error('--nodes starts the nodes itself; it excludes --url');
  if (args.url && !args.seedFile) throw new Error('--url needs --seed-file (written by an earlier --seed-only run)');
  // Every chat must find a seat, otherwise the steady phase measures the queue, not the relay.
  const capacity = args.capacity ?? Math.max(5, Math.ceil(args.chats / args.agents));
  return Object.freeze({ ...args, capacity });
}
