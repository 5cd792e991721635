import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { CASE_READ_PURPOSES, CASE_REOPEN_REASONS, CASE_RISK_LEVELS, CASE_STAGES, type CaseRiskLevel, type CaseReopenReason, type CloseCaseRequest, type ReopenCaseRequest, type CaseReadPurpose, type CaseStage, type OpenCaseRequest, type RecordAgreementRequest, type RecordCaseFormRequest, type RecordConsentRequest, type RecordReturnAssessmentRequest, type ShareCaseRequest, type TerminateAgreementRequest, type SendReferralRequest, type StartProtectionRequest, type UpdateCasePacketListRequest, type CasePlanItemFields, type SaveCasePlanItemRequest, type UpdateServiceProviderRequest } from '@gugus/contracts';
import { INTAKE_CHANNELS } from './intake-channels';

// The region code's shape is checked in the service, which says what is wrong in both languages.
export class OpenCaseDto implements OpenCaseRequest {
  @ApiProperty({ example: '32.04', description: 'Kode wilayah gugus tugas (provinsi atau kabupaten/kota) / Region code of the task force (province or regency/city)' })
  @IsString()
  @MaxLength(5)
  jurisdictionCode: string;

  @ApiProperty({ description: 'Instansi anggota gugus tugas wilayah ini yang menerima kasus / Member agency of this task force taking the case in' })
  @IsUUID('all')
  intakeAgencyId: string;

  @ApiProperty({ enum: INTAKE_CHANNELS, example: 'hotline', description: 'Jalur masuk kasus (daftar opsi referral-sources) / How the case came in (referral-sources option list)' })
  @IsIn(INTAKE_CHANNELS)
  intakeChannel: string;
}

export class CaseListQuery {
  @ApiPropertyOptional({ example: '32', description: 'Wilayah ini dan yang di bawahnya; kosong: semua yang boleh Anda lihat / This jurisdiction and those below it; empty: all you may see' })
  @IsOptional()
  @IsString()
  @MaxLength(5)
  jurisdictionCode?: string;

  @ApiPropertyOptional({ enum: CASE_STAGES })
  @IsOptional()
  @IsIn(CASE_STAGES)
  stage?: CaseStage;

  @ApiPropertyOptional({ enum: CASE_RISK_LEVELS, description: 'Hanya kasus dengan tingkat risiko terakhir ini / Only cases whose latest assessed risk is this' })
  @IsOptional()
  @IsIn(CASE_RISK_LEVELS)
  risk?: CaseRiskLevel;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: 10_000_000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  offset?: number;
}

export class CaseReadQuery {
  @ApiProperty({ enum: CASE_READ_PURPOSES, description: 'Tujuan membaca kasus, dicatat di jejak audit / Why the case is read, written to the audit trail' })
  @IsDefined()
  @IsIn(CASE_READ_PURPOSES)
  purpose: CaseReadPurpose;
}

// The answers are checked against the consent form's version in the service (field errors as the forms API gives them).
export class RecordConsentDto implements RecordConsentRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir persetujuan (consent) / The consent form\'s answers' })
  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}

// The answers are checked against the referral form's version, and against the person's consent, in the service.
export class SendReferralDto implements SendReferralRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir rujukan (referral) / The referral form\'s answers' })
  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}

// Unknown services and categories are named by the service (checkPacketList), with the field.
export class UpdatePacketListDto implements UpdateCasePacketListRequest {
  @ApiProperty({ type: [String], nullable: true, description: 'Kategori data paket layanan ini; null = kembali ke bawaan nasional / The categories of this service\'s packet; null = back to the national default' })
  @ValidateIf((o: UpdatePacketListDto) => o.categories !== null)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  categories: string[] | null;
}

