export { AccountMenu } from './lib/AccountMenu';
export { useAuth, type AuthState, type AuthStatus, type SignOutReason } from './lib/AuthContext';
export { AuthProvider } from './lib/AuthProvider';
export { canManageOrgs, canReadAudit, canSetTaskForceRoles, covers, homeJurisdiction, primaryRole } from './lib/grants';
export { LoginPage } from './lib/LoginPage';
export { HOME_PATH, LOGIN_PATH, SSO_RETURN_PATH, type FromState } from './lib/paths';
export { RequireAuth } from './lib/RequireAuth';
export { SsoReturnPage } from './lib/SsoReturnPage';
