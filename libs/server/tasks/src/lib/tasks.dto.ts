import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { ROLES, type Role } from '@gugus/contracts';
import { INBOX_CURSOR_MAX_LENGTH } from './inbox-cursor';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;
const PROCESS_KEY = /^[a-z][a-z0-9-]{1,60}$/;

export class InboxQuery {
  @ApiPropertyOptional({ enum: ['mine', 'agency', 'jurisdiction'], default: 'mine', description: 'Tugas saya / instansi saya / wilayah (koordinator) — my tasks / my agency / jurisdiction (coordinators)' })
  @IsOptional()
  @IsIn(['mine', 'agency', 'jurisdiction'])
  scope?: 'mine' | 'agency' | 'jurisdiction';

  @ApiPropertyOptional({ enum: ['open', 'done', 'all'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'done', 'all'])
  status?: 'open' | 'done' | 'all';

  @ApiPropertyOptional({ enum: ['overdue', 'soon'] })
  @IsOptional()
  @IsIn(['overdue', 'soon'])
  due?: 'overdue' | 'soon';

  @ApiPropertyOptional({ example: '32' })
  @IsOptional()
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ example: 'coordination-meeting' })
  @IsOptional()
  @Matches(PROCESS_KEY, { message: 'processKey must be a process key such as coordination-meeting' })
  processKey?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'processId must be a UUID' })
  processId?: string;

  @ApiPropertyOptional({ enum: ['due', 'created'], default: 'due' })
  @IsOptional()
  @IsIn(['due', 'created'])
  sort?: 'due' | 'created';

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({
    description:
      'Mulai setelah baris terakhir halaman sebelumnya (nextCursor dari jawaban sebelumnya; urutan yang sama; tanpa offset) — start after the last row of the previous page (its answer\'s nextCursor; same sort; no offset)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(INBOX_CURSOR_MAX_LENGTH, { message: 'cursor must be a nextCursor from an earlier inbox answer' })
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a nextCursor from an earlier inbox answer' })
  cursor?: string;
}

export class DraftDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir sementara / Form data so far' })
  @IsObject()
  data: Record<string, unknown>;
}

export class CommentDto {
  @ApiPropertyOptional({ example: '/actionPoints/0', description: 'Bagian atau isian yang dimaksud / The field or section it is about' })
  @IsOptional()
  @IsString()
  @Matches(/^(\/[A-Za-z0-9_-]+)*$/, { message: 'field must be a JSON pointer such as /actionPoints/0' })
  @MaxLength(300)
  field?: string;

  @ApiProperty({ example: 'Tenggat tindak lanjut 2 belum diisi.' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;
}

export class DecisionDto {
  @ApiProperty({ enum: ['completed', 'approved', 'returned'] })
  @IsIn(['completed', 'approved', 'returned'])
  outcome: 'completed' | 'approved' | 'returned';

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Isian formulir tugas (wajib bila tugas punya formulir) / The task form data (required when the task has a form)' })
  @IsOptional()
  @IsObject()
  data?: Record<string, unknown>;

  @ApiPropertyOptional({ type: [CommentDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CommentDto)
  comments?: CommentDto[];
}

export class ReassignDto {
  @ApiProperty()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES as Role[])
  role: Role;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'positionId must be a UUID' })
  positionId?: string;

  @ApiProperty({ example: 'Pejabat sebelumnya pindah tugas.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note: string;
}

export class DelegateDto {
  @ApiProperty({ description: 'Jabatan Plt. di instansi yang sama / The acting official’s position in the same agency' })
  @IsUUID('all', { message: 'positionId must be a UUID' })
  positionId: string;

  @ApiProperty({ example: 'Cuti tahunan 2 minggu.' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  note: string;
}
