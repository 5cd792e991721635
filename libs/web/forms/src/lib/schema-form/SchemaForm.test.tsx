import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { resolveForm, type ExtraErrors, type FormSchema, type OptionList, type UiSchema } from '@gugus/forms';
import { changeLanguage } from '@gugus/web-i18n';
import { fakeApi } from '@gugus/web-testing';
import { SchemaForm } from './SchemaForm';

/**
 * What a person filling in a form sees and gets, through SchemaForm's props and the page only: labels and
 * choices in Bahasa Indonesia, each project widget, lists, questions that apply only sometimes, and the
 * errors shown at their fields (the browser's own and the server's).
 */

const LISTS = new Map<string, OptionList>([
  ['channels', { key: 'channels', title: { id: 'Saluran', en: 'Channel' }, options: [
    { code: 'police', label: { id: 'Kepolisian', en: 'Police' } },
    { code: 'hotline', label: { id: 'Layanan pengaduan', en: 'Hotline' } },
  ] }],
  ['services', { key: 'services', title: { id: 'Layanan', en: 'Services' }, options: [
    { code: 'shelter', label: { id: 'Rumah aman', en: 'Shelter' } },
    { code: 'health', label: { id: 'Layanan kesehatan', en: 'Health care' } },
    { code: 'legal', label: { id: 'Bantuan hukum', en: 'Legal aid' } },
    { code: 'return', label: { id: 'Pemulangan', en: 'Return home' } },
  ] }],
]);

/** A national form definition (bilingual labels, option lists), resolved for the reader as the API does. */
function resolved(properties: Record<string, FormSchema>, extra: Partial<FormSchema> = {}, uiSchema: UiSchema = {}, language: 'id' | 'en' = 'id') {
  const form = resolveForm({ key: 'uji', version: '1.0.0', title: { id: 'Formulir uji', en: 'Test form' }, schema: { type: 'object', properties, ...extra }, uiSchema }, LISTS, language);
  return { schema: form.schema, uiSchema: form.uiSchema };
}

const label = (id: string, en: string) => ({ 'x-label': { id, en } }) as Partial<FormSchema>;

interface FilledProps {
  form: { schema: FormSchema; uiSchema: UiSchema };
  initial?: Record<string, unknown>;
  extraErrors?: ExtraErrors;
  jurisdictionCode?: string;
  readonly?: boolean;
  onSubmit?: (data: Record<string, unknown>) => void;
}

/** The form as a page holds it: its answers in state, a submit button, and what it would send shown. */
function Filled({ form, initial = {}, extraErrors, jurisdictionCode, readonly, onSubmit }: FilledProps) {
  const [data, setData] = useState(initial);
  return (
    <>
      <SchemaForm schema={form.schema} uiSchema={form.uiSchema} formData={data} onChange={setData} onSubmit={onSubmit} extraErrors={extraErrors} jurisdictionCode={jurisdictionCode} readonly={readonly}>
        {!readonly && <button type="submit">Kirim</button>}
      </SchemaForm>
      <output data-testid="answers">{JSON.stringify(data)}</output>
    </>
  );
}

const answers = () => JSON.parse(screen.getByTestId('answers').textContent ?? '{}') as Record<string, unknown>;
const fieldOf = (name: string) => document.querySelector(`[data-field="root_${name}"]`) as HTMLElement;
const errorsAt = (name: string) => within(fieldOf(name)).queryAllByTestId('field-error').map((e) => e.textContent);

afterEach(async () => {
  await act(() => changeLanguage('id'));
});

