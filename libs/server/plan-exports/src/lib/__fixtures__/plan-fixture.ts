import { SUB_TASK_FORCE_KINDS, type PlanDecree, type PlanSection, type PoaActivityAnswers, type PoaBudgetLine } from '@gugus/contracts';
import type { PlanExportInput } from '../plan-export-input';

/** A small seeded generator (mulberry32): the same plan on every run, without a fixture file to keep. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const AGENCIES: Record<string, string> = {
  'a-dp3akb': 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan Keluarga Berencana Provinsi Jawa Barat',
  'a-dinsos': 'Dinas Sosial Provinsi Jawa Barat',
  'a-dinkes': 'Dinas Kesehatan Provinsi Jawa Barat',
  'a-biro-hukum': 'Biro Hukum Sekretariat Daerah Provinsi Jawa Barat',
  'a-polda': 'Kepolisian Daerah Jawa Barat',
  'a-kejati': 'Kejaksaan Tinggi Jawa Barat',
  'a-disnakertrans': 'Dinas Tenaga Kerja dan Transmigrasi Provinsi Jawa Barat',
  'a-disdik': 'Dinas Pendidikan Provinsi Jawa Barat',
  'a-imigrasi': 'Kantor Wilayah Direktorat Jenderal Imigrasi Jawa Barat',
  'a-bappeda': 'Badan Perencanaan Pembangunan Daerah Provinsi Jawa Barat',
};
const AGENCY_IDS = Object.keys(AGENCIES);
const LEADS = ['a-dp3akb', 'a-dinkes', 'a-dinsos', 'a-biro-hukum', 'a-polda', 'a-bappeda'];

const ACTIVITIES = [
  'Sosialisasi pencegahan TPPO bagi pelajar SMA/SMK',
  'Pelatihan deteksi dini korban TPPO bagi tenaga kesehatan puskesmas',
  'Pendampingan psikososial dan reintegrasi korban di rumah perlindungan sosial',
  'Penyusunan rancangan peraturan gubernur tentang gugus tugas TPPO',
  'Operasi gabungan penegakan hukum di pelabuhan dan bandara',
  'Rapat koordinasi lintas daerah pengirim dan penerima pekerja migran',
  'Kampanye publik melalui radio komunitas dan media sosial di desa rawan',
  'Peningkatan kapasitas penyidik dan penuntut umum dalam penanganan perkara TPPO',
  'Pemulangan korban dari luar negeri dan pendampingan ke daerah asal',
  'Pembentukan dan pembinaan komunitas desa peduli migran aman',
];
const INDICATORS = ['Jumlah peserta yang dilatih', 'Jumlah korban yang didampingi', 'Jumlah regulasi yang disahkan', 'Jumlah kegiatan terlaksana', 'Persentase kasus yang ditindaklanjuti', 'Jumlah desa yang terjangkau'];
const UNITS = ['people', 'people', 'regulations', 'activities', 'percent', 'villages'];
const LINE_ITEMS: [string, string][] = [
  ['Honorarium narasumber', 'OJ'],
  ['Konsumsi rapat', 'orang'],
  ['Sewa ruang pertemuan', 'hari'],
  ['Perjalanan dinas dalam provinsi', 'OH'],
  ['Cetak bahan sosialisasi', 'eksemplar'],
  ['Paket pemulangan korban', 'paket'],
  ['Transportasi peserta', 'orang'],
];
/** Meetings, their venues and travel: the task force's administrative costs (seed 000 L1009). */
const ADMINISTRATIVE_ITEMS = new Set(['Konsumsi rapat', 'Sewa ruang pertemuan', 'Perjalanan dinas dalam provinsi']);
const SOURCES = ['apbd_province', 'apbd_province', 'apbn', 'village_fund', 'donor', 'apbn_deconcentration'];

export interface PlanShape {
  sections?: number;
  activitiesPerSection?: number;
  seed?: number;
}

/**
 * A West Java 2027–2031 plan: `sections` Sub-TFs × `activitiesPerSection` activities (6 × 40 by default),
 * each with 1–3 budget lines of varied volumes (1–240) and unit costs (Rp 25.000 to about Rp 5 million).
 */
