import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { AGENCY_KINDS, ROLES, SUB_TASK_FORCE_KINDS, type AgencyKind, type JurisdictionLevel, type Role, type SubTaskForceKind } from '@gugus/contracts';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;

export class ListJurisdictionsQuery {
  @ApiPropertyOptional({ enum: ['national', 'province', 'regency'] })
  @IsOptional()
  @IsIn(['national', 'province', 'regency'])
  level?: JurisdictionLevel;

  @ApiPropertyOptional({ example: '32' })
  @IsOptional()
  @Matches(REGION, { message: 'parentCode must be an official region code such as 32' })
  parentCode?: string;
}

export class JurisdictionQuery {
  @ApiProperty({ example: '32' })
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode: string;
}

export class AgencyQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: '32.04' })
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode: string;

  @ApiProperty({ example: 'Dinas Kesehatan Kabupaten Bandung' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: AGENCY_KINDS })
  @IsIn(AGENCY_KINDS)
  kind: AgencyKind;

  @ApiPropertyOptional({ enum: SUB_TASK_FORCE_KINDS, isArray: true, description: 'Sub-TF keanggotaan / Sub-TF memberships' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SUB_TASK_FORCE_KINDS, { each: true })
  subTaskForces?: SubTaskForceKind[];
}

export class CreatePositionDto {
  @ApiProperty({ example: 'Kepala Bidang Pelayanan Kesehatan' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiPropertyOptional({ description: 'Mewakili instansi di gugus tugas / represents the agency in the task force' })
  @IsOptional()
  @IsBoolean()
  representsAgency?: boolean;
}

export class CreatePersonDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  agencyId: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiPropertyOptional({ description: 'Kata sandi awal (min. 10 karakter); kosong bila hanya SSO / initial password; omit for SSO only' })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}

export class AssignHolderDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'null mengosongkan jabatan / null leaves the position vacant' })
  @ValidateIf((o: AssignHolderDto) => o.personId !== null)
  @IsUUID()
  personId: string | null;

  @ApiPropertyOptional({ description: 'Catatan serah terima dari pemegang sebelumnya / handover note from the previous holder' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  handoverNote?: string;
}

export class CreateDelegationDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  personId: string;

  @ApiProperty({ example: '2026-12-01' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startsOn must be a date (YYYY-MM-DD)' })
  startsOn: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endsOn must be a date (YYYY-MM-DD)' })
  endsOn: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class SetSubTaskForceLeadDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'Instansi anggota sub-gugus yang memimpin; null: tidak ada / A member agency that leads the Sub-TF; null: none' })
  @ValidateIf((o: SetSubTaskForceLeadDto) => o.agencyId !== null)
  @IsUUID()
  agencyId: string | null;
}

export class SetTaskForceChairDto {
  @ApiProperty({ format: 'uuid', nullable: true, description: 'Jabatan dengan peran chair di instansi wilayah ini; null: tidak ada / A position with the chair role in an agency of this jurisdiction; null: none' })
  @ValidateIf((o: SetTaskForceChairDto) => o.positionId !== null)
  @IsUUID()
  positionId: string | null;
}

export class AgencyListQuery extends JurisdictionQuery {
  @ApiPropertyOptional({ description: 'Sertakan instansi nonaktif (halaman admin) / Include deactivated agencies (admin pages)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeInactive?: 'true' | 'false';
}

/** The version the editor saw; a record changed since is refused with 409 instead of being overwritten. */
class VersionedDto {
  @ApiPropertyOptional({ minimum: 1, description: 'Versi yang dilihat penyunting / The version the editor saw' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class UpdateAgencyDto extends VersionedDto {
  @ApiPropertyOptional({ example: 'Dinas Kesehatan Kabupaten Bandung' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AGENCY_KINDS })
  @IsOptional()
  @IsIn(AGENCY_KINDS)
  kind?: AgencyKind;

  @ApiPropertyOptional({ enum: SUB_TASK_FORCE_KINDS, isArray: true, description: 'Seluruh keanggotaan sub-gugus / All Sub-TF memberships' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(6)
  @IsIn(SUB_TASK_FORCE_KINDS, { each: true })
  subTaskForces?: SubTaskForceKind[];
}

export class UpdatePositionDto extends VersionedDto {
  @ApiPropertyOptional({ example: 'Kepala Bidang Pelayanan Kesehatan' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  representsAgency?: boolean;
}

export class UpdatePersonDto extends VersionedDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

export class SetActiveDto extends VersionedDto {
  @ApiProperty({ description: 'false menonaktifkan, true mengaktifkan kembali / false deactivates, true reactivates' })
  @IsBoolean()
  active: boolean;

  @ApiPropertyOptional({ description: 'Alasan (wajib saat menonaktifkan) / Reason (required to deactivate)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}
