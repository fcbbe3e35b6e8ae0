package io.podidentity.nmi.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.podidentity.common.model.ClientId;
import io.podidentity.common.model.SecretRef;
import io.podidentity.nmi.config.NmiSettings;
import io.podidentity.nmi.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
  private static final String CLIENT = "8d3f7a21-5c6b-4e9d-a1f0-3b7c2e9d4a56";
  private static final TokenKey KEY =
      new TokenKey(TokenKey.Kind.USER_ASSIGNED, CLIENT, "", Optional.empty(), "", "https://vault.azure.net");
  private static final NmiSettings.TokenCache SETTINGS =
      new NmiSettings.TokenCache(true, 0.8, Duration.ofMinutes(5), Duration.ofSeconds(3), 100);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final List<TokenCache.Lookup> lookups = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final TokenCache cache = new TokenCache(clock, SETTINGS, lookups::add);
  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void makesOneUpstreamCallForAThousandConcurrentColdRequests() throws Exception {
    CompletableFuture<TokenOutcome> upstream = new CompletableFuture<>();
    List<CompletableFuture<TokenOutcome>> results = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<java.util.concurrent.Future<CompletableFuture<TokenOutcome>>> started = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        started.add(threads.submit(() -> cache.get(KEY, () -> {
          calls.incrementAndGet();
          return upstream;
        })));
      }
      for (var f : started) {
        results.add(f.get());
      }
    }
    upstream.complete(issued(Duration.ofHours(24)));
    assertThat(calls).hasValue(1);
    assertThat(results).allSatisfy(r -> assertThat(r.join()).isInstanceOf(TokenOutcome.Issued.class));
    assertThat(cache.get(KEY, this::fetch).join()).isInstanceOf(TokenOutcome.Issued.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void refreshesInTheBackgroundAfterEightyPercentOfTheLifetime() {
    cache.get(KEY, this::fetch).join();
    clock.advance(Duration.ofMinutes(60 * 24 * 79 / 100));
    cache.get(KEY, this::fetch).join();
    assertThat(calls).hasValue(1);
    clock.advance(Duration.ofMinutes(60 * 24 * 2 / 100));
    TokenOutcome served = cache.get(KEY, this::fetch).join();
    assertThat(served).isInstanceOf(TokenOutcome.Issued.class);
    assertThat(calls).hasValue(2);
    assertThat(lookups).contains(TokenCache.Lookup.STALE_HIT);
  }

  @Test
  void neverServesATokenWithLessThanTheMinimumLeft() {
    cache.get(KEY, () -> CompletableFuture.completedFuture(issued(Duration.ofMinutes(20)))).join();
    clock.advance(Duration.ofMinutes(16));
    CompletableFuture<TokenOutcome> pending = new CompletableFuture<>();
    CompletableFuture<TokenOutcome> served = cache.get(KEY, () -> pending);
    assertThat(served).isNotDone();
    pending.complete(issued(Duration.ofMinutes(20)));
    assertThat(served.join()).isInstanceOf(TokenOutcome.Issued.class);
  }

  @Test
  void remembersARefusalOnlyBriefly() {
    TokenOutcome refused = new TokenOutcome.Refused("Identity not found");
    cache.get(KEY, () -> {
      calls.incrementAndGet();
      return CompletableFuture.completedFuture(refused);
    }).join();
    assertThat(cache.get(KEY, this::fetch).join()).isEqualTo(refused);
    assertThat(calls).hasValue(1);
    clock.advance(Duration.ofSeconds(4));
    assertThat(cache.get(KEY, this::fetch).join()).isInstanceOf(TokenOutcome.Issued.class);
    assertThat(calls).hasValue(2);
  }

  @Test
  void doesNotRememberUnavailabilityOrBusiness() {
    cache.get(KEY, () -> CompletableFuture.completedFuture(new TokenOutcome.Unavailable("down"))).join();
    assertThat(cache.get(KEY, this::fetch).join()).isInstanceOf(TokenOutcome.Issued.class);
  }

  @Test
  void dropsTokensOfARevokedIdentityOrAChangedSecret() {
    TokenKey sp = new TokenKey(TokenKey.Kind.SERVICE_PRINCIPAL, CLIENT, "t", Optional.of(new SecretRef("a", "s")), "",
        "r");
    cache.get(KEY, this::fetch).join();
    cache.get(sp, this::fetch).join();
    cache.invalidate(k -> k.usesSecret(new SecretRef("a", "s")));
    cache.get(KEY, this::fetch).join();
    assertThat(calls).hasValue(2);
    cache.get(sp, this::fetch).join();
    assertThat(calls).hasValue(3);
    cache.invalidate(k -> k.isFor(new ClientId(CLIENT.toUpperCase(java.util.Locale.ROOT))));
    assertThat(cache.size()).isZero();
  }

  @Test
  void cachesNothingWhenDisabledButStillSharesCallsInFlight() {
    TokenCache off = new TokenCache(clock, new NmiSettings.TokenCache(false, 0.8, Duration.ofMinutes(5),
        Duration.ofSeconds(3), 100), lookups::add);
    CompletableFuture<TokenOutcome> upstream = new CompletableFuture<>();
    CompletableFuture<TokenOutcome> first = off.get(KEY, () -> upstream);
    CompletableFuture<TokenOutcome> second = off.get(KEY, this::fetch);
    upstream.complete(issued(Duration.ofHours(1)));
    assertThat(second.join()).isSameAs(first.join());
    off.get(KEY, this::fetch).join();
    assertThat(calls).hasValue(1);
  }

  @Test
  void keepsAtMostItsMaximumOfEntries() {
    TokenCache small = new TokenCache(clock, new NmiSettings.TokenCache(true, 0.8, Duration.ofMinutes(5),
        Duration.ofSeconds(3), 3), lookups::add);
    for (int i = 0; i < 10; i++) {
      small.get(new TokenKey(TokenKey.Kind.USER_ASSIGNED, CLIENT, "", Optional.empty(), "", "r" + i), this::fetch)
          .join();
    }
    await().untilAsserted(() -> assertThat(small.size()).isLessThanOrEqualTo(3));
  }

  @Test
  void showsNoClientIdInItsKeysText() {
    assertThat(KEY.toString()).doesNotContain(CLIENT).contains("8d3f##### REDACTED #####4a56");
  }

  private CompletableFuture<TokenOutcome> fetch() {
    calls.incrementAndGet();
    return CompletableFuture.completedFuture(issued(Duration.ofHours(24)));
  }

  private TokenOutcome.Issued issued(Duration lifetime) {
    Instant now = clock.instant();
    return new TokenOutcome.Issued(List.of(new IssuedToken("t" + calls.get(), "", now, now.plus(lifetime), now, "r",
        "Bearer")));
  }
}
