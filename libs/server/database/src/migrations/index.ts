import { CreateSystemChecks1763900000000 } from './1763900000000-create-system-checks';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const migrations = [CreateSystemChecks1763900000000];
