import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessModule, SessionResolver } from '@gugus/server-access';
import { AuditModule } from '@gugus/server-audit';
import { OrgsModule } from '@gugus/server-orgs';
import { AuthController } from './auth.controller';
import { SessionEntity } from './auth.entities';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { OidcService } from './oidc.service';

/** Login, sessions and the deny-by-default guard on every route of the app. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity]), OrgsModule, AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, OidcService, { provide: SessionResolver, useExisting: AuthService }, ...AccessModule.providers],
  exports: [AuthService, SessionResolver],
})
export class AuthModule {}
