import ical from "ical-generator";
import { AppError } from "../../../../kernel/app-error.js";
import type { Actor } from "../../../../kernel/auth.js";
import type { AppContext } from "../../../../platform/context.js";
import { assessmentStatus } from "./status.js";

/** An .ics file with one event at the moment the learner's next attempt opens. */
export async function retakeCalendar(ctx: AppContext, actor: Actor, assessmentId: string) {
  const status = await assessmentStatus(ctx, actor, assessmentId);
  if (!status.nextAttemptOpensAt || status.blockedBy !== "retake_wait") {
    throw new AppError("conflict", "There is no retake to wait for: you may start an attempt now.");
  }
  const start = new Date(status.nextAttemptOpensAt);
  const title = status.assessment.title;
  const url = `${ctx.appUrl}/academy/assessments/${assessmentId}`;
  const calendar = ical({ name: "Pulse Academy", prodId: { company: "Pulse", product: "Academy" } });
  calendar.createEvent({
    id: `retake-${assessmentId}-${status.failedAttempts}@pulse`,
    start,
    end: new Date(start.getTime() + 30 * 60_000),
    stamp: ctx.clock.now(),
    summary: `${title}: your retake opens`,
    description: `Your next attempt at ${title} opens now. Start it at ${url}`,
    url,
  });
  return { filename: `${status.assessment.key}-retake.ics`, body: calendar.toString() };
}
