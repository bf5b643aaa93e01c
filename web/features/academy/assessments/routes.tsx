import { type AnyRoute, createRoute } from "@tanstack/react-router";
import { AssessmentPage } from "./pages/AssessmentPage";
import { AssessmentPoolsPage } from "./pages/AssessmentPoolsPage";
import { AssessmentsPage } from "./pages/AssessmentsPage";
import { AttemptPage } from "./pages/AttemptPage";

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
