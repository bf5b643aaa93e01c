ALTER TABLE "academy_questions" ADD COLUMN "exam_module_id" uuid;--> statement-breakpoint
ALTER TABLE "academy_questions" ADD CONSTRAINT "academy_questions_exam_module_id_academy_modules_id_fk" FOREIGN KEY ("exam_module_id") REFERENCES "public"."academy_modules"("id") ON DELETE no action ON UPDATE no action;
