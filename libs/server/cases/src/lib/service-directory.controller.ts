import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequirePermission, CurrentUser, type AuthUser } from '@gugus/server-access';
import { RequestId, uuidParam } from '@gugus/server-http';
import { ServiceDirectoryQuery, UpdateServiceProviderDto } from './cases.dto';
import { ServiceDirectoryService } from './service-directory.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('service-directory')
export class ServiceDirectoryController {
  constructor(private readonly directory: ServiceDirectoryService) {}

  @Get(':province')
  // The province's task forces and those of its regencies/cities: the service checks the province asked.
  @RequirePermission('read', 'ServiceDirectory')
  @ApiOperation({ summary: 'Direktori penyedia layanan provinsi (layanan per lembaga) / The province\'s directory of service providers (services per agency)' })
  view(@Param('province') province: string, @Query() q: ServiceDirectoryQuery, @CurrentUser() user: AuthUser) {
    return this.directory.view(user, province, q.serviceType);
  }

  @Put(':province/agencies/:agencyId')
  // The province's administrators and secretariat, or the agency's own officers (the service checks which).
  @RequirePermission('update', 'ServiceDirectory')
  @ApiOperation({ summary: 'Ubah layanan yang ditawarkan satu lembaga (diaudit) / Change what one agency offers (audited)' })
  update(@Param('province') province: string, @Param('agencyId', uuidParam('agencyId')) agencyId: string, @Body() body: UpdateServiceProviderDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.directory.update(user, province, agencyId, body, requestId);
  }
}
