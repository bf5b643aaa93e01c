/**
 * "Return to activity": one tab at a time works in a course (module). Tabs of the same browser talk over a
 * BroadcastChannel; each page load has an owner token. A new tab asks who holds the course; if a holder
 * answers, the new tab is blocked until the holder releases it (closes the course or the tab, or completes
 * the course) or the learner chooses "Continue here", which takes it over and blocks the other tab.
 */
export type ActivityState = "checking" | "active" | "blocked";

type Message =
  | { type: "hello"; course: string; tab: string }
  | { type: "owner"; course: string; tab: string }
  | { type: "take"; course: string; tab: string }
  | { type: "release"; course: string; tab: string };

const CHANNEL = "pulse-academy-activity";
const ANSWER_WAIT_MS = 400;

export class ActivityLock {
  readonly tab = crypto.randomUUID();
  private channel: BroadcastChannel | undefined;
  private state: ActivityState = "checking";
  private timer: ReturnType<typeof setTimeout> | undefined;
  private released = false;

  constructor(
    private readonly course: string,
    private readonly onChange: (state: ActivityState) => void,
  ) {}

  start(): void {
    if (typeof BroadcastChannel === "undefined") {
      this.set("active");
      return;
    }
    this.channel = new BroadcastChannel(CHANNEL);
    this.channel.onmessage = (event: MessageEvent<Message>) => this.receive(event.data);
    this.ask();
  }

  private ask(): void {
    this.set("checking");
    this.post("hello");
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.state === "checking") this.claim();
    }, ANSWER_WAIT_MS);
  }

  private claim(): void {
    this.set("active");
    this.post("owner");
  }

  private receive(m: Message): void {
    if (!m || m.course !== this.course || m.tab === this.tab || this.released) return;
    if (m.type === "hello" && this.state === "active") this.post("owner");
    else if (m.type === "owner") {
      // Two tabs claimed at once: the smaller token keeps the course.
      if (this.state === "checking" || (this.state === "active" && m.tab < this.tab)) {
        clearTimeout(this.timer);
        this.set("blocked");
      }
    } else if (m.type === "take" && this.state !== "blocked") this.set("blocked");
    else if (m.type === "release" && this.state === "blocked") this.ask();
  }

  /** "Continue here": this tab takes the course; the one that held it shows the dialog. */
  takeOver(): void {
    clearTimeout(this.timer);
    this.post("take");
    this.set("active");
  }

  /** The course is left, closed or complete: a waiting tab may take it. */
  release(): void {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.timer);
    if (this.state === "active") this.post("release");
    this.channel?.close();
    this.channel = undefined;
  }

  private post(type: Message["type"]): void {
    this.channel?.postMessage({ type, course: this.course, tab: this.tab } satisfies Message);
  }

  private set(state: ActivityState): void {
    if (this.state === state) return;
    this.state = state;
    this.onChange(state);
  }
}
