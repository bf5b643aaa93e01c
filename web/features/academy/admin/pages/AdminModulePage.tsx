import { Accordion, Stack } from "@mantine/core";
import { getRouteApi } from "@tanstack/react-router";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { PageHeader } from "../../../../ui/PageHeader";
import { TextLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { LessonEditor } from "../components/LessonEditor";
import { QuestionBankCard } from "../components/QuestionBankCard";
import { TitleSummaryForm } from "../components/TitleSummaryForm";
import { useAdminModule } from "../queries";

const route = getRouteApi("/signed-in/admin/academy/modules/$moduleId");

/** Edit a module: its title and summary, each lesson (with reading Markdown) and its question bank. */
export function AdminModulePage() {
  const { moduleId } = route.useParams();
  const module = useAdminModule(moduleId);
  if (module.isPending) return <LoadingBlock label="Loading the module" />;
  if (module.isError) return <ErrorAlert message={module.error.message} />;
  const m = module.data;
  return (
    <Stack gap="lg">
      <TextLink to="/admin/academy" fz="sm">
        ← Academy admin
      </TextLink>
      <PageHeader title={`Module ${m.number}: ${m.title}`} description={`${m.programTitle} · key ${m.key}`} />
      <SectionCard title="Module">
        <TitleSummaryForm what="modules" id={m.id} title={m.title} summary={m.summary} label="Module" />
      </SectionCard>
      <SectionCard
        title="Lessons"
        description="Lesson and item titles, lesson descriptions, and the Markdown of readings and scenarios."
      >
        <Accordion variant="separated">
          {m.lessons.map((lesson) => (
            <Accordion.Item key={lesson.id} value={lesson.id}>
              <Accordion.Control>
                {lesson.number} {lesson.title}
              </Accordion.Control>
              <Accordion.Panel>
                <LessonEditor lesson={lesson} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </SectionCard>
      <QuestionBankCard moduleId={m.id} />
    </Stack>
  );
}
