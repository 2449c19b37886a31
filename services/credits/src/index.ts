import { runService } from '@sanshe/service-kit';
import { loadCreditsConfig } from './config';
import { createCreditsService } from './service';

void runService(() => createCreditsService(loadCreditsConfig()));
