package io.podidentity.nmi.kubernetes;

import io.podidentity.common.model.AssignedIdentity;
import io.podidentity.common.model.AssignmentState;
import io.podidentity.common.model.AzureIdentity;
import io.podidentity.common.model.IdentityCredential;
import io.podidentity.common.model.SecretRef;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** When a change means cached tokens of an identity must go, and which Secrets the identities in use name. */
final class Revocation {
  private Revocation() {}

  /**
   * An assignment that went, moved to another identity (or another version of it), or stopped being usable
   * ({@code Assigned} or legacy) revokes the tokens of the identity it had.
   */
  static boolean revokes(AssignedIdentity before, Optional<AssignedIdentity> after) {
    return after.map(a -> !a.identity().equals(before.identity()) || (usable(before) && !usable(a)))
        .orElse(true);
  }

  static Set<SecretRef> secretsOf(Collection<AzureIdentity> identities) {
    return identities.stream().map(Revocation::secret).flatMap(Optional::stream).collect(Collectors.toSet());
  }

  private static boolean usable(AssignedIdentity assignment) {
    return assignment.state() == AssignmentState.ASSIGNED || assignment.state() == AssignmentState.LEGACY_UNSET;
  }

  private static Optional<SecretRef> secret(AzureIdentity identity) {
    return switch (identity.credential()) {
      case IdentityCredential.UserAssignedMsi msi -> Optional.empty();
      case IdentityCredential.ServicePrincipalSecret sp -> Optional.of(sp.secret());
      case IdentityCredential.ServicePrincipalCertificate sp -> Optional.of(sp.secret());
    };
  }
}
