import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { AgenciesController, JurisdictionsController, PeopleController, PositionsController, TaskForcesController } from './orgs.controllers';
import { ORGS_ENTITIES } from './orgs.entities';
import { OrgsRepository } from './orgs.repository';
import { OrgsService } from './orgs.service';

@Module({
  imports: [TypeOrmModule.forFeature(ORGS_ENTITIES), AuditModule],
  controllers: [JurisdictionsController, TaskForcesController, AgenciesController, PositionsController, PeopleController],
  providers: [OrgsRepository, OrgsService],
  exports: [OrgsRepository, OrgsService],
})
export class OrgsModule {}
