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
  /**
   * This process's Kafka principal (SASL/SCRAM). Empty = no SASL, for a PLAINTEXT broker of one's
   * own; locally `npm start` and the tests pass the credentials made on the broker's first start,
   * and the production profile refuses to run without them (kafkaAuthFromConfig).
   */
  KAFKA_SASL_USERNAME: z.string().default(''),
  KAFKA_SASL_PASSWORD: z.string().default(''),
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256']).default('scram-sha-512'),
  /** TLS to the broker (the SASL_SSL listener); the CA file is for a private CA such as the local one. */
  KAFKA_SSL: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  KAFKA_SSL_CA_FILE: z.string().optional(),
  /** Prefixed to every consumer group id, so parallel test stacks never share a group. */
  KAFKA_GROUP_PREFIX: z.string().default(''),
  /** How often the outbox relay sweeps every outbox collection (writes in this process wake it at once). */
  OUTBOX_SWEEP_MS: z.coerce.number().int().positive().default(15_000),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
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
