import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const LessonPage = lazyRouteComponent(() => import("./pages/LessonPage"), "LessonPage");

/** The lesson player (signed-in); hang it on the signed-in route. */
export function learningRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/academy/lessons/$lessonId", component: LessonPage }),
  ] as const;
}
