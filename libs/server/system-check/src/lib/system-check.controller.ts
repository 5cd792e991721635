import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ErrorCode, type SystemCheckView } from '@gugus/contracts';
import { Public } from '@gugus/server-access';
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

// Public on purpose: an operational probe that carries no data, used by the status page before login.
@ApiTags('system')
@Public()
@Controller('system-checks')
export class SystemCheckController {
  constructor(private readonly service: SystemCheckService) {}

  @Post()
  @HttpCode(202)
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
