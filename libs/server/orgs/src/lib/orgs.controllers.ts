import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AgencyView, JurisdictionView, OrgChangeView, PersonView, PositionView, TaskForceView } from '@gugus/contracts';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { uuidParam } from '@gugus/server-http';
import {
  AgencyListQuery,
  AgencyQuery,
  AssignHolderDto,
  CreateAgencyDto,
  CreateDelegationDto,
  CreatePersonDto,
  CreatePositionDto,
  ListJurisdictionsQuery,
  SetActiveDto,
  SetSubTaskForceLeadDto,
  SetTaskForceChairDto,
  UpdateAgencyDto,
  UpdatePersonDto,
  UpdatePositionDto,
} from './orgs.dto';
import { OrgsService } from './orgs.service';

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('jurisdictions')
export class JurisdictionsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @RequirePermission('read', 'Jurisdiction')
  @ApiOperation({ summary: 'Daftar wilayah (kode resmi) / List jurisdictions (official codes)' })
  list(@Query() query: ListJurisdictionsQuery): Promise<JurisdictionView[]> {
    return this.orgs.listJurisdictions(query);
  }

  @Get(':code')
  @RequirePermission('read', 'Jurisdiction')
  @ApiOperation({ summary: 'Satu wilayah / One jurisdiction' })
  get(@Param('code') code: string): Promise<JurisdictionView> {
    return this.orgs.getJurisdiction(code);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('task-forces')
export class TaskForcesController {
  constructor(private readonly orgs: OrgsService) {}

  @Get(':jurisdictionCode')
  @RequirePermission('read', 'TaskForce')
  @ApiOperation({ summary: 'Gugus tugas suatu wilayah dengan sub-gugusnya / The task force of a jurisdiction with its Sub-TFs' })
  get(@Param('jurisdictionCode') code: string, @CurrentUser() user: AuthUser): Promise<TaskForceView> {
    return this.orgs.getTaskForce(user, code);
  }

  @Put(':jurisdictionCode')
  @RequirePermission('create', 'TaskForce')
  @ApiOperation({ summary: 'Bentuk gugus tugas bila belum ada (idempoten) / Create the task force if missing (idempotent)' })
  ensure(@Param('jurisdictionCode') code: string, @CurrentUser() user: AuthUser): Promise<TaskForceView> {
    return this.orgs.ensureTaskForce(user, code);
  }

  @Put(':jurisdictionCode/chair')
  @RequirePermission('update', 'TaskForce')
  @ApiOperation({ summary: 'Tetapkan jabatan ketua gugus tugas / Set the task force chair position' })
  setChair(@Param('jurisdictionCode') code: string, @Body() body: SetTaskForceChairDto, @CurrentUser() user: AuthUser): Promise<TaskForceView> {
    return this.orgs.setTaskForceChair(user, code, body);
  }

  @Put(':jurisdictionCode/sub-task-forces/:kind/lead')
  @RequirePermission('update', 'TaskForce')
  @ApiOperation({ summary: 'Tetapkan instansi pemimpin sub-gugus / Set the lead agency of a Sub-TF' })
  setLead(@Param('jurisdictionCode') code: string, @Param('kind') kind: string, @Body() body: SetSubTaskForceLeadDto, @CurrentUser() user: AuthUser): Promise<TaskForceView> {
    return this.orgs.setSubTaskForceLead(user, code, kind, body);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @RequirePermission('read', 'Agency')
  @ApiOperation({ summary: 'Instansi di suatu wilayah / Agencies of a jurisdiction' })
  list(@Query() query: AgencyListQuery, @CurrentUser() user: AuthUser): Promise<AgencyView[]> {
    return this.orgs.listAgencies(user, query.jurisdictionCode, query.includeInactive === 'true');
  }

  @Post()
  @RequirePermission('create', 'Agency')
  @ApiOperation({ summary: 'Tambah instansi / Add an agency' })
  create(@Body() body: CreateAgencyDto, @CurrentUser() user: AuthUser): Promise<AgencyView> {
    return this.orgs.createAgency(user, body);
  }

  @Get(':id')
  @RequirePermission('read', 'Agency')
  @ApiOperation({ summary: 'Satu instansi / One agency' })
  get(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<AgencyView> {
    return this.orgs.getAgency(user, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Agency')
  @ApiOperation({ summary: 'Ubah nama, jenis atau keanggotaan sub-gugus instansi / Edit an agency: name, kind, Sub-TF memberships' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateAgencyDto, @CurrentUser() user: AuthUser): Promise<AgencyView> {
    return this.orgs.updateAgency(user, id, body);
  }

  @Put(':id/active')
  @RequirePermission('update', 'Agency')
  @ApiOperation({ summary: 'Nonaktifkan atau aktifkan kembali instansi (tidak pernah dihapus) / Deactivate or reactivate an agency (never deleted)' })
  setActive(@Param('id', uuidParam('id')) id: string, @Body() body: SetActiveDto, @CurrentUser() user: AuthUser): Promise<AgencyView> {
    return this.orgs.setAgencyActive(user, id, body);
  }

  @Get(':id/changes')
  @RequirePermission('read', 'Agency')
  @ApiOperation({ summary: 'Riwayat perubahan instansi / Change history of an agency' })
  changes(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<OrgChangeView[]> {
    return this.orgs.agencyChanges(user, id);
  }

  @Get(':id/positions')
  @RequirePermission('read', 'Position')
  @ApiOperation({ summary: 'Jabatan di instansi / Positions in an agency' })
  positions(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<PositionView[]> {
    return this.orgs.listPositions(user, id);
  }

  @Post(':id/positions')
  @RequirePermission('create', 'Position')
  @ApiOperation({ summary: 'Tambah jabatan / Add a position' })
  createPosition(@Param('id', uuidParam('id')) id: string, @Body() body: CreatePositionDto, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.createPosition(user, id, body);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('positions')
export class PositionsController {
  constructor(private readonly orgs: OrgsService) {}

  @Get(':id')
  @RequirePermission('read', 'Position')
  @ApiOperation({ summary: 'Jabatan dengan riwayat pemegang dan Plt. / A position with its holders and acting officials' })
  get(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.getPosition(user, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Position')
  @ApiOperation({ summary: 'Ubah nama jabatan, peran, atau perwakilan instansi / Edit a position: title, roles, represents the agency' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdatePositionDto, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.updatePosition(user, id, body);
  }

  @Put(':id/active')
  @RequirePermission('update', 'Position')
  @ApiOperation({ summary: 'Nonaktifkan atau aktifkan kembali jabatan / Deactivate or reactivate a position' })
  setActive(@Param('id', uuidParam('id')) id: string, @Body() body: SetActiveDto, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.setPositionActive(user, id, body);
  }

  @Get(':id/changes')
  @RequirePermission('read', 'Position')
  @ApiOperation({ summary: 'Riwayat perubahan jabatan / Change history of a position' })
  changes(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<OrgChangeView[]> {
    return this.orgs.positionChanges(user, id);
  }

  @Put(':id/holder')
  @RequirePermission('update', 'Position')
  @ApiOperation({ summary: 'Pindahkan jabatan ke orang lain, dengan catatan serah terima / Move a position to another person, with a handover note' })
  assign(@Param('id', uuidParam('id')) id: string, @Body() body: AssignHolderDto, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.assignHolder(user, id, body);
  }

  @Post(':id/delegations')
  @HttpCode(201)
  @RequirePermission('update', 'Position')
  @ApiOperation({ summary: 'Tunjuk pelaksana tugas (Plt.) untuk suatu periode / Delegate to an acting official for a period' })
  delegate(@Param('id', uuidParam('id')) id: string, @Body() body: CreateDelegationDto, @CurrentUser() user: AuthUser): Promise<PositionView> {
    return this.orgs.delegate(user, id, body);
  }
}

@ApiTags('organisations')
@ApiBearerAuth()
@Controller('people')
export class PeopleController {
  constructor(private readonly orgs: OrgsService) {}

  @Get()
  @RequirePermission('read', 'Person')
  @ApiOperation({ summary: 'Orang di suatu instansi / People of an agency' })
  list(@Query() query: AgencyQuery, @CurrentUser() user: AuthUser): Promise<PersonView[]> {
    return this.orgs.listPeople(user, query.agencyId);
  }

  @Post()
  @RequirePermission('create', 'Person')
  @ApiOperation({ summary: 'Tambah orang / Add a person' })
  create(@Body() body: CreatePersonDto, @CurrentUser() user: AuthUser): Promise<PersonView> {
    return this.orgs.createPerson(user, body);
  }

  @Get(':id')
  @RequirePermission('read', 'Person')
  @ApiOperation({ summary: 'Satu orang / One person' })
  get(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<PersonView> {
    return this.orgs.getPerson(user, id);
  }

  @Patch(':id')
  @RequirePermission('update', 'Person')
  @ApiOperation({ summary: 'Ubah nama atau e-mail orang / Edit a person: name, e-mail' })
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdatePersonDto, @CurrentUser() user: AuthUser): Promise<PersonView> {
    return this.orgs.updatePerson(user, id, body);
  }

  @Put(':id/active')
  @RequirePermission('update', 'Person')
  @ApiOperation({ summary: 'Nonaktifkan (tidak bisa masuk, tidak menerima tugas) atau aktifkan kembali / Deactivate (no login, no new tasks) or reactivate a person' })
  setActive(@Param('id', uuidParam('id')) id: string, @Body() body: SetActiveDto, @CurrentUser() user: AuthUser): Promise<PersonView> {
    return this.orgs.setPersonActive(user, id, body);
  }

  @Get(':id/changes')
  @RequirePermission('read', 'Person')
  @ApiOperation({ summary: 'Riwayat perubahan orang / Change history of a person' })
  changes(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser): Promise<OrgChangeView[]> {
    return this.orgs.personChanges(user, id);
  }
}
