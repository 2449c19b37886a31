import { z } from 'zod';

/**
 * The settings every Sanshe process shares. Each service extends this with its own
 * keys; all of them are validated once at start-up so a typo fails loudly, not late.
 */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:9092')
    .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean)),
  /** Shared HMAC secret between gateway and subgraphs for the signed identity header. */
  IDENTITY_SECRET: z.string().min(16, 'IDENTITY_SECRET must be at least 16 characters').default('sanshe-local-identity-secret-change-me'),
  IDENTITY_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(30),
  /** Prefixed to every consumer group id, so parallel test stacks never share a group. */
  KAFKA_GROUP_PREFIX: z.string().default(''),
  /**
   * Where a consumer group without committed offsets starts: `earliest` (a new service
   * catches up on what the topics retain) or `end` (test stacks: only what is written
   * after the service started, however many runs the broker has seen).
   */
  KAFKA_CONSUMER_START: z.enum(['earliest', 'end']).default('earliest'),
  /** How often the outbox relay sweeps every outbox collection (writes in this process wake it at once). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(15_000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /**
   * How long a consumer's processed-event markers are kept (its dedupe window); older ones are
   * pruned. The default matches the topics' retention (30 days), so a replay of anything a
   * topic still holds is recognised (docs/events.md).
   */
  PROCESSED_EVENTS_RETENTION_HOURS: z.coerce.number().positive().default(30 * 24),
  /** How often the markers older than that are pruned. */
  PROCESSED_EVENTS_PRUNE_MS: z.coerce.number().int().positive().default(60 * 60 * 1000),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {}

/** Parses `env` against `schema`, throwing one readable error that lists every bad key. */
export function loadConfig<T extends z.ZodTypeAny>(schema: T, env: NodeJS.ProcessEnv = process.env): z.infer<T> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
