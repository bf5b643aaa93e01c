export const MAIN_CONTENT_ID = "main-content";

/** "Skip to main content": the first stop of the Tab key, visible only while focused (.skip-link in index.html). */
export function SkipLink() {
  return (
    <a
      className="skip-link"
      href={`#${MAIN_CONTENT_ID}`}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(MAIN_CONTENT_ID);
        (main?.querySelector<HTMLElement>("h1") ?? main)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
