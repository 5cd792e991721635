import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { HolidayYearQuery, PutHolidayDto } from './holidays.dto';
import { HolidaysService } from './holidays.service';
import { IsoDateParamPipe } from './iso-date.pipe';

@ApiTags('calendar')
@ApiBearerAuth()
@Controller('holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @RequirePermission('read', 'Holiday')
  @ApiOperation({ summary: 'Hari libur nasional dan cuti bersama setahun / National holidays and cuti bersama of a year' })
  list(@Query() q: HolidayYearQuery) {
    return this.holidays.list(q.year);
  }

  @Put(':date')
  @RequirePermission('update', 'Holiday')
  @ApiOperation({ summary: 'Tambah atau ubah hari libur / Add or change a holiday' })
  put(@Param('date', new IsoDateParamPipe('date')) date: string, @Body() body: PutHolidayDto, @CurrentUser() user: AuthUser) {
    return this.holidays.put(user, date, body);
  }

  @Delete(':date')
  @HttpCode(204)
  @RequirePermission('delete', 'Holiday')
  @ApiOperation({ summary: 'Hapus hari libur (menjadi hari kerja) / Remove a holiday (it becomes a working day)' })
  async remove(@Param('date', new IsoDateParamPipe('date')) date: string, @CurrentUser() user: AuthUser): Promise<void> {
    await this.holidays.remove(user, date);
  }
}
