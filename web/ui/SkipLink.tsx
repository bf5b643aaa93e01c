import { type CSSProperties, useState } from "react";

export const MAIN_CONTENT_ID = "main-content";

const hidden: CSSProperties = {
  position: "absolute",
  left: 8,
  top: 8,
  width: 1,
  height: 1,
  overflow: "hidden",
  clipPath: "inset(50%)",
  whiteSpace: "nowrap",
};

const shown: CSSProperties = {
  position: "fixed",
  left: 8,
  top: 8,
  zIndex: 1000,
  padding: "8px 16px",
  borderRadius: 6,
  background: "var(--mantine-color-indigo-7)",
  color: "var(--mantine-color-white)",
  fontWeight: 600,
  textDecoration: "none",
  outline: "2px solid var(--mantine-color-indigo-2)",
};

/** "Skip to main content": the first stop of the Tab key, visible only while focused. */
export function SkipLink() {
  const [focused, setFocused] = useState(false);
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      style={focused ? shown : hidden}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(MAIN_CONTENT_ID);
        const heading = main?.querySelector<HTMLElement>("h1");
        (heading ?? main)?.focus();
      }}
    >
      Skip to main content
    </a>
  );
}
