import { z } from "zod";

/**
 * The shape of `content/`: one folder per program holding `program.yaml` and one `module.yaml` per module
 * (with its `questions.yaml` bank beside it). Markdown bodies may be written inline or as a path
 * (`bodyFile`) relative to the YAML file that names them. Every element has a stable `key`: the importer
 * matches on keys, so renaming a title updates it and removing an element archives it.
 */

/** Membership plans (DESIGN.md: Memberships). A level lists the plans that open it. */
export const PLANS = ["basic", "scholar", "full", "cpd", "pulse_plus"] as const;
export const Plan = z.enum(PLANS);
export type Plan = z.infer<typeof Plan>;

const Key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, "lower-case letters, digits, dots and dashes")
  .max(120);
const Title = z.string().trim().min(1).max(200);
const Markdown = z.string().max(50_000);

export const ChoiceFormat = z.object({ key: z.string().regex(/^[a-z0-9]+$/), text: z.string().min(1).max(1000) });

/** A question of a knowledge check, a module test bank or an exam pool. `correct` lists choice keys. */
export const QuestionFormat = z
  .object({
    key: Key,
    prompt: Markdown.min(1),
    choices: z.array(ChoiceFormat).min(2).max(8),
    correct: z.array(z.string()).min(1),
    explanation: Markdown.optional(),
    /** Minutes a long scenario question is expected to take (exams); informative. */
    scenario: z.boolean().optional(),
    /**
     * Exam pools only: the module (key) the question counts for. An exam with a blueprint draws each
     * module's count from its pool's questions tagged with that module; reviews score per module.
     */
    module: Key.optional(),
  })
  .superRefine((q, ctx) => {
    const keys = new Set(q.choices.map((c) => c.key));
    if (keys.size !== q.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "duplicate key" });
    for (const c of q.correct) {
      if (!keys.has(c)) ctx.addIssue({ code: "custom", path: ["correct"], message: `no choice "${c}"` });
    }
  });
export type QuestionFormat = z.infer<typeof QuestionFormat>;

const ItemBase = { key: Key, title: Title };
export const ItemFormat = z.discriminatedUnion("kind", [
  z.object({
    ...ItemBase,
    kind: z.literal("video"),
    /** Path under `content/media/`, served at `/media/...`. */
    src: z.string().regex(/^[\w./-]+\.(webm|mp4)$/),
    durationSeconds: z.number().positive(),
    transcript: Markdown.optional(),
  }),
  z.object({ ...ItemBase, kind: z.literal("reading"), body: Markdown.optional(), bodyFile: z.string().optional() }),
  z.object({
    ...ItemBase,
    kind: z.literal("workbook"),
    description: Markdown.optional(),
    /** Path under `content/downloads/`, offered as a download. */
    file: z.string().regex(/^[\w./-]+\.(md|pdf|xlsx|docx|csv|txt)$/),
    /** Downloadable without the level's plan (and without signing in); course files are not public otherwise. */
    public: z.boolean().optional(),
  }),
  z.object({
    ...ItemBase,
    kind: z.literal("scenario"),
    body: Markdown.optional(),
    bodyFile: z.string().optional(),
    /** Model answer shown after the learner submits their response. */
    guidance: Markdown,
  }),
  z.object({ ...ItemBase, kind: z.literal("knowledge_check"), questions: z.array(QuestionFormat).min(1).max(20) }),
]);
export type ItemFormat = z.infer<typeof ItemFormat>;
export type ItemKind = ItemFormat["kind"];

export const LessonFormat = z.object({
  key: Key,
  /** As the program numbers it, e.g. "1.7". */
  number: z.string().regex(/^\d+(\.\d+)*$/),
  title: Title,
  description: Markdown,
  topics: z.array(z.string().min(1).max(300)).default([]),
  items: z.array(ItemFormat).min(1),
});
export type LessonFormat = z.infer<typeof LessonFormat>;

