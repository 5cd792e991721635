import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView, AuditVerification } from '@gugus/contracts';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { AuditEntryViewDto, AuditQueryDto, AuditVerificationDto } from './audit.dto';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @RequirePermission('read', 'AuditLog')
  @ApiOperation({ summary: 'Jejak audit di wilayah Anda, terbaru dulu / Audit trail in your jurisdictions, newest first' })
  @ApiOkResponse({ type: AuditEntryViewDto, isArray: true })
  list(@Query() query: AuditQueryDto, @CurrentUser() user: AuthUser): Promise<AuditEntryView[]> {
    return this.audit.list(user, query);
  }

  @Get('verify')
  @RequirePermission('manage', 'AuditLog')
  @ApiOperation({ summary: 'Periksa rantai hash audit / Verify the audit hash chain' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
