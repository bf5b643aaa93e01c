// The identity side of accounts: sign-up, sign-in, sessions, passwords and profile.
export { type PasswordOwner, passwordProblem } from "./password-policy.js";
export { changePassword, confirmPasswordReset, requestPasswordReset } from "./service/password.js";
export { createConfirmedUser, ensurePlatformAdmin } from "./service/platform-admin.js";
export { getMe, listSessions, meOf, revokeMySession, setActiveOrganization, updateProfile } from "./service/profile.js";
export { confirmEmail, resendConfirmation, signup } from "./service/registration.js";
export { login, logout, openSession, resolveActor } from "./service/sign-in.js";
export { contactsOf, type UserContact, userNameOf, userTimeZoneOf } from "./service/user-directory.js";
