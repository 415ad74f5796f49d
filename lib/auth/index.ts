export { DEMO_USERS, ensureDemoUsers } from "./demo";
export { authOptions } from "./options";
export { hashPassword, PASSWORD_MIN_LENGTH, verifyPassword } from "./password";
export { clearLoginFailures, LOGIN_LIMITS, loginRetryAfterSeconds, recordLoginFailure } from "./rate-limit";
export {
  assertRole,
  type CookieList,
  getSessionUser,
  parseCookieHeader,
  requirePageRole,
  requireRole,
  type SessionUser,
  sessionUserFromCookies,
} from "./session";
export {
  CreateUserInput,
  createUser,
  getActiveUserById,
  getUserByEmail,
  listEditors,
  type PublicUser,
  roleAtLeast,
  verifyCredentials,
} from "./users";
