import { render, screen, within } from '@testing-library/react';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { Role, type Me } from '@gugus/contracts';
import type { TaskInbox, TaskSummary } from '@gugus/web-data-access';
import { AuthProvider, useAuth } from '@gugus/web-auth';
import { fakeApi, type Answer, type SentRequest } from '@gugus/web-testing';
import { HomePage } from './HomePage';

/** The home page as a logged-in person sees it, with the API faked at the HTTP boundary (fetch). */

const SECRETARIAT: Me = {
  personId: 'c0ffee00-0000-4000-8000-000000000001',
  name: 'Dedi Supriadi',
  email: 'sekretariat.jabar@gugus.test',
  grants: [{ role: Role.SECRETARIAT, jurisdictionCode: '32', agencyId: 'a0000000-0000-4000-8000-000000000001', positionId: 'b0000000-0000-4000-8000-000000000001', via: 'holder' }],
  grantableRoles: [],
};
const LEGAL: Me = { ...SECRETARIAT, name: 'Siti Nurhaliza', email: 'hukum.jabar@gugus.test', grants: [{ ...SECRETARIAT.grants[0], role: Role.LEGAL_REVIEWER }] };

function task(n: number, overrides: Partial<TaskSummary> = {}): TaskSummary {
  return {
    id: `0b6f4a2e-1c3d-4e5f-8a9b-0c1d2e3f4a${String(n).padStart(2, '0')}`,
    title: { id: `Telaah hukum RAD ${n}`, en: `Legal review of plan ${n}` },
    step: 'legal-review',
    processKey: 'plan-of-action',
    processId: 'a1b2c3d4-0000-4000-8000-000000000002',
    status: 'open',
    jurisdictionCode: '32',
    assignee: { agencyId: 'a9e1d6f0-0000-4000-8000-000000000003', agencyName: 'Biro Hukum Setda Provinsi Jawa Barat', role: 'legal_reviewer', positionId: null, positionTitle: null },
    claimedBy: null,
    dueAt: '2031-05-20T16:59:59.000Z',
    overdue: false,
    dueSoon: false,
    escalated: false,
    createdAt: '2031-05-13T03:00:00.000Z',
    completedAt: null,
    mine: true,
    ...overrides,
  };
}

function inbox(items: TaskSummary[], overrides: Partial<TaskInbox> = {}): TaskInbox {
  return {
    items,
    total: items.length,
    counts: { open: items.length, overdue: items.filter((t) => t.overdue).length, dueSoon: 0, done: 0 },
    countCap: 1000,
    capped: { total: false, open: false, overdue: false, dueSoon: false, done: false },
    nextCursor: null,
    ...overrides,
  };
}

function SignedIn({ children }: { children: ReactNode }) {
  const { status, login } = useAuth();
  useEffect(() => {
    void login({ email: 'demo@gugus.test', password: 'rahasia' });
  }, [login]);
  return status === 'signedIn' ? children : null;
}

const MINE = 'GET /tasks?scope=mine&status=open&sort=due&limit=8';
const AREA_OVERDUE = 'GET /tasks?scope=jurisdiction&status=open&due=overdue&sort=due&limit=5';
const AREA_OPEN = 'GET /tasks?scope=jurisdiction&status=open&sort=due&limit=5';

function showHome(me: Me, routes: Record<string, (request: SentRequest) => Answer>): SentRequest[] {
  const sent = fakeApi({
    'POST /auth/login': () => ({ status: 200, body: { accessToken: 'akses', expiresIn: 900, refreshToken: 'segar' } }),
    'GET /auth/me': () => ({ status: 200, body: me }),
    ...routes,
  });
  render(
    <AuthProvider>
      <MemoryRouter initialEntries={['/']}>
        <SignedIn>
          <HomePage />
        </SignedIn>
      </MemoryRouter>
    </AuthProvider>,
  );
  return sent;
}

