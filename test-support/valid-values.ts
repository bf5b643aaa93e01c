import { randomUUID } from "node:crypto";
import fc from "fast-check";
import type { JsonSchema } from "./hostile-bodies.js";

/** Values for fields that need a real one (an id that exists, a version that exists), by field name. */
export type ValueHints = Record<string, unknown>;

type OpenApiOperation = {
  parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};
export type OpenApiDoc = { paths: Record<string, Record<string, OpenApiOperation>> };

/** The OpenAPI operation of a route from `app.accessTable` (`/a/:b` is `/a/{b}` there). */
export function operationOf(doc: OpenApiDoc, method: string, url: string): OpenApiOperation | undefined {
  return doc.paths[url.replace(/:(\w+)/g, "{$1}")]?.[method.toLowerCase()];
}

/** Plain strings, booleans and enums: an optional field of these kinds is filled so a write really writes. */
const isPlain = (s: JsonSchema) =>
  s.type === "boolean" || !!s.enum || (s.type === "string" && !s.format && !s.pattern && !s.nullable);

/**
 * The smallest value the schema accepts, with `hints` for named fields. A field whose valid values cannot
 * be told from its schema (a pattern, an id) and that has no hint gets a syntactically valid guess; the
 * caller proves the whole request valid by making it as the resource's owner.
 */
export function validValue(s: JsonSchema, hints: ValueHints, name = ""): unknown {
  if (name in hints) return hints[name];
  const branch = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (branch) return validValue(branch, hints, name);
  if (s.allOf?.[0]) return validValue(s.allOf[0], hints, name);
  if (s.nullable) return null;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case "boolean":
      return true;
    case "integer":
    case "number":
      return Math.min(Math.max(s.minimum ?? 0, 0), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case "array": {
      const item = Array.isArray(s.items) ? s.items[0] : s.items;
      return Array.from({ length: s.minItems ?? 0 }, () => validValue(item ?? {}, hints));
    }
    case "object": {
      const required = new Set(s.required ?? []);
      const value: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(s.properties ?? {}))
        if (required.has(key) || key in hints || isPlain(prop)) value[key] = validValue(prop, hints, key);
      return value;
    }
    case "string":
      return validString(s);
  }
  return {};
}

function validString(s: JsonSchema): string {
  switch (s.format) {
    case "uuid":
      return randomUUID();
    case "date":
      return new Date().toISOString().slice(0, 10);
    case "date-time":
      return new Date().toISOString();
    case "email":
      return `probe-${randomUUID().slice(0, 8)}@example.test`;
    case "uri":
      return "https://hooks.example.com/pulse";
  }
  if (s.pattern) {
    const [sample] = fc.sample(fc.stringMatching(new RegExp(s.pattern), { maxLength: s.maxLength ?? 40 }), {
      seed: 9,
      numRuns: 1,
    });
    return sample ?? "";
  }
  const text = "Cross-tenant probe".padEnd(s.minLength ?? 0, "x");
  return text.slice(0, s.maxLength ?? text.length);
}

/** A valid JSON body for a route (undefined when it takes none). */
export function validBody(op: OpenApiOperation | undefined, hints: ValueHints): unknown {
  const content = op?.requestBody?.content;
  if (!content) return undefined;
  const json = content["application/json"];
  if (!json) throw new Error(`only JSON bodies are generated; this route takes ${Object.keys(content).join(", ")}`);
  return validValue(json.schema, hints);
}

/** The required query parameters of a route, with valid values. */
export function validQuery(op: OpenApiOperation | undefined, hints: ValueHints): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of op?.parameters ?? [])
    if (p.in === "query" && p.required) query[p.name] = String(validValue(p.schema, hints, p.name));
  return query;
}
