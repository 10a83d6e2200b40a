/** Per-user sliding-window rate limit: at most `requests` uses per `seconds`. */
export class Cooldown {
  private readonly uses = new Map<string, number[]>();

  constructor(
    readonly requests: number,
    readonly seconds: number,
  ) {}

  /** Records a use when allowed; otherwise says how long until the next one is. */
  take(userId: string, now: number = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    const windowMs = this.seconds * 1000;
    const recent = (this.uses.get(userId) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= this.requests) {
      this.uses.set(userId, recent);
      const oldest = recent[0] ?? now;
      return { ok: false, retryAfterMs: oldest + windowMs - now };
    }
    recent.push(now);
    this.uses.set(userId, recent);
    // Keep the map from growing with users who went quiet.
    if (this.uses.size > 10_000) {
      for (const [id, times] of this.uses) if (times.every((t) => now - t >= windowMs)) this.uses.delete(id);
    }
    return { ok: true };
  }
}
