import type { AgencyKind, JurisdictionLevel, Role, SubTaskForceKind } from '@gugus/contracts';

// Typed by the contracts' unions: a new role, agency kind or Sub-TF kind fails the typecheck until labelled.
interface OrgLabels {
  roles: Record<Role, string>;
  agencyKinds: Record<AgencyKind, string>;
  subTaskForces: Record<SubTaskForceKind, string>;
  levels: Record<JurisdictionLevel, string>;
}

const id: OrgLabels = {
  roles: {
    system_admin: 'Administrator sistem',
    provincial_admin: 'Administrator provinsi',
    secretariat: 'Sekretariat gugus tugas',
    agency_officer: 'Petugas instansi',
    legal_reviewer: 'Peninjau hukum',
    case_coordinator: 'Koordinator kasus',
    case_worker: 'Pekerja kasus',
    chair: 'Ketua / kepala daerah',
    national_analyst: 'Analis nasional',
  },
  agencyKinds: {
    government_office: 'Perangkat daerah (dinas/badan)',
    women_child_protection_office: 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak (PPPA)',
    planning_agency: 'Badan perencanaan (BAPPEDA)',
    legal_bureau: 'Biro/Bagian Hukum Sekretariat Daerah',
    police: 'Kepolisian',
    prosecutor: 'Kejaksaan',
    court: 'Pengadilan',
    integrated_service_centre: 'Pusat pelayanan terpadu (UPTD PPA / PPT)',
    immigration: 'Imigrasi',
    migrant_worker_protection: 'Pelindungan pekerja migran (BP3MI)',
    ngo: 'Lembaga swadaya masyarakat (LSM)',
    faith_group: 'Organisasi keagamaan',
    academia: 'Perguruan tinggi / akademisi',
    professional_association: 'Asosiasi profesi',
    private_sector: 'Sektor swasta',
  },
  subTaskForces: {
    prevention_child_participation: 'Pencegahan dan Partisipasi Anak',
    health_rehabilitation: 'Rehabilitasi Kesehatan',
    social_rehabilitation_repatriation_reintegration: 'Rehabilitasi Sosial, Pemulangan, dan Reintegrasi Sosial',
    legal_norm_development: 'Pengembangan Norma Hukum',
    law_enforcement: 'Penegakan Hukum',
    cooperation_coordination: 'Kerja Sama dan Koordinasi',
  },
  levels: {
    national: 'Nasional',
    province: 'Provinsi',
    regency: 'Kabupaten/kota',
  },
};

const en: OrgLabels = {
  roles: {
    system_admin: 'System administrator',
    provincial_admin: 'Provincial administrator',
    secretariat: 'Task force secretariat',
    agency_officer: 'Agency officer',
    legal_reviewer: 'Legal reviewer',
    case_coordinator: 'Case coordinator',
    case_worker: 'Case worker',
    chair: 'Chair / head of region',
    national_analyst: 'National analyst',
  },
  agencyKinds: {
    government_office: 'Government office',
    women_child_protection_office: 'Women Empowerment and Child Protection office (PPPA)',
    planning_agency: 'Planning agency (BAPPEDA)',
    legal_bureau: 'Law Bureau of the Regional Secretariat',
    police: 'Police',
    prosecutor: "Prosecutor's office",
    court: 'Court',
    integrated_service_centre: 'Integrated service centre (UPTD PPA / PPT)',
    immigration: 'Immigration',
    migrant_worker_protection: 'Migrant worker protection (BP3MI)',
    ngo: 'Non-governmental organisation (NGO)',
    faith_group: 'Faith group',
    academia: 'Academia',
    professional_association: 'Professional association',
    private_sector: 'Private sector',
  },
  subTaskForces: {
    prevention_child_participation: 'Prevention and Child Participation',
    health_rehabilitation: 'Health Rehabilitation',
    social_rehabilitation_repatriation_reintegration: 'Social Rehabilitation, Repatriation and Reintegration',
    legal_norm_development: 'Legal Norm Development',
    law_enforcement: 'Law Enforcement',
    cooperation_coordination: 'Cooperation and Coordination',
  },
  levels: {
    national: 'National',
    province: 'Province',
    regency: 'Regency/city',
  },
};

/** Labels of the organisations vocabulary (roles, agency kinds, Sub-TFs, levels), shared by every screen. */
export const orgs = { id, en };
