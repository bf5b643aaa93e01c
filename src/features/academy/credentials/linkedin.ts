/**
 * LinkedIn's "Add license or certification" link with the form filled in
 * (https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&...). Months are 1-12 (UTC).
 */
export function linkedInAddUrl(input: {
  name: string;
  organizationName: string;
  issuedAt: Date;
  expiresAt: Date | null;
  certUrl: string;
  certId: string;
}): string {
  const params: [string, string][] = [
    ["startTask", "CERTIFICATION_NAME"],
    ["name", input.name],
    ["organizationName", input.organizationName],
    ["issueYear", String(input.issuedAt.getUTCFullYear())],
    ["issueMonth", String(input.issuedAt.getUTCMonth() + 1)],
  ];
  if (input.expiresAt) {
    params.push(["expirationYear", String(input.expiresAt.getUTCFullYear())]);
    params.push(["expirationMonth", String(input.expiresAt.getUTCMonth() + 1)]);
  }
  params.push(["certUrl", input.certUrl], ["certId", input.certId]);
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join("&");
  return `https://www.linkedin.com/profile/add?${query}`;
}
