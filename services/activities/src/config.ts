import { baseConfigSchema, loadConfig } from '@sanshe/service-kit';
import { z } from 'zod';

export const activitiesConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003),
  MONGO_DB: z.string().default('sanshe_activities'),
});

export type ActivitiesConfig = z.infer<typeof activitiesConfigSchema>;

export const loadActivitiesConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(activitiesConfigSchema, env);
