import { z } from "zod";
import { ORG_ROLES } from "../../../kernel/roles.js";
import { Text } from "../../../kernel/text.js";

export const Email = Text.trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email("must be a valid email address"));

export const NewPassword = Text.min(10, "must be at least 10 characters").max(200, "must be at most 200 characters");

export const PersonName = Text.trim().min(1, "is required").max(120, "must be at most 120 characters");

export const SignupBody = z.object({ name: PersonName, email: Email, password: NewPassword });
export type SignupBody = z.infer<typeof SignupBody>;

export const LoginBody = z.object({
  email: Email,
  password: Text.min(1, "is required").max(200),
});
export type LoginBody = z.infer<typeof LoginBody>;

export const TokenBody = z.object({ token: Text.min(10, "is not a valid link").max(200) });
export type TokenBody = z.infer<typeof TokenBody>;

export const PasswordResetBody = z.object({ email: Email });
export type PasswordResetBody = z.infer<typeof PasswordResetBody>;

export const PasswordResetConfirmBody = z.object({
  token: Text.min(10, "is not a valid link").max(200),
  password: NewPassword,
});
export type PasswordResetConfirmBody = z.infer<typeof PasswordResetConfirmBody>;

export const ChangePasswordBody = z.object({
  currentPassword: Text.min(1, "is required").max(200),
  newPassword: NewPassword,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const UpdateProfileBody = z
  .object({
    name: PersonName.optional(),
    timeZone: Text.max(64)
      .refine((tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC", "is not a known time zone")
      .optional(),
  })
  .refine((b) => b.name !== undefined || b.timeZone !== undefined, { message: "nothing to change", path: ["name"] });
export type UpdateProfileBody = z.infer<typeof UpdateProfileBody>;

export const SetActiveOrganizationBody = z.object({ organizationId: z.uuid("is not a valid id") });
export type SetActiveOrganizationBody = z.infer<typeof SetActiveOrganizationBody>;

export const User = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  emailConfirmed: z.boolean(),
  isPlatformAdmin: z.boolean(),
  timeZone: z.string(),
  createdAt: z.iso.datetime(),
});
export type User = z.infer<typeof User>;

export const MyOrganization = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  role: z.enum(ORG_ROLES),
});
export type MyOrganization = z.infer<typeof MyOrganization>;

export const MeResponse = z.object({
  user: User,
  organizations: z.array(MyOrganization),
  activeOrganizationId: z.uuid().nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

/** The session probe: who is signed in, or `me: null` when nobody is (answered with 200, never 401). */
export const SessionResponse = z.object({ me: MeResponse.nullable() });
export type SessionResponse = z.infer<typeof SessionResponse>;

export const SessionInfo = z.object({
  id: z.string(),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export type SessionList = z.infer<typeof SessionList>;

export const SessionParams = z.object({ sessionId: Text.min(1).max(100) });

export const Accepted = z.object({ message: z.string() });
export type Accepted = z.infer<typeof Accepted>;
