import { Body, Controller, Get, HttpCode, Param, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { PeriodicReportView, ReportCycleView, ReportDashboardView, ReportExportView } from '@gugus/contracts';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId } from '@gugus/server-http';
import { PeriodicReportsService } from './periodic-reports.service';
import { ReportDashboardService } from './report-dashboard.service';
import { ReportExportsService } from './report-exports.service';

// Shapes are checked in the service, which names the field and the problem in both languages.
export class DashboardQuery {
  @ApiPropertyOptional({ example: '00', description: 'Nasional (00) atau provinsi / National (00) or a province' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  jurisdictionCode?: string;

  @ApiPropertyOptional({ example: '2026-Q1' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  from?: string;

  @ApiPropertyOptional({ example: '2027-Q4' })
  @IsOptional()
  @IsString()
  @MaxLength(7)
  to?: string;
}

export class StartExportDto extends DashboardQuery {
  @ApiPropertyOptional({ enum: ['periodic-reports', 'case-records'], description: 'periodic-reports (default) atau case-records (baris kasus tanpa identitas, HTCDS; analis) / periodic-reports (default) or case-records (de-identified case rows, HTCDS; analysts)' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  kind?: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], description: 'xlsx (bawaan, dengan catatan) atau csv (data saja) / xlsx (default, with notes) or csv (the data alone)' })
  @IsOptional()
  @IsString()
  @MaxLength(8)
  format?: string;
}

export class OpenCycleDto {
  @ApiProperty({ example: '2027-Q1', description: 'Triwulan yang dilaporkan / The quarter reported on' })
  @IsString()
  @MaxLength(7)
  period: string;
}

export class CorrectReportDto {
  @ApiProperty({ example: 'Dua kasus yang tercatat terlambat belum terhitung.', description: 'Apa yang dikoreksi dan mengapa (tanpa data pribadi) / What is corrected and why (no personal data)' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class PeriodicReportsController {
  constructor(
    private readonly reports: PeriodicReportsService,
    private readonly dashboard: ReportDashboardService,
    private readonly exports: ReportExportsService,
  ) {}

  @Post('exports')
  @HttpCode(202)
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({
    summary:
      'Mulai ekspor XLSX (latar belakang): laporan berkala yang diterima, atau baris kasus tanpa identitas dalam bidang HTCDS hanya dari kasus yang setuju untuk penelitian / Start an XLSX export (background): accepted periodic reports, or de-identified case rows in HTCDS fields of consenting cases only',
  })
  startExport(@Body() body: StartExportDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null): Promise<ReportExportView> {
    return this.exports.start(user, body, requestId);
  }

  @Get('exports/:id')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Kemajuan ekspor Anda / Your export\'s progress' })
  exportStatus(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<ReportExportView> {
    return this.exports.status(user, id);
  }

  @Get('exports/:id/file')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Unduh berkas ekspor Anda (dicatat) / Download your export file (audited)' })
  async exportFile(@Param('id') id: string, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null): Promise<StreamableFile> {
    const f = await this.exports.file(user, id, requestId);
    return new StreamableFile(f.stream as unknown as import('node:stream').Readable, { type: f.type, disposition: `attachment; filename="${f.fileName}"`, length: f.length });
  }

  @Get('dashboard')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Dasbor pemantauan: korban dari waktu ke waktu, rincian, rujukan, waktu telaah, ketepatan waktu (hanya agregat) / Monitoring dashboard (aggregates only)' })
  dashboardView(@Query() q: DashboardQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null): Promise<ReportDashboardView> {
    return this.dashboard.view(user, q, requestId);
  }

  @Get('cycles')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Siklus laporan berkala / Periodic report cycles' })
  cycles(@CurrentUser() user: AuthUser) {
    return this.reports.list(user);
  }

  @Post('cycles')
  @HttpCode(200)
  @RequirePermission('create', 'PeriodicReport')
  @ApiOperation({ summary: 'Buka siklus laporan suatu triwulan (biasanya dibuka jadwal) / Open a quarter\'s report cycle (the schedule usually does)' })
  open(@Body() body: OpenCycleDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null): Promise<ReportCycleView> {
    return this.reports.open(user, body.period, requestId);
  }

  @Get('cycles/:period')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Satu siklus: laporan yang boleh Anda lihat dan ketepatan waktu / One cycle: the reports you may see and timeliness' })
  cycle(@Param('period') period: string, @CurrentUser() user: AuthUser): Promise<ReportCycleView> {
    return this.reports.cycle(user, period);
  }

  @Get('periodic/:id')
  @RequirePermission('read', 'PeriodicReport')
  @ApiOperation({ summary: 'Satu versi laporan dengan angkanya (hanya agregat) / One version of a report with its figures (aggregates only)' })
  report(@Param('id') id: string, @CurrentUser() user: AuthUser): Promise<PeriodicReportView> {
    return this.reports.view(user, id);
  }

  @Post('periodic/:id/corrections')
  @RequirePermission('update', 'PeriodicReport')
  @ApiOperation({ summary: 'Koreksi laporan yang sudah diterima: versi baru, versi lama tetap dapat dibaca / Correct an accepted report: a new version, the old one stays readable' })
  correct(@Param('id') id: string, @Body() body: CorrectReportDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null): Promise<PeriodicReportView> {
    return this.reports.correct(user, id, body.reason, requestId);
  }
}
