import { runService } from '@sanshe/service-kit';
import { loadActivitiesConfig } from './config';
import { createActivitiesService } from './service';

void runService(() => createActivitiesService(loadActivitiesConfig()));
