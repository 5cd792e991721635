import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthUser } from '@gugus/server-access';
import { RequestId } from '@gugus/server-http';
import { CasePacketListsService } from './case-packet-lists.service';
import { UpdatePacketListDto } from './cases.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('case-packet-lists')
export class CasePacketListsController {
  constructor(private readonly lists: CasePacketListsService) {}

  @Get(':province')
  // The province's case team and those who read its process settings; the service checks which.
  @Authenticated()
  @ApiOperation({ summary: 'Isi paket rujukan per jenis layanan di provinsi ini / What each service\'s referral packet carries in this province' })
  view(@Param('province') province: string, @CurrentUser() user: AuthUser) {
    return this.lists.view(user, province);
  }

  @Put(':province/:serviceType')
  // The province's administrators (process settings); the service checks it for the province asked.
  @Authenticated()
  @ApiOperation({ summary: 'Ubah isi paket rujukan satu layanan (diaudit); null = bawaan nasional / Adjust one service\'s packet (audited); null = the national default' })
  update(@Param('province') province: string, @Param('serviceType') serviceType: string, @Body() body: UpdatePacketListDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.lists.update(user, province, serviceType, body.categories, requestId);
  }
}
