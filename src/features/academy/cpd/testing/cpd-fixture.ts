import { eq } from "drizzle-orm";
import type { Db } from "../../../../platform/db/database.js";
import { levels, modules, programs } from "../../catalog/schema.js";

/**
 * The CCSMP program as CPD sees it, written straight to the tables: key `ccsmp` (so the CCSMP rule set
 * applies), an expiring Level 4 certification and Level 5 open to the Full and CPD plans.
 */
export async function buildCpdCatalog(db: Db) {
  const [program] = await db
    .insert(programs)
    .values({
      key: "ccsmp",
      title: "Certified Customer Success Manager Professional",
      summary: "s",
      moduleRequiresTest: true,
      moduleBadges: false,
      credentialsExpire: true,
    })
    .returning();
  if (!program) throw new Error("no program");
  const [level4, level5] = await db
    .insert(levels)
    .values([
      {
        key: "ccsmp.l4",
        programId: program.id,
        number: 4,
        title: "Certification Exams",
        summary: "s",
        plans: ["scholar", "full"],
        credential: { title: "Certified CSM Professional", kind: "certification" as const },
        position: 4,
      },
      {
        key: "ccsmp.l5",
        programId: program.id,
        number: 5,
        title: "Continuing Professional Development & Recertification",
        summary: "s",
        plans: ["full", "cpd"],
        credential: { title: "CCSMP Level 5 Certificate", kind: "certificate" as const },
        cpd: { requires: "ccsmp.l4", hours: 40, months: 12 },
        position: 5,
      },
    ])
    .returning();
  if (!level4 || !level5) throw new Error("no levels");
  // one module, so team progress lists the program's learners (its rows are people x modules)
  await db.insert(modules).values({
    key: "ccsmp.m01",
    programId: program.id,
    levelId: level4.id,
    number: 1,
    title: "Customer Success Fundamentals",
    summary: "s",
    position: 1,
  });
  return { program, level4, level5 };
}

/** The CCSMP levels CPD needs, created unless a program with key `ccsmp` exists already (then reused). */
export async function ensureCpdCatalog(db: Db) {
  const [level5] = await db.select().from(levels).where(eq(levels.key, "ccsmp.l5"));
  if (!level5) return buildCpdCatalog(db);
  const [level4] = await db.select().from(levels).where(eq(levels.key, "ccsmp.l4"));
  const [program] = await db.select().from(programs).where(eq(programs.key, "ccsmp"));
  return { program, level4, level5 };
}
