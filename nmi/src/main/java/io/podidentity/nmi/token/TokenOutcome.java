package io.podidentity.nmi.token;

import java.util.List;
import java.util.Objects;

/**
 * What fetching a token gave. The cases follow the original's status codes: {@link Refused} when the upstream
 * (IMDS or Azure AD) answered with an error (403), {@link Unavailable} when it could not be asked or the credential
 * could not be used (503), and {@link Busy} when NMI's own queue in front of IMDS is full (503 with Retry-After).
 */
public sealed interface TokenOutcome {

  /** One token, or several for a service principal with auxiliary tenants (primary first). */
  record Issued(List<IssuedToken> tokens) implements TokenOutcome {
    public Issued {
      tokens = List.copyOf(tokens);
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException("no token");
      }
    }
  }

  record Refused(String message) implements TokenOutcome {
    public Refused {
      Objects.requireNonNull(message, "message");
    }
  }

  record Unavailable(String message) implements TokenOutcome {
    public Unavailable {
      Objects.requireNonNull(message, "message");
    }
  }

  record Busy(String message) implements TokenOutcome {
    public Busy {
      Objects.requireNonNull(message, "message");
    }
  }
}
