import { useQuery } from "@tanstack/react-query";
import type {
  LessonView,
  ProgressView,
  StatementInput,
  StatementsResponse,
} from "../../../../src/features/academy/learning/contract";
import { api } from "../../../api/http-client";

export const learningKeys = {
  all: ["academy", "learning"] as const,
  lesson: (lessonId: string) => [...learningKeys.all, "lesson", lessonId] as const,
  progress: (objectType: ProgressView["objectType"], id: string) =>
    [...learningKeys.all, "progress", objectType, id] as const,
};

export const STATEMENTS_PATH = "/api/academy/statements";

export function useLesson(lessonId: string) {
  return useQuery({
    queryKey: learningKeys.lesson(lessonId),
    queryFn: () => api.get<LessonView>(`/api/academy/lessons/${lessonId}`),
    // The player holds live state; a background refetch would reset the video.
    refetchOnWindowFocus: false,
  });
}

const progressPath: Record<ProgressView["objectType"], string> = {
  lesson: "",
  module: "/api/academy/progress/modules/",
  level: "/api/academy/progress/levels/",
  program: "/api/academy/progress/programs/",
};

/** A module's, level's or program's progress with its "why is this not complete?" checklist. */
export function useProgress(objectType: "module" | "level" | "program", id: string) {
  return useQuery({
    queryKey: learningKeys.progress(objectType, id),
    queryFn: () => api.get<ProgressView>(`${progressPath[objectType]}${id}`),
  });
}

export const sendStatements = (statements: StatementInput[]) =>
  api.post<StatementsResponse>(STATEMENTS_PATH, { statements });

/**
 * Sends statements while the page is being hidden or closed: `keepalive` lets the request outlive the page
 * (the body must stay under 64 KB, which a few reports always do).
 */
export function sendStatementsOnExit(statements: StatementInput[]): void {
  if (statements.length === 0) return;
  void fetch(STATEMENTS_PATH, {
    method: "POST",
    keepalive: true,
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ statements }),
  }).catch(() => undefined);
}
