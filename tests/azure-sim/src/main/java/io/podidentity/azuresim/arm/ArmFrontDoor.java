package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.control.Counters;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.Subscription;
import io.podidentity.azuresim.world.World;
import java.util.Optional;

/**
 * What ARM does before a request reaches a resource provider: authenticate the bearer token, find the subscription
 * and check the token's tenant owns it, validate the api-version against the provider's registered versions, and
 * charge ARM's subscription-level throttling bucket.
 */
public final class ArmFrontDoor {
  private final BearerTokenCheck tokens;
  private final World world;
  private final ArmThrottling throttling;
  private final Counters counters;

  public ArmFrontDoor(BearerTokenCheck tokens, World world, ArmThrottling throttling, Counters counters) {
    this.tokens = tokens;
    this.world = world;
    this.throttling = throttling;
    this.counters = counters;
  }

  public Admission admit(SimRequest request, String subscriptionId, ApiFamily family, String typeForErrors,
      String location) {
    ArmAuthentication auth = tokens.check(request);
    if (auth instanceof ArmAuthentication.Rejected r) {
      counters.increment("arm_401");
      return new Admission.Refused(r.response());
    }
    Caller caller = ((ArmAuthentication.Authenticated) auth).caller();
    Optional<Subscription> subscription = world.directory().subscription(subscriptionId);
    if (subscription.isEmpty()) {
      return new Admission.Refused(ArmError.subscriptionNotFound(subscriptionId));
    }
    if (!subscription.get().tenantId().equalsIgnoreCase(caller.tenantId())) {
      counters.increment("arm_401");
      return new Admission.Refused(wrongTenant(caller.tenantId(), subscription.get().tenantId()));
    }
    Optional<String> version = request.queryParam("api-version");
    if (version.isEmpty()) {
      return new Admission.Refused(ArmError.missingApiVersion());
    }
    if (!version.get().matches("\\d{4}-\\d{2}-\\d{2}(-preview)?")) {
      return new Admission.Refused(ArmError.invalidApiVersion(version.get(), family.versions()));
    }
    if (!family.supports(version.get())) {
      return new Admission.Refused(ArmError.noRegisteredProvider(location, version.get(), typeForErrors,
          family.versions()));
    }
    ThrottleDecision decision = throttling.arm(subscriptionId, caller.objectId(), RequestKind.of(request.method()));
    return switch (decision) {
      case ThrottleDecision.Throttled t -> {
        counters.increment("arm_429");
        yield new Admission.Refused(t.response());
      }
      case ThrottleDecision.Allowed a -> new Admission.Admitted(caller, version.get(), a.headers());
    };
  }

  private static SimResponse wrongTenant(String tokenTenant, String subscriptionTenant) {
    return ArmError.of(401, "InvalidAuthenticationTokenTenant", "The access token is from the wrong issuer "
        + "'https://sts.windows.net/" + tokenTenant + "/'. It must match the tenant 'https://sts.windows.net/"
        + subscriptionTenant + "/' associated with this subscription. Please use the authority (URL) "
        + "'https://login.windows.net/" + subscriptionTenant + "' to get the token. Note, if the subscription is "
        + "transferred to another tenant there is no impact to the services, but information about new tenant could "
        + "take time to propagate (up to an hour). If you just transferred your subscription and see this error "
        + "message, please try back later.");
  }
}
