import { CASE_MANAGEMENT_DEFAULTS, CASE_MANAGEMENT_PROCESS, checkProcessSettings, COORDINATION_MEETING_DEFAULTS, COORDINATION_MEETING_PROCESS, withDefaults } from '@gugus/contracts';
import { jurisdictionChain } from './jurisdiction-chain';

// The schema the web form and the API share: one message per bad field, naming it, Bahasa Indonesia first.
const check = (patch: Record<string, unknown>) => checkProcessSettings(COORDINATION_MEETING_PROCESS, { ...COORDINATION_MEETING_DEFAULTS, ...patch });

describe('coordination-meeting settings', () => {
  it('accepts the national defaults', () => {
    expect(check({})).toEqual({ ok: true, settings: COORDINATION_MEETING_DEFAULTS });
  });

  it.each([
    ['a plenary less often than every 4 months', { plenaryIntervalMonths: 5 }, 'plenaryIntervalMonths', 'Jarak antar rapat pleno harus bilangan bulat dari 1 sampai 4 bulan.'],
    ['a number as text', { agendaWorkingDays: '5' }, 'agendaWorkingDays', 'Batas waktu menyusun agenda harus bilangan bulat dari 1 sampai 60 hari kerja.'],
    ['a fraction', { rsvpWorkingDays: 2.5 }, 'rsvpWorkingDays', 'Batas waktu konfirmasi kehadiran harus bilangan bulat dari 1 sampai 60 hari kerja.'],
    ['invitations less than a week ahead', { invitationLeadDays: 3 }, 'invitationLeadDays', 'Undangan dikirim sebelum rapat harus bilangan bulat dari 7 sampai 30 hari kalender.'],
    ['a missing duration', { minutesWorkingDays: undefined }, 'minutesWorkingDays', 'Batas waktu menyusun notulen harus bilangan bulat dari 1 sampai 60 hari kerja.'],
    ['an unknown role', { roles: { ...COORDINATION_MEETING_DEFAULTS.roles, approval: 'mayor' } }, 'roles.approval', 'Peran untuk «Menyetujui notulen» harus salah satu dari'],
    ['a role no task-force step may go to', { roles: { ...COORDINATION_MEETING_DEFAULTS.roles, agenda: 'system_admin' } }, 'roles.agenda', 'Peran untuk «Menyusun agenda»'],
    ['an unknown setting', { quorum: 3 }, 'quorum', '«quorum» bukan pengaturan yang dikenal.'],
  ])('refuses %s, naming the field', (_what, patch, field, message) => {
    const result = check(patch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].field).toBe(field);
    expect(result.errors[0].message.id).toContain(message);
    expect(result.errors[0].message.en.length).toBeGreaterThan(10);
  });

  it('refuses something that is not an object', () => {
    expect(checkProcessSettings(COORDINATION_MEETING_PROCESS, 'fast')).toMatchObject({ ok: false, errors: [{ field: '' }] });
  });

  it('reads an older stored version with today’s defaults beneath it', () => {
    const { escalationWorkingDays: _dropped, ...older } = { ...COORDINATION_MEETING_DEFAULTS, agendaWorkingDays: 3 };
    expect(withDefaults(COORDINATION_MEETING_PROCESS, { ...older, roles: { agenda: 'chair' } })).toEqual({
      ...COORDINATION_MEETING_DEFAULTS,
      agendaWorkingDays: 3,
      roles: { ...COORDINATION_MEETING_DEFAULTS.roles, agenda: 'chair' },
    });
  });

  it.each([
    ['32.04', ['32.04', '32', '00']],
    ['32', ['32', '00']],
    ['00', ['00']],
  ])('looks up %s along %j', (code, chain) => {
    expect(jurisdictionChain(code)).toEqual(chain);
  });
});

describe('case-management settings', () => {
  const checkCase = (patch: Record<string, unknown>) => checkProcessSettings(CASE_MANAGEMENT_PROCESS, { ...CASE_MANAGEMENT_DEFAULTS, ...patch });

  it('accepts the national defaults: intake by the case worker, immediate needs by the coordinator', () => {
    expect(checkCase({})).toEqual({ ok: true, settings: CASE_MANAGEMENT_DEFAULTS });
    expect(CASE_MANAGEMENT_DEFAULTS.roles).toEqual({ intake: 'case_worker', protection: 'case_coordinator', conference: 'case_coordinator', referral: 'agency_officer', followUp: 'case_worker', action: 'agency_officer', escalation: 'case_coordinator' });
    expect(CASE_MANAGEMENT_DEFAULTS.conferenceHours).toBe(48);
  });

  it.each([
    ['an immediate need left for a week', { immediateProtectionWorkingDays: 6 }, 'immediateProtectionWorkingDays', 'Batas waktu memenuhi kebutuhan segera harus bilangan bulat dari 1 sampai 5 hari kerja.'],
    ['no time at all for the screening', { screeningWorkingDays: 0 }, 'screeningWorkingDays', 'Batas waktu penapisan awal harus bilangan bulat dari 1 sampai 10 hari kerja.'],
    ['an unknown role', { roles: { ...CASE_MANAGEMENT_DEFAULTS.roles, protection: 'police' } }, 'roles.protection', 'Peran untuk «Memenuhi kebutuhan segera» harus salah satu dari'],
  ])('refuses %s, naming the field', (_what, patch, field, message) => {
    const result = checkCase(patch);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual([field]);
    expect(result.errors[0].message.id).toContain(message);
  });
});
