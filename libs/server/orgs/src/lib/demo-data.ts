import type { DataSource } from 'typeorm';
import { Role, SubTaskForceKind, type AgencyKind } from '@gugus/contracts';
import { hashPassword } from '@gugus/server-access';
import { OrgsRepository } from './orgs.repository';
import { subTaskForceKindsFor } from './orgs.service';

/** Password of every demo account. Demo data only: never seeded outside `npm start` and tests. */
export const DEMO_PASSWORD = 'gugus-demo-2026';

export interface DemoLogin {
  email: string;
  role: Role;
  description: string;
}

interface DemoAgency {
  jurisdictionCode: string;
  name: string;
  kind: AgencyKind;
  subTaskForces: SubTaskForceKind[];
  /** `represents`: the position that speaks for the agency (answers invitations, receives its action points). */
  people: { email: string; name: string; title: string; roles: Role[]; description: string; represents?: boolean }[];
}

/** A national secretariat, West Java with Kabupaten Bandung, and Riau Islands with Kota Batam. */
const DEMO_AGENCIES: DemoAgency[] = [
  {
    jurisdictionCode: '00',
    name: 'Kementerian Pemberdayaan Perempuan dan Perlindungan Anak',
    kind: 'women_child_protection_office',
    subTaskForces: [],
    people: [
      { email: 'admin@gugus.test', name: 'Admin Sistem Gugus', title: 'Administrator Sistem', roles: [Role.SYSTEM_ADMIN], description: 'Administrator sistem / system administrator' },
      { email: 'analis@gugus.test', name: 'Dewi Anggraini', title: 'Analis Data TPPO', roles: [Role.NATIONAL_ANALYST], description: 'Analis nasional / national analyst' },
    ],
  },
  {
    jurisdictionCode: '32',
    name: 'DP3AKB Provinsi Jawa Barat',
    kind: 'women_child_protection_office',
    subTaskForces: [SubTaskForceKind.PREVENTION],
    people: [
      { email: 'admin.jabar@gugus.test', name: 'Rina Kusumawati', title: 'Kepala Bidang Perlindungan Perempuan', roles: [Role.PROVINCIAL_ADMIN], description: 'Admin provinsi Jawa Barat / West Java provincial administrator' },
      { email: 'sekretariat.jabar@gugus.test', name: 'Dedi Supriadi', title: 'Sekretaris Gugus Tugas', roles: [Role.SECRETARIAT], description: 'Sekretariat GT Jawa Barat / West Java secretariat', represents: true },
    ],
  },
  {
    jurisdictionCode: '32',
    name: 'Biro Hukum Setda Provinsi Jawa Barat',
    kind: 'legal_bureau',
    subTaskForces: [SubTaskForceKind.LEGAL_NORM],
    people: [{ email: 'hukum.jabar@gugus.test', name: 'Siti Nurhaliza', title: 'Analis Hukum', roles: [Role.LEGAL_REVIEWER], description: 'Peninjau hukum / legal reviewer', represents: true }],
  },
  {
    jurisdictionCode: '32',
    name: 'UPTD PPA Provinsi Jawa Barat',
    kind: 'integrated_service_centre',
    subTaskForces: [SubTaskForceKind.SOCIAL],
    people: [
      { email: 'koordinator.jabar@gugus.test', name: 'Ahmad Fauzi', title: 'Manajer Kasus', roles: [Role.CASE_COORDINATOR], description: 'Koordinator kasus / case coordinator', represents: true },
      { email: 'pekerja.jabar@gugus.test', name: 'Lina Marlina', title: 'Pekerja Sosial', roles: [Role.CASE_WORKER], description: 'Pekerja kasus / case worker' },
    ],
  },
  {
    jurisdictionCode: '32',
    name: 'Sekretariat Daerah Provinsi Jawa Barat',
    kind: 'government_office',
    subTaskForces: [SubTaskForceKind.COOPERATION],
    people: [{ email: 'ketua.jabar@gugus.test', name: 'Hendra Wijaya', title: 'Wakil Gubernur', roles: [Role.CHAIR], description: 'Ketua GT Jawa Barat / West Java chair', represents: true }],
  },
  {
    jurisdictionCode: '32',
    name: 'Dinas Sosial Provinsi Jawa Barat',
    kind: 'government_office',
    subTaskForces: [SubTaskForceKind.SOCIAL],
    people: [
      { email: 'dinsos.jabar@gugus.test', name: 'Wulan Sari', title: 'Kepala Seksi Perlindungan Sosial', roles: [Role.AGENCY_OFFICER], description: 'Petugas instansi, Jawa Barat / agency officer, West Java', represents: true },
    ],
  },
  {
    jurisdictionCode: '32.04',
    name: 'Dinas Kesehatan Kabupaten Bandung',
    kind: 'government_office',
    subTaskForces: [SubTaskForceKind.HEALTH],
    people: [{ email: 'dinkes.bandung@gugus.test', name: 'Yusuf Hidayat', title: 'Staf Pelayanan Kesehatan', roles: [Role.AGENCY_OFFICER], description: 'Petugas instansi, Kab. Bandung / agency officer' }],
  },
  {
    jurisdictionCode: '32.04',
    name: 'DP2KBP3A Kabupaten Bandung',
    kind: 'women_child_protection_office',
    subTaskForces: [SubTaskForceKind.PREVENTION],
    people: [{ email: 'sekretariat.bandung@gugus.test', name: 'Ujang Sopandi', title: 'Sekretaris Gugus Tugas', roles: [Role.SECRETARIAT], description: 'Sekretariat GT Kab. Bandung / regency secretariat' }],
  },
  {
    jurisdictionCode: '21',
    name: 'DP3AP2KB Provinsi Kepulauan Riau',
    kind: 'women_child_protection_office',
    subTaskForces: [SubTaskForceKind.PREVENTION],
    people: [{ email: 'admin.kepri@gugus.test', name: 'Nurul Aini', title: 'Kepala Bidang PPA', roles: [Role.PROVINCIAL_ADMIN], description: 'Admin provinsi Kepulauan Riau / Riau Islands provincial administrator' }],
  },
  {
    jurisdictionCode: '21.71',
    name: 'Dinas Sosial Kota Batam',
    kind: 'government_office',
    subTaskForces: [SubTaskForceKind.SOCIAL],
    people: [{ email: 'dinsos.batam@gugus.test', name: 'Rahmat Hidayat', title: 'Pekerja Sosial', roles: [Role.AGENCY_OFFICER], description: 'Petugas instansi, Kota Batam / agency officer' }],
  },
  {
    jurisdictionCode: '21.71',
    name: 'UPTD PPA Kota Batam',
    kind: 'integrated_service_centre',
    subTaskForces: [SubTaskForceKind.SOCIAL],
    people: [
      { email: 'koordinator.batam@gugus.test', name: 'Fitri Handayani', title: 'Manajer Kasus', roles: [Role.CASE_COORDINATOR], description: 'Koordinator kasus, Kota Batam / case coordinator, Kota Batam', represents: true },
      { email: 'pekerja.batam@gugus.test', name: 'Andi Saputra', title: 'Pekerja Sosial', roles: [Role.CASE_WORKER], description: 'Pekerja kasus, Kota Batam / case worker, Kota Batam' },
    ],
  },
];

