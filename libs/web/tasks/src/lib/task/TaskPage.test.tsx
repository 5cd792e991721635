import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, type ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { Me } from '@gugus/contracts';
import type { TaskView } from '@gugus/web-data-access';
import { AuthProvider, useAuth } from '@gugus/web-auth';
import { fakeApi, type Answer, type SentRequest } from '@gugus/web-testing';
import { TaskPage } from './TaskPage';

/**
 * The task page as the person it is assigned to sees it, with the API faked at the HTTP boundary (fetch):
 * what the task is and when it is due, its form, completing it, and the server's refusal shown at the field.
 */

const TASK_ID = '0b6f4a2e-1c3d-4e5f-8a9b-0c1d2e3f4a5b';
const ME: Me = { personId: 'c0ffee00-0000-4000-8000-000000000001', name: 'Wulan Sari', email: 'dinsos.jabar@gugus.test', grants: [], grantableRoles: [] };

/** An open RSVP task of a meeting, held by nobody, that the reader acts on: its pinned form asks whether they attend and who comes. */
function openTask(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: TASK_ID,
    title: { id: 'Konfirmasi kehadiran rapat pleno', en: 'Confirm attendance at the plenary meeting' },
    step: 'rsvp',
    processKey: 'meeting',
    processId: 'a1b2c3d4-0000-4000-8000-000000000002',
    status: 'open',
    jurisdictionCode: '32',
    assignee: { agencyId: 'a9e1d6f0-0000-4000-8000-000000000003', agencyName: 'Dinas Sosial Provinsi Jawa Barat', role: 'agency_officer', positionId: null, positionTitle: null },
    claimedBy: null,
    dueAt: '2031-05-20T03:00:00.000Z',
    overdue: false,
    createdAt: '2031-05-13T03:00:00.000Z',
    completedAt: null,
    outcomes: ['completed'],
    remindAt: null,
    escalateAt: null,
    remindedAt: null,
    escalatedAt: null,
    completedBy: null,
    context: { kind: 'generic' } as TaskView['context'],
    reassignRoles: [],
    agencyJurisdictions: ['32'],
    comments: [],
    returnedComments: [],
    form: {
      id: 'f0f0f0f0-0000-4000-8000-000000000004',
      key: 'meeting-rsvp',
      version: '1.0.0',
      title: 'Konfirmasi kehadiran',
      jurisdictionCode: '00',
      number: 1,
      status: 'published',
      overlay: null,
      baseVersionId: null,
      schema: {
        type: 'object',
        required: ['attending'],
        properties: {
          attending: { type: 'string', title: 'Kehadiran', enum: ['yes', 'no'] },
          representative: { type: 'string', title: 'Nama perwakilan', maxLength: 120 },
        },
      },
      uiSchema: { attending: { 'ui:enumNames': { yes: 'Hadir', no: 'Tidak hadir' } } },
    } as TaskView['form'],
    draft: null,
    submission: null,
    review: null,
    access: { purpose: 'assignee', level: 'internal', textWithheld: false },
    initialData: {},
    history: [{ kind: 'created', at: '2031-05-13T03:00:00.000Z', actor: null, detail: {} }],
    can: { claim: false, unclaim: false, act: true, delegate: false, reassign: false },
    ...overrides,
  };
}

/** Logs in through the real session code (against the fake API) before showing the page. */
function SignedIn({ children }: { children: ReactNode }) {
  const { status, login } = useAuth();
  useEffect(() => {
    void login({ email: ME.email, password: 'rahasia' });
  }, [login]);
  return status === 'signedIn' ? children : null;
}

/** The page at /tugas/:id with the given API routes (login and /auth/me are answered here). */
function showTask(routes: Record<string, (request: SentRequest) => Answer>): SentRequest[] {
  const sent = fakeApi({
    'POST /auth/login': () => ({ status: 200, body: { accessToken: 'akses', expiresIn: 900, refreshToken: 'segar' } }),
    'GET /auth/me': () => ({ status: 200, body: ME }),
    ...routes,
  });
  render(
    <AuthProvider>
      <MemoryRouter initialEntries={[`/tugas/${TASK_ID}`]}>
        <Routes>
          <Route path="/tugas/:id" element={<SignedIn><TaskPage /></SignedIn>} />
          <Route path="/tugas" element={<p>Kotak tugas</p>} />
        </Routes>
      </MemoryRouter>
    </AuthProvider>,
  );
  return sent;
}

/** "Selesaikan"; it reads "Menyelesaikan…" while the server answers. */
const completeButton = () => screen.getByTestId('task-complete') as HTMLButtonElement;

