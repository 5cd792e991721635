import { admin } from './admin';
import { audit } from './audit';
import { auth } from './auth';
import { cases } from './cases';
import { common } from './common';
import { formEditor } from './formEditor';
import { forms } from './forms';
import { home } from './home';
import { meetings } from './meetings';
import { notifications } from './notifications';
import { orgs } from './orgs';
import { plans } from './plans';
import { processSettings } from './processSettings';
import { reports } from './reports';
import { systemStatus } from './systemStatus';
import { tasks } from './tasks';

/** Translation namespaces, one per feature. Every namespace holds the same keys in `id` and `en`. */
export const resources = {
  id: { common: common.id, home: home.id, systemStatus: systemStatus.id, auth: auth.id, orgs: orgs.id, admin: admin.id, audit: audit.id, forms: forms.id, formEditor: formEditor.id, processSettings: processSettings.id, notifications: notifications.id, tasks: tasks.id, meetings: meetings.id, plans: plans.id, cases: cases.id, reports: reports.id },
  en: { common: common.en, home: home.en, systemStatus: systemStatus.en, auth: auth.en, orgs: orgs.en, admin: admin.en, audit: audit.en, forms: forms.en, formEditor: formEditor.en, processSettings: processSettings.en, notifications: notifications.en, tasks: tasks.en, meetings: meetings.en, plans: plans.en, cases: cases.en, reports: reports.en },
};

export type Namespace = keyof (typeof resources)['id'];
export const NAMESPACES = Object.keys(resources.id) as Namespace[];
