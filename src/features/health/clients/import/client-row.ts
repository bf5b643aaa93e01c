import { CURRENCY_PATTERN, parseMajorUnits } from "../../../../kernel/money.js";
import { textProblem } from "../../../../kernel/text.js";
import { CLIENT_STATUSES, type ClientStatus } from "../client-status.js";
import { UpdateClientBody } from "../contract.js";
import type { ClientContact } from "../schema.js";
import { type ColumnMapping, cellOf } from "./column-mapping.js";
import type { ClientImportField, ImportRowError } from "./contract.js";
import { type DateOrder, parseImportDate } from "./parse-date.js";

/** The client fields a row sets; fields whose cell is empty are left out (kept as they are on update). */
export type ClientChanges = {
  name?: string;
  externalId?: string;
  clientType?: string;
  assignedCsmId?: string | null;
  status?: ClientStatus;
  arrMinor?: number;
  mrrMinor?: number;
  acvMinor?: number;
  currency?: string;
  nextRenewalDate?: string;
  clientSince?: string;
  tags?: string[];
  /** Replaces the client's primary contact. */
  primaryContact?: ClientContact;
};

export type ParsedClientRow = { row: number; changes: ClientChanges; errors: ImportRowError[] };

export type RowContext = {
  /** Lower-cased email -> user id of the organization's members. */
  membersByEmail: Map<string, string>;
  dateOrder: DateOrder;
};

const UNASSIGNED = new Set(["unassigned", "none", "-"]);
const statusOf = (text: string) => {
  const key = text.toLowerCase().replace(/[\s-]+/g, "_");
  return (CLIENT_STATUSES as readonly string[]).includes(key) ? (key as ClientStatus) : undefined;
};

/** The import field a contract path (from UpdateClientBody) belongs to. */
function fieldOfPath(path: PropertyKey[]): ClientImportField {
  const [head, , leaf] = path;
  const byKey: Record<string, ClientImportField> = {
    assignedCsmId: "csmEmail",
    arrMinor: "arr",
    mrrMinor: "mrr",
    acvMinor: "acv",
    contacts: leaf === "email" ? "contactEmail" : "contactName",
  };
  return byKey[String(head)] ?? (String(head) as ClientImportField);
}

/** Reads one CSV row into client fields, with a reason for every cell that cannot be used. */
export function parseClientRow(
  row: number,
  cells: string[],
  mapping: ColumnMapping<ClientImportField>,
  context: RowContext,
): ParsedClientRow {
  const errors: ImportRowError[] = [];
  const fail = (field: ClientImportField, reason: string) =>
    errors.push({ row, column: mapping.columnOf(field), reason });
  // A cell that is not storable text (NUL, control characters, lone surrogates) is the row's error, unread.
  const cell = (field: ClientImportField) => {
    const value = cellOf(mapping, cells, field);
    const problem = value === undefined ? null : textProblem(value);
    if (problem) fail(field, problem);
    return problem ? undefined : value;
  };
  const changes: ClientChanges = {};

  for (const field of ["name", "externalId", "clientType"] as const) {
    const value = cell(field);
    if (value !== undefined) changes[field] = value;
  }
  const email = cell("csmEmail")?.toLowerCase();
  if (email !== undefined) {
    if (UNASSIGNED.has(email)) changes.assignedCsmId = null;
    else if (context.membersByEmail.has(email)) changes.assignedCsmId = context.membersByEmail.get(email);
    else fail("csmEmail", `"${email}" is not a member of this organization`);
  }
  const status = cell("status");
  if (status !== undefined) {
    changes.status = statusOf(status);
    if (!changes.status) fail("status", `must be one of ${CLIENT_STATUSES.join(", ")}`);
  }
  for (const [field, key] of [
    ["arr", "arrMinor"],
    ["mrr", "mrrMinor"],
    ["acv", "acvMinor"],
  ] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    const minor = parseMajorUnits(text);
    if (minor === null) fail(field, `"${text}" is not an amount (e.g. 12500.00)`);
    else if (minor < 0) fail(field, "cannot be negative");
    else changes[key] = minor;
  }
  const currency = cell("currency")?.toUpperCase();
  if (currency !== undefined) {
    if (CURRENCY_PATTERN.test(currency)) changes.currency = currency;
    else fail("currency", "must be a 3-letter currency code");
  }
  for (const field of ["nextRenewalDate", "clientSince"] as const) {
    const text = cell(field);
    if (text === undefined) continue;
    const date = parseImportDate(text, context.dateOrder);
    if (date) changes[field] = date;
    else fail(field, `"${text}" is not a date (use YYYY-MM-DD)`);
  }
  const tags = cell("tags");
  if (tags !== undefined) changes.tags = [...new Set(tags.split(/[;,|]/).map((t) => t.trim()))].filter(Boolean);
  const contactName = cell("contactName");
  const contactEmail = cell("contactEmail");
  if (contactName !== undefined || contactEmail !== undefined) {
    changes.primaryContact = { name: contactName ?? contactEmail ?? "", email: contactEmail, primary: true };
  }

  // The API's own rules (lengths, email syntax, limits) for whatever parsed.
  const { primaryContact, ...fields } = changes;
  const checked = UpdateClientBody.safeParse({ ...fields, contacts: primaryContact ? [primaryContact] : undefined });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = fieldOfPath(issue.path);
      if (!errors.some((e) => e.column === mapping.columnOf(field))) fail(field, issue.message);
    }
  }
  return { row, changes, errors };
}
