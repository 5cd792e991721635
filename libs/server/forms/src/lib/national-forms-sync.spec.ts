import { DATA_CATEGORY_LIST, FORM_LIBRARY } from '@gugus/forms';
import { listsUsedBy } from './national-forms-sync';

const definition = (key: string) => {
  const form = FORM_LIBRARY.find((f) => f.definition.key === key);
  if (!form) throw new Error(`no form ${key}`);
  return form.definition;
};

describe('listsUsedBy: the option lists a version snapshots', () => {
  it('includes the data category list when fields carry x-data-category, so a variant can tag its own fields', () => {
    // case-intake names no category list by x-options; its categories alone bring it in.
    const intake = listsUsedBy(definition('case-intake')).map((l) => l.key);
    expect(intake).toContain(DATA_CATEGORY_LIST);
    expect(intake).toContain('sex');
  });

  it('leaves it out of forms without categories', () => {
    expect(listsUsedBy(definition('meeting-rsvp')).map((l) => l.key)).not.toContain(DATA_CATEGORY_LIST);
  });
});
