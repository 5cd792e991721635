import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { ProcessSettingsQuery, SaveProcessSettingsDto } from './process-settings.dto';
import { ProcessSettingsService } from './process-settings.service';

@ApiTags('process-settings')
@ApiBearerAuth()
@Controller('process-settings')
export class ProcessSettingsController {
  constructor(private readonly settings: ProcessSettingsService) {}

  @Get(':processKey')
  @RequirePermission('read', 'ProcessSettings')
  @ApiOperation({ summary: 'Pengaturan yang berlaku, asalnya, dan riwayat versi suatu wilayah / Settings in effect, where they come from, and the version history of a jurisdiction' })
  overview(@Param('processKey') processKey: string, @Query() q: ProcessSettingsQuery, @CurrentUser() user: AuthUser) {
    return this.settings.overview(user, processKey, q.jurisdictionCode);
  }

  @Post(':processKey/:jurisdictionCode')
  @RequirePermission('update', 'ProcessSettings')
  @ApiOperation({ summary: 'Simpan versi baru pengaturan untuk suatu wilayah / Save a new settings version for a jurisdiction' })
  save(@Param('processKey') processKey: string, @Param('jurisdictionCode') jurisdictionCode: string, @Body() body: SaveProcessSettingsDto, @CurrentUser() user: AuthUser) {
    return this.settings.saveVersion(user, processKey, jurisdictionCode, body.settings, body.note);
  }
}
