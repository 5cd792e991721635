import { CreateSystemChecks1763900000000 } from './1763900000000-create-system-checks';
import { CreateAuditLog1763900000100 } from './1763900000100-create-audit-log';
import { CreateOrganisations1763900000200 } from './1763900000200-create-organisations';
import { CreateOidcLogins1763900000300 } from './1763900000300-create-oidc-logins';
import { CreateForms1763900000400 } from './1763900000400-create-forms';
import { CreateHolidays1763900000500 } from './1763900000500-create-holidays';
import { CreateProcessSettings1763900000600 } from './1763900000600-create-process-settings';
import { CreateNotifications1763900000700 } from './1763900000700-create-notifications';
import { CreateTasks1763900000800 } from './1763900000800-create-tasks';
import { CreateMeetings1763900000900 } from './1763900000900-create-meetings';
import { EncryptPersonalData1763900001000 } from './1763900001000-encrypt-personal-data';
import { TaskReassignRoles1763900001010 } from './1763900001010-task-reassign-roles';
import { SealAuditWithHmac1763900001100 } from './1763900001100-seal-audit-with-hmac';
import { AppRole1763900001101 } from './1763900001101-app-role';
import { HardenSessions1763900001200 } from './1763900001200-harden-sessions';
import { CreatePlans1763900001300 } from './1763900001300-create-plans';
import { TaskStagedDecisions1763900001400 } from './1763900001400-task-staged-decisions';
import { PlanBudgetCalendar1763900001500 } from './1763900001500-plan-budget-calendar';
import { CreateCases1763900001600 } from './1763900001600-create-cases';
import { CreateCaseConsents1763900001700 } from './1763900001700-create-case-consents';
import { CreateCaseReferrals1763900001800 } from './1763900001800-create-case-referrals';
import { CreateCasePacketLists1763900001900 } from './1763900001900-create-case-packet-lists';
import { CaseReunification1763900002000 } from './1763900002000-case-reunification';
import { CaseListIndex1763900002100 } from './1763900002100-case-list-index';
import { CreateCooperationAgreements1763900002200 } from './1763900002200-create-cooperation-agreements';
import { NotificationCaseLinks1763900002210 } from './1763900002210-notification-case-links';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [CreateSystemChecks1763900000000, CreateAuditLog1763900000100, CreateOrganisations1763900000200, CreateOidcLogins1763900000300, CreateForms1763900000400, CreateHolidays1763900000500, CreateProcessSettings1763900000600, CreateNotifications1763900000700, CreateTasks1763900000800, CreateMeetings1763900000900, EncryptPersonalData1763900001000, TaskReassignRoles1763900001010, SealAuditWithHmac1763900001100, AppRole1763900001101, HardenSessions1763900001200, CreatePlans1763900001300, TaskStagedDecisions1763900001400, PlanBudgetCalendar1763900001500, CreateCases1763900001600, CreateCaseConsents1763900001700, CreateCaseReferrals1763900001800, CreateCasePacketLists1763900001900, CaseReunification1763900002000, CaseListIndex1763900002100, CreateCooperationAgreements1763900002200, NotificationCaseLinks1763900002210];
