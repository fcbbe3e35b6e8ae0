package io.podidentity.nmi.token;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One key's state in the {@link TokenCache}: the last good tokens with their refresh and unusable instants, a
 * remembered refusal, and the upstream call in flight. All transitions happen under the slot's lock, so at most one
 * call per key is ever in flight; a failed background refresh is not retried before the negative TTL (at least a
 * second) has passed, while the still-valid tokens keep being served.
 */
final class CacheSlot {
  private static final Duration MIN_REFRESH_BACKOFF = Duration.ofSeconds(1);

  /** How the cache treats outcomes: whether it keeps them, how long a refusal lasts, when tokens age. */
  record Rules(boolean caching, Duration negativeTtl, Function<TokenOutcome.Issued, Lifetime> lifetime) {}

  /** When stored tokens must be refreshed and when they may no longer be served. */
  record Lifetime(Instant refreshAt, Instant unusableAt) {}

  /** What a lookup returned and how. */
  record Served(CompletableFuture<TokenOutcome> outcome, TokenCache.Lookup lookup) {}

  private TokenOutcome.Issued value;
  private Lifetime lifetime;
  private TokenOutcome.Refused refusal;
  private Instant refusedUntil = Instant.MIN;
  private Instant nextRefresh = Instant.MIN;
  private CompletableFuture<TokenOutcome> inFlight;

  synchronized Served serve(Instant now, Rules rules, Supplier<CompletableFuture<TokenOutcome>> fetch) {
    if (rules.caching() && value != null && now.isBefore(lifetime.unusableAt())) {
      boolean stale = !now.isBefore(lifetime.refreshAt());
      if (stale && inFlight == null && !now.isBefore(nextRefresh)) {
        start(fetch, rules, now);
      }
      return new Served(CompletableFuture.completedFuture(value),
          stale ? TokenCache.Lookup.STALE_HIT : TokenCache.Lookup.HIT);
    }
    if (rules.caching() && refusal != null && now.isBefore(refusedUntil)) {
      return new Served(CompletableFuture.completedFuture(refusal), TokenCache.Lookup.NEGATIVE_HIT);
    }
    if (inFlight != null) {
      return new Served(inFlight, TokenCache.Lookup.JOINED);
    }
    return new Served(start(fetch, rules, now), TokenCache.Lookup.MISS);
  }

  /** Nothing servable and nothing in flight: the slot can go. */
  synchronized boolean idle(Instant now) {
    boolean servable = value != null && now.isBefore(lifetime.unusableAt());
    return inFlight == null && !servable && !now.isBefore(refusedUntil);
  }

  /** When this slot stops being useful, for evicting the least useful first. */
  synchronized Instant expiry() {
    return value == null ? refusedUntil : lifetime.unusableAt();
  }

  private CompletableFuture<TokenOutcome> start(Supplier<CompletableFuture<TokenOutcome>> fetch, Rules rules,
      Instant startedAt) {
    CompletableFuture<TokenOutcome> call = safely(fetch);
    inFlight = call;
    call.thenAccept(outcome -> finish(call, outcome, rules, startedAt));
    return call;
  }

  private synchronized void finish(CompletableFuture<TokenOutcome> call, TokenOutcome outcome, Rules rules,
      Instant startedAt) {
    if (inFlight == call) {
      inFlight = null;
    }
    if (!rules.caching()) {
      return;
    }
    if (outcome instanceof TokenOutcome.Issued issued) {
      Lifetime next = rules.lifetime().apply(issued);
      value = next.unusableAt().isAfter(startedAt) ? issued : null;
      lifetime = next;
      refusal = null;
      return;
    }
    Duration backoff = rules.negativeTtl().compareTo(MIN_REFRESH_BACKOFF) > 0 ? rules.negativeTtl()
        : MIN_REFRESH_BACKOFF;
    nextRefresh = startedAt.plus(backoff);
    if (outcome instanceof TokenOutcome.Refused refused) {
      refusal = refused;
      refusedUntil = startedAt.plus(rules.negativeTtl());
    }
  }

  /** The fetch's future, with any exception turned into {@link TokenOutcome.Unavailable}. */
  static CompletableFuture<TokenOutcome> safely(Supplier<CompletableFuture<TokenOutcome>> fetch) {
    try {
      return fetch.get().exceptionally(CacheSlot::unavailable);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(unavailable(e));
    }
  }

  private static TokenOutcome unavailable(Throwable e) {
    return new TokenOutcome.Unavailable("failed to get token: " + e.getClass().getSimpleName());
  }
}
