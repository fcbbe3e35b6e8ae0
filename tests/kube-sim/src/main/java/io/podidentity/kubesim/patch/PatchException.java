package io.podidentity.kubesim.patch;

/**
 * A patch that cannot be applied. {@code malformed} patches are 400s; patches that are well formed but do not
 * apply to the object (a failed JSON patch {@code test}, a missing path) are 422s.
 */
public final class PatchException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean malformed;

  public PatchException(String message, boolean malformed) {
    super(message, null, false, false);
    this.malformed = malformed;
  }

  public boolean malformed() {
    return malformed;
  }
}
