import { type AnyRoute, createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { validateLibrarySearch } from "./library-search";

// Each page is its own chunk, loaded when its route is (see web/router.tsx).
const LibraryPage = lazyRouteComponent(() => import("./pages/LibraryPage"), "LibraryPage");
const LibraryItemPage = lazyRouteComponent(() => import("./pages/LibraryItemPage"), "LibraryItemPage");

/** The CPD Library pages (signed-in); hang them on the signed-in route. */
export function cpdLibraryRoutes<P extends AnyRoute>(parent: P) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: "/cpd/library",
      validateSearch: validateLibrarySearch,
      component: LibraryPage,
    }),
    createRoute({
      getParentRoute: () => parent,
      path: "/cpd/library/$itemId",
      validateSearch: (raw: Record<string, unknown>): { path?: string } => ({
        path: typeof raw.path === "string" && /^[0-9a-f-]{36}$/.test(raw.path) ? raw.path : undefined,
      }),
      component: LibraryItemPage,
    }),
  ] as const;
}
