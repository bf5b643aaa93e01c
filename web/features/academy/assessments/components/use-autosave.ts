import { useCallback, useEffect, useRef, useState } from "react";
import type { AnswerMap } from "../../../../../src/features/academy/assessments/contract";
import { errorMessage, isApiError } from "../../../../api/api-error";
import { saveAnswers } from "../queries";

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "error"; message: string };

const DEBOUNCE_MS = 700;

/**
 * The candidate's answers, saved to the server shortly after each change (only what changed), and on
 * `pagehide` with a keepalive request so closing the tab loses nothing. `onClosed` runs when the server
 * says the attempt is over (submitted elsewhere or past its deadline).
 */
export function useAutosave(attemptId: string, initial: AnswerMap, onClosed: () => void) {
  const [answers, setAnswers] = useState<AnswerMap>(initial);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const pending = useRef<AnswerMap>({});
  const timer = useRef<number | undefined>(undefined);

  const flush = useCallback(async () => {
    window.clearTimeout(timer.current);
    const batch = pending.current;
    if (Object.keys(batch).length === 0) return;
    pending.current = {};
    setState({ kind: "saving" });
    try {
      const saved = await saveAnswers(attemptId, batch);
      // "All saved" only when nothing changed meanwhile (a newer change has its own save scheduled).
      if (Object.keys(pending.current).length === 0) setState({ kind: "saved", at: saved.savedAt });
    } catch (error) {
      if (isApiError(error) && error.code === "attempt_closed") {
        onClosed();
        return;
      }
      pending.current = { ...batch, ...pending.current };
      setState({ kind: "error", message: errorMessage(error) });
    }
  }, [attemptId, onClosed]);

  const setAnswer = useCallback(
    (questionId: string, keys: string[]) => {
      setAnswers((current) => ({ ...current, [questionId]: keys }));
      pending.current = { ...pending.current, [questionId]: keys };
      setState({ kind: "saving" });
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onPageHide = () => {
      if (Object.keys(pending.current).length === 0) return;
      void fetch(`/api/academy/attempts/${attemptId}/answers`, {
        method: "PUT",
        keepalive: true,
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ answers: pending.current }),
      });
    };
    window.addEventListener("pagehide", onPageHide);
    return () => {
      window.removeEventListener("pagehide", onPageHide);
      window.clearTimeout(timer.current);
    };
  }, [attemptId]);

  return { answers, setAnswer, flush, state };
}
