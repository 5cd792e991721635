import { common } from './common';
import { systemStatus } from './systemStatus';

/** Translation namespaces, one per feature. Every namespace holds the same keys in `id` and `en`. */
export const resources = {
  id: { common: common.id, systemStatus: systemStatus.id },
  en: { common: common.en, systemStatus: systemStatus.en },
};

export type Namespace = keyof (typeof resources)['id'];
export const NAMESPACES = Object.keys(resources.id) as Namespace[];
