export { ProcessSettingsModule } from './lib/process-settings.module';
export { ProcessSettingsService } from './lib/process-settings.service';
export { jurisdictionChain } from './lib/jurisdiction-chain';
