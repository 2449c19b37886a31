import { runService } from '@sanshe/service-kit';
import { loadSocialOrgsConfig } from './config';
import { createSocialOrgsService } from './service';

void runService(() => createSocialOrgsService(loadSocialOrgsConfig()));