/** Demo logins in the order the start command prints them. */
export const DEMO_LOGINS: DemoLogin[] = DEMO_AGENCIES.flatMap((a) => a.people.map((p) => ({ email: p.email, role: p.roles[0], description: p.description })));

/**
 * What the demo agencies offer in the directory of service providers (issue 11, step 10), so that a case
 * plan has providers to choose from on the first day. Fictional, like every demo record.
 */
const DEMO_SERVICES: { agency: string; services: string[]; targetGroups: string[]; capacity: number | null; contactPoint: string }[] = [
  { agency: 'UPTD PPA Provinsi Jawa Barat', services: ['shelter', 'psychosocial', 'legal_aid', 'child_protection'], targetGroups: ['children', 'women'], capacity: 24, contactPoint: 'Layanan pengaduan UPTD PPA (contoh fiktif)' },
  { agency: 'Dinas Sosial Provinsi Jawa Barat', services: ['social_rehabilitation', 'reintegration', 'livelihood'], targetGroups: ['children', 'adults', 'women', 'men'], capacity: null, contactPoint: 'Seksi Perlindungan Sosial (contoh fiktif)' },
  { agency: 'Dinas Kesehatan Kabupaten Bandung', services: ['health_rehabilitation'], targetGroups: ['children', 'adults', 'women', 'men'], capacity: null, contactPoint: 'Seksi Pelayanan Kesehatan (contoh fiktif)' },
  { agency: 'UPTD PPA Kota Batam', services: ['shelter', 'psychosocial', 'repatriation'], targetGroups: ['children', 'women', 'foreign_nationals'], capacity: 12, contactPoint: 'Layanan pengaduan UPTD PPA Kota Batam (contoh fiktif)' },
  { agency: 'Dinas Sosial Kota Batam', services: ['social_rehabilitation', 'repatriation', 'family_tracing'], targetGroups: ['children', 'adults'], capacity: null, contactPoint: 'Bidang Rehabilitasi Sosial (contoh fiktif)' },
];

