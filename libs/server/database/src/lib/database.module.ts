import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { createDataSourceOptions } from './data-source-options';

/** TypeORM on PostgreSQL for the API and the worker; domain modules register their entities. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [SERVER_CONFIG],
      useFactory: (config: ServerConfig) => ({
        ...createDataSourceOptions(config.DATABASE_URL, config.DATABASE_POOL_SIZE),
        autoLoadEntities: true,
        // Start even when PostgreSQL is briefly unavailable; /health reports it.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
})
export class DatabaseModule {}
