import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule, SessionResolver } from '@gugus/server-access';
import { AuditModule } from '@gugus/server-audit';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { OrgsModule } from '@gugus/server-orgs';
import { AuthController } from './auth.controller';
import { SessionEntity } from './auth.entities';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';
import { RateLimitGuard, rateLimitOptions } from './rate-limit';

/** Login, sessions, the deny-by-default guard and the throttles on every route of the app. */
@Module({
  imports: [
    TypeOrmModule.forFeature([SessionEntity]),
    OrgsModule,
    AuditModule,
    ThrottlerModule.forRootAsync({ inject: [SERVER_CONFIG], useFactory: (config: ServerConfig) => rateLimitOptions(config) }),
  ],
  controllers: [AuthController],
  providers: [
    AuthRepository,
    AuthService,
    OidcService,
    { provide: SessionResolver, useExisting: AuthService },
    // Global guards run in the order they are registered: the throttles count the person the access guard resolved.
    ...AccessModule.providers,
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [AuthService, SessionResolver],
})
export class AuthModule {}
