import fc from "fast-check";

/** An OpenAPI 3.0 schema object, as @fastify/swagger renders the zod contracts. */
export type JsonSchema = {
  type?: string;
  nullable?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema | JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

/**
 * A generated body and the paths (as the error handler names fields: "a.0.b", "" for the body itself)
 * of the values that are certainly invalid, each of which must come back in `error.fields`.
 */
export type Hostile = { value: unknown; bad: string[] };

const NUL = "\u0000";
const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDFFF";
const ESC = "\u001B";
/** Dates no contract accepts: year 0 (PostgreSQL has none), far past, far future, beyond JavaScript's range. */
export const ABSURD_DATES = ["0000-01-01", "0001-01-01", "1900-01-01", "2099-12-31", "275760-09-13"];
const ABSURD_DATE_TIMES = ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "1900-01-01T00:00:00Z"];

const join = (path: string, key: string | number) => (path === "" ? String(key) : `${path}.${key}`);
const ok = (value: unknown): Hostile => ({ value, bad: [] });
const bad = (value: unknown, path: string): Hostile => ({ value, bad: [path] });

function plausibleString(s: JsonSchema): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  switch (s.format) {
    case "uuid":
      return fc.uuid();
    case "date":
      return fc.constantFrom("2026-06-01", "2024-02-29", "2030-12-31");
    case "date-time":
      return fc.constantFrom("2026-11-01T10:00:00Z", "2025-03-04T05:06:07.890+02:00");
    case "email":
      return fc.constantFrom("someone@example.test", "a.b+c@pulse.test");
    case "uri":
      return fc.constantFrom("https://hooks.example.com/pulse", "http://93.184.215.14/x");
  }
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern), { maxLength: s.maxLength ?? 40 });
  const minLength = Math.min(s.minLength ?? 0, 40);
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 40, 40)) });
}

/** A string with a character no text field accepts, placed at the start, middle or end. */
const poisoned = (base: fc.Arbitrary<string>) =>
  fc
    .tuple(base, fc.constantFrom(NUL, LONE_HIGH, LONE_LOW, ESC, "\u0001", "\u001F"), fc.nat())
    .map(([text, char, at]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + char + text.slice(i);
    });

function stringArb(s: JsonSchema, path: string): fc.Arbitrary<Hostile> {
  const absurd =
    s.format === "date"
      ? [fc.constantFrom(...ABSURD_DATES).map((d) => bad(d, path))]
      : s.format === "date-time"
        ? [fc.constantFrom(...ABSURD_DATE_TIMES).map((d) => bad(d, path))]
        : [];
  return fc.oneof(
    { weight: 4, arbitrary: plausibleString(s).map(ok) },
    { weight: 3, arbitrary: poisoned(plausibleString(s)).map((v) => bad(v, path)) },
    ...absurd.map((arbitrary) => ({ weight: 2, arbitrary })),
    // Huge strings: valid or not depends on the field, so only "no 5xx" is asserted.
    { weight: 1, arbitrary: fc.constantFrom("x".repeat(70_000), "é".repeat(5_000)).map(ok) },
    { weight: 1, arbitrary: fc.constantFrom(12345, true, [], {}).map((v) => bad(v, path)) },
  );
}

function numberArb(s: JsonSchema, path: string): fc.Arbitrary<Hostile> {
  const integer = s.type === "integer";
  const min = s.minimum ?? -1e6;
  const max = s.maximum ?? 1e6;
  const inRange = integer
    ? fc.integer({ min: Math.max(min, -1e9), max: Math.min(max, 1e9) })
    : fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true, noDefaultInfinity: true });
  const outside: unknown[] = ["not a number", 1e308, -1e308];
  if (s.minimum !== undefined) outside.push(s.minimum - 1);
  if (s.maximum !== undefined) outside.push(s.maximum + 1);
  if (integer) outside.push(1.5);
  const out = outside.filter(
    (v) =>
      typeof v !== "number" ||
      (s.minimum !== undefined && v < s.minimum) ||
      (s.maximum !== undefined && v > s.maximum) ||
      (integer && !Number.isInteger(v)),
  );
  // "12" and null are valid where a contract coerces (z.coerce.number), so only "no 5xx" is asserted.
  return fc.oneof(
    { weight: 4, arbitrary: inRange.map(ok) },
    { weight: 2, arbitrary: fc.constantFrom(...out).map((v) => bad(v, path)) },
    { weight: 1, arbitrary: fc.constantFrom("12", null).map(ok) },
  );
}

function arrayArb(s: JsonSchema, path: string, depth: number): fc.Arbitrary<Hostile> {
  const itemSchemas = Array.isArray(s.items) ? s.items : [s.items ?? {}];
  const minItems = s.minItems ?? 0;
  const maxItems = Math.min(s.maxItems ?? 3, Math.max(minItems, 3));
  const items = fc
    .integer({ min: minItems, max: maxItems })
    .chain((n) =>
      fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          schemaArb(itemSchemas[i % itemSchemas.length] ?? {}, join(path, i), depth + 1),
        ),
      ),
    )
    .map((parts: Hostile[]) => ({ value: parts.map((p) => p.value), bad: parts.flatMap((p) => p.bad) }));
  return fc.oneof(
    { weight: 5, arbitrary: items },
    { weight: 1, arbitrary: fc.constantFrom("not a list", { a: 1 }).map((v) => bad(v, path)) },
  );
}

