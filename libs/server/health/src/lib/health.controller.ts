import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthReport } from '@gugus/contracts';
import { Public } from '@gugus/server-access';
import { HealthService } from './health.service';
import { APP_VERSION } from './version';

@ApiTags('system')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Keterjangkauan PostgreSQL dan Temporal / PostgreSQL and Temporal reachability' })
  @ApiResponse({ status: 200, description: 'Semua komponen aktif / every component is up' })
  @ApiResponse({ status: 503, description: 'Ada komponen yang tidak tersedia / a component is down (same body)' })
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const report = await this.health.report(APP_VERSION);
    res.status(report.status === 'up' ? 200 : 503).setHeader('Cache-Control', 'no-store');
    return report;
  }
}
