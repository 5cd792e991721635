import { PlanProblemCode, type PlanProblem, type PlanText } from './plan-types';
import { isSubTaskForceKind, sectionName } from './sections';

/** Where a problem is: the section, the activity (its id and its position in the section) if any. */
export interface ProblemPlace {
  subTaskForce: string;
  activity?: { activityId: string | null; index: number; code: unknown };
}

/** The text with a capital first letter in both languages, to start a sentence with it. */
export function capital(text: PlanText): PlanText {
  return { id: text.id.charAt(0).toUpperCase() + text.id.slice(1), en: text.en.charAt(0).toUpperCase() + text.en.slice(1) };
}

/** "kegiatan 1.3" / "activity 1.3", or its position when it has no usable code. */
export function activityName(code: unknown, index: number): PlanText {
  return typeof code === 'string' && code.trim() !== ''
    ? { id: `kegiatan ${code}`, en: `activity ${code}` }
    : { id: `kegiatan ke-${index + 1}`, en: `activity no. ${index + 1}` };
}

/** "kegiatan 1.3 pada bagian …" / "activity 1.3 in the … section", or just the section. */
export function placeName(place: ProblemPlace): PlanText {
  const section = sectionName(place.subTaskForce);
  if (!place.activity) return section;
  const activity = activityName(place.activity.code, place.activity.index);
  return { id: `${activity.id} pada ${section.id}`, en: `${activity.en} in ${section.en}` };
}

/** Whole rupiah with thousands separators: "Rp 1.250.000" / "IDR 1,250,000". */
export function formatRupiah(amount: number): PlanText {
  const digits = Math.abs(amount).toString();
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  const sign = amount < 0 ? '-' : '';
  return { id: `${sign}Rp ${groups.join('.')}`, en: `${sign}IDR ${groups.join(',')}` };
}

/** A problem at `field` (a pointer into the section's answers) of `place`. */
export function problem(code: PlanProblemCode, place: ProblemPlace, field: string, message: PlanText): PlanProblem {
  return {
    code,
    subTaskForce: isSubTaskForceKind(place.subTaskForce) ? place.subTaskForce : null,
    activityId: place.activity?.activityId || null,
    field,
    message,
  };
}

/** A value JSON cannot hold. */
export function notJsonProblem(place: ProblemPlace, field: string): PlanProblem {
  const where = capital(placeName(place));
  return problem(PlanProblemCode.NOT_JSON, place, field, {
    id: `${where.id}: isian ${field} tidak dapat disimpan (bukan teks, angka, ya/tidak atau daftar).`,
    en: `${where.en}: the value at ${field} cannot be stored (it is not text, a number, yes/no or a list).`,
  });
}