describe('TaskPage', () => {
  it('shows the task: its title, when it is due (Jakarta time), who it is for, and its form', async () => {
    const sent = showTask({ [`GET /tasks/${TASK_ID}`]: () => ({ status: 200, body: openTask() }) });

    expect(await screen.findByRole('heading', { level: 1, name: 'Konfirmasi kehadiran rapat pleno' })).toBeTruthy();
    expect(screen.getByTestId('task-due').textContent).toContain('20 Mei 2031');
    expect(screen.getByTestId('task-due').textContent).toContain('10.00 WIB');
    expect(screen.getByTestId('task-assignee').textContent).toContain('Dinas Sosial Provinsi Jawa Barat');
    const form = screen.getByTestId('task-form');
    expect(within(form).getByRole('heading', { name: 'Konfirmasi kehadiran' })).toBeTruthy();
    expect(within(within(form).getByLabelText(/Kehadiran/)).getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['Hadir', 'Tidak hadir']));
    expect(completeButton().textContent).toBe('Selesaikan');
    expect(completeButton().disabled).toBe(false);
    // The task was asked for with the session's token; nothing is sent before the person acts.
    expect(sent.find((r) => r.path === `/tasks/${TASK_ID}`)?.authorization).toBe('Bearer akses');
    expect(sent.filter((r) => r.method !== 'GET' && r.path !== '/auth/login')).toEqual([]);
  });

  it('completes the task: the button is disabled while the server answers, then the page says it is done', async () => {
    const user = userEvent.setup();
    let answer: (value: { status: number; body?: unknown }) => void = () => undefined;
    let decided = false;
    const sent = showTask({
      [`GET /tasks/${TASK_ID}`]: () => ({ status: 200, body: decided ? openTask({ status: 'completed', completedAt: '2031-05-14T02:00:00.000Z', completedBy: { id: ME.personId, name: ME.name }, initialData: null }) : openTask() }),
      [`POST /tasks/${TASK_ID}/decision`]: () =>
        new Promise((resolve) => {
          answer = resolve;
        }),
    });
    const attending = await screen.findByLabelText(/Kehadiran/);
    await user.selectOptions(attending, 'Hadir');
    await user.type(screen.getByLabelText(/Nama perwakilan/), 'Wulan Sari');
    await user.click(completeButton());

    expect(completeButton().disabled).toBe(true);
    expect(completeButton().textContent).toBe('Menyelesaikan…');
    expect((screen.getByTestId('task-save-draft') as HTMLButtonElement).disabled).toBe(true);
    expect(sent.find((r) => r.method === 'POST' && r.path.endsWith('/decision'))?.body).toEqual({ outcome: 'completed', data: { attending: 'yes', representative: 'Wulan Sari' } });

    decided = true;
    answer({ status: 200, body: openTask({ status: 'completed' }) });
    expect((await screen.findByTestId('task-done')).textContent).toContain('Kembali ke kotak tugas');
    expect(screen.queryByTestId('task-form')).toBeNull();
  });

  it("a form the server refuses keeps the answers and shows the server's message next to the field; the button works again", async () => {
    const user = userEvent.setup();
    const sent = showTask({
      [`GET /tasks/${TASK_ID}`]: () => ({ status: 200, body: openTask() }),
      [`POST /tasks/${TASK_ID}/decision`]: () => ({
        status: 400,
        body: { code: 'VALIDATION_FAILED', message: 'Isian tidak valid / invalid answers', details: { extraErrors: { representative: { __errors: ['harus orang dari instansi Anda'] } } } },
      }),
    });
    await user.selectOptions(await screen.findByLabelText(/Kehadiran/), 'Hadir');
    await user.type(screen.getByLabelText(/Nama perwakilan/), 'Orang Lain');
    await user.click(completeButton());

    const field = await screen.findByText('harus orang dari instansi Anda');
    expect(field.closest('[data-field]')?.getAttribute('data-field')).toBe('root_representative');
    expect(screen.getByTestId('task-rejected')).toBeTruthy();
    expect((screen.getByLabelText(/Nama perwakilan/) as HTMLInputElement).value).toBe('Orang Lain');
    expect(completeButton().disabled).toBe(false);
    expect(screen.queryByTestId('task-done')).toBeNull();
    expect(sent.filter((r) => r.path.endsWith('/decision'))).toHaveLength(1);
  });

  it('a missing answer is shown at its field and nothing is sent', async () => {
    const user = userEvent.setup();
    const sent = showTask({ [`GET /tasks/${TASK_ID}`]: () => ({ status: 200, body: openTask() }) });
    await screen.findByLabelText(/Kehadiran/);
    await user.click(completeButton());

    const error = await screen.findByText('wajib diisi');
    expect(error.closest('[data-field]')?.getAttribute('data-field')).toBe('root_attending');
    expect(sent.filter((r) => r.path.endsWith('/decision'))).toEqual([]);
  });

  it('a task the reader does not act on shows no form and no button', async () => {
    showTask({ [`GET /tasks/${TASK_ID}`]: () => ({ status: 200, body: openTask({ initialData: null, can: { claim: false, unclaim: false, act: false, delegate: false, reassign: false } }) }) });
    await screen.findByRole('heading', { level: 1, name: 'Konfirmasi kehadiran rapat pleno' });
    expect(screen.queryByTestId('task-form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Selesaikan' })).toBeNull();
  });
});
