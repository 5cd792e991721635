import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { OrgsModule } from '@gugus/server-orgs';
import { FormsController } from './forms.controller';
import { FORMS_ENTITIES } from './forms.entities';
import { FormsRepository } from './forms.repository';
import { FormsService } from './forms.service';

@Module({
  imports: [TypeOrmModule.forFeature(FORMS_ENTITIES), AuditModule, OrgsModule],
  controllers: [FormsController],
  providers: [FormsRepository, FormsService],
  exports: [FormsService],
})
export class FormsModule {}
