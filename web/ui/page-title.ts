import { type RefObject, useEffect } from "react";

const APP_NAME = "Pulse";
const ACADEMY_NAME = "Pulse Academy";

/** "Module 3: Preparation — Pulse Academy": the page's own name first, then the product it belongs to. */
export function documentTitleFor(title: string, pathname: string): string {
  const product = pathname === "/academy" || pathname.startsWith("/academy/") ? ACADEMY_NAME : APP_NAME;
  const page = title.trim();
  return page && page !== product ? `${page} — ${product}` : product;
}

/** Sets the browser tab's title for the page on screen (PageHeader and PublicLayout call it with their h1). */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = documentTitleFor(title, window.location.pathname);
  }, [title]);
}

// The address the document was loaded at: on that first page focus stays where the browser puts it (a
// field's autofocus, the top of the page); after any client-side navigation it moves to the new heading.
const loadedHref = typeof window === "undefined" ? "" : window.location.href;
let navigated = false;

/** Moves keyboard and screen-reader focus to the page's h1 after a client-side navigation. */
export function useFocusOnNavigation(ref: RefObject<HTMLElement | null>, key: string) {
  useEffect(() => {
    if (!navigated && window.location.href === loadedHref) return;
    navigated = true;
    void key;
    ref.current?.focus({ preventScroll: false });
  }, [ref, key]);
}
