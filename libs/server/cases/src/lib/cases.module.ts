import { Module, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@gugus/server-audit';
import { FormsModule } from '@gugus/server-forms';
import { NotificationsModule } from '@gugus/server-notifications';
import { OrgsModule } from '@gugus/server-orgs';
import { ProcessSettingsModule, ProcessSettingsService } from '@gugus/server-process-settings';
import { TasksModule } from '@gugus/server-tasks';
import { CaseConferencesService } from './case-conferences.service';
import { CaseConsentsService } from './case-consents.service';
import { CasePacketListsController } from './case-packet-lists.controller';
import { CasePacketListsService } from './case-packet-lists.service';
import { CaseReferralsService } from './case-referrals.service';
import { CaseSharesService } from './case-shares.service';
import { CaseReturnsService } from './case-returns.service';
import { CaseDecisionsService } from './case-decisions.service';
import { CooperationAgreementsController } from './cooperation-agreements.controller';
import { CooperationAgreementsService } from './cooperation-agreements.service';
import { CasesController } from './cases.controller';
import { CASE_ENTITIES } from './cases.entities';
import { CASE_SETTINGS } from './cases.ports';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { CasePlansRepository } from './case-plans.repository';
import { CasePlansService } from './case-plans.service';
import { ServiceDirectoryController } from './service-directory.controller';
import { ServiceDirectoryService } from './service-directory.service';

const settingsSource: Provider = { provide: CASE_SETTINGS, useExisting: ProcessSettingsService };

/** The case record (issue 11): coded ids, the case list and the case page; opening a case starts its process; consent per purpose. */
@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), AuditModule, TasksModule, FormsModule, NotificationsModule, OrgsModule],
  controllers: [CasesController, CasePacketListsController, CooperationAgreementsController, ServiceDirectoryController],
  providers: [CasesRepository, CasesService, CaseConsentsService, CaseConferencesService, CaseReferralsService, CasePacketListsService, CooperationAgreementsService, CaseSharesService, CaseReturnsService, CaseDecisionsService, CasePlansRepository, ServiceDirectoryService, CasePlansService],
})
export class CasesModule {}

/** Worker side: what the case activities need. */
@Module({
  imports: [TypeOrmModule.forFeature(CASE_ENTITIES), ProcessSettingsModule],
  providers: [CasesRepository, settingsSource],
  exports: [CasesRepository, CASE_SETTINGS],
})
export class CasesActivitiesModule {}