describe('HomePage', () => {
  it('greets the person, lists their open tasks with due dates, and the overdue ones of the area they oversee', async () => {
    showHome(SECRETARIAT, {
      [MINE]: () => ({ status: 200, body: inbox([task(1, { title: { id: 'Laporan provinsi 2031-Q1 Jawa Barat', en: 'Province report' }, overdue: true })]) }),
      [AREA_OVERDUE]: () => ({ status: 200, body: inbox([task(2, { mine: false, overdue: true, title: { id: 'Laporan kabupaten/kota 2031-Q1 Kabupaten Bandung', en: 'Regency report' } })], { counts: { open: 21, overdue: 1, dueSoon: 0, done: 0 } }) }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Selamat datang, Dedi Supriadi' })).toBeTruthy();
    const mine = screen.getByTestId('home-mine');
    expect(await within(mine).findByRole('link', { name: 'Laporan provinsi 2031-Q1 Jawa Barat' })).toBeTruthy();
    expect(within(mine).getByText(/20 Mei 2031 pukul 23.59 WIB/)).toBeTruthy();
    expect(within(mine).getByTestId('badge-overdue')).toBeTruthy();
    const area = await screen.findByTestId('home-area');
    expect(within(area).getByRole('heading', { name: /Terlambat di wilayah saya/ })).toBeTruthy();
    expect(within(area).getByText('21 tugas terbuka, 1 terlambat, di wilayah yang Anda awasi.')).toBeTruthy();
    expect(within(area).getByRole('link', { name: 'Laporan kabupaten/kota 2031-Q1 Kabupaten Bandung' })).toBeTruthy();
    // Shortcuts for the secretariat: its inbox, meetings and plans first.
    const shortcuts = within(screen.getByTestId('home-shortcuts')).getAllByRole('link');
    expect(shortcuts.slice(0, 3).map((a) => a.getAttribute('href'))).toEqual(['/tugas', '/rapat', '/rad']);
  });

  it('shows the area\'s open tasks when none is overdue, and "1.000+" past the count cap', async () => {
    showHome(SECRETARIAT, {
      [MINE]: () => ({ status: 200, body: inbox([]) }),
      [AREA_OVERDUE]: () => ({ status: 200, body: inbox([], { counts: { open: 1000, overdue: 0, dueSoon: 0, done: 0 }, capped: { total: false, open: true, overdue: false, dueSoon: false, done: false } }) }),
      [AREA_OPEN]: () => ({ status: 200, body: inbox([task(3, { mine: false })], { total: 1000, capped: { total: true, open: true, overdue: false, dueSoon: false, done: false } }) }),
    });
    expect(await within(await screen.findByTestId('home-mine')).findByText('Tidak ada tugas terbuka untuk Anda saat ini.')).toBeTruthy();
    const area = await screen.findByTestId('home-area');
    expect(await within(area).findByRole('link', { name: 'Telaah hukum RAD 3' })).toBeTruthy();
    expect(within(area).getByRole('heading', { name: /Terbuka di wilayah saya/ }).textContent).toContain('1.000+');
    expect(within(area).getByText('1.000+ tugas terbuka, 0 terlambat, di wilayah yang Anda awasi.')).toBeTruthy();
  });

  it('has no area section for a role that does not oversee one (the server says 403)', async () => {
    const sent = showHome(LEGAL, {
      [MINE]: () => ({ status: 200, body: inbox([task(4)]) }),
      [AREA_OVERDUE]: () => ({ status: 403, body: { code: 'FORBIDDEN', message: 'Anda tidak mengawasi tugas wilayah mana pun.' } }),
    });
    expect(await within(await screen.findByTestId('home-mine')).findByRole('link', { name: 'Telaah hukum RAD 4' })).toBeTruthy();
    expect(screen.queryByTestId('home-area')).toBeNull();
    expect(screen.queryByText(/tidak mengawasi/)).toBeNull();
    expect(sent.some((r) => `${r.method} ${r.path}` === AREA_OPEN)).toBe(false);
    expect(within(screen.getByTestId('home-shortcuts')).getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(['/tugas', '/rad']);
  });
});
