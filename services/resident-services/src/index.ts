import { runService } from '@sanshe/service-kit';
import { loadResidentServicesConfig } from './config';
import { createResidentServicesService } from './service';

void runService(() => createResidentServicesService(loadResidentServicesConfig()));
