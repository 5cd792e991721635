export * from './lib/orgs.module';
export * from './lib/orgs.repository';
export * from './lib/orgs.service';
export * from './lib/orgs.entities';
export * from './lib/jurisdiction-sync';
export * from './lib/demo-data';
export * from './lib/load-reference-data';
export * from './lib/acting-people';
