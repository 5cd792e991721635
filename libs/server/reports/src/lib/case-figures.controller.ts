import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { RequestId } from '@gugus/server-http';
import { CaseFiguresService } from './case-figures.service';

// The region code's shape is checked in the service, which says what is wrong in both languages.
export class CaseFiguresQuery {
  @ApiProperty({ example: '32', description: 'Wilayah gugus tugas (nasional 00, provinsi, kabupaten/kota) / The task force\'s region (national 00, province, regency/city)' })
  @IsString()
  @MaxLength(5)
  jurisdictionCode: string;

  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ example: 1, minimum: 1, maximum: 4 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(4)
  quarter: number;
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class CaseFiguresController {
  constructor(private readonly figures: CaseFiguresService) {}

  @Get('case-figures')
  // Aggregates for the task force's administrators, secretariat, chair and the national analyst: the service checks the region asked.
  @RequirePermission('read', 'CaseFigures')
  @ApiOperation({ summary: 'Angka kasus satu triwulan per rincian (hanya agregat) / A quarter\'s case figures by breakdown (aggregates only)' })
  caseFigures(@Query() q: CaseFiguresQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.figures.quarter(user, q.jurisdictionCode, q.year, q.quarter, requestId);
  }

  @Get('case-figures.csv')
  @RequirePermission('read', 'CaseFigures')
  @ApiOperation({ summary: 'Angka kasus satu triwulan sebagai CSV (hanya agregat; ekspor dicatat) / A quarter\'s case figures as CSV (aggregates only; the export is audited)' })
  async caseFiguresCsv(@Query() q: CaseFiguresQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    const f = await this.figures.csv(user, q.jurisdictionCode, q.year, q.quarter, requestId);
    return new StreamableFile(f.body, { type: f.contentType, disposition: `attachment; filename="${f.fileName}"`, length: f.body.length });
  }
}
