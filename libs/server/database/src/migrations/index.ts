import { CreateSystemChecks1763900000000 } from './1763900000000-create-system-checks';
import { CreateOrganisations1763900000200 } from './1763900000200-create-organisations';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [CreateSystemChecks1763900000000, CreateOrganisations1763900000200];
