// The organization side of accounts: organizations, members, roles and invitations.
export {
  acceptInvitation,
  inviteMember,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from "./service/invitations.js";
export { findMembership, listMemberIdsWithRoles, managerOf, organizationNames } from "./service/lookups.js";
export { changeMemberRole, listMembers, removeMember, setManager } from "./service/members.js";
export {
  addMember,
  createOrganization,
  ensureOrganization,
  getOrganization,
  renameOrganization,
} from "./service/organizations.js";
