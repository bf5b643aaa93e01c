import type { Db } from "../../../../platform/db/database.js";
import { levelContents, levelEvidence, moduleEvidence } from "../evidence-store.js";
import { addMonths } from "../open-badge.js";
import type { CredentialEvidence, CredentialKind } from "../schema.js";
import * as store from "../store.js";

/** Recertification: a certification of a program whose credentials expire is valid this long per cycle. */
export const RECERTIFICATION_MONTHS = 12;

export type CompletionObject = "module" | "level";

/** What a completion earns, if anything: the achievement's identity, texts and expiry. */
export type AchievementSpec = {
  key: string;
  kind: CredentialKind;
  programId: string;
  programTitle: string;
  levelId: string | null;
  moduleId: string | null;
  achievementId: string;
  title: string;
  description: string;
  criteria: string;
  validUntil: Date | null;
  evidence: (db: Db, userId: string) => Promise<CredentialEvidence>;
};

const passMark = (e: { title: string; passPercent: number }) => `${e.title} (pass mark ${e.passPercent}%)`;
const listing = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

async function moduleAchievement(db: Db, moduleId: string): Promise<AchievementSpec | null> {
  const found = await store.findModuleWithProgram(db, moduleId);
  if (!found?.program.moduleBadges) return null;
  const { module, program, level } = found;
  const name = `Module ${module.number}: ${module.title}`;
  return {
    key: `module:${module.id}`,
    kind: "badge",
    programId: program.id,
    programTitle: program.title,
    levelId: level.id,
    moduleId: module.id,
    achievementId: module.id,
    title: name,
    description: `Awarded for completing ${name} in Level ${level.number} (${level.title}) of ${program.title}.`,
    criteria: `Complete every lesson of ${name}${program.moduleRequiresTest ? " and pass its module test" : ""}.`,
    validUntil: null,
    evidence: (d, userId) => moduleEvidence(d, userId, module),
  };
}

async function levelAchievement(db: Db, levelId: string, achievedAt: Date): Promise<AchievementSpec | null> {
  const found = await store.findLevelWithProgram(db, levelId);
  if (!found?.level.credential) return null;
  const { level, program } = found;
  const { title, kind } = found.level.credential;
  const contents = await levelContents(db, level.id);
  const expires = kind === "certification" && program.credentialsExpire;
  const parts: string[] = [];
  if (contents.modules.length > 0) parts.push(`complete all ${contents.modules.length} modules of ${level.title}`);
  if (contents.exams.length > 0) parts.push(`pass ${listing(contents.exams.map(passMark))}`);
  const what = parts.length > 0 ? parts.join(" and ") : `complete ${level.title}`;
  let criteria = `${what.charAt(0).toUpperCase()}${what.slice(1)}.`;
  if (expires) {
    criteria += ` The certification stays valid while its holder logs 40 hours of Continuing Professional Development (CPD) in every ${RECERTIFICATION_MONTHS} months from the achievement date.`;
  }
  return {
    key: `level:${level.id}`,
    kind,
    programId: program.id,
    programTitle: program.title,
    levelId: level.id,
    moduleId: null,
    achievementId: level.id,
    title,
    description: `Awarded for ${kind === "certification" ? "passing" : "completing"} Level ${level.number} (${level.title}) of ${program.title}.`,
    criteria,
    validUntil: expires ? addMonths(achievedAt, RECERTIFICATION_MONTHS) : null,
    evidence: (d, userId) => levelEvidence(d, userId, level.id),
  };
}

/** The achievement a completed module or level earns (null: this one earns no credential). */
export function achievementFor(
  db: Db,
  object: CompletionObject,
  objectId: string,
  achievedAt: Date,
): Promise<AchievementSpec | null> {
  return object === "module" ? moduleAchievement(db, objectId) : levelAchievement(db, objectId, achievedAt);
}
