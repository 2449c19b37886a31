import type { RunningService } from '@sanshe/service-kit';
import { loadActivitiesConfig } from '@sanshe/activities/config';
import { createActivitiesService } from '@sanshe/activities/service';
import { loadRegistryConfig } from '@sanshe/registry/config';
import { createRegistryService } from '@sanshe/registry/service';

/** Every subgraph the test environment can start, built from an env map like its process would be. */
export const SERVICE_FACTORIES = {
  registry: (env: NodeJS.ProcessEnv) => createRegistryService(loadRegistryConfig(env)),
  activities: (env: NodeJS.ProcessEnv) => createActivitiesService(loadActivitiesConfig(env)),
} satisfies Record<string, (env: NodeJS.ProcessEnv) => Promise<RunningService>>;

export type ServiceName = keyof typeof SERVICE_FACTORIES;
