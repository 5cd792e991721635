import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId, uuidParam } from '@gugus/server-http';
import { EndOutsideStepDto, OpenRevisionDto, PlanDiffQuery, PlanExportQuery, PlanListQuery, PlanVersionParams, RecordAllocationDto, StartOutsideStepDto, StartPlanDto } from './plans.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Rencana aksi suatu wilayah / Plans of action of a jurisdiction' })
  list(@Query() q: PlanListQuery, @CurrentUser() user: AuthUser) {
    return this.plans.list(user, q.jurisdictionCode);
  }

  @Get('analytics')
  @RequirePermission('read', 'PlanAnalytics')
  @ApiOperation({ summary: 'Analitik telaah lintas rencana aksi / Review analytics across plans' })
  overview(@Query() q: PlanListQuery, @CurrentUser() user: AuthUser) {
    return this.plans.overview(user, q.jurisdictionCode);
  }

  @Post()
  @RequirePermission('create', 'Plan')
  @ApiOperation({ summary: 'Mulai rencana aksi (memulai prosesnya) / Start a plan of action (starts its process)' })
  start(@Body() body: StartPlanDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.start(user, body, requestId);
  }

  @Get(':id')
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Satu rencana aksi: tahap, versi, komentar, keputusan, anggaran, kemajuan / One plan: stage, versions, comments, decree, budgets, progress' })
  view(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.view(user, id);
  }

  @Get(':id/versions/:seq')
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Satu versi rencana aksi / One version of a plan' })
  version(@Param() params: PlanVersionParams, @CurrentUser() user: AuthUser) {
    return this.plans.version(user, params.id, params.seq);
  }

  @Get(':id/diff')
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Perbedaan dua versi dan komentar yang ditanggapi / Difference between two versions and the comments it addresses' })
  diff(@Param('id', uuidParam('id')) id: string, @Query() q: PlanDiffQuery, @CurrentUser() user: AuthUser) {
    return this.plans.diff(user, id, q.from, q.to);
  }

  @Get(':id/export.pdf')
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Dokumen RAD (PDF, Bahasa Indonesia) / The plan as a PDF document' })
  async exportPdf(@Param('id', uuidParam('id')) id: string, @Query() q: PlanExportQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.file(await this.plans.export(user, id, 'pdf', q.version, requestId));
  }

  @Get(':id/export.xlsx')
  @RequirePermission('read', 'Plan')
  @ApiOperation({ summary: 'Kegiatan RAD (XLSX) / The plan activities as XLSX' })
  async exportXlsx(@Param('id', uuidParam('id')) id: string, @Query() q: PlanExportQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.file(await this.plans.export(user, id, 'xlsx', q.version, requestId));
  }

  private file(f: { body: Buffer; fileName: string; contentType: string }): StreamableFile {
    return new StreamableFile(f.body, { type: f.contentType, disposition: `attachment; filename="${f.fileName}"`, length: f.body.length });
  }

  @Get(':id/analytics')
  @RequirePermission('read', 'PlanAnalytics')
  @ApiOperation({ summary: 'Analitik telaah satu rencana aksi / Review analytics of one plan' })
  analytics(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.analytics(user, id);
  }

  @Post(':id/allocations')
  @RequirePermission('create', 'Plan')
  @ApiOperation({ summary: 'Catat alokasi anggaran kegiatan (hanya RAD yang ditetapkan) / Record a budget allocation (endorsed plans only)' })
  allocate(@Param('id', uuidParam('id')) id: string, @Body() body: RecordAllocationDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.recordAllocation(user, id, body, requestId);
  }

  @Post(':id/outside-steps')
  @RequirePermission('update', 'Plan')
  @ApiOperation({ summary: 'Catat langkah pihak luar (jam penelaah berhenti) / Record an outside body step (the reviewer’s clock stops)' })
  startOutside(@Param('id', uuidParam('id')) id: string, @Body() body: StartOutsideStepDto, @CurrentUser() user: AuthUser) {
    return this.plans.startOutsideStep(user, id, body);
  }

  @Post(':id/outside-steps/:stepId/end')
  @HttpCode(200)
  @RequirePermission('update', 'Plan')
  @ApiOperation({ summary: 'Akhiri langkah pihak luar (jam berjalan lagi) / End an outside body step (the clock resumes)' })
  endOutside(@Param('id', uuidParam('id')) id: string, @Param('stepId', uuidParam('stepId')) stepId: string, @Body() body: EndOutsideStepDto, @CurrentUser() user: AuthUser) {
    return this.plans.endOutsideStep(user, id, stepId, body);
  }

  @Post(':id/revision')
  @RequirePermission('create', 'Plan')
  @ApiOperation({ summary: 'Buka revisi RAD dari hasil pemantauan / Open a revision from monitoring' })
  revise(@Param('id', uuidParam('id')) id: string, @Body() body: OpenRevisionDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.openRevision(user, id, body, requestId);
  }

  @Post(':id/close-comments')
  @HttpCode(200)
  @RequirePermission('create', 'Plan')
  @ApiOperation({ summary: 'Tutup masa tanggapan instansi anggota / Close the member comment period' })
  closeComments(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.plans.closeComments(user, id);
  }
}
