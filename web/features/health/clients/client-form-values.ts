import type { Client, CreateClientBody } from "../../../../src/features/health/clients/contract";
import { CreateClientBody as CreateClientSchema } from "../../../../src/features/health/clients/contract";
import { formValidator } from "../../../api/form-validator";
import type { ClientStatusValue } from "./client-status-display";
import { toMajor, toMinor } from "./money";

/** One contact as the form edits it: empty strings for "none". */
export type ContactFormValue = { name: string; email: string; title: string; phone: string; primary: boolean };

export const emptyContact = (primary = false): ContactFormValue => ({
  name: "",
  email: "",
  title: "",
  phone: "",
  primary,
});

/** What the client form edits: money in major units (dollars, not cents), empty strings for "none". */
export type ClientFormValues = {
  name: string;
  externalId: string;
  clientType: string;
  assignedCsmId: string | null;
  status: ClientStatusValue;
  currency: string;
  arr: number | string;
  mrr: number | string;
  acv: number | string;
  nextRenewalDate: string;
  clientSince: string;
  tags: string[];
  contacts: ContactFormValue[];
  /** When changes to type, CSM, status or money take effect (edits only). */
  effectiveDate: string;
};

export const emptyClientForm = (currency = "USD"): ClientFormValues => ({
  name: "",
  externalId: "",
  clientType: "",
  assignedCsmId: null,
  status: "active",
  currency,
  arr: "",
  mrr: "",
  acv: "",
  nextRenewalDate: "",
  clientSince: "",
  tags: [],
  contacts: [],
  effectiveDate: "",
});

export const clientToForm = (client: Client): ClientFormValues => ({
  name: client.name,
  externalId: client.externalId ?? "",
  clientType: client.clientType,
  assignedCsmId: client.assignedCsmId,
  status: client.status,
  currency: client.currency,
  arr: toMajor(client.arrMinor, client.currency),
  mrr: toMajor(client.mrrMinor, client.currency),
  acv: toMajor(client.acvMinor, client.currency),
  nextRenewalDate: client.nextRenewalDate ?? "",
  clientSince: client.clientSince ?? "",
  tags: client.tags,
  contacts: client.contacts.map((c) => ({
    name: c.name,
    email: c.email ?? "",
    title: c.title ?? "",
    phone: c.phone ?? "",
    primary: c.primary ?? false,
  })),
  effectiveDate: "",
});

/** A contact as the API takes it: blank optional fields left out. */
const contactBody = (c: ContactFormValue) => ({
  name: c.name,
  ...(c.email.trim() ? { email: c.email.trim() } : {}),
  ...(c.title.trim() ? { title: c.title.trim() } : {}),
  ...(c.phone.trim() ? { phone: c.phone.trim() } : {}),
  ...(c.primary ? { primary: true } : {}),
});

const minor = (value: number | string, currency: string) => {
  const major = typeof value === "number" ? value : value.trim() === "" ? 0 : Number(value);
  return Number.isFinite(major) ? toMinor(major, currency) : Number.NaN;
};

/** The API body for the form's values (create and edit share it). */
export function formToBody(values: ClientFormValues): CreateClientBody {
  return {
    name: values.name,
    externalId: values.externalId.trim() || null,
    clientType: values.clientType.trim(),
    assignedCsmId: values.assignedCsmId || null,
    status: values.status,
    currency: values.currency,
    arrMinor: minor(values.arr, values.currency),
    mrrMinor: minor(values.mrr, values.currency),
    acvMinor: minor(values.acv, values.currency),
    nextRenewalDate: values.nextRenewalDate || null,
    clientSince: values.clientSince || null,
    tags: values.tags,
    contacts: values.contacts.map(contactBody),
    effectiveDate: values.effectiveDate || undefined,
  };
}

/** API field paths that the form shows under another name. */
const FORM_FIELD: Record<string, keyof ClientFormValues> = { arrMinor: "arr", mrrMinor: "mrr", acvMinor: "acv" };

/** Renames API error paths ("arrMinor", "tags.2") to the form's fields, as sentences. */
export function toFormErrors(errors: Record<string, string>): Record<string, string> {
  const renamed: Record<string, string> = {};
  for (const [path, reason] of Object.entries(errors)) {
    const bare = path.replace(/^body\./, "");
    const [head = bare] = bare.split(".");
    // A contact's error stays on its own input ("contacts.1.email"); others go to the whole field.
    const field = head === "contacts" ? bare : (FORM_FIELD[head] ?? head);
    if (!renamed[field]) renamed[field] = reason.charAt(0).toUpperCase() + reason.slice(1);
  }
  return renamed;
}

const validateBody = formValidator(CreateClientSchema);

/** Mantine `validate`: the contract's rules, checked on the body the form would send. */
export const validateClientForm = (values: ClientFormValues) => toFormErrors(validateBody(formToBody(values)));
