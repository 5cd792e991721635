import { act, render, screen, within } from '@testing-library/react';
import type { ReportPartView } from '@gugus/contracts';
import { changeLanguage } from '@gugus/web-i18n';
import { ReportParts } from './ReportParts';

/** A regency/city report's parts as its focal point reads them on its task and on the report page. */

const received: ReportPartView = {
  agencyId: 'a0000000-0000-4000-8000-000000000001',
  agencyName: 'Dinas Kesehatan Kabupaten Bandung',
  status: 'submitted',
  dueDate: '2027-04-07',
  submittedAt: '2027-04-03T02:00:00.000Z',
  answers: { victimsAssisted: 3, victimsNotRecorded: 1, prevention: { trainings: 2, peopleTrained: 1250, materialsDistributed: 300 }, prosecution: { crimesRegistered: 0, verdicts: 0 }, obstacles: 'Layanan visum terbatas pada akhir pekan.' },
};
const asked: ReportPartView = { agencyId: 'a0000000-0000-4000-8000-000000000002', agencyName: 'Polresta Bandung', status: 'requested', dueDate: '2027-04-07', submittedAt: null, answers: null };
const nobody: ReportPartView = { ...asked, agencyId: 'a0000000-0000-4000-8000-000000000003', agencyName: 'Kantor Imigrasi Bandung', status: 'unassigned' };
const total = { victimsAssisted: 3, victimsNotRecorded: 1, prevention: { trainings: 2, peopleTrained: 1250, materialsDistributed: 300 }, prosecution: { crimesRegistered: 0, verdicts: 0 } };

describe('ReportParts', () => {
  afterEach(async () => {
    await act(() => changeLanguage('id'));
  });

  it('lists each member agency with its status, counts and remarks, and the sum of the parts received', () => {
    render(<ReportParts parts={[received, asked, nobody]} total={total} />);
    const table = screen.getByRole('table');
    expect(within(table).getByText(/Bagian dari instansi anggota — 1 dari 3 diterima/)).toBeTruthy();
    const row = (name: string) => within(table).getByRole('row', { name: new RegExp(name) });
    expect(within(row('Dinas Kesehatan')).getByText(/Diterima/)).toBeTruthy();
    expect(within(row('Dinas Kesehatan')).getByText('1.250')).toBeTruthy();
    expect(within(row('Dinas Kesehatan')).getByText('Layanan visum terbatas pada akhir pekan.')).toBeTruthy();
    // Still asked: its due day; nobody to ask: said so. Neither has counts.
    expect(within(row('Polresta')).getByText(/Diminta · batas 7 April 2027/)).toBeTruthy();
    expect(within(row('Imigrasi')).getByText('Tidak ada petugas')).toBeTruthy();
    expect(within(row('Imigrasi')).queryByText('0')).toBeNull();
    expect(within(row('Jumlah bagian yang diterima')).getByText('300')).toBeTruthy();
    // The sum is not a number of victims, and the page says so.
    expect(screen.getByText(/bukan jumlah korban/)).toBeTruthy();
    // The wide table scrolls by keyboard too.
    expect(screen.getByRole('region', { name: 'Bagian dari instansi anggota' }).getAttribute('tabindex')).toBe('0');
  });

  it('reads in English', async () => {
    await act(() => changeLanguage('en'));
    render(<ReportParts parts={[received, asked]} total={total} />);
    expect(screen.getByText(/Member agencies' parts — 1 of 2 received/)).toBeTruthy();
    expect(screen.getByText(/Requested · due 7 April 2027/)).toBeTruthy();
    // The agency's count and the sum, in English number format.
    expect(screen.getAllByText('1,250')).toHaveLength(2);
  });

  it('shows nothing when no member agency was asked (a province, or a regency whose only agency is the focal point)', () => {
    const { container } = render(<ReportParts parts={[]} total={total} />);
    expect(container.innerHTML).toBe('');
  });
});