function recordEntries(s: JsonSchema, path: string, depth: number): fc.Arbitrary<Hostile> {
  const valueSchema = typeof s.additionalProperties === "object" ? s.additionalProperties : {};
  const keySchema = s.propertyNames ?? { type: "string", maxLength: 20 };
  const key = fc.oneof(
    { weight: 3, arbitrary: plausibleString(keySchema).map(ok) },
    { weight: 1, arbitrary: poisoned(plausibleString(keySchema)).map((k) => bad(k, path)) },
  );
  return fc
    .array(
      fc
        .tuple(key, fc.constant(null))
        .chain(([k]) => schemaArb(valueSchema, join(path, String(k.value)), depth + 1).map((v) => [k, v] as const)),
      { maxLength: 2 },
    )
    .map((entries) => ({
      value: Object.fromEntries(entries.map(([k, v]) => [String(k.value), v.value])),
      // A refused key is reported alone: its value is not looked at.
      bad: entries.flatMap(([k, v]) => (k.bad.length > 0 ? k.bad : v.bad)),
    }));
}

function objectArb(s: JsonSchema, path: string, depth: number): fc.Arbitrary<Hostile> {
  const props = Object.entries(s.properties ?? {});
  const required = new Set(s.required ?? []);
  const fields = props.map(([key, schema]) =>
    fc
      .oneof(
        { weight: required.has(key) ? 8 : 3, arbitrary: schemaArb(schema, join(path, key), depth + 1) },
        // A required field left out; an optional one simply absent.
        { weight: 1, arbitrary: fc.constant(required.has(key) ? bad(undefined, join(path, key)) : ok(undefined)) },
      )
      .map((h) => [key, h] as const),
  );
  const extra = fc.option(fc.constantFrom(NUL, LONE_HIGH, "x".repeat(1000)), { nil: undefined });
  const record = s.additionalProperties && typeof s.additionalProperties === "object";
  return fc
    .tuple(fc.tuple(...fields), extra, record ? recordEntries(s, path, depth) : fc.constant(ok({})))
    .map(([parts, extraValue, entries]) => {
      const value: Record<string, unknown> = { ...(entries.value as object) };
      for (const [key, h] of parts) if (h.value !== undefined) value[key] = h.value;
      // An unknown field is stripped by the contracts: it may never cause a 5xx, nor must it be named.
      if (extraValue !== undefined && !record) value[`x${NUL}extra`] = extraValue;
      return { value, bad: [...entries.bad, ...parts.flatMap(([, h]) => h.bad)] };
    });
}

/** The property every branch requires with a single allowed value (a zod discriminated union's key). */
function discriminator(branches: JsonSchema[]): string | undefined {
  const keys = Object.keys(branches[0]?.properties ?? {});
  return keys.find((key) =>
    branches.every((b) => b.required?.includes(key) && b.properties?.[key]?.enum?.length === 1),
  );
}

/** Values shaped like the schema, many of them hostile, with the paths that are certainly invalid. */
export function schemaArb(s: JsonSchema, path = "", depth = 0): fc.Arbitrary<Hostile> {
  const withNull = (a: fc.Arbitrary<Hostile>) =>
    s.nullable ? fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(ok(null)) }) : a;
  const branches = s.anyOf ?? s.oneOf;
  if (branches) {
    // A branch's invalid value may be valid for another branch, unless a discriminator picks the branch.
    const tag = discriminator(branches);
    return withNull(
      fc.oneof(
        ...branches.map((b) =>
          schemaArb(b, path, depth).map((h) =>
            tag && (h.value as Record<string, unknown> | null)?.[tag] === b.properties?.[tag]?.enum?.[0]
              ? h
              : ok(h.value),
          ),
        ),
      ),
    );
  }
  if (s.allOf?.[0]) return schemaArb(s.allOf[0], path, depth);
  if (depth > 6) return fc.constant(ok(null));
  switch (s.type) {
    case "string":
      return withNull(stringArb(s, path));
    case "integer":
    case "number":
      return withNull(numberArb(s, path));
    case "boolean":
      return withNull(
        fc.oneof(
          { weight: 4, arbitrary: fc.boolean().map(ok) },
          { weight: 1, arbitrary: fc.constantFrom("yes", 1).map((v) => bad(v, path)) },
        ),
      );
    case "array":
      return withNull(arrayArb(s, path, depth));
    case "object":
      return withNull(
        fc.oneof(
          { weight: 6, arbitrary: objectArb(s, path, depth) },
          { weight: 1, arbitrary: fc.constantFrom("not an object", [1, 2]).map((v) => bad(v, path)) },
        ),
      );
    default:
      return fc.oneof(fc.constantFrom(NUL, LONE_HIGH, 1, null, {}, []).map(ok));
  }
}
