import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';

export const NOTIFICATIONS_LIST_DEFAULT = 50;
export const NOTIFICATIONS_LIST_MAX = 200;

export class NotificationsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Hanya yang belum dibaca / Unread only' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ minimum: 1, maximum: NOTIFICATIONS_LIST_MAX, default: NOTIFICATIONS_LIST_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(NOTIFICATIONS_LIST_MAX)
  limit?: number;
}
