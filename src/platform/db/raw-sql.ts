import { type SQL, sql } from "drizzle-orm";

// sql.param keeps arrays as one parameter (a plain ${value} would expand them into a list).

/** Turns "$1-style" SQL text and values into a Drizzle SQL object, so raw SQL can run inside a Drizzle transaction. */
export function toDrizzleSql(text: string, values: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i]) chunks.push(sql.raw(parts[i] as string));
    } else {
      chunks.push(sql`${sql.param(values[Number(parts[i]) - 1])}`);
    }
  }
  return sql.join(chunks);
}