export function planInput({ sections = 6, activitiesPerSection = 40, seed = 20270101 }: PlanShape = {}): PlanExportInput {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const content: PlanSection[] = SUB_TASK_FORCE_KINDS.slice(0, sections).map((kind, s) => ({
    subTaskForce: kind,
    answers: {
      subTaskForce: kind,
      leadAgencyId: LEADS[s] ?? 'a-dp3akb',
      problemStatement: `Jawa Barat adalah salah satu daerah asal terbesar pekerja migran nonprosedural. Bagian ${s + 1} menangani masalah yang ditemukan dalam evaluasi RAD periode sebelumnya: koordinasi antarinstansi belum berjalan rutin, data korban tersebar, dan anggaran kegiatan belum terintegrasi dalam Renja perangkat daerah.`,
      problemAnalysis:
        s % 2 === 0
          ? 'Analisis menggunakan data Unit Pelayanan Terpadu dan laporan kepolisian tiga tahun terakhir. Sebagian besar korban direkrut melalui calo di tingkat desa dengan janji pekerjaan di luar negeri; korban anak banyak ditemukan pada eksploitasi seksual daring.'
          : '',
    },
    activities: Array.from({ length: activitiesPerSection }, (_, i): PlanSection['activities'][number] => {
      const lineCount = 1 + Math.floor(next() * 3);
      const budgetLines: PoaBudgetLine[] = Array.from({ length: lineCount }, () => {
        const [description, unitName] = pick(LINE_ITEMS);
        const line: PoaBudgetLine = { description, units: 1 + Math.floor(next() * 240), unitName, unitCost: 5000 * (5 + Math.floor(next() * 1000)), budgetSource: pick(SOURCES) };
        // The last section was submitted before poa-section 1.2.0: its lines have no cost category.
        if (s < 5) line.costCategory = ADMINISTRATIVE_ITEMS.has(description) ? 'administrative' : 'operational';
        return line;
      });
      const k = Math.floor(next() * INDICATORS.length);
      const startYear = 2027 + Math.floor(next() * 5);
      // Budgets are annual: each line in the activity's first year (the last section's lines, from before poa-section 1.2.0, have none).
      if (s < 5) for (const line of budgetLines) line.fiscalYear = startYear;
      const answers: PoaActivityAnswers = {
        code: `${s + 1}.${i + 1}`,
        activity: `${pick(ACTIVITIES)}${i % 7 === 3 ? ' di 27 kabupaten/kota, termasuk daerah perbatasan dan kantong pekerja migran, dengan melibatkan tokoh agama, tokoh masyarakat dan organisasi pemuda' : ''}`,
        indicator: INDICATORS[k] as string,
        indicatorUnit: UNITS[k] as string,
        baseline: Math.floor(next() * 50),
        target: 50 + Math.floor(next() * 1950),
        startQuarter: `${startYear}-Q${1 + Math.floor(next() * 4)}`,
        endQuarter: `${Math.min(2031, startYear + Math.floor(next() * 3))}-Q4`,
        responsibleAgencyId: pick(AGENCY_IDS),
        implementingAgencyIds: [pick(AGENCY_IDS), pick(AGENCY_IDS)],
        budgetLines,
        genderResponsive: next() < 0.5,
      };
      return { activityId: `${kind}-${i + 1}`, answers };
    }),
  }));
  const decree: PlanDecree = {
    versionSeq: 3,
    number: '188.44/Kep.512-DP3AKB/2027',
    date: '2027-03-15',
    monitoringFrequency: 'quarterly',
    budgetSources: ['apbd_province', 'apbn', 'village_fund'],
    recordedAt: '2027-03-16T03:00:00.000Z',
  };
  return {
    title: 'Rencana Aksi Daerah Pencegahan dan Penanganan Tindak Pidana Perdagangan Orang Provinsi Jawa Barat',
    jurisdictionName: 'Provinsi Jawa Barat',
    periodStart: 2027,
    periodYears: 5,
    versionSeq: 3,
    endorsed: true,
    decree,
    content: { sections: content },
    agencyNames: AGENCIES,
    generatedAt: '2027-04-01T02:30:00.000Z',
  };
}

/** Σ units × unit cost, computed here with BigInt so it does not lean on the plan core it checks. */
export function expectedTotals(input: PlanExportInput): { sections: bigint[]; activities: Map<string, bigint>; total: bigint; categories: Record<'administrative' | 'operational' | 'uncategorised', bigint>[] } {
  const activities = new Map<string, bigint>();
  const categories: Record<'administrative' | 'operational' | 'uncategorised', bigint>[] = [];
  const sections = input.content.sections.map((section) => {
    let sum = 0n;
    const byCategory = { administrative: 0n, operational: 0n, uncategorised: 0n };
    categories.push(byCategory);
    for (const { answers } of section.activities) {
      let activity = 0n;
      for (const line of answers.budgetLines) {
        const cost = BigInt(line.units) * BigInt(line.unitCost);
        activity += cost;
        byCategory[line.costCategory === 'administrative' || line.costCategory === 'operational' ? line.costCategory : 'uncategorised'] += cost;
      }
      activities.set(answers.code, activity);
      sum += activity;
    }
    return sum;
  });
  return { sections, activities, total: sections.reduce((a, b) => a + b, 0n), categories };
}

/** "Rp 1.250.000", written independently of the code under test. */
export function rp(amount: bigint): string {
  return `Rp ${amount.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
