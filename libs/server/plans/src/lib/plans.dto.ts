import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import type { RecordAllocationRequest, StartOutsideStepRequest, StartPlanRequest, WorkingGroupMember } from '@gugus/contracts';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;
const REGION_MESSAGE = 'jurisdictionCode must be an official region code such as 32 or 32.04';

export class PlanListQuery {
  @ApiProperty({ example: '32' })
  @Matches(REGION, { message: REGION_MESSAGE })
  jurisdictionCode: string;
}

export class WorkingGroupMemberDto implements WorkingGroupMember {
  @ApiProperty()
  @IsUUID('all', { message: 'agencyId must be an agency id' })
  agencyId: string;

  @ApiProperty({ example: 'Kepala Bidang Perlindungan Perempuan' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  positionTitle: string;

  @ApiProperty({ enum: ['facilitator', 'note_taker', 'resource_person', 'member'] })
  @IsIn(['facilitator', 'note_taker', 'resource_person', 'member'])
  part: WorkingGroupMember['part'];
}

export class StartPlanDto implements StartPlanRequest {
  @ApiProperty({ example: '32' })
  @Matches(REGION, { message: REGION_MESSAGE })
  jurisdictionCode: string;

  @ApiProperty({ example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  periodStart: number;

  @ApiProperty({ enum: [3, 5] })
  @IsIn([3, 5], { message: 'periodYears must be 3 or 5' })
  periodYears: 3 | 5;

  @ApiPropertyOptional({ example: 'RAD PP-TPPO Provinsi Jawa Barat 2027–2031' })
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title?: string;

  @ApiProperty({ type: [WorkingGroupMemberDto] })
  @ValidateNested({ each: true })
  @Type(() => WorkingGroupMemberDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  workingGroup: WorkingGroupMemberDto[];
}

export class PlanVersionParams {
  @ApiProperty()
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;

  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  seq: number;
}

export class PlanDiffQuery {
  @ApiProperty({ example: 1 })
  @Type(() => Number)
  @IsInt({ message: 'from must be a version number' })
  @Min(1)
  @Max(100000)
  from: number;

  @ApiProperty({ example: 2 })
  @Type(() => Number)
  @IsInt({ message: 'to must be a version number' })
  @Min(1)
  @Max(100000)
  to: number;
}

export class RecordAllocationDto implements RecordAllocationRequest {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  activityId: string;

  @ApiProperty({ example: 2028 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fiscalYear: number;

  @ApiProperty({ example: 125000000, description: 'Rupiah penuh / whole rupiah' })
  @IsInt({ message: 'amount must be a whole number of rupiah' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount: number;

  @ApiProperty({ example: 'apbd_province' })
  @IsString()
  @Matches(/^[a-z0-9_]{2,40}$/, { message: 'budgetSource must be a budget source code such as apbd_province' })
  budgetSource: string;

  @ApiProperty()
  @IsBoolean()
  approvedByParliament: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100000)
  versionSeq?: number;
}

export class StartOutsideStepDto implements StartOutsideStepRequest {
  @ApiProperty({ enum: ['regulation_harmonisation', 'signature_queue', 'other'] })
  @IsIn(['regulation_harmonisation', 'signature_queue', 'other'])
  body: StartOutsideStepRequest['body'];

  @ApiProperty({ example: '180/1234/Hukham' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  referenceNumber: string;

  @ApiProperty({ example: '2027-03-02' })
  @IsISO8601({ strict: true }, { message: 'date must be a date such as 2027-03-02' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date such as 2027-03-02' })
  date: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class EndOutsideStepDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  referenceNumber?: string;

  @ApiPropertyOptional({ example: '2027-04-10' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'date must be a date such as 2027-04-10' })
  date?: string;
}

export class OpenRevisionDto {
  @ApiProperty({ example: 'Hasil evaluasi tahunan 2028: target kegiatan 3.2 perlu diubah.' })
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

export class PlanExportQuery {
  @ApiPropertyOptional({ description: 'Nomor versi (default: versi yang ditetapkan) / Version number (default: the endorsed one)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100000)
  version?: number;
}
