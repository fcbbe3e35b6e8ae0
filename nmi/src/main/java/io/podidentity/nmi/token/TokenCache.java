package io.podidentity.nmi.token;

import io.podidentity.nmi.config.NmiSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tokens per {@link TokenKey}, with single-flight (concurrent requests for a key share one upstream call), refresh
 * in the background once {@code refreshRatio} of a token's lifetime has passed, no token handed out with less than
 * {@code minRemaining} left, and refusals remembered for {@code negativeTtl} only. Entries go on {@link #invalidate}
 * (assignment, binding, identity or Secret changed) and when they expire. The cache never decides who may have a
 * token; it is asked only after that decision.
 */
public final class TokenCache {
  /** How a lookup was served, for metrics. */
  public enum Lookup { HIT, STALE_HIT, NEGATIVE_HIT, JOINED, MISS }

  private final Clock clock;
  private final NmiSettings.TokenCache settings;
  private final Consumer<Lookup> observer;
  private final Map<TokenKey, CacheSlot> slots = new ConcurrentHashMap<>();
  private final CacheSlot.Rules rules;

  public TokenCache(Clock clock, NmiSettings.TokenCache settings, Consumer<Lookup> observer) {
    this.clock = clock;
    this.settings = settings;
    this.observer = observer;
    this.rules = new CacheSlot.Rules(settings.enabled(), settings.negativeTtl(), this::lifetime);
  }

  /** The token for {@code key}: cached, joined to a call in flight, or fetched with {@code fetch}. */
  public CompletableFuture<TokenOutcome> get(TokenKey key, Supplier<CompletableFuture<TokenOutcome>> fetch) {
    CacheSlot slot = slots.get(key);
    if (slot == null) {
      if (slots.size() >= settings.maxEntries()) {
        sweep();
      }
      if (slots.size() >= settings.maxEntries()) {
        observer.accept(Lookup.MISS);
        return CacheSlot.safely(fetch);
      }
      slot = slots.computeIfAbsent(key, k -> new CacheSlot());
    }
    CacheSlot.Served served = slot.serve(clock.instant(), rules, fetch);
    observer.accept(served.lookup());
    return served.outcome();
  }

  /** Drops every entry whose key matches; calls in flight finish for the requests already waiting on them. */
  public void invalidate(Predicate<TokenKey> which) {
    slots.keySet().removeIf(which);
  }

  /** Drops entries holding nothing usable at all; called now and then, and when the cache is full. */
  public void sweep() {
    Instant now = clock.instant();
    slots.values().removeIf(slot -> slot.idle(now));
    if (slots.size() > settings.maxEntries()) {
      slots.entrySet().stream().sorted(Comparator.comparing(e -> e.getValue().expiry()))
          .limit(slots.size() - settings.maxEntries()).toList()
          .forEach(e -> slots.remove(e.getKey(), e.getValue()));
    }
  }

  public int size() {
    return slots.size();
  }

  private CacheSlot.Lifetime lifetime(TokenOutcome.Issued issued) {
    Instant obtained = issued.tokens().getFirst().obtainedAt();
    Instant expires = issued.tokens().stream().map(IssuedToken::expiresOn).min(Comparator.naturalOrder())
        .orElseThrow();
    Duration lifetime = Duration.between(obtained, expires);
    Instant refreshAt = obtained.plusMillis((long) (lifetime.toMillis() * settings.refreshRatio()));
    return new CacheSlot.Lifetime(refreshAt, expires.minus(settings.minRemaining()));
  }
}