export const ToolFormat = z.object({
  key: Key,
  title: Title,
  description: z.string().max(2000).optional(),
  file: z.string().regex(/^[\w./-]+\.(md|pdf|xlsx|docx|csv|txt)$/),
  /** Downloadable without the level's plan (and without signing in); tools are not public otherwise. */
  public: z.boolean().optional(),
});

/** A module test: `questionCount` drawn from the module's bank, `passPercent` to pass, unlimited attempts. */
export const ModuleTestFormat = z.object({
  key: Key,
  title: Title,
  questionCount: z.number().int().min(1).max(100),
  passPercent: z.number().int().min(1).max(100),
});

export const ModuleFormat = z.object({
  key: Key,
  number: z.number().int().min(1),
  title: Title,
  summary: Markdown,
  /** The counts the program advertises, checked against the lessons and items. */
  counts: z.object({ lessons: z.number().int(), workbooks: z.number().int(), scenarios: z.number().int() }).optional(),
  tools: z.array(ToolFormat).default([]),
  lessons: z.array(LessonFormat).min(1),
  test: ModuleTestFormat.optional(),
  /** Path of the question bank YAML (a list of QuestionFormat), relative to module.yaml. */
  questionBank: z.string().optional(),
});
export type ModuleFormat = z.infer<typeof ModuleFormat>;

/** Waits after each failed attempt, then a wait that repeats for every further failure. Null: no limit. */
export const RetakePolicyFormat = z.object({
  waitsAfterFailureHours: z.array(z.number().int().min(0)),
  thenEveryFailureHours: z.number().int().min(0),
});

/**
 * A timed exam of a level: questions drawn from its own pool, which no module test, knowledge check or
 * review shows. With a blueprint, each module's count is drawn from the pool's questions tagged with that
 * module (`module:`). `pulse content check` wants every draw part to hold five disjoint forms.
 */
export const ExamFormat = z.object({
  key: Key,
  title: Title,
  description: Markdown.optional(),
  questionCount: z.number().int().min(1).max(200),
  timeLimitMinutes: z.number().int().positive().nullable(),
  passPercent: z.number().int().min(1).max(100),
  retakePolicy: RetakePolicyFormat.nullable(),
  /** How many questions come from each module (module key -> count), drawn from the pool by `module` tag. */
  blueprint: z.record(z.string(), z.number().int().min(0)).optional(),
  /** The exam's own pool: a path, or a list of paths, relative to program.yaml, of YAML lists of questions. */
  questionPool: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
});
export type ExamFormat = z.infer<typeof ExamFormat>;

export const LevelFormat = z.object({
  key: Key,
  number: z.number().int().min(1),
  title: Title,
  summary: Markdown,
  outcome: Markdown.optional(),
  /** Plans that open the level. */
  plans: z.array(Plan).min(1),
  /** Paths, relative to program.yaml, of each module's folder (holding module.yaml), in order. */
  modules: z.array(z.string()).default([]),
  exams: z.array(ExamFormat).default([]),
  /** The credential the level gives on completion, if any (e.g. a certificate). */
  credential: z.object({ title: Title, kind: z.enum(["certificate", "certification"]) }).optional(),
  /**
   * A CPD level's criteria (CCSMP Level 5): complete when the learner holds the credential of the level
   * `requires` names and logged `hours` of CPD within `months` months; the CPD area checks them.
   */
  cpd: z
    .object({ requires: Key, hours: z.number().int().min(1).max(1000), months: z.number().int().min(1).max(120) })
    .optional(),
});
export type LevelFormat = z.infer<typeof LevelFormat>;

export const ProgramFormat = z.object({
  key: Key,
  title: Title,
  summary: Markdown,
  /** Does a module need its test passed to be complete (CCSMP), besides its lessons? */
  moduleRequiresTest: z.boolean().default(true),
  /** Credentials per completed module (CCSMP badges). */
  moduleBadges: z.boolean().default(false),
  /** Do the program's credentials expire with recertification? */
  credentialsExpire: z.boolean().default(false),
  levels: z.array(LevelFormat).min(1),
});
export type ProgramFormat = z.infer<typeof ProgramFormat>;

export const QuestionBankFormat = z.array(QuestionFormat);
