import { SUB_TASK_FORCE_KINDS, SUB_TASK_FORCE_NAMES, type AgencyKind, type JurisdictionLevel, type Role, type SubTaskForceKind } from '@gugus/contracts';

/** The Sub-TFs' names come from the contracts, where the plan's messages and exports read them too. */
const subTaskForceLabels = (language: 'id' | 'en') => Object.fromEntries(SUB_TASK_FORCE_KINDS.map((kind) => [kind, SUB_TASK_FORCE_NAMES[kind][language]])) as Record<SubTaskForceKind, string>;

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
  subTaskForces: subTaskForceLabels('id'),
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
  subTaskForces: subTaskForceLabels('en'),
  levels: {
    national: 'National',
    province: 'Province',
    regency: 'Regency/city',
  },
};

/** Labels of the organisations vocabulary (roles, agency kinds, Sub-TFs, levels), shared by every screen. */
export const orgs = { id, en };
