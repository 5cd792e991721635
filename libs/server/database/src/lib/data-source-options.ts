import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../migrations';

/**
 * The one set of connection options, shared by the Nest app (which adds its entities) and the
 * migration runner. The schema only ever changes through migrations.
 */
export function createDataSourceOptions(databaseUrl: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    extra: { max: poolSize, application_name: 'gugus' },
  };
}
