import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD');

export const socialOrgsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002),
  MONGO_DB: z.string().default('sanshe_social_orgs'),
  /**
   * The day ages are counted on in social-worker statistics (under-35 share). Unset: today.
   * Pin it when figures must not drift as people have birthdays (reports, demos).
   */
  STATS_AS_OF: isoDate.optional(),
  /**
   * How long a contract claim whose contract document never appeared (a signing that
   * crashed half-way) keeps blocking overlapping signings before it is treated as stale.
   */
  CONTRACT_CLAIM_GRACE_MS: z.coerce.number().int().positive().default(120_000),
});

export type SocialOrgsConfig = z.infer<typeof socialOrgsConfigSchema>;

export const loadSocialOrgsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(socialOrgsConfigSchema, env);
