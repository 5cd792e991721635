import type { FormSchema } from '@gugus/forms';

const SEPARATOR = ' › ';
const isIndex = (segment: string) => /^\d+$/.test(segment);
const titleOf = (node: FormSchema, fallback: string) => (typeof node.title === 'string' && node.title ? node.title : fallback);

/**
 * The label of the field a JSON pointer names, from a resolved schema (titles in the reader's language):
 * `/actionPoints/1/dueDate` → "Rencana tindak lanjut #2 › Batas waktu". Undefined when the schema has no
 * such field (e.g. a comment made on another version). Comments on a task and changes between plan
 * versions are both named this way.
 */
export function fieldLabel(schema: FormSchema, pointer: string): string | undefined {
  const labels: string[] = [];
  let node: FormSchema | undefined = schema;
  for (const segment of pointer.split('/').filter(Boolean)) {
    if (!node) return undefined;
    if (node.items && isIndex(segment)) {
      const last = labels.pop() ?? '';
      labels.push(`${last} #${Number(segment) + 1}`.trim());
      node = node.items;
    } else {
      node = node.properties?.[segment];
      if (!node) return undefined;
      labels.push(titleOf(node, segment));
    }
  }
  return labels.length ? labels.join(SEPARATOR) : undefined;
}
