import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { DATA_CATEGORY_LIST, FORM_LIBRARY, fieldsOf, NATIONAL_FORM_JURISDICTION, OPTION_LISTS, type FormDefinition, type OptionList } from '@gugus/forms';

/**
 * The option lists a definition refers to: by `x-options`, and the data category list when a field has
 * an `x-data-category` (a province variant's added fields are checked against the snapshotted list).
 */
export function listsUsedBy(definition: FormDefinition, lists: ReadonlyMap<string, OptionList> = OPTION_LISTS): OptionList[] {
  const keys = new Set(
    fieldsOf(definition.schema)
      .flatMap(({ node }) => [node['x-options'], node.items?.['x-options'], node['x-data-category'] ? DATA_CATEGORY_LIST : undefined])
      .filter((k): k is string => !!k),
  );
  return [...keys].map((k) => lists.get(k)).filter((l): l is OptionList => !!l);
}

/**
 * Loads each national form of the library as a published national version, once per library version;
 * the previous national version is retired (never edited). Idempotent.
 */
export async function syncNationalForms(db: DataSource): Promise<{ published: string[] }> {
  const published: string[] = [];
  await db.transaction(async (tx) => {
    for (const { definition } of FORM_LIBRARY) {
      const [current] = await tx.query(`SELECT library_version FROM form_versions WHERE form_key = $1 AND jurisdiction_code = $2 AND status = 'published'`, [definition.key, NATIONAL_FORM_JURISDICTION]);
      if (current?.library_version === definition.version) continue;
      const [{ next }] = await tx.query('SELECT coalesce(max(number), 0) + 1 AS next FROM form_versions WHERE form_key = $1 AND jurisdiction_code = $2', [definition.key, NATIONAL_FORM_JURISDICTION]);
      await tx.query(`UPDATE form_versions SET status = 'retired' WHERE form_key = $1 AND jurisdiction_code = $2 AND status = 'published'`, [definition.key, NATIONAL_FORM_JURISDICTION]);
      await tx.query(
        `INSERT INTO form_versions (id, form_key, jurisdiction_code, number, status, library_version, definition, option_lists, published_at)
         VALUES ($1, $2, $3, $4, 'published', $5, $6, $7, now())`,
        [randomUUID(), definition.key, NATIONAL_FORM_JURISDICTION, Number(next), definition.version, JSON.stringify(definition), JSON.stringify(listsUsedBy(definition))],
      );
      published.push(`${definition.key}@${definition.version}`);
    }
  });
  return { published };
}
