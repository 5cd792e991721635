import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, RequirePermission, type AuthUser } from '@gugus/server-access';
import { positiveIntParam, preferredLanguage, RequestId, uuidParam } from '@gugus/server-http';
import { CaseCodePipe } from './case-code.pipe';
import { CaseConferencesService } from './case-conferences.service';
import { CaseConsentsService } from './case-consents.service';
import { CaseReferralsService } from './case-referrals.service';
import { CaseSharesService } from './case-shares.service';
import { CaseReturnsService } from './case-returns.service';
import { CaseDecisionsService } from './case-decisions.service';
import { CasePlansService } from './case-plans.service';
import { CaseListQuery, CaseReadQuery, CloseCaseDto, RecordCaseFormDto, OpenCaseDto, ReopenCaseDto, RecordConsentDto, RecordReturnAssessmentDto, SaveCasePlanItemDto, SendReferralDto, ShareCaseDto, StartProtectionDto } from './cases.dto';
import { CasesService } from './cases.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly consents: CaseConsentsService,
    private readonly conferences: CaseConferencesService,
    private readonly referrals: CaseReferralsService,
    private readonly shares: CaseSharesService,
    private readonly returns: CaseReturnsService,
    private readonly decisions: CaseDecisionsService,
    private readonly plans: CasePlansService,
  ) {}

  @Post()
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Buka kasus dengan kode kasus / Open a case under a coded case id' })
  open(@Body() body: OpenCaseDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.open(user, body, requestId);
  }

  @Get()
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Daftar kasus (kode, tahap, status identifikasi; tanpa nama) / Case list (codes, stage, identification status; no names)' })
  list(@Query() q: CaseListQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.list(user, q, requestId);
  }

  @Get(':code')
  // The case's team, or the team of a task force it is shared with (a case role there): the service checks which.
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Halaman kasus; setiap pembacaan dicatat di jejak audit beserta tujuannya / The case page; every read is audited with its purpose' })
  view(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.view(user, code, q.purpose, requestId);
  }

  @Get(':code/timeline')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Langkah-langkah penanganan kasus (tugas, tanpa isian); pembacaan dicatat beserta tujuannya / The case\'s steps (tasks, no answers); the read is audited with its purpose' })
  timeline(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.timeline(user, code, q.purpose, requestId);
  }

  @Post(':code/immediate-protection')
  @HttpCode(200)
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Buka tugas kebutuhan segera sebelum penapisan selesai / Open immediate-need tasks before the screening is finished' })
  startProtection(@Param('code', CaseCodePipe) code: string, @Body() body: StartProtectionDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.startProtection(user, code, body.needs, requestId);
  }

  @Post(':code/consents')
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Catat persetujuan per tujuan (formulir consent); menarik kembali = keputusan baru berstatus ditarik / Record consent per purpose (consent form); withdrawing = a new decision with status withdrawn',
  })
  recordConsent(
    @Param('code', CaseCodePipe) code: string,
    @Body() body: RecordConsentDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.consents.record(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Get(':code/consents')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Keadaan persetujuan per tujuan dan riwayatnya; pembacaan dicatat beserta tujuannya / Consent per purpose and its history; the read is audited with its purpose' })
  consentState(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.consents.state(user, code, q.purpose, requestId);
  }

  @Get(':code/conference-actions/:taskId')
  // Any signed-in person: the agency holding the action's task need not have a case role; the service
  // answers 404 unless the reader holds that task or is on the case team.
  @Authenticated()
  @ApiOperation({ summary: 'Satu tindakan hasil konferensi kasus, bagi pemegang tugasnya (dicatat di jejak audit) / One case conference action, for the holder of its task (audited)' })
  conferenceAction(
    @Param('code', CaseCodePipe) code: string,
    @Param('taskId', uuidParam('taskId')) taskId: string,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
  ) {
    return this.conferences.action(user, code, taskId, requestId);
  }

  @Post(':code/referrals')
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Kirim rujukan ke layanan (formulir referral); kategori data yang dibagikan harus tercakup persetujuan untuk lembaga penerima / Send a referral (referral form); the categories shared must be covered by the consent for the receiving agency',
  })
  sendReferral(
    @Param('code', CaseCodePipe) code: string,
    @Body() body: SendReferralDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.referrals.send(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Get(':code/referrals')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Rujukan kasus dan keadaannya; pembacaan dicatat beserta tujuannya / The case\'s referrals and where each stands; the read is audited with its purpose' })
  listReferrals(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.referrals.list(user, code, q.purpose, requestId);
  }

  @Get(':code/referrals/:number/packet')
  // The receiving agency need not hold a case role: the service answers 404 unless the reader is of that agency or on the case team.
  @Authenticated()
  @ApiOperation({
    summary:
      'Paket rujukan: hanya isian yang diperlukan layanan dan tercakup persetujuan; setiap pembacaan dicatat / The referral packet: only the answers the service needs and consent covers; every read is audited',
  })
  referralPacket(
    @Param('code', CaseCodePipe) code: string,
    @Param('number', positiveIntParam('number')) number: number,
    @Query() q: CaseReadQuery,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
  ) {
    return this.referrals.packet(user, code, number, q.purpose, requestId);
  }

  @Post(':code/shares')
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Bagikan kasus dengan gugus tugas lain berdasarkan perjanjian kerja sama yang berlaku / Share the case with another task force under a cooperation agreement in force',
  })
  share(@Param('code', CaseCodePipe) code: string, @Body() body: ShareCaseDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.shares.share(user, code, body, requestId);
  }

  @Get(':code/shares')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Pembagian kasus dengan gugus tugas lain; pembacaan dicatat beserta tujuannya / The case\'s shares with other task forces; the read is audited with its purpose' })
  listShares(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.shares.list(user, code, q.purpose, requestId);
  }

  @Post(':code/shares/:shareId/end')
  @HttpCode(200)
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Akhiri pembagian kasus; mitra tidak lagi membaca apa pun / End a share; the partner reads nothing more' })
  endShare(@Param('code', CaseCodePipe) code: string, @Param('shareId', uuidParam('shareId')) shareId: string, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.shares.end(user, code, shareId, requestId);
  }

  @Get(':code/shares/:shareId/record')
  @RequirePermission('read', 'Case')
  @ApiOperation({
    summary:
      'Data kasus yang dibagikan: hanya yang tercakup perjanjian dan persetujuan untuk lembaga mitra; setiap pembacaan dicatat / The shared record: only what the agreement and the consent for the partner agency cover; every read is audited',
  })
  sharedRecord(
    @Param('code', CaseCodePipe) code: string,
    @Param('shareId', uuidParam('shareId')) shareId: string,
    @Query() q: CaseReadQuery,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
  ) {
    return this.shares.record(user, code, shareId, q.purpose, requestId);
  }

  @Post(':code/return-assessments')
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Catat penilaian sebelum pemulangan (takut kembali, non-refoulement, kewarganegaraan); pemulangan hanya bila sukarela dan aman / Record the assessment before return (fear of return, non-refoulement, nationality); a return only when voluntary and safe',
  })
  recordReturnAssessment(
    @Param('code', CaseCodePipe) code: string,
    @Body() body: RecordReturnAssessmentDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.returns.record(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Get(':code/return-assessments')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Penilaian sebelum pemulangan dan hasilnya (kode); pembacaan dicatat beserta tujuannya / Assessments before return and their outcome (codes); the read is audited with its purpose' })
  returnAssessments(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.returns.list(user, code, q.purpose, requestId);
  }

  @Post(':code/closure')
  @HttpCode(200)
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Tutup kasus kapan saja dengan alasan tercatat (formulir case-closure); semua langkah yang masih terbuka dibatalkan / Close the case at any time for a recorded reason (case-closure form); every open step is cancelled',
  })
  close(
    @Param('code', CaseCodePipe) code: string,
    @Body() body: CloseCaseDto,
    @CurrentUser() user: AuthUser,
    @RequestId() requestId: string | null,
    @Headers('accept-language') acceptLanguage?: string,
  ) {
    return this.cases.close(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Post(':code/reopening')
  @HttpCode(200)
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Buka kembali kasus yang ditutup; kembali ke konferensi kasus / Reopen a closed case; it goes back to the case conference' })
  reopen(@Param('code', CaseCodePipe) code: string, @Body() body: ReopenCaseDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.cases.reopen(user, code, body.reason, requestId);
  }

  @Post(':code/identification-decisions')
  @RequirePermission('create', 'Case')
  @ApiOperation({
    summary:
      'Catat keputusan status identifikasi (terverifikasi, dikonfirmasi, tidak dikonfirmasi — dukungan disesuaikan, kasus berlanjut) / Record an identification decision (verified, confirmed, not confirmed — support adjusted, the case goes on)',
  })
  decideIdentification(@Param('code', CaseCodePipe) code: string, @Body() body: RecordCaseFormDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') acceptLanguage?: string) {
    return this.decisions.decideIdentification(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Get(':code/identification-decisions')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Keputusan status identifikasi (kode); pembacaan dicatat beserta tujuannya / Identification decisions (codes); the read is audited with its purpose' })
  identificationDecisions(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.decisions.identificationDecisions(user, code, q.purpose, requestId);
  }

  @Post(':code/justice-records')
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Catat proses peradilan pidana kasus (tidak pernah menjadi syarat bantuan) / Record the case\'s criminal justice track (never a condition for help)' })
  recordJustice(@Param('code', CaseCodePipe) code: string, @Body() body: RecordCaseFormDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null, @Headers('accept-language') acceptLanguage?: string) {
    return this.decisions.recordJustice(user, code, body.data, preferredLanguage(acceptLanguage), requestId);
  }

  @Get(':code/justice-records')
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Catatan peradilan pidana kasus (kode dan angka); pembacaan dicatat beserta tujuannya / The case\'s justice records (codes and figures); the read is audited with its purpose' })
  justiceRecords(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.decisions.justiceRecords(user, code, q.purpose, requestId);
  }

  @Get(':code/plan')
  // The case's team, or a partner whose agreement and consent cover "needs and plan": the service checks which.
  @RequirePermission('read', 'Case')
  @ApiOperation({ summary: 'Rencana penanganan kasus: layanan × lembaga × mata anggaran × sumber dana, dengan riwayat; pembacaan dicatat beserta tujuannya / The case-management plan: services × agency × budget line × funding source, with its history; the read is audited with its purpose' })
  plan(@Param('code', CaseCodePipe) code: string, @Query() q: CaseReadQuery, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.view(user, code, q.purpose, requestId);
  }

  @Post(':code/plan/items')
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Tambah layanan ke rencana (lembaga dari direktori penyedia layanan); versi lama ditolak (409) / Add a service to the plan (agency from the directory); a stale version is refused (409)' })
  addPlanItem(@Param('code', CaseCodePipe) code: string, @Body() body: SaveCasePlanItemDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.add(user, code, body, requestId);
  }

  @Put(':code/plan/items/:itemId')
  @RequirePermission('create', 'Case')
  @ApiOperation({ summary: 'Ubah satu layanan dalam rencana (status, realisasi, lembaga, tanggal); versi lama ditolak (409) / Change one planned service (status, spending, agency, dates); a stale version is refused (409)' })
  updatePlanItem(@Param('code', CaseCodePipe) code: string, @Param('itemId', uuidParam('itemId')) itemId: string, @Body() body: SaveCasePlanItemDto, @CurrentUser() user: AuthUser, @RequestId() requestId: string | null) {
    return this.plans.update(user, code, itemId, body, requestId);
  }
}
