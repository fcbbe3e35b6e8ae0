package io.podidentity.kubesim.registry;

import io.podidentity.kubesim.store.ObjectStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;

/** What the registry's operations share: the store, the served resources, the clock and a name generator. */
public record RegistryContext(ObjectStore store, ApiResources resources, Clock clock, Random random) {
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  public RegistryContext(ObjectStore store, ApiResources resources, Clock clock) {
    this(store, resources, clock, new SecureRandom());
  }

  /** The apiserver's SimpleNameGenerator: the prefix plus five random characters. */
  public String generateName(String prefix) {
    String base = prefix.length() > 58 ? prefix.substring(0, 58) : prefix;
    StringBuilder s = new StringBuilder(base);
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
