import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, IsOptional, Matches } from 'class-validator';

const REGION = /^(00|\d{2}|\d{2}\.\d{2})$/;

export class FormJurisdictionQuery {
  @ApiProperty({ example: '32.04' })
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode: string;
}

export class SaveOverlayDto {
  @ApiProperty({ description: 'Overlay varian provinsi (lihat forms/README.md) / Province variant overlay (see forms/README.md)', type: 'object', additionalProperties: true })
  @IsObject()
  overlay: Record<string, unknown>;
}

export class PublishDto {
  @ApiPropertyOptional({ description: 'Konfirmasi perubahan yang memutus kompatibilitas / Confirm a breaking change' })
  @IsOptional()
  @IsBoolean()
  confirmBreaking?: boolean;
}

export class SubmitDto {
  @ApiProperty({ example: '32.04' })
  @Matches(REGION, { message: 'jurisdictionCode must be an official region code such as 32 or 32.04' })
  jurisdictionCode: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  @IsObject()
  data: Record<string, unknown>;

  @ApiPropertyOptional({ enum: ['draft', 'submitted'], default: 'submitted' })
  @IsOptional()
  @IsIn(['draft', 'submitted'])
  status?: 'draft' | 'submitted';
}
