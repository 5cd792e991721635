import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { HolidayKind } from '@gugus/contracts';

/** One non-working day besides weekends. The table is the truth; the data file only seeds it. */
@Entity({ name: 'holidays' })
export class HolidayEntity {
  /** Calendar date in Asia/Jakarta; TypeORM reads a `date` column as the string `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'date' }) date: string;
  @Column('text') kind: HolidayKind;
  @Column({ name: 'name_id', type: 'text' }) nameId: string;
  @Column({ name: 'name_en', type: 'text' }) nameEn: string;
  @Column('text') source: string;
  /** null for dates loaded from the data file. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
