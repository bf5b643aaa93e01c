import type { ClientHistoryView } from "./queries";

export type ClientVersion = ClientHistoryView["versions"][number];
export type VersionField = "clientType" | "assignedCsmId" | "status" | "arrMinor" | "mrrMinor" | "acvMinor";

const FIELDS: VersionField[] = ["clientType", "assignedCsmId", "status", "arrMinor", "mrrMinor", "acvMinor"];

export type VersionChange = { version: ClientVersion; fields: VersionField[]; first: boolean };

/** Each dated version with the fields that changed from the one before it, newest first. */
export function versionChanges(versions: ClientVersion[]): VersionChange[] {
  return versions
    .map((version, index) => {
      const before = versions[index - 1];
      const fields = before ? FIELDS.filter((field) => version[field] !== before[field]) : FIELDS;
      return { version, fields, first: !before };
    })
    .reverse();
}
