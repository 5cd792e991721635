import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId, uuidParam } from '@gugus/server-http';
import { RecordAgreementDto, TerminateAgreementDto } from './cases.dto';
import { CooperationAgreementsService } from './cooperation-agreements.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('agreements')
export class CooperationAgreementsController {
  constructor(private readonly agreements: CooperationAgreementsService) {}

  @Get()
  @RequirePermission('read', 'Agreement')
  @ApiOperation({ summary: 'Daftar perjanjian kerja sama gugus tugas Anda / The register of your task forces\' cooperation agreements' })
  list(@CurrentUser() user: AuthUser) {
    return this.agreements.list(user);
  }

  @Post()
  @RequirePermission('create', 'Agreement')
  @ApiOperation({ summary: 'Catat perjanjian kerja sama (pihak, ruang lingkup, masa berlaku) / Enter a cooperation agreement (parties, scope, duration)' })
  record(@Body() body: RecordAgreementDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.agreements.record(user, body, requestId);
  }

  @Post(':id/termination')
  @HttpCode(200)
  @RequirePermission('update', 'Agreement')
  @ApiOperation({ summary: 'Akhiri perjanjian kerja sama; pembagian kasus di bawahnya berhenti / Terminate an agreement; the cases shared under it stop being shared' })
  terminate(@Param('id', uuidParam('id')) id: string, @Body() body: TerminateAgreementDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.agreements.terminate(user, id, body, requestId);
  }
}
