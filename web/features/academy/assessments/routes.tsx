import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const AssessmentPage = lazyRouteComponent(() => import("./pages/AssessmentPage"), "AssessmentPage");
const AssessmentPoolsPage = lazyRouteComponent(() => import("./pages/AssessmentPoolsPage"), "AssessmentPoolsPage");
const AssessmentsPage = lazyRouteComponent(() => import("./pages/AssessmentsPage"), "AssessmentsPage");
const AttemptPage = lazyRouteComponent(() => import("./pages/AttemptPage"), "AttemptPage");

/** Module tests and exams (signed-in pages), and the admin pool report; hang them on the signed-in route. */
export function assessmentRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/academy/assessments", component: AssessmentsPage }),
    createRoute({
      getParentRoute: () => parent,
      path: "/academy/assessments/$assessmentId",
      component: AssessmentPage,
    }),
    createRoute({ getParentRoute: () => parent, path: "/academy/attempts/$attemptId", component: AttemptPage }),
    createRoute({ getParentRoute: () => parent, path: "/admin/question-pools", component: AssessmentPoolsPage }),
  ] as const;
}
