import type { PacketSchema } from '@gugus/cases';
import type { BilingualText, CaseReferralPacketView } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

type PacketField = CaseReferralPacketView['documents'][number]['fields'][number];

/** The shared answers of one document, one per answer, labelled from the form (coded answers with their option label). */
export function fieldsOf(schema: PacketSchema, data: unknown): PacketField[] {
  const out: PacketField[] = [];
  const label = (node: PacketSchema, key: string): BilingualText => {
    const l = node['x-label'];
    return isRecord(l) && typeof l['id'] === 'string' && typeof l['en'] === 'string' ? { id: l['id'], en: l['en'] } : { id: key, en: key };
  };
  const options = (node: PacketSchema) => {
    const key = node['x-options'] ?? node.items?.['x-options'];
    return typeof key === 'string' ? optionLabels(key) : undefined;
  };
  const joined = (labels: BilingualText[]): BilingualText => ({ id: labels.map((l) => l.id).join(' › '), en: labels.map((l) => l.en).join(' › ') });
  const visit = (node: PacketSchema, value: unknown, pointer: string, labels: BilingualText[]): void => {
    if (node.properties && isRecord(value)) {
      for (const [key, child] of Object.entries(node.properties)) if (Object.hasOwn(value, key)) visit(child, value[key], `${pointer}/${key}`, [...labels, label(child, key)]);
      return;
    }
    if (node.items?.properties && Array.isArray(value)) {
      const last = labels[labels.length - 1] ?? { id: '', en: '' };
      value.forEach((element, i) => visit(node.items as PacketSchema, element, `${pointer}/${i}`, [...labels.slice(0, -1), { id: `${last.id} #${i + 1}`, en: `${last.en} #${i + 1}` }]));
      return;
    }
    const names = options(node);
    const shown = (Array.isArray(value) ? value : [value]).map((v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v)));
    const coded = names && shown.every((v) => typeof v === 'string' && names.has(v)) ? shown.map((v) => names.get(v as string) as BilingualText) : undefined;
    out.push({
      pointer,
      label: labels.length ? joined(labels) : { id: pointer, en: pointer },
      value: shown.length === 1 ? shown[0] : shown.join(', '),
      ...(coded ? { valueLabel: { id: coded.map((c) => c.id).join(', '), en: coded.map((c) => c.en).join(', ') } } : {}),
    });
  };
  visit(schema, data, '', []);
  return out;
}
