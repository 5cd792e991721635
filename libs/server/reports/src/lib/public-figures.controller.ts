import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PublicFiguresView } from '@gugus/contracts';
import { Public } from '@gugus/server-access';
import { PublicFiguresService } from './public-figures.service';

/** The public annual figures (issue 12, item 4): no login, counts only, every cell suppressed with k = 11. */
@ApiTags('public')
@Controller('public')
export class PublicFiguresController {
  constructor(private readonly figures: PublicFiguresService) {}

  @Get('figures')
  @Public()
  @ApiOperation({ summary: 'Angka tahunan nasional dan provinsi, tanpa data perorangan (k = 11) / National and provincial annual figures, de-identified (k = 11)' })
  view(): Promise<PublicFiguresView> {
    return this.figures.view();
  }

  @Get('annual-report/:year')
  @Public()
  @ApiOperation({ summary: 'Angka tahunan satu tahun sebagai PDF (sel yang sama, k = 11) / One year of the annual figures as a PDF (the same cells, k = 11)' })
  async annualReport(@Param('year') year: string): Promise<StreamableFile> {
    const pdf = await this.figures.pdf(year);
    return new StreamableFile(pdf.body, { type: 'application/pdf', disposition: `attachment; filename="${pdf.fileName}"`, length: pdf.body.length });
  }

  @Get('figures.csv')
  @Public()
  @ApiOperation({ summary: 'Angka tahunan yang sama sebagai CSV (aturan penyembunyian yang sama) / The same annual figures as CSV (the same suppression)' })
  async csv(): Promise<StreamableFile> {
    const body = await this.figures.csv();
    return new StreamableFile(body, { type: 'text/csv; charset=utf-8', disposition: 'attachment; filename="angka-tahunan-tppo.csv"', length: body.length });
  }
}