// Codes of the case-immediate-needs list, checked in the service (unknown codes named by position).
export class StartProtectionDto implements StartProtectionRequest {
  @ApiProperty({ type: [String], example: ['safety', 'shelter'], description: 'Kebutuhan segera (kode daftar case-immediate-needs) / Immediate needs (codes of the case-immediate-needs list)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  needs: string[];
}

// Parties, categories and dates are checked in the service (`@gugus/cases` checkAgreement), each field named.
export class RecordAgreementDto implements RecordAgreementRequest {
  @ApiProperty({ example: '119/PKS/DP3AKB/2026', description: 'Nomor perjanjian / The agreement\'s number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  reference: string;

  @ApiProperty({ example: 'Kerja sama penanganan korban TPPO antara Provinsi Jawa Barat dan Kota Batam' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @ApiProperty({ example: '32', description: 'Gugus tugas pihak pertama (provinsi atau kabupaten/kota) / First party\'s task force' })
  @IsString()
  @MaxLength(5)
  partyA: string;

  @ApiProperty({ example: '21.71', description: 'Gugus tugas pihak kedua / Second party\'s task force' })
  @IsString()
  @MaxLength(5)
  partyB: string;

  @ApiProperty({ type: [String], example: ['profile', 'needs_and_plan'], description: 'Ruang lingkup: kategori data yang boleh dibagikan / Scope: the data categories that may be shared' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  dataCategories: string[];

  @ApiProperty({ example: '2026-01-15' })
  @IsString()
  @MaxLength(10)
  signedOn: string;

  @ApiProperty({ example: '2026-02-01' })
  @IsString()
  @MaxLength(10)
  validFrom: string;

  @ApiProperty({ example: '2028-01-31' })
  @IsString()
  @MaxLength(10)
  validUntil: string;
}

export class TerminateAgreementDto implements TerminateAgreementRequest {
  @ApiProperty({ example: '2026-12-31' })
  @IsString()
  @MaxLength(10)
  terminatedOn: string;

  @ApiProperty({ example: 'Tidak diperpanjang oleh kedua pihak' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason: string;
}

export class ShareCaseDto implements ShareCaseRequest {
  @ApiProperty({ description: 'Perjanjian kerja sama yang berlaku / The cooperation agreement in force' })
  @IsUUID('all')
  agreementId: string;

  @ApiProperty({ description: 'Instansi anggota gugus tugas pihak lain / A member agency of the other party\'s task force' })
  @IsUUID('all')
  partnerAgencyId: string;

  @ApiProperty({ description: 'Gugus tugas mitra memimpin pemulangan dan reintegrasi / The partner\'s task force leads return and reintegration' })
  @IsBoolean()
  leadsReintegration: boolean;
}

// The answers are checked against the return-assessment form's version in the service.
export class RecordReturnAssessmentDto implements RecordReturnAssessmentRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir penilaian sebelum pemulangan (return-assessment) / The return-assessment form\'s answers' })
  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}

// The answers are checked against the closure form's version (and the child's two years) in the service.
export class CloseCaseDto implements CloseCaseRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir penutupan kasus (case-closure) / The case-closure form\'s answers' })
  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}

export class ReopenCaseDto implements ReopenCaseRequest {
  @ApiProperty({ enum: CASE_REOPEN_REASONS, description: 'Alasan membuka kembali kasus / Why the case is reopened' })
  @IsIn(CASE_REOPEN_REASONS)
  reason: CaseReopenReason;
}

// The answers are checked against the form's version (identification-decision, justice-record) in the service.
export class RecordCaseFormDto implements RecordCaseFormRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Isian formulir / The form\'s answers' })
  @IsDefined()
  @IsObject()
  data: Record<string, unknown>;
}

export class ServiceDirectoryQuery {
  @ApiPropertyOptional({ example: 'shelter', description: 'Hanya lembaga yang menawarkan layanan ini (kode daftar services) / Only agencies offering this service (services code)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  serviceType?: string;
}

// Codes and bounds are checked in the service (checkProvider), which names each wrong field in both languages.
export class UpdateServiceProviderDto implements UpdateServiceProviderRequest {
  @ApiProperty({ type: [String], example: ['shelter', 'psychosocial'], description: 'Layanan yang ditawarkan (kode daftar services); kosong = bukan penyedia layanan / Services offered (services codes); empty = not a provider' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  services: string[];

  @ApiProperty({ type: [String], example: ['children', 'women'], description: 'Kelompok sasaran (kode daftar service-target-groups) / Target groups (service-target-groups codes)' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  targetGroups: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, example: 20, description: 'Kapasitas (jumlah tempat) / Capacity (places)' })
  @IsOptional()
  @IsInt()
  capacity: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Unit atau meja yang dihubungi (bukan nomor pribadi) / The unit or desk to contact (no private numbers)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  contactPoint: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Cara merujuk (jam layanan, dokumen, alur) / How to refer (hours, documents, route)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  referralProtocol: string | null;
}

// The item is checked in the service (checkPlanItem: codes, the directory, amounts, dates), each field named.
export class SaveCasePlanItemDto implements SaveCasePlanItemRequest {
  @ApiProperty({ example: 3, description: 'Versi rencana saat perubahan dibuat; versi yang sudah lewat ditolak (409) / The plan version the change was made on; a stale one is refused (409)' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  expectedVersion: number;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Layanan: jenis, lembaga penanggung jawab (dari direktori), jangka, mata anggaran, sumber dana, jumlah, tanggal, status / The service: type, responsible agency (from the directory), horizon, budget line, funding source, amounts, dates, status' })
  @IsDefined()
  @IsObject()
  item: CasePlanItemFields;
}