/** Creates the demo task forces, agencies, positions and people; skips what already exists. */
export async function seedDemoOrganisations(dataSource: DataSource): Promise<void> {
  const repo = new OrgsRepository(dataSource);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await repo.transaction(async (tx) => {
    for (const code of ['00', '32', '32.04', '21', '21.71']) {
      if (await tx.findTaskForce(code)) continue;
      const j = await tx.findJurisdiction(code);
      if (!j) throw new Error(`Jurisdiction ${code} missing: sync jurisdictions first`);
      await tx.createTaskForce(code, j.level === 'national' ? 'Gugus Tugas PP-TPPO Nasional' : `Gugus Tugas PP-TPPO ${j.name}`, subTaskForceKindsFor(j.level));
    }
    for (const demo of DEMO_AGENCIES) {
      let agency = await tx.findAgencyByName(demo.jurisdictionCode, demo.name);
      if (!agency) {
        const tf = await tx.findTaskForce(demo.jurisdictionCode);
        const subIds = (tf?.subTaskForces ?? []).filter((s) => demo.subTaskForces.includes(s.kind)).map((s) => s.id);
        agency = await tx.createAgency({ jurisdictionCode: demo.jurisdictionCode, name: demo.name, kind: demo.kind }, subIds);
      }
      for (const p of demo.people) {
        if (await tx.findPersonByEmail(p.email)) continue;
        const person = await tx.createPerson({ agencyId: agency.id, fullName: p.name, email: p.email, passwordHash });
        const position = await tx.createPosition({ agencyId: agency.id, title: p.title, roles: p.roles, representsAgency: p.represents ?? false });
        await tx.assignPosition(position.id, person.id, null, null);
      }
    }
  });
  // Entries an administrator has since changed are kept.
  for (const entry of DEMO_SERVICES) {
    await dataSource.query(
      `INSERT INTO service_providers (agency_id, services, target_groups, capacity, contact_point, updated_by, updated_at)
       SELECT a.id, $2, $3, $4, $5, p.id, now() FROM agencies a, people p WHERE a.name = $1 AND p.email = 'admin@gugus.test'
       ON CONFLICT (agency_id) DO NOTHING`,
      [entry.agency, entry.services, entry.targetGroups, entry.capacity, entry.contactPoint],
    );
  }
}
