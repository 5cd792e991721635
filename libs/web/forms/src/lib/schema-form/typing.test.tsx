import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { resolveForm, type FormSchema, type OptionList, type UiSchema } from '@gugus/forms';
import { SchemaForm } from './SchemaForm';

/**
 * Typing is painted before rjsf catches up (typing.tsx): whatever the person typed, however they typed it and
 * however soon they submit, the answers the page and the submit receive hold every character — and what the
 * page receives never differs from what the form shows once typing stops.
 */

const LISTS = new Map<string, OptionList>([
  ['channels', { key: 'channels', title: { id: 'Saluran', en: 'Channel' }, options: [
    { code: 'police', label: { id: 'Kepolisian', en: 'Police' } },
    { code: 'hotline', label: { id: 'Layanan pengaduan', en: 'Hotline' } },
  ] }],
]);

const label = (id: string, en: string) => ({ 'x-label': { id, en } }) as Partial<FormSchema>;

function resolved(properties: Record<string, FormSchema>, extra: Partial<FormSchema> = {}, uiSchema: UiSchema = {}) {
  const form = resolveForm({ key: 'uji', version: '1.0.0', title: { id: 'Formulir uji', en: 'Test form' }, schema: { type: 'object', properties, ...extra }, uiSchema }, LISTS, 'id');
  return { schema: form.schema, uiSchema: form.uiSchema };
}

/** A decree form as the chair fills it in: a number (text), a summary (text area), a channel (choice). */
const DECREE = resolved(
  {
    decreeNumber: { type: 'string', maxLength: 100, ...label('Nomor SK', 'Decree number') },
    summary: { type: 'string', ...label('Ringkasan', 'Summary') },
    channel: { type: 'string', 'x-options': 'channels', ...label('Saluran', 'Channel') },
  },
  { required: ['decreeNumber', 'summary'] },
  { summary: { 'ui:widget': 'textarea' } },
);

/** The page: its answers in state (shown), a submit button inside the form, a button of its own outside it. */
function Page({ onSubmit, onSave, replaceWith }: { onSubmit: (data: Record<string, unknown>) => void; onSave?: (data: Record<string, unknown>) => void; replaceWith?: Record<string, unknown> }) {
  const [data, setData] = useState<Record<string, unknown>>({});
  return (
    <>
      <SchemaForm schema={DECREE.schema} uiSchema={DECREE.uiSchema} formData={data} onChange={setData} onSubmit={onSubmit}>
        <button type="submit">Kirim</button>
        <button type="button" onClick={() => onSave?.(data)}>
          Simpan draf
        </button>
      </SchemaForm>
      {replaceWith && (
        <button type="button" onClick={() => setData(replaceWith)}>
          Ganti
        </button>
      )}
      <output data-testid="answers">{JSON.stringify(data)}</output>
    </>
  );
}

const answers = () => JSON.parse(screen.getByTestId('answers').textContent ?? '{}') as Record<string, unknown>;
const decreeNumber = () => screen.getByLabelText(/Nomor SK/) as HTMLInputElement;
const summary = () => screen.getByLabelText(/Ringkasan/) as HTMLTextAreaElement;
const form = () => decreeNumber().form as HTMLFormElement;

