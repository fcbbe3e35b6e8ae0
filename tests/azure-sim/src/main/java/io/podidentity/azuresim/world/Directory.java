package io.podidentity.azuresim.world;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Tenants, subscriptions, resource groups and app registrations: the directory and the containers every resource
 * lives in. Keys are case-insensitive, as in Azure.
 */
public final class Directory {
  private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
  private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, ResourceGroup> resourceGroups = new ConcurrentHashMap<>();
  private final Map<String, Application> applications = new ConcurrentHashMap<>();
  // A multi-tenant app's service principals outside its home tenant, keyed by app id and tenant id.
  private final Map<String, String> foreignServicePrincipals = new ConcurrentHashMap<>();

  public Tenant put(Tenant tenant) {
    tenants.put(key(tenant.id()), tenant);
    return tenant;
  }

  public Subscription put(Subscription subscription) {
    if (tenant(subscription.tenantId()).isEmpty()) {
      throw new IllegalArgumentException("unknown tenant " + subscription.tenantId());
    }
    subscriptions.put(key(subscription.id()), subscription);
    return subscription;
  }

  public ResourceGroup put(ResourceGroup group) {
    if (subscription(group.subscriptionId()).isEmpty()) {
      throw new IllegalArgumentException("unknown subscription " + group.subscriptionId());
    }
    return resourceGroups.merge(groupKey(group.subscriptionId(), group.name()), group, (old, neu) -> old);
  }

  public Application put(Application application) {
    if (tenant(application.tenantId()).isEmpty()) {
      throw new IllegalArgumentException("unknown tenant " + application.tenantId());
    }
    applications.put(key(application.appId()), application);
    return application;
  }

  public Application updateApplication(String appId, UnaryOperator<Application> change) {
    Application updated = applications.computeIfPresent(key(appId), (k, app) -> change.apply(app));
    if (updated == null) {
      throw new IllegalArgumentException("unknown application " + appId);
    }
    return updated;
  }

  /**
   * Records a multi-tenant app's service principal in another tenant, as admin consent there creates it; returns
   * its object id (a repeat returns the first).
   */
  public String consent(String appId, String tenantId, String servicePrincipalId) {
    Application app = application(appId).orElseThrow(() -> new IllegalArgumentException("unknown application "
        + appId));
    if (tenant(tenantId).isEmpty()) {
      throw new IllegalArgumentException("unknown tenant " + tenantId);
    }
    if (app.tenantId().equalsIgnoreCase(tenantId)) {
      return app.servicePrincipalId();
    }
    return foreignServicePrincipals.computeIfAbsent(key(appId) + "/" + key(tenantId), k -> servicePrincipalId);
  }

  /** The object id of the app's service principal in {@code tenantId}: its home one, or one created by consent. */
  public Optional<String> servicePrincipalIn(String appId, String tenantId) {
    return application(appId).flatMap(app -> app.tenantId().equalsIgnoreCase(tenantId)
        ? Optional.of(app.servicePrincipalId())
        : Optional.ofNullable(foreignServicePrincipals.get(key(appId) + "/" + key(tenantId))));
  }

  public Optional<Tenant> tenant(String id) {
    return Optional.ofNullable(tenants.get(key(id)));
  }

  public Optional<Subscription> subscription(String id) {
    return Optional.ofNullable(subscriptions.get(key(id)));
  }

  public Optional<ResourceGroup> resourceGroup(String subscriptionId, String name) {
    return Optional.ofNullable(resourceGroups.get(groupKey(subscriptionId, name)));
  }

  public Optional<Application> application(String appId) {
    return Optional.ofNullable(applications.get(key(appId)));
  }

  public Optional<Application> applicationByServicePrincipal(String objectId) {
    return applications.values().stream().filter(a -> a.servicePrincipalId().equalsIgnoreCase(objectId)).findFirst();
  }

  public Collection<Tenant> tenants() {
    return List.copyOf(tenants.values());
  }

  public Collection<Subscription> subscriptions() {
    return List.copyOf(subscriptions.values());
  }

  public Collection<ResourceGroup> resourceGroups() {
    return List.copyOf(resourceGroups.values());
  }

  public Collection<Application> applications() {
    return List.copyOf(applications.values());
  }

  private static String key(String id) {
    return id == null ? "" : id.toLowerCase(Locale.ROOT);
  }

  private static String groupKey(String subscriptionId, String name) {
    return key(subscriptionId) + "/" + key(name);
  }
}
