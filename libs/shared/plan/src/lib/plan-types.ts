/** The plan's content types live in `@gugus/contracts` (the API returns them and the web reads them); the core re-exports them. */
export { PlanProblemCode } from '@gugus/contracts';
export type {
  JsonObject,
  JsonValue,
  PlanActivity,
  PlanProblem,
  PlanResult,
  PlanSection,
  PlanSectionAnswers,
  PlanText,
  PlanVersionContent,
  PoaActivityAnswers,
  PoaBudgetLine,
  PoaSectionAnswers,
} from '@gugus/contracts';
