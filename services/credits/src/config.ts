import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

const millis = (fallback: number) => z.coerce.number().int().positive().default(fallback);

export const creditsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4005),
  MONGO_DB: z.string().default('sanshe_credits'),
  /** How often the ledger maintenance runs: repairs interrupted transfers and redemptions. */
  CREDITS_MAINTENANCE_INTERVAL_MS: millis(10_000),
  /** A transfer or redemption still unfinished after this long is taken over by the maintenance. */
  CREDITS_STALE_AFTER_MS: millis(30_000),
  /** How often the points expiry runs (it posts at most one expiry per account and month, so the period only bounds the delay). */
  CREDITS_EXPIRY_INTERVAL_MS: millis(3_600_000),
});

export type CreditsConfig = z.infer<typeof creditsConfigSchema>;

export const loadCreditsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(creditsConfigSchema, env);
