import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { AUDIT_KINDS, type AuditBreakReason, type AuditCheckpointMismatch, type AuditCheckpointView, type AuditEntryView, type AuditKind, type AuditVerification } from '@gugus/contracts';
import { AUDIT_LIST_DEFAULT, AUDIT_LIST_MAX, type AuditListQuery } from './audit.service';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;

export class AuditQueryDto implements AuditListQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Pelaku / Actor' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'person.read', description: 'Tindakan (subjek.kata_kerja) / Action (subject.verb)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @ApiPropertyOptional({ example: 'Person' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetType?: string;

  @ApiPropertyOptional({ enum: AUDIT_KINDS, description: 'read: hanya akses baca (tindakan *.read dan person.list) / only reads (*.read actions and person.list)' })
  @IsOptional()
  @IsIn(AUDIT_KINDS)
  kind?: AuditKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  targetId?: string;

  @ApiPropertyOptional({ example: '32', description: 'Wilayah ini dan di bawahnya / This jurisdiction and those below it' })
  @IsOptional()
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_LIST_MAX, default: AUDIT_LIST_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_LIST_MAX)
  limit?: number;

  @ApiPropertyOptional({ minimum: 1, description: 'Entri sebelum nomor ini (halaman berikutnya) / Entries before this number (next page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  beforeSeq?: number;
}

export class AuditEntryViewDto implements AuditEntryView {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ nullable: true, description: 'Nama pelaku / Name of the actor' }) actorName: string | null;
  @ApiProperty({ example: 'person.read' }) action: string;
  @ApiProperty({ example: 'Person' }) targetType: string;
  @ApiProperty({ nullable: true }) targetId: string | null;
  @ApiProperty({ nullable: true, description: 'Nama sasaran (orang, instansi, jabatan, rencana aksi, rapat); kasus tetap kodenya / Name of the target; a case stays its code' }) targetName: string | null;
  @ApiProperty({ nullable: true }) jurisdictionCode: string | null;
  @ApiProperty({ nullable: true }) requestId: string | null;
  @ApiProperty({ nullable: true, description: 'SHA-256 isi sebelum / of the content before' }) beforeDigest: string | null;
  @ApiProperty({ nullable: true, description: 'SHA-256 isi sesudah / of the content after' }) afterDigest: string | null;
  @ApiProperty({ nullable: true, example: 'assignee', description: 'Tujuan akses / Purpose of the access' }) purpose: string | null;
  @ApiProperty() hash: string;
}

export class AuditBrokenLinkDto {
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['content', 'link', 'version', 'key'] }) reason: AuditBreakReason;
  @ApiPropertyOptional({ description: 'Kunci yang tidak dikonfigurasi (reason=key) / Key that is not configured' }) keyId?: string;
}

export class AuditChainPointDto {
  @ApiProperty() seq: number;
  @ApiProperty() hash: string;
}

export class AuditCheckpointViewDto implements AuditCheckpointView {
  @ApiProperty() seq: number;
  @ApiProperty() hash: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'Berkas (atau log:baris) asal titik periksa / File (or log:line) it was read from' }) source: string;
}

export class AuditIgnoredCheckpointDto {
  @ApiProperty() source: string;
  @ApiProperty({ enum: ['signature', 'unknown-key', 'malformed'] }) reason: 'signature' | 'unknown-key' | 'malformed';
}

export class AuditCheckpointMismatchDto {
  @ApiProperty({ enum: ['missing', 'altered'] }) kind: AuditCheckpointMismatch['kind'];
  @ApiPropertyOptional({ description: 'missing: entri hilang pertama / first missing entry' }) fromSeq?: number;
  @ApiPropertyOptional({ description: 'missing: entri hilang terakhir / last missing entry' }) toSeq?: number;
  @ApiPropertyOptional({ description: 'altered: entri yang berbeda / the entry that differs' }) seq?: number;
  @ApiPropertyOptional({ description: 'altered: hash di tabel sekarang / hash in the table now' }) hash?: string;
  @ApiProperty({ type: AuditCheckpointViewDto }) checkpoint: AuditCheckpointViewDto;
}

export class AuditCheckpointsDto {
  @ApiProperty({ description: 'Direktori titik periksa dikonfigurasi / Checkpoint directory configured' }) configured: boolean;
  @ApiProperty({ description: 'Titik periksa bertanda tangan sah / Checkpoints with a valid signature' }) valid: number;
  @ApiProperty({ type: AuditCheckpointViewDto, nullable: true }) newest: AuditCheckpointViewDto | null;
  @ApiProperty({ type: AuditIgnoredCheckpointDto, isArray: true }) ignored: AuditIgnoredCheckpointDto[];
  @ApiProperty({ type: AuditCheckpointMismatchDto, nullable: true }) mismatch: AuditCheckpointMismatch | null;
}

export class AuditVerificationDto implements AuditVerification {
  @ApiProperty() ok: boolean;
  @ApiProperty({ description: 'Entri yang diperiksa / Entries checked' }) checked: number;
  @ApiProperty({ type: AuditBrokenLinkDto, nullable: true }) firstBroken: AuditBrokenLinkDto | null;
  @ApiProperty({ type: AuditChainPointDto, nullable: true, description: 'Entri terbaru / Newest entry' }) head: AuditChainPointDto | null;
  @ApiProperty({ type: AuditCheckpointsDto }) checkpoints: AuditCheckpointsDto;
}
