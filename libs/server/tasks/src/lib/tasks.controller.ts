import { Body, Controller, Get, Headers, HttpCode, HttpStatus, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Authenticated, CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { preferredLanguage, RequestId, uuidParam } from '@gugus/server-http';
import { DecisionDto, DelegateDto, DraftDto, InboxQuery, ReassignDto } from './tasks.dto';
import { TasksService } from './tasks.service';

/**
 * Human tasks. Acting on a task is decided by assignment (agency + role, optionally a position, as holder
 * or acting official) in the service; overseeing and reassigning by the `Task` permission in scope.
 */
@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Kotak tugas: tugas saya, instansi saya, atau wilayah / The task inbox: mine, my agency, or a jurisdiction' })
  inbox(@Query() q: InboxQuery, @CurrentUser() user: AuthUser) {
    return this.tasks.inbox(user, q);
  }

  @Get(':id')
  @Authenticated()
  @ApiOperation({ summary: 'Halaman tugas: konteks, formulir tersemat, riwayat / The task page: context, pinned form, history' })
  view(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.tasks.view(user, id, preferredLanguage(al));
  }

  @Post(':id/claim')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Ambil tugas / Claim a task' })
  claim(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') al?: string) {
    return this.tasks.claim(user, id, requestId, preferredLanguage(al));
  }

  @Post(':id/unclaim')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Lepaskan tugas / Release a claimed task' })
  unclaim(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') al?: string) {
    return this.tasks.unclaim(user, id, requestId, preferredLanguage(al));
  }

  @Put(':id/draft')
  @Authenticated()
  @ApiOperation({ summary: 'Simpan draf isian tugas / Save the task form as a draft' })
  draft(@Param('id', uuidParam('id')) id: string, @Body() body: DraftDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.tasks.saveDraft(user, id, body.data, requestId);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({
    summary: 'Selesaikan, setujui, atau kembalikan tugas / Complete, approve or return a task',
    description: '200: tercatat. 202: diterima proses dan sedang dicatat (`processing`), jangan kirim ulang. / 200: recorded. 202: accepted by the process and being recorded (`processing`); do not send again.',
  })
  async decide(
    @Param('id', uuidParam('id')) id: string,
    @Body() body: DecisionDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Res({ passthrough: true }) res: Response,
    @Headers('accept-language') al?: string,
  ) {
    const view = await this.tasks.decide(user, id, body, requestId, preferredLanguage(al));
    if ('processing' in view && view.processing) res.status(HttpStatus.ACCEPTED);
    return view;
  }

  @Post(':id/reassign')
  @HttpCode(200)
  @RequirePermission('reassign', 'Task')
  @ApiOperation({ summary: 'Alihkan tugas (koordinator) / Reassign a task (coordinators)' })
  reassign(@Param('id', uuidParam('id')) id: string, @Body() body: ReassignDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') al?: string) {
    return this.tasks.reassign(user, id, body, requestId, preferredLanguage(al));
  }

  @Post(':id/delegate')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Limpahkan tugas ke pejabat lain/Plt. di instansi yang sama / Delegate a task to another position (e.g. an acting official) in the same agency' })
  delegate(@Param('id', uuidParam('id')) id: string, @Body() body: DelegateDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') al?: string) {
    return this.tasks.delegate(user, id, body, requestId, preferredLanguage(al));
  }
}
