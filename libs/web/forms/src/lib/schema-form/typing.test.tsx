import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState, type ReactElement } from 'react';
import type { FieldTemplateProps, RJSFSchema } from '@rjsf/utils';
import type { FormSchema } from '@gugus/forms';
import { SchemaForm } from './SchemaForm';
import { SCHEMA_FORM_TEMPLATES } from './templates';

/**
 * Typing into a free-text field of a long form (issue 13: under one frame per keystroke at 300 fields):
 * the page gets every keystroke's data at once while the form's fields are not re-rendered; validation
 * and errors catch up when typing pauses, when the field is left, and before a submit.
 */

const FIELDS = 300;
const properties: Record<string, FormSchema> = Object.fromEntries(Array.from({ length: FIELDS }, (_, i) => [`f${i}`, { type: 'string', title: `Isian ${i}`, maxLength: 3 }]));
const schema: FormSchema = { type: 'object', required: ['f0', 'f1'], properties };

/** Renders of field templates (one per field rjsf re-renders), counted around the form's own template. */
let fieldRenders = 0;
const FieldTemplate = SCHEMA_FORM_TEMPLATES.FieldTemplate as (props: FieldTemplateProps<Record<string, unknown>, RJSFSchema>) => ReactElement | null;
beforeAll(() => {
  SCHEMA_FORM_TEMPLATES.FieldTemplate = function CountedFieldTemplate(props) {
    fieldRenders += 1;
    return <FieldTemplate {...props} />;
  };
});
afterAll(() => {
  SCHEMA_FORM_TEMPLATES.FieldTemplate = FieldTemplate;
});

function Page({ onSubmit }: { onSubmit?: (data: Record<string, unknown>) => void }) {
  const [data, setData] = useState<Record<string, unknown>>({});
  return (
    <>
      <SchemaForm schema={schema} uiSchema={{}} formData={data} onChange={setData} onSubmit={onSubmit}>
        <button type="submit">Kirim</button>
      </SchemaForm>
      <output data-testid="answers">{JSON.stringify(data)}</output>
    </>
  );
}

const answers = () => JSON.parse(screen.getByTestId('answers').textContent ?? '{}') as Record<string, unknown>;
const input = (name: string) => document.getElementById(`root_${name}`) as HTMLInputElement;
const errorsAt = (name: string) => within(document.querySelector(`[data-field="root_${name}"]`) as HTMLElement).queryAllByTestId('field-error').map((e) => e.textContent);

describe('SchemaForm: typing into a long form', () => {
  it('hands each keystroke to the page at once without re-rendering the form; the field error shows once typing pauses', async () => {
    render(<Page />);
    expect(document.querySelectorAll('[data-field]')).toHaveLength(FIELDS + 1);
    act(() => input('f7').focus());
    fieldRenders = 0;
    fireEvent.change(input('f7'), { target: { value: 'a' } });
    fireEvent.change(input('f7'), { target: { value: 'ab' } });
    fireEvent.change(input('f7'), { target: { value: 'abcd' } });
    expect(answers()).toEqual({ f7: 'abcd' });
    expect(input('f7').value).toBe('abcd');
    // Only the typed control re-rendered: no field template, not even the typed field's own.
    expect(fieldRenders).toBe(0);
    expect(errorsAt('f7')).toEqual([]);
    await waitFor(() => expect(errorsAt('f7')).toEqual(['tidak boleh lebih dari 3 karakter']));
    expect(fieldRenders).toBeGreaterThan(0);
    expect(input('f7').value).toBe('abcd');
  });

  it('catches up when the field is left: its errors show then, in Bahasa Indonesia', () => {
    render(<Page />);
    act(() => input('f3').focus());
    fireEvent.change(input('f3'), { target: { value: 'panjang' } });
    expect(errorsAt('f3')).toEqual([]);
    fireEvent.blur(input('f3'));
    expect(errorsAt('f3')).toEqual(['tidak boleh lebih dari 3 karakter']);
    expect(answers()).toEqual({ f3: 'panjang' });
  });

  it('a submit straight after typing validates what was typed, with every other field', () => {
    const onSubmit = jest.fn();
    render(<Page onSubmit={onSubmit} />);
    act(() => input('f0').focus());
    fireEvent.change(input('f0'), { target: { value: 'abcdef' } });
    // Enter in the field: no blur before the submit.
    fireEvent.submit(input('f0').form as HTMLFormElement);
    expect(onSubmit).not.toHaveBeenCalled();
    expect(errorsAt('f0')).toEqual(['tidak boleh lebih dari 3 karakter']);
    expect(errorsAt('f1')).toEqual(['wajib diisi']);
    expect(screen.getByTestId('form-error-summary').textContent).toContain('Isian 0');

    fireEvent.change(input('f0'), { target: { value: 'abc' } });
    fireEvent.change(input('f1'), { target: { value: 'xy' } });
    fireEvent.submit(input('f1').form as HTMLFormElement);
    expect(onSubmit).toHaveBeenCalledWith({ f0: 'abc', f1: 'xy' });
  });
});
