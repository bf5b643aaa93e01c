import { z } from "zod";
import { CalendarDate } from "../../../kernel/calendar-date.js";
import { Text } from "../../../kernel/text.js";
import { PLANS } from "./content-format.js";

/** The catalog API (learners) and the academy admin API (platform admins): shared with web/. */

export { PLANS };
export const PlanName = z.enum(PLANS);

const Iso = z.string();

export const Progress = z.object({
  /** 0-100, from the learner's academy_progress row; 0 when they never started. */
  percent: z.number().int(),
  completedAt: Iso.nullable(),
  lastActivityAt: Iso.nullable(),
});
export type Progress = z.infer<typeof Progress>;

export const Lock = z.object({
  open: z.boolean(),
  /** Plans that open the level (when locked). */
  openedBy: z.array(z.string()),
  /** "Opens with the CCSMP Scholar or CCSMP Full membership." when locked. */
  message: z.string().nullable(),
});
export type Lock = z.infer<typeof Lock>;

export const CatalogModule = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  lessonCount: z.number().int(),
  progress: Progress,
});
export type CatalogModule = z.infer<typeof CatalogModule>;

export const CatalogExam = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  questionCount: z.number().int(),
  timeLimitMinutes: z.number().int().nullable(),
  passPercent: z.number().int(),
});

export const CatalogLevel = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  outcome: z.string().nullable(),
  plans: z.array(z.string()),
  credential: z.object({ title: z.string(), kind: z.string() }).nullable(),
  lock: Lock,
  progress: Progress,
  modules: z.array(CatalogModule),
  exams: z.array(CatalogExam),
});
export type CatalogLevel = z.infer<typeof CatalogLevel>;

export const CatalogProgram = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  progress: Progress,
  levels: z.array(CatalogLevel),
});
export type CatalogProgram = z.infer<typeof CatalogProgram>;

export const HeldPlan = z.object({
  id: z.uuid(),
  plan: z.string(),
  name: z.string(),
  /** Where it comes from: the person's subscription, a team seat, or a staff grant. */
  source: z.enum(["subscription", "seat", "staff_grant"]),
  startsAt: Iso,
  endsAt: Iso.nullable(),
  active: z.boolean(),
});
export type HeldPlan = z.infer<typeof HeldPlan>;

/** The lesson to go back to: the latest one worked on, or the next one when that one is complete. */
export const ContinueTarget = z.object({
  lesson: z.object({ id: z.uuid(), key: z.string(), number: z.string(), title: z.string() }),
  module: z.object({ key: z.string(), number: z.number().int(), title: z.string() }),
  program: z.object({ key: z.string(), title: z.string() }),
  percent: z.number().int(),
  /** "resume": the latest lesson not yet complete; "next": the first one not complete in course order. */
  reason: z.enum(["resume", "next"]),
});
export type ContinueTarget = z.infer<typeof ContinueTarget>;

export const CatalogResponse = z.object({
  programs: z.array(CatalogProgram),
  plans: z.array(HeldPlan),
  continue: ContinueTarget.nullable(),
});
export type CatalogResponse = z.infer<typeof CatalogResponse>;

export const ProgramKeyParams = z.object({ programKey: Text.min(1).max(120) });
export const ModuleKeyParams = z.object({ moduleKey: Text.min(1).max(120) });

export const ModuleLesson = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  topics: z.array(z.string()),
  /** Which kinds of items the lesson holds, e.g. ["video", "reading", "knowledge_check"]. */
  kinds: z.array(z.string()),
  progress: Progress,
});
export type ModuleLesson = z.infer<typeof ModuleLesson>;

export const Download = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  /** Same-origin URL under /downloads/. */
  url: z.string(),
  lessonNumber: z.string().nullable(),
});
export type Download = z.infer<typeof Download>;

export const ModuleTest = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  questionCount: z.number().int(),
  passPercent: z.number().int(),
  attempts: z.number().int(),
  bestScorePercent: z.number().int().nullable(),
  passed: z.boolean(),
});

export const ModuleDetail = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  program: z.object({ key: z.string(), title: z.string() }),
  level: z.object({ key: z.string(), number: z.number().int(), title: z.string() }),
  lock: Lock,
  progress: Progress,
  lessons: z.array(ModuleLesson),
  workbooks: z.array(Download),
  scenarios: z.array(z.object({ id: z.uuid(), lessonId: z.uuid(), lessonNumber: z.string(), title: z.string() })),
  test: ModuleTest.nullable(),
  tools: z.array(Download),
});
export type ModuleDetail = z.infer<typeof ModuleDetail>;

export const MyPlans = z.object({ plans: z.array(HeldPlan) });
export type MyPlans = z.infer<typeof MyPlans>;

// ---- admin: memberships ----

