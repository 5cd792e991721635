import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;
const REGION_MESSAGE = 'jurisdictionCode must be an official region code such as 32 or 32.04';

export class CalendarQuery {
  @ApiProperty({ example: '32' })
  @Matches(REGION, { message: REGION_MESSAGE })
  jurisdictionCode: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Awal rentang (default: 1 bulan lalu) / Start of the range (default: a month ago)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be a date such as 2026-11-01' })
  from?: string;

  @ApiPropertyOptional({ example: '2027-03-01', description: 'Akhir rentang (default: 6 bulan ke depan) / End of the range (default: six months ahead)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be a date such as 2027-03-01' })
  to?: string;
}

export class ScheduleMeetingDto {
  @ApiProperty({ example: '32' })
  @Matches(REGION, { message: REGION_MESSAGE })
  jurisdictionCode: string;

  @ApiProperty({ enum: ['plenary', 'sub_tf', 'special'] })
  @IsIn(['plenary', 'sub_tf', 'special'])
  kind: 'plenary' | 'sub_tf' | 'special';

  @ApiProperty({ example: '2026-12-15T09:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be a date and time such as 2026-12-15T09:00:00+07:00' })
  scheduledAt: string;

  @ApiPropertyOptional({ example: 'Rapat Pleno Desember 2026' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: 'Ruang Rapat Gedung Sate' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional({ description: 'Wajib untuk rapat Sub-Gugus Tugas / Required for a Sub-task-force meeting' })
  @IsOptional()
  @IsUUID('all', { message: 'subTaskForceId must be a UUID' })
  subTaskForceId?: string;
}

export class CancelMeetingDto {
  @ApiProperty({ example: 'Bertepatan dengan kunjungan kerja gubernur; rapat pleno dijadwalkan ulang bulan depan.', description: 'Alasan pembatalan (wajib) / Why the meeting is cancelled (required)' })
  @IsString({ message: 'reason is required' })
  @MaxLength(1000)
  reason: string;
}

export class RescheduleMeetingDto {
  @ApiProperty({ example: '2026-12-22T09:00:00+07:00' })
  @IsISO8601({ strict: true }, { message: 'scheduledAt must be a date and time such as 2026-12-22T09:00:00+07:00' })
  scheduledAt: string;

  @ApiPropertyOptional({ example: 'Ruang Rapat Gedung Sate', description: 'Tempat baru (kosong: tetap) / New venue (empty: unchanged)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  venue?: string;

  @ApiPropertyOptional({ description: 'Alasan (boleh kosong) / Reason (optional)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
