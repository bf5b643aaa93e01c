import type { CreateClientBody, UpdateClientBody } from "../contract.js";
import type { ClientContact } from "../schema.js";
import type { ClientChanges, ParsedClientRow } from "./client-row.js";
import type { ImportRowError } from "./contract.js";

/** The stored client a row matched, as far as the import compares it. */
export type ExistingClient = {
  id: string;
  name: string;
  externalId: string | null;
  clientType: string;
  assignedCsmId: string | null;
  status: NonNullable<UpdateClientBody["status"]>;
  arrMinor: number;
  mrrMinor: number;
  acvMinor: number;
  currency: string;
  nextRenewalDate: string | null;
  clientSince: string | null;
  contacts: ClientContact[];
  tags: string[];
};

export type PlannedRow =
  | { row: number; kind: "create"; input: CreateClientBody }
  | { row: number; kind: "update"; clientId: string; input: UpdateClientBody }
  | { row: number; kind: "unchanged"; clientId: string };

export type ClientImportPlan = { rows: PlannedRow[]; errors: ImportRowError[]; invalidRows: Set<number> };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The client's fields after the row: every field is given, so nothing falls back to a default. */
function updatedFields(current: ExistingClient, changes: ClientChanges) {
  const { primaryContact, ...fields } = changes;
  const contacts = primaryContact ? [primaryContact, ...current.contacts.filter((c) => !c.primary)] : current.contacts;
  const { id: _id, ...currentFields } = current;
  return { ...currentFields, ...fields, contacts };
}

/**
 * Decides what each row does: a row whose external id matches a client updates it (or leaves it
 * unchanged); any other row creates a client. An external id given twice, or a new client without a
 * name, is an error of that row.
 */
export function planClientImport(
  parsed: ParsedClientRow[],
  byExternalId: Map<string, ExistingClient>,
  columnOf: (field: "externalId" | "name") => string,
): ClientImportPlan {
  const errors: ImportRowError[] = parsed.flatMap((p) => p.errors);
  const invalidRows = new Set(errors.map((e) => e.row));
  const firstRowOf = new Map<string, number>();
  const rows: PlannedRow[] = [];
  const reject = (row: number, column: string, reason: string) => {
    errors.push({ row, column, reason });
    invalidRows.add(row);
  };
  for (const { row, changes } of parsed) {
    const externalId = changes.externalId;
    if (externalId !== undefined) {
      const first = firstRowOf.get(externalId);
      if (first !== undefined)
        reject(row, columnOf("externalId"), `"${externalId}" appears again (first in row ${first})`);
      else firstRowOf.set(externalId, row);
    }
    const existing = externalId === undefined ? undefined : byExternalId.get(externalId);
    if (!existing && changes.name === undefined) reject(row, columnOf("name"), "is required to create a client");
    if (invalidRows.has(row)) continue;
    if (existing) {
      const next = updatedFields(existing, changes);
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => !same(next[k], existing[k]));
      rows.push(
        changed
          ? { row, kind: "update", clientId: existing.id, input: next }
          : { row, kind: "unchanged", clientId: existing.id },
      );
    } else {
      const { primaryContact, ...fields } = changes;
      rows.push({
        row,
        kind: "create",
        input: { ...fields, name: changes.name ?? "", contacts: primaryContact ? [primaryContact] : [] },
      });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, invalidRows };
}
