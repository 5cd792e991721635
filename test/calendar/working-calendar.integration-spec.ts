import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Role } from '@gugus/contracts';
import type { AuthUser } from '@gugus/server-access';
import { auditOptionsFromConfig, AuditEntryEntity, createAuditService } from '@gugus/server-audit';
import { HolidayEntity, HolidaysRepository, HolidaysService, syncHolidays, WorkingCalendarService } from '@gugus/server-calendar';
import { DEV_AUDIT_HMAC_KEY } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { testEnv } from '../support';

/**
 * Due dates on the real calendar in PostgreSQL (loaded from the data file by the test setup), the way the
 * worker computes them, while an administrator edits the calendar through another process.
 */
describe('working-day calendar against PostgreSQL', () => {
  let db: DataSource;
  let audit: ReturnType<typeof createAuditService>;
  const open = () => {
    const repo = new HolidaysRepository(db);
    const calendar = new WorkingCalendarService(repo);
    return { repo, calendar, holidays: new HolidaysService(repo, calendar, audit.service) };
  };
  const admin: AuthUser = { personId: randomUUID(), sessionId: randomUUID(), name: 'Admin Uji', email: 'admin.uji@gugus.test', grants: [{ role: Role.SYSTEM_ADMIN, jurisdictionCode: '00', agencyId: randomUUID(), positionId: randomUUID(), via: 'holder' }] };

  beforeAll(async () => {
    db = await new DataSource({ ...createDataSourceOptions(testEnv().databaseUrl, 4), entities: [HolidayEntity, AuditEntryEntity] }).initialize();
    audit = createAuditService(db, auditOptionsFromConfig({ AUDIT_HMAC_KEY: DEV_AUDIT_HMAC_KEY, AUDIT_CHECKPOINT_DIR: testEnv().auditCheckpointDir }));
    // The audit log refers to people; the test actor must exist.
    const [agency] = await db.query('SELECT id FROM agencies LIMIT 1');
    await db.query('INSERT INTO people (id, agency_id, full_name, email) VALUES ($1, $2, $3, $4)', [admin.personId, agency.id, admin.name, `admin.${admin.personId}@gugus.test`]);
  });
  afterAll(async () => {
    await audit?.checkpoints.onModuleDestroy();
    await db?.destroy();
  });

  it('counts 5 working days from Monday 16 March 2026 to Monday 30 March (Nyepi, Idulfitri and their cuti bersama skipped)', async () => {
    const { calendar } = open();
    // 10:00 WIB on Monday 16 March.
    await expect(calendar.addWorkingDays(new Date('2026-03-16T03:00:00Z'), 5)).resolves.toEqual({ date: '2026-03-30', dueAt: new Date('2026-03-30T16:59:59Z') });
    // 01:00 WIB on Monday 30 March is still Sunday in UTC: the Jakarta date counts.
    await expect(calendar.addWorkingDays(new Date('2026-03-29T18:00:00Z'), 1)).resolves.toMatchObject({ date: '2026-03-31' });
    await expect(calendar.addWorkingDays(new Date('2026-12-23T02:00:00Z'), 5)).resolves.toMatchObject({ date: '2027-01-04' });
  });

  it('sees a holiday added by another process at the next due date', async () => {
    const worker = open();
    const api = open();
    const friday = new Date('2098-06-13T05:00:00Z');
    await expect(worker.calendar.addWorkingDays(friday, 1)).resolves.toMatchObject({ date: '2098-06-16' });
    await api.holidays.put(admin, '2098-06-16', { kind: 'cuti_bersama', nameId: 'Cuti bersama uji', nameEn: 'Test collective leave', source: 'uji' });
    await expect(worker.calendar.addWorkingDays(friday, 1)).resolves.toMatchObject({ date: '2098-06-17' });
    await api.holidays.remove(admin, '2098-06-16');
    await expect(worker.calendar.addWorkingDays(friday, 1)).resolves.toMatchObject({ date: '2098-06-16' });
  });

  it('loads a year of the data file once, and leaves what administrators did to it afterwards', async () => {
    const rows = [
      { date: '2097-01-01', kind: 'national_holiday' as const, nameId: 'Tahun Baru 2097', nameEn: 'New Year 2097', source: 'uji' },
      { date: '2097-12-25', kind: 'national_holiday' as const, nameId: 'Hari Raya Natal', nameEn: 'Christmas Day', source: 'uji' },
    ];
    await expect(syncHolidays(db, rows)).resolves.toEqual({ seededYears: [2097] });
    await open().holidays.remove(admin, '2097-12-25');
    await expect(syncHolidays(db, rows)).resolves.toEqual({ seededYears: [] });
    const left: { date: string }[] = await db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays WHERE date BETWEEN '2097-01-01' AND '2097-12-31'`);
    expect(left.map((r) => r.date)).toEqual(['2097-01-01']);
    // The shipped years were loaded by the test setup and are not loaded again.
    await expect(syncHolidays(db)).resolves.toEqual({ seededYears: [] });
  });

  it('returns dates as YYYY-MM-DD whatever the process time zone', async () => {
    const { repo } = open();
    const [first] = await repo.listYear(2026);
    expect(first).toMatchObject({ date: '2026-01-01', kind: 'national_holiday' });
  });
});
