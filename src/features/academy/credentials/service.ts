/** The credentials area's public API: issuance (from completion events), verification, holders, admins. */
export {
  awardCredential,
  listCredentialsForAdmin,
  reinstateCredential,
  revokeCredential,
} from "./service/admin.js";
export { certificatePdf } from "./service/certificate.js";
export {
  credentialDownload,
  evidencePage,
  listMyCredentials,
  ownCredential,
  publicCredentialFacts,
  updateMyCredential,
} from "./service/holder.js";
export { type CompletionInput, issueForCompletion } from "./service/issue.js";
export { renewCertification } from "./service/renew.js";
export { publicJwks } from "./service/signing-keys.js";
export { statusListJwt } from "./service/status-lists.js";
export { verifyCredential } from "./service/verify.js";
