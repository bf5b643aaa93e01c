import { Group, Progress, Stack, Text } from "@mantine/core";
import { useEffect, useMemo, useRef } from "react";
import type { ItemProgressView, LessonItem } from "../../../../../src/features/academy/learning/contract";
import type { LessonSession } from "../lesson-session";
import { PlaybackTracker } from "../playback-tracker";
import { Markdown } from "./Markdown";

const SAVE_EVERY_MS = 10_000;

/**
 * A video with native controls. Playback is tracked from `timeupdate` steps while the tab is in front
 * (seeks add nothing), saved every 10 s while playing, on pause, at the end and when the page goes away.
 * Resumes at the position the server holds, on any device.
 */
export function VideoItem({
  item,
  progress,
  session,
  paused,
}: {
  item: LessonItem;
  progress: ItemProgressView | undefined;
  session: LessonSession;
  paused: boolean;
}) {
  const ref = useRef<HTMLVideoElement>(null);
  const tracker = useMemo(() => new PlaybackTracker(), []);
  const registration = useMemo(() => crypto.randomUUID(), []);
  const started = useRef(false);
  const resumeAt = useRef(progress?.position ?? 0);
  const video = item.video;

  useEffect(() => {
    const lastPosition = { value: -1 };
    const stop = session.collect(() => {
      const el = ref.current;
      const segments = tracker.take();
      const position = el ? Math.round(el.currentTime * 100) / 100 : undefined;
      if (segments.length === 0 && (position === undefined || position === lastPosition.value)) return [];
      if (!started.current) return [];
      lastPosition.value = position ?? -1;
      return [{ verb: "played" as const, itemId: item.id, registration, segments, position }];
    });
    const onVisibility = () => tracker.break();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      stop();
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [session, tracker, item.id, registration]);

  useEffect(() => {
    if (paused) ref.current?.pause();
  }, [paused]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const timer = setInterval(() => {
      if (!el.paused) void session.flush();
    }, SAVE_EVERY_MS);
    return () => clearInterval(timer);
  }, [session]);

  if (!video) return null;
  const sample = () => {
    const el = ref.current;
    if (!el) return;
    tracker.sample(
      el.currentTime,
      performance.now(),
      el.playbackRate,
      document.visibilityState === "visible",
      !el.paused,
    );
  };
  const percent = progress?.percent ?? 0;
  return (
    <Stack gap="xs">
      {/* biome-ignore lint/a11y/useMediaCaption: the clips have no speech; a transcript follows when there is one */}
      <video
        ref={ref}
        src={video.src}
        controls
        preload="metadata"
        style={{ width: "100%", maxHeight: 480, background: "#000", borderRadius: 8 }}
        aria-label={item.title}
        data-testid={`video-${item.id}`}
        onLoadedMetadata={(e) => {
          const el = e.currentTarget;
          if (resumeAt.current > 0 && resumeAt.current < el.duration - 1) el.currentTime = resumeAt.current;
          resumeAt.current = 0;
        }}
        onPlay={() => {
          if (!started.current) {
            started.current = true;
            // Starts the video's plausibility budget refilling on the server (it grows with the time that passes).
            session.add({
              verb: "played",
              itemId: item.id,
              registration,
              segments: [],
              position: ref.current?.currentTime,
            });
            void session.flush();
          }
          tracker.break();
          sample();
        }}
        onTimeUpdate={sample}
        onSeeking={() => tracker.break()}
        onPause={() => {
          sample();
          tracker.break();
          void session.flush();
        }}
        onEnded={() => {
          sample();
          tracker.break();
          void session.flush();
        }}
      />
      <Group gap="sm" wrap="nowrap">
        <Progress
          value={percent}
          aria-label={`${item.title}: watched`}
          style={{ flex: 1 }}
          color={percent >= 100 ? "teal" : "indigo"}
        />
        <Text fz="sm" c="dimmed" data-testid={`watched-${item.id}`}>
          {progress?.complete ? "Watched" : `${percent}% watched`}
        </Text>
      </Group>
      {item.body ? (
        <details>
          <summary>Transcript</summary>
          <Markdown>{item.body}</Markdown>
        </details>
      ) : null}
    </Stack>
  );
}
