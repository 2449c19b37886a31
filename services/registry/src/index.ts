import { runService } from '@sanshe/service-kit';
import { loadRegistryConfig } from './config';
import { createRegistryService } from './service';

void runService(() => createRegistryService(loadRegistryConfig()));