describe('SchemaForm typing', () => {
  it('a value set all at once (as Playwright fill() does) and submitted at once is in the submitted answers', async () => {
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);

    fireEvent.change(decreeNumber(), { target: { value: '188.44/Kep.12-Bappeda/2026' } });
    fireEvent.change(summary(), { target: { value: 'Rencana aksi daerah 2027–2031' } });
    // The screen shows it at once, before rjsf has caught up.
    expect(decreeNumber().value).toBe('188.44/Kep.12-Bappeda/2026');
    fireEvent.submit(form());

    expect(onSubmit).toHaveBeenCalledTimes(1);
    expect(onSubmit).toHaveBeenCalledWith({ decreeNumber: '188.44/Kep.12-Bappeda/2026', summary: 'Rencana aksi daerah 2027–2031' });
    expect(screen.queryByText('wajib diisi')).toBeNull();
    expect(answers()).toEqual({ decreeNumber: '188.44/Kep.12-Bappeda/2026', summary: 'Rencana aksi daerah 2027–2031' });
  });

  it('typed key by key and submitted with the button right after the last key, every character is submitted', async () => {
    const user = userEvent.setup({ delay: null });
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);

    await user.type(decreeNumber(), 'SK-7/2026');
    await user.type(summary(), 'Orang Lain');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(onSubmit).toHaveBeenCalledWith({ decreeNumber: 'SK-7/2026', summary: 'Orang Lain' });
  });

  it('a value filled in and submitted with Enter is submitted, with no key typed into it', async () => {
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);
    fireEvent.change(summary(), { target: { value: 'Ringkas' } });
    fireEvent.change(decreeNumber(), { target: { value: 'SK-9' } });
    // Enter in a text field: the keydown hands the text over, the implicit submit follows.
    fireEvent.keyDown(decreeNumber(), { key: 'Enter' });
    expect(answers()).toEqual({ decreeNumber: 'SK-9', summary: 'Ringkas' });
    fireEvent.submit(form());
    expect(onSubmit).toHaveBeenCalledWith({ decreeNumber: 'SK-9', summary: 'Ringkas' });
  });

  it('typing in one field and at once changing another keeps both, in the page and in what is submitted', async () => {
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);

    fireEvent.change(decreeNumber(), { target: { value: 'SK-1' } });
    const hotline = screen.getByRole('option', { name: 'Layanan pengaduan' }) as HTMLOptionElement;
    fireEvent.change(screen.getByLabelText(/Saluran/), { target: { value: hotline.value } });
    // The choice's change reached the page with the text typed before it, not without it.
    expect(answers()).toEqual({ decreeNumber: 'SK-1', channel: 'hotline' });

    fireEvent.change(summary(), { target: { value: 'A' } });
    fireEvent.change(decreeNumber(), { target: { value: 'SK-12' } });
    fireEvent.submit(form());
    expect(onSubmit).toHaveBeenCalledWith({ decreeNumber: 'SK-12', summary: 'A', channel: 'hotline' });
  });

  it("a button of the page's own, pressed right after typing, reads answers that hold the text", async () => {
    const user = userEvent.setup({ delay: null });
    const onSave = jest.fn();
    render(<Page onSubmit={jest.fn()} onSave={onSave} />);

    await user.type(decreeNumber(), 'SK-3');
    fireEvent.change(summary(), { target: { value: 'Draf' } });
    await user.click(screen.getByRole('button', { name: 'Simpan draf' }));
    expect(onSave).toHaveBeenCalledWith({ decreeNumber: 'SK-3', summary: 'Draf' });
  });

  it('the page catches up with typing on its own, and data the page replaces is shown once typing has stopped', async () => {
    const user = userEvent.setup({ delay: null });
    render(<Page onSubmit={jest.fn()} replaceWith={{ decreeNumber: 'SK-dari-server' }} />);

    await user.type(decreeNumber(), 'abc');
    await waitFor(() => expect(answers()).toEqual({ decreeNumber: 'abc' }));
    expect(decreeNumber().value).toBe('abc');

    await user.click(screen.getByRole('button', { name: 'Ganti' }));
    await waitFor(() => expect(decreeNumber().value).toBe('SK-dari-server'));
    expect(answers()).toEqual({ decreeNumber: 'SK-dari-server' });
    expect(summary().value).toBe('');
  });

  it('many quick changes, each submitted at once, are each submitted in full (no letter lost, none older)', async () => {
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);
    fireEvent.change(summary(), { target: { value: 'R' } });
    let text = '';
    for (const letter of 'Orang Lain di Kab. Bandung') {
      text += letter;
      fireEvent.change(decreeNumber(), { target: { value: text } });
      if (text.length % 5 === 0) {
        fireEvent.submit(form());
        expect(onSubmit).toHaveBeenLastCalledWith({ decreeNumber: text, summary: 'R' });
      }
      // Let rjsf catch up with some keystrokes (the page's answers hold the text) and not others.
      if (text.length % 3 === 0) await waitFor(() => expect(answers()).toEqual({ decreeNumber: text, summary: 'R' }));
    }
    fireEvent.submit(form());
    expect(onSubmit).toHaveBeenLastCalledWith({ decreeNumber: 'Orang Lain di Kab. Bandung', summary: 'R' });
    await waitFor(() => expect(answers()).toEqual({ decreeNumber: 'Orang Lain di Kab. Bandung', summary: 'R' }));
    expect(decreeNumber().value).toBe('Orang Lain di Kab. Bandung');
  });
});
