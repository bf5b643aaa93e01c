import { Anchor, Group, Progress, Stack, Text } from "@mantine/core";
import { IconArrowLeft, IconArrowRight } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { LessonView, StatementsResponse } from "../../../../../src/features/academy/learning/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { ErrorAlert } from "../../../../ui/ErrorAlert";
import { LoadingBlock } from "../../../../ui/LoadingBlock";
import { NotFoundView } from "../../../../ui/NotFoundView";
import { PageHeader } from "../../../../ui/PageHeader";
import { ButtonLink } from "../../../../ui/RouterLink";
import { SectionCard } from "../../../../ui/SectionCard";
import { ToneBadge } from "../../../../ui/ToneBadge";
import { CompletionChecklist } from "../CompletionChecklist";
import { KnowledgeCheck } from "../components/KnowledgeCheck";
import { ReturnToActivityDialog, useCourseActivity } from "../components/ReturnToActivity";
import { ReadingItem, ScenarioItem, WorkbookItem } from "../components/TextItems";
import { VideoItem } from "../components/VideoItem";
import { LessonSession } from "../lesson-session";
import { learningKeys, useLesson } from "../queries";

const KIND_LABEL = {
  video: "Video",
  reading: "Reading",
  workbook: "Workbook",
  scenario: "Scenario exercise",
  knowledge_check: "Knowledge check",
} as const;

/** The lesson player: videos, readings, workbooks, scenario and knowledge checks, with live progress. */
export function LessonPage() {
  const { lessonId } = useParams({ strict: false }) as { lessonId: string };
  const lesson = useLesson(lessonId);
  if (lesson.isPending) return <LoadingBlock label="Loading the lesson" />;
  if (lesson.isError) {
    if (isApiError(lesson.error) && lesson.error.status === 404) {
      return <NotFoundView title="Lesson not found" message="This lesson does not exist or was retired." />;
    }
    return <ErrorAlert message={errorMessage(lesson.error)} title="Could not open this lesson" />;
  }
  return <LessonPlayer key={lesson.data.module.id} lesson={lesson.data} />;
}

function LessonPlayer({ lesson }: { lesson: LessonView }) {
  const queryClient = useQueryClient();
  const activity = useCourseActivity(lesson.module.id);
  const releaseRef = useRef(activity.release);
  releaseRef.current = activity.release;
  const lessonId = lesson.id;
  const moduleId = lesson.module.id;

  // Every save of this lesson (the session's and the knowledge check's own) goes through here.
  const onSaved = useCallback(
    (response: StatementsResponse) => {
      void queryClient.invalidateQueries({ queryKey: learningKeys.lesson(lessonId) });
      if (response.completed.length > 0) void queryClient.invalidateQueries({ queryKey: ["academy"] });
      // A completed course frees the other tabs waiting on it.
      if (response.completed.some((c) => c.objectType === "module" && c.objectId === moduleId)) releaseRef.current();
    },
    [queryClient, lessonId, moduleId],
  );
  const session = useMemo(() => new LessonSession(onSaved), [onSaved]);

  useEffect(() => {
    const onHide = () => session.flushOnExit();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") void session.flush();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      void session.flush();
    };
  }, [session]);

  // Readings and scenarios count as opened once shown (in the tab that holds the course).
  const active = activity.state === "active";
  useEffect(() => {
    if (!active) return;
    let added = false;
    for (const item of lesson.items) {
      const opened = lesson.progress.find((p) => p.itemId === item.id)?.opened;
      if ((item.kind === "reading" || item.kind === "scenario") && !opened) {
        session.add({ verb: "opened", itemId: item.id });
        added = true;
      }
    }
    if (added) void session.flush();
  }, [session, lesson.items, lesson.progress, active]);

  // Scroll to the item named in the URL hash (links from the checklist).
  useEffect(() => {
    const hash = window.location.hash.slice(1);
    if (hash) document.getElementById(hash)?.scrollIntoView();
  }, []);

  const blocked = activity.state === "blocked";
  const progressOf = (itemId: string) => lesson.progress.find((p) => p.itemId === itemId);
  const { checklist } = lesson;
  return (
    <>
      <ReturnToActivityDialog opened={blocked} onContinueHere={() => activity.takeOver()} />
      <PageHeader
        title={`${lesson.number} ${lesson.title}`}
        description={
          <>
            {lesson.program.title} · Level {lesson.level.number} ·{" "}
            <Anchor href={`/academy/modules/${encodeURIComponent(lesson.module.key)}`} underline="always">
              Module {lesson.module.number}: {lesson.module.title}
            </Anchor>
          </>
        }
        badge={
          checklist.complete ? (
            <ToneBadge tone="teal" size="lg">
              Complete
            </ToneBadge>
          ) : (
            <ToneBadge tone="gray" size="lg">
              {checklist.percent}% done
            </ToneBadge>
          )
        }
      />
      <Stack gap="lg" maw={880}>
        <Stack gap={4}>
          <Text>{lesson.description}</Text>
          <Progress value={checklist.percent} aria-label="Lesson progress" data-testid="lesson-progress" />
        </Stack>
        {lesson.items.map((item) => (
          <div key={item.id} id={`item-${item.id}`}>
            <SectionCard title={item.title} description={KIND_LABEL[item.kind]}>
              {item.kind === "video" ? (
                <VideoItem item={item} progress={progressOf(item.id)} session={session} paused={blocked} />
              ) : item.kind === "knowledge_check" ? (
                <KnowledgeCheck item={item} progress={progressOf(item.id)} onSaved={onSaved} disabled={blocked} />
              ) : item.kind === "workbook" ? (
                <WorkbookItem item={item} session={session} />
              ) : item.kind === "scenario" ? (
                <ScenarioItem item={item} session={session} />
              ) : (
                <ReadingItem item={item} />
              )}
            </SectionCard>
          </div>
        ))}
        <CompletionChecklist checklist={checklist} title="Why is this lesson not complete?" />
        <Group justify="space-between">
          {lesson.previousLessonId ? (
            <ButtonLink
              variant="default"
              to="/academy/lessons/$lessonId"
              params={{ lessonId: lesson.previousLessonId }}
              leftSection={<IconArrowLeft size={16} aria-hidden />}
            >
              Previous lesson
            </ButtonLink>
          ) : (
            <span />
          )}
          {lesson.nextLessonId ? (
            <ButtonLink
              to="/academy/lessons/$lessonId"
              params={{ lessonId: lesson.nextLessonId }}
              rightSection={<IconArrowRight size={16} aria-hidden />}
            >
              Next lesson
            </ButtonLink>
          ) : null}
        </Group>
      </Stack>
    </>
  );
}
