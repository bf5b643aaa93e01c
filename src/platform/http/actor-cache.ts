import type { Actor } from "../../kernel/auth.js";

/** A resolved session as the cache keeps it: the actor plus what decides, by the app clock, that it still holds. */
export type CachedSession = {
  actor: Actor;
  createdAt: Date;
  /** Idle expiry; moves when the session is touched. */
  expiresAt: Date;
  lastSeenAt: Date;
};

export type ActorCacheOptions = {
  /** How long an entry is reused (AUTH_CACHE_SECONDS); 0 turns the cache off. */
  ttlMs: number;
  /** Least recently used entries go first beyond this many. */
  maxEntries?: number;
  /** Monotonic milliseconds (not the app clock, which tests stop or move by days). */
  now?: () => number;
};

type Entry = { session: CachedSession; until: number };

/**
 * Resolved sessions of this process, keyed by the session id (the token's SHA-256), for a few seconds.
 * Changes made here forget the entries they affect at once (forgetSession/User/Organization, called after
 * the change commits); another process's changes show once its entry's ttl runs out. A read that started
 * before any forget does not store what it read, so a request racing a change cannot cache the old state.
 */
export class ActorCache {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #now: () => number;
  #generation = 0;

  constructor(options: ActorCacheOptions) {
    this.#ttlMs = options.ttlMs;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#now = options.now ?? (() => performance.now());
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Bumped by every forget; pass the value read before loading a session to `set`. */
  get generation(): number {
    return this.#generation;
  }

  get(sessionId: string): CachedSession | undefined {
    const entry = this.#entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.#now()) {
      this.#entries.delete(sessionId);
      return undefined;
    }
    // Map order is the eviction order: a hit moves the entry to the young end.
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, entry);
    return entry.session;
  }

  /** Stores a session loaded while `generation` was current, unless something was forgotten since. */
  set(sessionId: string, session: CachedSession, generation: number): void {
    if (this.#ttlMs <= 0 || generation !== this.#generation) return;
    this.#entries.delete(sessionId);
    this.#entries.set(sessionId, { session, until: this.#now() + this.#ttlMs });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
  }

  forgetSession(sessionId: string): void {
    this.#generation++;
    this.#entries.delete(sessionId);
  }

  /** Every session of the user (password, profile, platform role or membership changed). */
  forgetUser(userId: string): void {
    this.#forgetWhere((actor) => actor.userId === userId);
  }

  /** Every session of the organization's members (its name shows in their /api/me). */
  forgetOrganization(orgId: string): void {
    this.#forgetWhere((actor) => actor.memberships.has(orgId));
  }

  #forgetWhere(match: (actor: Actor) => boolean): void {
    this.#generation++;
    for (const [id, entry] of this.#entries) if (match(entry.session.actor)) this.#entries.delete(id);
  }
}
