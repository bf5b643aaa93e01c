/**
 * Watch tracking in the browser: only real playback while the tab is in front counts. Each `timeupdate`
 * step that moved forward by no more than the wall-clock time passed (times the playback rate, plus a
 * little jitter) extends the current segment; a seek, a jump or time spent hidden starts a new one and
 * adds nothing. The server bounds it again (the time between reports), so a forged report gains nothing.
 */
export type Segment = [number, number];

const JITTER_SECONDS = 0.5;

export class PlaybackTracker {
  private last: { wall: number; position: number } | undefined;
  private open: Segment | undefined;
  private pending: Segment[] = [];

  /** A playhead sample; `visible` is document.visibilityState === "visible", `playing` !video.paused. */
  sample(position: number, wallMs: number, rate: number, visible: boolean, playing: boolean): void {
    const previous = this.last;
    this.last = { wall: wallMs, position };
    if (!previous || !visible || !playing) {
      this.open = undefined;
      return;
    }
    const moved = position - previous.position;
    const elapsed = Math.max(0, (wallMs - previous.wall) / 1000);
    if (moved > 0 && moved <= elapsed * Math.max(1, rate) + JITTER_SECONDS) {
      if (this.open && this.open[1] === previous.position) this.open[1] = position;
      else {
        this.open = [previous.position, position];
        this.pending.push(this.open);
      }
    } else this.open = undefined;
  }

  /** A seek or pause: the next sample starts afresh. */
  break(): void {
    this.last = undefined;
    this.open = undefined;
  }

  /** The segments played since the last take (the open one keeps growing in a new copy). */
  take(): Segment[] {
    const out = this.pending.map(([a, b]) => [a, b] as Segment);
    this.pending = [];
    if (this.open) {
      this.open = [this.open[1], this.open[1]];
      this.pending.push(this.open);
    }
    return out.filter(([a, b]) => b > a);
  }
}
