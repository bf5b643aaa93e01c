import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";

const PathsPage = lazyRouteComponent(() => import("./pages/PathsPage"), "PathsPage");
const PathPage = lazyRouteComponent(() => import("./pages/PathPage"), "PathPage");

/** The CPD Paths pages (signed-in); hang them on the signed-in route. */
export function cpdPathRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({ getParentRoute: () => parent, path: "/cpd/paths", component: PathsPage }),
    createRoute({ getParentRoute: () => parent, path: "/cpd/paths/$pathId", component: PathPage }),
  ] as const;
}
