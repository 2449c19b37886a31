import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

export const activitiesConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  MONGO_DB: z.string().default('sanshe_activities'),
  /**
   * A venue claim whose booking was never written counts as in flight for this long;
   * after it, the claim is an orphan that the next claimant or the sweep removes.
   */
  BOOKING_CLAIM_GRACE_SECONDS: z.coerce.number().int().positive().default(60),
  /** Check-in opens this many minutes before an activity starts. */
  CHECK_IN_OPENS_MINUTES_BEFORE: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(60),
});

export type ActivitiesConfig = z.infer<typeof activitiesConfigSchema>;

export const loadActivitiesConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(activitiesConfigSchema, env);
