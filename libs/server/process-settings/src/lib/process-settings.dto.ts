import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;

export class ProcessSettingsQuery {
  @ApiProperty({ example: '32.04' })
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode: string;
}

export class SaveProcessSettingsDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Pengaturan lengkap, divalidasi dengan skema proses (libs/shared/contracts) / Complete settings, validated by the process schema',
  })
  @IsObject()
  settings: Record<string, unknown>;

  @ApiPropertyOptional({ example: 'Rapat pleno tiap 3 bulan sesuai keputusan rapat 12 Mei', description: 'Alasan perubahan / Why it changed' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
