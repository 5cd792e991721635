import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SystemCheckController } from './system-check.controller';
import { SystemCheckEntity } from './system-check.entity';
import { SystemCheckRepository } from './system-check.repository';
import { SystemCheckService } from './system-check.service';

/** HTTP side of the system check (API). */
@Module({
  imports: [TypeOrmModule.forFeature([SystemCheckEntity])],
  controllers: [SystemCheckController],
  providers: [SystemCheckService, SystemCheckRepository],
})
export class SystemCheckModule {}

/** Worker side: only what the activities need. */
@Module({
  imports: [TypeOrmModule.forFeature([SystemCheckEntity])],
  providers: [SystemCheckRepository],
  exports: [SystemCheckRepository],
})
export class SystemCheckActivitiesModule {}
