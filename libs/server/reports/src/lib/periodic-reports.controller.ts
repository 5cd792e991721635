import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import type { PeriodicReportView, ReportCycleView } from '@gugus/contracts';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId } from '@gugus/server-http';
import { PeriodicReportsService } from './periodic-reports.service';

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
  constructor(private readonly reports: PeriodicReportsService) {}

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
