import type { LibraryFormat } from "../../../../../src/features/academy/cpd/library/contract";

/** "1h 56m", "45m", "3h": the seed's way of writing durations. */
export function formatMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m}m`;
  return m === 0 ? `${h}h` : `${h}h ${m}m`;
}

export const FORMAT_LABEL: Record<LibraryFormat, string> = {
  video: "Video",
  article: "Article",
  audio: "Audio",
  download: "Download",
  tool: "Tool",
};

/** Plural labels for path contents: "Articles (2), Videos (4)". */
export const FORMAT_PLURAL: Record<LibraryFormat, string> = {
  video: "Videos",
  article: "Articles",
  audio: "Audio",
  download: "Downloads",
  tool: "Tools",
};