export const LearnerSearchQuery = z.object({ email: Text.trim().min(2, "type at least 2 characters").max(200) });
export const Learner = z.object({
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  plans: z.array(HeldPlan),
});
export type Learner = z.infer<typeof Learner>;
export const LearnerList = z.object({ learners: z.array(Learner) });
export type LearnerList = z.infer<typeof LearnerList>;

export const AssignPlanBody = z.object({
  userId: z.uuid("is not a valid user id"),
  plan: PlanName,
  /** Optional end date (YYYY-MM-DD): the plan ends at the start of that day, UTC. */
  endsOn: CalendarDate.nullable().optional(),
});
export type AssignPlanBody = z.infer<typeof AssignPlanBody>;
export const MembershipParams = z.object({ membershipId: z.uuid("is not a valid membership id") });

// ---- admin: editing ----

export const AdminModule = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
});
export const AdminLevel = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.number().int(),
  title: z.string(),
  summary: z.string(),
  modules: z.array(AdminModule),
});
export const AdminProgram = z.object({
  id: z.uuid(),
  key: z.string(),
  title: z.string(),
  summary: z.string(),
  importedAt: Iso.nullable(),
  /** Last edit made in the app; when later than importedAt, the content files do not hold it yet. */
  editedAt: Iso.nullable(),
  levels: z.array(AdminLevel),
});
export type AdminProgram = z.infer<typeof AdminProgram>;
export const AdminProgramList = z.object({ programs: z.array(AdminProgram) });
export type AdminProgramList = z.infer<typeof AdminProgramList>;

export const IdParams = z.object({ id: z.uuid("is not a valid id") });

const Title = Text.trim().min(1, "is required").max(200, "is at most 200 characters");
const Markdown = Text.max(50_000, "is at most 50,000 characters");
export const TitleSummaryBody = z
  .object({ title: Title.optional(), summary: Markdown.optional() })
  .refine((b) => b.title !== undefined || b.summary !== undefined, "give a title or a summary");
export type TitleSummaryBody = z.infer<typeof TitleSummaryBody>;

export const AdminItem = z.object({
  id: z.uuid(),
  key: z.string(),
  kind: z.string(),
  title: z.string(),
  /** Markdown of a reading or scenario (null for other kinds). */
  body: z.string().nullable(),
});
export const AdminLesson = z.object({
  id: z.uuid(),
  key: z.string(),
  number: z.string(),
  title: z.string(),
  description: z.string(),
  items: z.array(AdminItem),
});
export type AdminLesson = z.infer<typeof AdminLesson>;
export const AdminModuleDetail = AdminModule.extend({
  programId: z.uuid(),
  programTitle: z.string(),
  lessons: z.array(AdminLesson),
});
export type AdminModuleDetail = z.infer<typeof AdminModuleDetail>;

export const LessonEditBody = z
  .object({ title: Title.optional(), description: Markdown.optional() })
  .refine((b) => b.title !== undefined || b.description !== undefined, "give a title or a description");
export const ItemEditBody = z
  .object({ title: Title.optional(), body: Markdown.min(1, "is required").optional() })
  .refine((b) => b.title !== undefined || b.body !== undefined, "give a title or a body");

export const QuestionInput = z
  .object({
    prompt: Markdown.trim().min(1, "is required"),
    choices: z
      .array(
        z.object({
          key: Text.regex(/^[a-z0-9]+$/, "lower-case letters and digits"),
          text: Text.trim().min(1, "is required").max(1000),
        }),
      )
      .min(2, "needs at least 2 choices")
      .max(8, "takes at most 8 choices"),
    correct: z.array(Text).min(1, "mark at least one correct choice"),
    explanation: Markdown.nullable().optional(),
  })
  .superRefine((q, ctx) => {
    const keys = new Set(q.choices.map((c) => c.key));
    if (keys.size !== q.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "duplicate key" });
    for (const c of q.correct) {
      if (!keys.has(c)) ctx.addIssue({ code: "custom", path: ["correct"], message: `no choice "${c}"` });
    }
  });
export type QuestionInput = z.infer<typeof QuestionInput>;

export const AdminQuestion = z.object({
  id: z.uuid(),
  key: z.string(),
  prompt: z.string(),
  choices: z.array(z.object({ key: z.string(), text: z.string() })),
  correct: z.array(z.string()),
  explanation: z.string().nullable(),
  archived: z.boolean(),
});
export type AdminQuestion = z.infer<typeof AdminQuestion>;
export const AdminQuestionList = z.object({
  moduleTitle: z.string(),
  /** Questions a test draws: the bank must keep at least this many live questions. */
  testQuestionCount: z.number().int().nullable(),
  questions: z.array(AdminQuestion),
});
export type AdminQuestionList = z.infer<typeof AdminQuestionList>;
