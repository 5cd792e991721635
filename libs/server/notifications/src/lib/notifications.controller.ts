import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { NotificationList, NotificationsMarkedRead, NotificationView } from '@gugus/contracts';
import { Authenticated, CurrentUser, type AuthUser } from '@gugus/server-access';
import { uuidParam } from '@gugus/server-http';
import { NOTIFICATIONS_LIST_DEFAULT, NotificationsQueryDto } from './notifications.dto';
import { NotificationsService } from './notifications.service';

/** Each person's own notifications; nobody reads or marks anyone else's. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: 'Notifikasi saya, terbaru dulu, dan jumlah yang belum dibaca / My notifications, newest first, and the unread count' })
  list(@Query() q: NotificationsQueryDto, @CurrentUser() user: AuthUser): Promise<NotificationList> {
    return this.notifications.list(user.personId, { unreadOnly: q.unread === 'true', limit: q.limit ?? NOTIFICATIONS_LIST_DEFAULT });
  }

  @Post('read-all')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Tandai semua notifikasi saya sudah dibaca / Mark all my notifications read' })
  readAll(@CurrentUser() user: AuthUser): Promise<NotificationsMarkedRead> {
    return this.notifications.markAllRead(user.personId);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOperation({ summary: 'Tandai satu notifikasi saya sudah dibaca / Mark one of my notifications read' })
  read(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<NotificationView> {
    return this.notifications.markRead(user.personId, id);
  }
}
