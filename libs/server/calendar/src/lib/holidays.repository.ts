import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, type DataSource, type EntityManager } from 'typeorm';
import { HolidayEntity } from './holiday.entity';

@Injectable()
export class HolidaysRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  listYear(year: number): Promise<HolidayEntity[]> {
    return this.db.manager.find(HolidayEntity, { where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
  }

  /** Every date in the calendar (a few dozen a year). */
  async allDates(): Promise<string[]> {
    const rows: { date: string }[] = await this.db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM holidays ORDER BY date`);
    return rows.map((r) => r.date);
  }

  /** Changes whenever a row is added, changed or removed, in any process: what a cache compares against. */
  async fingerprint(): Promise<string> {
    const [row] = await this.db.query(`SELECT count(*)::text AS n, coalesce(max(updated_at), 'epoch')::text AS at FROM holidays`);
    return `${row.n}@${row.at}`;
  }

  find(date: string, manager: EntityManager = this.db.manager): Promise<HolidayEntity | null> {
    return manager.findOneBy(HolidayEntity, { date });
  }

  async upsert(values: Omit<HolidayEntity, 'updatedAt' | 'createdBy'> & { createdBy: string | null }, manager: EntityManager): Promise<HolidayEntity> {
    await manager.query(
      `INSERT INTO holidays (date, kind, name_id, name_en, source, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, clock_timestamp())
       ON CONFLICT (date) DO UPDATE SET kind = EXCLUDED.kind, name_id = EXCLUDED.name_id, name_en = EXCLUDED.name_en, source = EXCLUDED.source, updated_at = clock_timestamp()`,
      [values.date, values.kind, values.nameId, values.nameEn, values.source, values.createdBy],
    );
    return (await this.find(values.date, manager)) as HolidayEntity;
  }

  async remove(date: string, manager: EntityManager): Promise<void> {
    await manager.delete(HolidayEntity, { date });
  }
}
