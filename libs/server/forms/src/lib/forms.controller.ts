import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Language } from '@gugus/forms';
import { CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { preferredLanguage, uuidParam } from '@gugus/server-http';
import { FormJurisdictionQuery, PublishDto, SaveOverlayDto, SubmitDto } from './forms.dto';
import { FormsService } from './forms.service';

const FORM_KEY = /^[a-z][a-z0-9-]{1,60}$/;
const lang = (acceptLanguage: string | undefined): Language => preferredLanguage(acceptLanguage);

@ApiTags('forms')
@ApiBearerAuth()
@Controller()
export class FormsController {
  constructor(private readonly forms: FormsService) {}

  @Get('forms/:key/effective')
  @RequirePermission('read', 'Form')
  @ApiOperation({ summary: 'Versi formulir yang berlaku di suatu wilayah / The form version in effect for a jurisdiction' })
  effective(@Param('key') key: string, @Query() q: FormJurisdictionQuery, @Headers('accept-language') al?: string) {
    return this.forms.effective(safeKey(key), q.jurisdictionCode, lang(al));
  }

  @Get('forms/:key/versions')
  @RequirePermission('read', 'FormVersion')
  @ApiOperation({ summary: 'Riwayat versi formulir suatu wilayah / Version history of a form in a jurisdiction' })
  versions(@Param('key') key: string, @Query() q: FormJurisdictionQuery, @Headers('accept-language') al?: string) {
    return this.forms.versions(safeKey(key), q.jurisdictionCode, lang(al));
  }

  @Post('forms/:key/variants/:jurisdictionCode/draft')
  @HttpCode(200)
  @RequirePermission('update', 'FormVersion')
  @ApiOperation({ summary: 'Buka draf varian provinsi / Open the province variant draft' })
  openDraft(@Param('key') key: string, @Param('jurisdictionCode') code: string, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.forms.openDraft(user, safeKey(key), code, lang(al));
  }

  @Get('form-versions/:id')
  @RequirePermission('read', 'FormVersion')
  @ApiOperation({ summary: 'Satu versi formulir dengan perubahannya terhadap versi nasional / One version with its changes against the national base' })
  version(@Param('id', uuidParam('id')) id: string, @Headers('accept-language') al?: string) {
    return this.forms.version(id, lang(al));
  }

  @Put('form-versions/:id/overlay')
  @RequirePermission('update', 'FormVersion')
  @ApiOperation({ summary: 'Simpan overlay draf (versi terbit tidak dapat diubah) / Save a draft overlay (published versions are immutable)' })
  save(@Param('id', uuidParam('id')) id: string, @Body() body: SaveOverlayDto, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.forms.saveDraft(user, id, body.overlay, lang(al));
  }

  @Post('form-versions/:id/publish')
  @HttpCode(200)
  @RequirePermission('update', 'FormVersion')
  @ApiOperation({ summary: 'Terbitkan draf; perubahan yang memutus kompatibilitas perlu konfirmasi / Publish a draft; breaking changes need confirmation' })
  publish(@Param('id', uuidParam('id')) id: string, @Body() body: PublishDto, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.forms.publish(user, id, body.confirmBreaking ?? false, lang(al));
  }

  @Post('forms/:key/submissions')
  @RequirePermission('create', 'FormSubmission')
  @ApiOperation({ summary: 'Simpan isian formulir, divalidasi dengan versi yang berlaku / Save a submission, validated against the version in effect' })
  submit(@Param('key') key: string, @Body() body: SubmitDto, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.forms.submit(user, safeKey(key), body.jurisdictionCode, body.data, body.status ?? 'submitted', lang(al));
  }

  @Get('form-submissions/:id')
  @RequirePermission('read', 'FormSubmission')
  @ApiOperation({ summary: 'Satu isian dengan versi formulir yang dipakainya / A submission with the exact version it used' })
  submission(@Param('id', uuidParam('id')) id: string, @CurrentUser() user: AuthUser, @Headers('accept-language') al?: string) {
    return this.forms.submission(user, id, lang(al));
  }
}

function safeKey(key: string): string {
  // An unknown or malformed key is simply a form that does not exist.
  return FORM_KEY.test(key) ? key : '-';
}
