import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type SystemCheckView } from '@gugus/contracts';
import { Authenticated } from '@gugus/server-access';
import { RateLimit } from '@gugus/server-auth';
import { DomainError } from '@gugus/server-http';
import { StartSystemCheckDto, SystemCheckViewDto } from './system-check.dto';
import { SystemCheckService } from './system-check.service';

const uuidPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new DomainError(
      ErrorCode.VALIDATION_FAILED,
      { id: 'ID pemeriksaan tidak valid.', en: 'The check ID is not valid.' },
      { fields: [{ field: 'id', message: { id: 'harus berupa UUID', en: 'must be a UUID' } }] },
    ),
});

// Any logged-in person may run one (it carries no data and proves the whole chain works for them), a
// few a minute: each starts a workflow and takes a worker slot. Anonymous callers could flood the worker.
@ApiTags('system')
@Authenticated()
@ApiBearerAuth()
@Controller('system-checks')
export class SystemCheckController {
  constructor(private readonly service: SystemCheckService) {}

  @Post()
  @HttpCode(202)
  @RateLimit('system-checks')
  @ApiOperation({ summary: 'Jalankan pemeriksaan sistem / Start a system check workflow' })
  @ApiAcceptedResponse({ type: SystemCheckViewDto })
  start(@Body() body: StartSystemCheckDto): Promise<SystemCheckView> {
    return this.service.start(body.holdMs ?? 0);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Status pemeriksaan sistem / State of a system check' })
  @ApiOkResponse({ type: SystemCheckViewDto })
  get(@Param('id', uuidPipe) id: string): Promise<SystemCheckView> {
    return this.service.get(id);
  }
}