describe('SchemaForm', () => {
  it('a text question: its label, the answer typed, and "wajib diisi" at the field only after a submit attempt, which sends nothing', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn();
    render(<Filled form={resolved({ reporter: { type: 'string', ...label('Nama pelapor', 'Reporter name') } }, { required: ['reporter'] })} onSubmit={onSubmit} />);

    const input = screen.getByLabelText(/Nama pelapor/);
    expect(errorsAt('reporter')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorsAt('reporter')).toEqual(['wajib diisi']);
    expect(screen.getByTestId('form-error-summary').textContent).toContain('Ada 1 isian yang perlu diperbaiki:');

    await user.type(input, 'Siti Aminah');
    // Typing is painted first; the answers (and the field's errors with them) follow right after (typing.tsx).
    await waitFor(() => expect(answers()).toEqual({ reporter: 'Siti Aminah' }));
    expect(errorsAt('reporter')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).toHaveBeenCalledWith({ reporter: 'Siti Aminah' });
  });

  it('a choice lists its options by their Indonesian labels and keeps the code', async () => {
    const user = userEvent.setup();
    render(<Filled form={resolved({ channel: { type: 'string', 'x-options': 'channels', ...label('Saluran pengaduan', 'Reporting channel') } })} />);

    const select = screen.getByLabelText(/Saluran pengaduan/);
    const options = within(select).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['Kepolisian', 'Layanan pengaduan']));
    expect(options).not.toContain('police');
    await user.selectOptions(select, 'Layanan pengaduan');
    expect(answers()).toEqual({ channel: 'hotline' });
  });

  it('the same choice reads in English for an English reader', () => {
    render(<Filled form={resolved({ channel: { type: 'string', 'x-options': 'channels', ...label('Saluran pengaduan', 'Reporting channel') } }, {}, {}, 'en')} />);
    const select = screen.getByLabelText(/Reporting channel/);
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(expect.arrayContaining(['Police', 'Hotline']));
  });

  it('the date widget stores YYYY-MM-DD, marks itself invalid while unanswered, and, read-only, shows the date in Indonesian', async () => {
    const user = userEvent.setup();
    const form = resolved({ reportedOn: { type: 'string', format: 'date', ...label('Tanggal laporan', 'Date reported') } }, { required: ['reportedOn'] }, { reportedOn: { 'ui:widget': 'date' } });
    const { unmount } = render(<Filled form={form} />);
    const input = screen.getByLabelText(/Tanggal laporan/);
    expect(input.getAttribute('type')).toBe('date');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(errorsAt('reportedOn')).toEqual(['wajib diisi']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '2031-05-20' } });
    expect(answers()).toEqual({ reportedOn: '2031-05-20' });
    expect(input.getAttribute('aria-invalid')).toBeNull();
    fireEvent.change(input, { target: { value: '' } });
    expect(answers()).toEqual({});
    unmount();

    render(<Filled form={form} initial={{ reportedOn: '2031-05-20' }} readonly />);
    expect((screen.getByLabelText(/Tanggal laporan/) as HTMLInputElement).value).toBe('20 Mei 2031');
  });

  it('the rupiah widget groups thousands as the amount is typed and stores a whole number', async () => {
    const user = userEvent.setup();
    render(<Filled form={resolved({ budget: { type: 'integer', minimum: 0, ...label('Anggaran', 'Budget') } }, {}, { budget: { 'ui:widget': 'money-idr' } })} />);
    const input = screen.getByLabelText(/Anggaran/);
    await user.type(input, '1250000');
    expect((input as HTMLInputElement).value).toBe('1.250.000');
    expect(answers()).toEqual({ budget: 1250000 });
    await user.clear(input);
    expect(answers()).toEqual({});
  });

  it('the searchable multiple choice filters by label, lists what is ticked, and keeps the national order', async () => {
    const user = userEvent.setup();
    const form = resolved(
      { services: { type: 'array', uniqueItems: true, items: { type: 'string', 'x-options': 'services' }, ...label('Layanan yang dibutuhkan', 'Services needed') } },
      {},
      { services: { 'ui:widget': 'multi-select-search' } },
    );
    render(<Filled form={form} />);
    const field = fieldOf('services');

    await user.type(within(field).getByLabelText('Cari pilihan'), 'hukum');
    expect(within(field).getByText('1 dari 4 pilihan')).toBeTruthy();
    await user.click(within(field).getByRole('checkbox', { name: 'Bantuan hukum' }));
    await user.clear(within(field).getByLabelText('Cari pilihan'));
    await user.click(within(field).getByRole('checkbox', { name: 'Rumah aman' }));
    expect(answers()).toEqual({ services: ['shelter', 'legal'] });
    expect(within(within(field).getByRole('list', { name: '2 dipilih' })).getAllByRole('listitem').map((li) => li.querySelector('span')?.textContent)).toEqual(['Rumah aman', 'Bantuan hukum']);

    await user.click(within(field).getByRole('button', { name: 'Hapus pilihan Rumah aman' }));
    expect(answers()).toEqual({ services: ['legal'] });
    await user.type(within(field).getByLabelText('Cari pilihan'), 'tidak ada');
    expect(within(field).getByText('Tidak ada pilihan yang cocok.')).toBeTruthy();
  });

  it('a list grows and shrinks with its buttons, and a missing answer in an item is shown in that item', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn();
    const form = resolved({
      activities: { type: 'array', ...label('Kegiatan', 'Activities'), items: { type: 'object', required: ['topic'], properties: { topic: { type: 'string', ...label('Topik', 'Topic') } } } },
    });
    render(<Filled form={form} onSubmit={onSubmit} />);

    await user.click(screen.getByRole('button', { name: 'Tambah butir' }));
    await user.click(screen.getByRole('button', { name: 'Tambah butir' }));
    const topics = screen.getAllByLabelText(/Topik/);
    expect(topics).toHaveLength(2);
    await user.type(topics[0], 'Sosialisasi di desa');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(within(fieldOf('activities_1_topic')).getAllByTestId('field-error').map((e) => e.textContent)).toEqual(['wajib diisi']);
    expect(within(fieldOf('activities_0_topic')).queryAllByTestId('field-error')).toEqual([]);

    await user.click(within(fieldOf('activities')).getAllByRole('button', { name: 'Hapus' })[1]);
    expect(screen.getAllByLabelText(/Topik/)).toHaveLength(1);
    expect(answers()).toEqual({ activities: [{ topic: 'Sosialisasi di desa' }] });
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).toHaveBeenCalledWith({ activities: [{ topic: 'Sosialisasi di desa' }] });
  });

  it('a question that applies only for one answer appears with it, is required then, and its answer is dropped when it no longer applies', async () => {
    const user = userEvent.setup();
    const onSubmit = jest.fn();
    const form = resolved(
      {
        channel: { type: 'string', 'x-options': 'channels', ...label('Saluran pengaduan', 'Reporting channel') },
        hotlineNumber: { type: 'string', ...label('Nomor tiket layanan', 'Hotline ticket number') },
      },
      { required: ['channel'], allOf: [{ if: { properties: { channel: { const: 'hotline' } }, required: ['channel'] }, then: { required: ['hotlineNumber'] } }] },
    );
    render(<Filled form={form} onSubmit={onSubmit} />);

    expect(screen.queryByLabelText(/Nomor tiket layanan/)).toBeNull();
    await user.selectOptions(screen.getByLabelText(/Saluran pengaduan/), 'Layanan pengaduan');
    const ticket = screen.getByLabelText(/Nomor tiket layanan/);
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorsAt('hotlineNumber')).toEqual(['wajib diisi']);

    await user.type(ticket, 'T-0042');
    await waitFor(() => expect(answers()).toEqual({ channel: 'hotline', hotlineNumber: 'T-0042' }));
    await user.selectOptions(screen.getByLabelText(/Saluran pengaduan/), 'Kepolisian');
    expect(screen.queryByLabelText(/Nomor tiket layanan/)).toBeNull();
    expect(answers()).toEqual({ channel: 'police' });
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(onSubmit).toHaveBeenCalledWith({ channel: 'police' });
  });

  it("the server's complaint about a field is shown at that field until the field is changed", async () => {
    const user = userEvent.setup();
    const form = resolved({ reporter: { type: 'string', ...label('Nama pelapor', 'Reporter name') }, phone: { type: 'string', ...label('Telepon', 'Phone') } });
    render(<Filled form={form} initial={{ reporter: 'Siti', phone: '0812' }} extraErrors={{ phone: { __errors: ['nomor tidak dikenal operator'] } }} />);

    expect(errorsAt('phone')).toEqual(['nomor tidak dikenal operator']);
    expect(errorsAt('reporter')).toEqual([]);
    await user.type(screen.getByLabelText(/Nama pelapor/), ' A');
    await waitFor(() => expect(answers()).toEqual({ reporter: 'Siti A', phone: '0812' }));
    expect(errorsAt('phone')).toEqual(['nomor tidak dikenal operator']);
    await user.type(screen.getByLabelText(/Telepon/), '5');
    await waitFor(() => expect(errorsAt('phone')).toEqual([]));
    expect(answers()).toEqual({ reporter: 'Siti A', phone: '08125' });
  });

  it('error messages follow the interface language', async () => {
    const user = userEvent.setup();
    render(<Filled form={resolved({ reporter: { type: 'string', ...label('Nama pelapor', 'Reporter name') }, age: { type: 'integer', minimum: 0, ...label('Umur', 'Age') } }, { required: ['reporter'] })} initial={{ age: -1 }} />);
    await act(() => changeLanguage('en'));
    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(errorsAt('reporter')).toEqual(['is required']);
    expect(errorsAt('age')).toEqual(['must be >= 0']);
    expect(screen.getByTestId('form-error-summary').textContent).toContain('2 fields need fixing:');
  });

  it('the region picker offers the regencies of the province chosen, from the jurisdictions API', async () => {
    const user = userEvent.setup();
    const sent = fakeApi({
      'GET /jurisdictions?level=province': () => ({ status: 200, body: [{ code: '32', name: 'Jawa Barat', level: 'province', parentCode: null }, { code: '35', name: 'Jawa Timur', level: 'province', parentCode: null }] }),
      'GET /jurisdictions?parentCode=32': () => ({ status: 200, body: [{ code: '32.04', name: 'Kabupaten Bandung', level: 'regency', parentCode: '32' }, { code: '32.73', name: 'Kota Bandung', level: 'regency', parentCode: '32' }] }),
    });
    render(<Filled form={resolved({ region: { type: 'string', pattern: '^\\d{2}\\.\\d{2}$', ...label('Wilayah kejadian', 'Where it happened') } }, {}, { region: { 'ui:widget': 'region-picker' } })} />);

    const regency = screen.getByLabelText('Kabupaten/kota');
    expect((regency as HTMLSelectElement).disabled).toBe(true);
    expect(within(regency).getByRole('option').textContent).toBe('Pilih provinsi dahulu');
    await user.selectOptions(screen.getByLabelText('Provinsi'), await screen.findByRole('option', { name: 'Jawa Barat' }));
    await screen.findByRole('option', { name: 'Kota Bandung' });
    expect((regency as HTMLSelectElement).disabled).toBe(false);
    // A regency-only field takes no province on its own.
    expect(answers()).toEqual({});
    await user.selectOptions(regency, 'Kabupaten Bandung');
    expect(answers()).toEqual({ region: '32.04' });
    expect(sent.every((r) => r.method === 'GET')).toBe(true);
  });

  it("the agency picker lists the agencies of the form's jurisdiction and says when the list cannot be loaded", async () => {
    const user = userEvent.setup();
    fakeApi({
      'GET /agencies?jurisdictionCode=32': () => ({ status: 200, body: [{ id: '7d0e6a4e-0000-4000-8000-000000000001', name: 'Dinas Sosial Provinsi Jawa Barat', jurisdictionCode: '32' }] }),
    });
    const form = resolved({ lead: { type: 'string', ...label('Instansi penanggung jawab', 'Lead agency') } }, {}, { lead: { 'ui:widget': 'agency-picker' } });
    const { unmount } = render(<Filled form={form} jurisdictionCode="32" />);
    await user.selectOptions(screen.getByLabelText(/Instansi penanggung jawab/), await screen.findByRole('option', { name: 'Dinas Sosial Provinsi Jawa Barat' }));
    expect(answers()).toEqual({ lead: '7d0e6a4e-0000-4000-8000-000000000001' });
    unmount();

    fakeApi({ 'GET /agencies?jurisdictionCode=35': () => ({ status: 403, body: { code: 'FORBIDDEN', message: 'Tidak berwenang / not allowed' } }) });
    render(<Filled form={form} jurisdictionCode="35" />);
    expect(await screen.findByText('Daftar instansi tidak dapat dimuat.')).toBeTruthy();
  });
});
