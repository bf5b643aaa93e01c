CREATE TABLE "academy_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"assessment_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"question_ids" uuid[] NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"submitted_by" text,
	"correct_count" integer,
	"score_percent" integer,
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "academy_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"program_id" uuid NOT NULL,
	"level_id" uuid,
	"module_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"question_count" integer NOT NULL,
	"pass_percent" integer NOT NULL,
	"time_limit_minutes" integer,
	"retake_policy" jsonb,
	"blueprint" jsonb,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_assessments_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"lesson_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_items_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"module_id" uuid NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"topics" text[] DEFAULT '{}' NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_lessons_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_levels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"program_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"outcome" text,
	"plans" text[] NOT NULL,
	"credential" jsonb,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_levels_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"plan" text NOT NULL,
	"starts_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ends_at" timestamp with time zone,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "academy_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"program_id" uuid NOT NULL,
	"level_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"tools" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_modules_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_programs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"module_requires_test" boolean NOT NULL,
	"module_badges" boolean NOT NULL,
	"credentials_expire" boolean NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_programs_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"item_id" uuid,
	"module_id" uuid,
	"assessment_id" uuid,
	"prompt" text NOT NULL,
	"choices" jsonb NOT NULL,
	"correct" text[] NOT NULL,
	"explanation" text,
	"scenario" boolean DEFAULT false NOT NULL,
	"position" integer NOT NULL,
	"archived_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "academy_questions_key_unique" UNIQUE("key")
);
--> statement-breakpoint
CREATE TABLE "academy_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"actor_id" uuid NOT NULL,
	"verb" text NOT NULL,
	"object_type" text NOT NULL,
	"object_id" uuid NOT NULL,
	"result" jsonb,
	"context" jsonb,
	"timestamp" timestamp with time zone NOT NULL,
	"stored_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "academy_attempts" ADD CONSTRAINT "academy_attempts_assessment_id_academy_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."academy_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_attempts" ADD CONSTRAINT "academy_attempts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_assessments" ADD CONSTRAINT "academy_assessments_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_assessments" ADD CONSTRAINT "academy_assessments_level_id_academy_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."academy_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_assessments" ADD CONSTRAINT "academy_assessments_module_id_academy_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."academy_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_items" ADD CONSTRAINT "academy_items_lesson_id_academy_lessons_id_fk" FOREIGN KEY ("lesson_id") REFERENCES "public"."academy_lessons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_lessons" ADD CONSTRAINT "academy_lessons_module_id_academy_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."academy_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_levels" ADD CONSTRAINT "academy_levels_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_memberships" ADD CONSTRAINT "academy_memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_memberships" ADD CONSTRAINT "academy_memberships_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_modules" ADD CONSTRAINT "academy_modules_program_id_academy_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."academy_programs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_modules" ADD CONSTRAINT "academy_modules_level_id_academy_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."academy_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_questions" ADD CONSTRAINT "academy_questions_item_id_academy_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."academy_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_questions" ADD CONSTRAINT "academy_questions_module_id_academy_modules_id_fk" FOREIGN KEY ("module_id") REFERENCES "public"."academy_modules"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_questions" ADD CONSTRAINT "academy_questions_assessment_id_academy_assessments_id_fk" FOREIGN KEY ("assessment_id") REFERENCES "public"."academy_assessments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "academy_statements" ADD CONSTRAINT "academy_statements_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "academy_attempts_user_assessment_idx" ON "academy_attempts" USING btree ("user_id","assessment_id","number");--> statement-breakpoint
CREATE INDEX "academy_attempts_open_deadline_idx" ON "academy_attempts" USING btree ("deadline_at") WHERE submitted_at is null;--> statement-breakpoint
CREATE INDEX "academy_assessments_module_idx" ON "academy_assessments" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "academy_assessments_level_idx" ON "academy_assessments" USING btree ("level_id");--> statement-breakpoint
CREATE INDEX "academy_items_lesson_idx" ON "academy_items" USING btree ("lesson_id");--> statement-breakpoint
CREATE INDEX "academy_lessons_module_idx" ON "academy_lessons" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "academy_levels_program_idx" ON "academy_levels" USING btree ("program_id");--> statement-breakpoint
CREATE UNIQUE INDEX "academy_memberships_user_plan_idx" ON "academy_memberships" USING btree ("user_id","plan");--> statement-breakpoint
CREATE INDEX "academy_modules_level_idx" ON "academy_modules" USING btree ("level_id");--> statement-breakpoint
CREATE INDEX "academy_questions_item_idx" ON "academy_questions" USING btree ("item_id");--> statement-breakpoint
CREATE INDEX "academy_questions_module_idx" ON "academy_questions" USING btree ("module_id");--> statement-breakpoint
CREATE INDEX "academy_questions_assessment_idx" ON "academy_questions" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "academy_statements_actor_object_idx" ON "academy_statements" USING btree ("actor_id","object_type","object_id");--> statement-breakpoint
CREATE INDEX "academy_statements_actor_time_idx" ON "academy_statements" USING btree ("actor_id","timestamp");