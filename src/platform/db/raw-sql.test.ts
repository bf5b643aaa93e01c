import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { toDrizzleSql } from "./raw-sql.js";

describe("toDrizzleSql", () => {
  it("keeps $n placeholders in order and arrays as one parameter", () => {
    const q = new PgDialect().sqlToQuery(toDrizzleSql("select * from t where a = $2 and b = any($1)", [["x", "y"], 7]));
    expect(q.sql).toBe("select * from t where a = $1 and b = any($2)");
    expect(q.params).toEqual([7, ["x", "y"]]);
  });
});
