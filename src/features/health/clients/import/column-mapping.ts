import { AppError, type FieldReasons } from "../../../../kernel/app-error.js";
import type { ClientImportField, UsageImportField } from "./contract.js";

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Header names (normalized) each field is recognised by when the caller does not map the column. */
export const CLIENT_ALIASES: Record<ClientImportField, string[]> = {
  externalId: ["externalid", "id", "clientid", "accountid", "externalref", "crmid"],
  name: ["name", "clientname", "client", "company", "companyname", "account", "accountname"],
  clientType: ["clienttype", "type", "segment", "tier"],
  csmEmail: ["csmemail", "assignedcsmemail", "owneremail", "assignedtoemail"],
  status: ["status", "clientstatus"],
  arr: ["arr", "annualrecurringrevenue"],
  mrr: ["mrr", "monthlyrecurringrevenue"],
  acv: ["acv", "annualcontractvalue"],
  currency: ["currency", "currencycode"],
  nextRenewalDate: ["nextrenewal", "nextrenewaldate", "renewaldate", "renewal"],
  clientSince: ["clientsince", "clientasof", "customersince", "startdate"],
  tags: ["tags", "labels"],
  contactName: ["contactname", "primarycontact", "primarycontactname"],
  contactEmail: ["contactemail", "primarycontactemail"],
};

export const USAGE_ALIASES: Record<UsageImportField, string[]> = {
  clientExternalId: ["clientexternalid", "externalid", "clientid", "accountid"],
  metric: ["metric", "metricname"],
  weekStart: ["weekstart", "week", "weekof", "weekbeginning"],
  value: ["value", "count", "amount"],
};

export type ColumnMapping<F extends string> = {
  columns: { column: string; field: F | null }[];
  /** Where each mapped field is in a row. */
  indexOf: Partial<Record<F, number>>;
  /** The CSV column a field came from (error reports name it), or the field itself. */
  columnOf: (field: F) => string;
};

/**
 * The caller's mapping {CSV column -> field | "ignore"}, completed by header names for the columns it
 * leaves out. A mapping naming an absent column, or two columns filling one field, is refused.
 */
export function resolveMapping<F extends string>(
  header: string[],
  given: Record<string, F | "ignore"> | undefined,
  aliases: Record<F, string[]>,
): ColumnMapping<F> {
  const problems: FieldReasons = {};
  for (const column of Object.keys(given ?? {})) {
    if (!header.includes(column)) problems[`mapping.${column}`] = "is not a column of the file";
  }
  const indexOf: Partial<Record<F, number>> = {};
  const taken = (field: F) => indexOf[field] !== undefined;
  const fields = Object.keys(aliases) as F[];
  const columns = header.map((column, i) => {
    const explicit = given?.[column];
    if (explicit === "ignore" || header.indexOf(column) !== i) return { column, field: null };
    if (explicit) {
      if (taken(explicit)) problems[`mapping.${column}`] = `fills ${explicit}, which another column already fills`;
      indexOf[explicit] = i;
      return { column, field: explicit };
    }
    const guessed = fields.find((f) => aliases[f].includes(normalize(column)) && !taken(f) && !explicitlyMapped(f));
    if (!guessed) return { column, field: null };
    indexOf[guessed] = i;
    return { column, field: guessed };
  });
  function explicitlyMapped(field: F) {
    return Object.values(given ?? {}).includes(field);
  }
  if (Object.keys(problems).length) {
    throw new AppError("invalid_input", "The column mapping does not fit the file.", { fields: problems });
  }
  return {
    columns,
    indexOf,
    columnOf: (field) => (indexOf[field] === undefined ? field : (header[indexOf[field] as number] as string)),
  };
}

/** The trimmed cell of a field in a row, or undefined when the field is not mapped or the cell is empty. */
export function cellOf<F extends string>(mapping: ColumnMapping<F>, cells: string[], field: F): string | undefined {
  const i = mapping.indexOf[field];
  if (i === undefined) return undefined;
  const value = cells[i]?.trim();
  return value === "" ? undefined : value;
}
