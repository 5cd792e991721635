import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { HOLIDAY_KINDS, type HolidayInput, type HolidayKind } from '@gugus/contracts';

export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;

export class HolidayYearQuery {
  @ApiPropertyOptional({ example: 2026, minimum: FIRST_YEAR, maximum: LAST_YEAR, description: 'Tahun (bawaan: tahun ini di Jakarta) / Year (default: this year in Jakarta)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year?: number;
}

export class PutHolidayDto implements HolidayInput {
  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS)
  kind: HolidayKind;

  @ApiProperty({ example: 'Hari Raya Natal' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  nameId: string;

  @ApiProperty({ example: 'Christmas Day' })
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  nameEn: string;

  @ApiPropertyOptional({ example: 'SKB 3 Menteri 2026', description: 'Dasar penetapan / Legal basis' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  source?: string;
}
