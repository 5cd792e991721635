import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId, uuidParam } from '@gugus/server-http';
import { CalendarQuery, CancelMeetingDto, RescheduleMeetingDto, ScheduleMeetingDto } from './meetings.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Get()
  @RequirePermission('read', 'Meeting')
  @ApiOperation({ summary: 'Kalender rapat koordinasi suatu wilayah / Coordination meeting calendar of a jurisdiction' })
  calendar(@Query() q: CalendarQuery, @CurrentUser() user: AuthUser) {
    return this.meetings.calendar(user, q.jurisdictionCode, q.from, q.to);
  }

  @Get(':id')
  @RequirePermission('read', 'Meeting')
  @ApiOperation({ summary: 'Satu rapat: undangan, jawaban, tindak lanjut / One meeting: invitations, answers, action points' })
  view(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser) {
    return this.meetings.view(user, id);
  }

  @Post()
  @RequirePermission('create', 'Meeting')
  @ApiOperation({ summary: 'Jadwalkan rapat (memulai prosesnya) / Schedule a meeting (starts its process)' })
  schedule(@Body() body: ScheduleMeetingDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.meetings.schedule(user, body, requestId);
  }

  @Post(':id/reschedule')
  @HttpCode(200)
  @RequirePermission('update', 'Meeting')
  @ApiOperation({ summary: 'Jadwalkan ulang rapat yang belum diadakan / Reschedule a meeting not yet held' })
  reschedule(@Param('id', uuidParam('id')) id: string, @Body() body: RescheduleMeetingDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.meetings.reschedule(user, id, body, requestId);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @RequirePermission('update', 'Meeting')
  @ApiOperation({ summary: 'Batalkan rapat yang belum diadakan, dengan alasan / Cancel a meeting not yet held, with a reason' })
  cancel(@Param('id', uuidParam('id')) id: string, @Body() body: CancelMeetingDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.meetings.cancel(user, id, body, requestId);
  }
}
