/** The public API of module tests and exams. */
export { getAttempt, saveAnswers, startAttempt, submitAttempt } from "./service/attempts.js";
export { retakeCalendar } from "./service/calendar.js";
export { finishExpiredAttempt, sweepExpiredAttempts } from "./service/grade.js";
export { poolReport } from "./service/pools.js";
export { assessmentStatus, listAssessmentsFor } from "./service/status.js";
