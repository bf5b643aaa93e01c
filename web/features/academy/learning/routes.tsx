import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { LessonPage } from "./pages/LessonPage";

/** The lesson player (signed-in); hang it on the signed-in route. */
export function learningRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/academy/lessons/$lessonId", component: LessonPage }),
  ] as const;
}
