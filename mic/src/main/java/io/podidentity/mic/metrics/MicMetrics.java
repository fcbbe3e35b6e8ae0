package io.podidentity.mic.metrics;

import io.podidentity.runtime.metrics.Counter;
import io.podidentity.runtime.metrics.Histogram;
import io.podidentity.runtime.metrics.MetricsRegistry;
import java.time.Duration;

/**
 * MIC's Prometheus metrics under the original's names, kinds, labels and buckets (§3.10), so existing dashboards
 * and alerts keep working, plus a throttling counter the original did not have.
 */
public final class MicMetrics {
  /** Buckets of the assigned identity add, delete and update durations. */
  static final double[] ASSIGNED_IDENTITY_BUCKETS =
      {0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 2, 3, 4, 5, 10};
  /** Buckets of the MIC cycle and cloud provider operation durations. */
  static final double[] CYCLE_BUCKETS = {0.5, 1, 5, 10, 30, 60, 120, 300, 600, 900, 1200};

  private final MetricsRegistry registry;
  private final Histogram additionDuration;
  private final Counter additionCount;
  private final Histogram deletionDuration;
  private final Counter deletionCount;
  private final Histogram updateDuration;
  private final Counter updateCount;
  private final Histogram cycleDuration;
  private final Counter cycleCount;
  private final Counter newLeaderElections;
  private final Counter cloudErrors;
  private final Histogram cloudDuration;
  private final Counter cloudThrottled;
  private final Counter kubernetesErrors;

  public MicMetrics() {
    this(new MetricsRegistry("aadpodidentity_"));
  }

  public MicMetrics(MetricsRegistry registry) {
    this.registry = registry;
    additionDuration = registry.histogram("assigned_identity_addition_duration_seconds",
        "Duration in seconds of an AzureAssignedIdentity creation", ASSIGNED_IDENTITY_BUCKETS);
    additionCount = registry.counter("assigned_identity_addition_count", "Number of AzureAssignedIdentities created");
    deletionDuration = registry.histogram("assigned_identity_deletion_duration_seconds",
        "Duration in seconds of an AzureAssignedIdentity deletion", ASSIGNED_IDENTITY_BUCKETS);
    deletionCount = registry.counter("assigned_identity_deletion_count", "Number of AzureAssignedIdentities deleted");
    updateDuration = registry.histogram("assigned_identity_update_duration_seconds",
        "Duration in seconds of an AzureAssignedIdentity update", ASSIGNED_IDENTITY_BUCKETS);
    updateCount = registry.counter("assigned_identity_update_count", "Number of AzureAssignedIdentities updated");
    cycleDuration = registry.histogram("mic_cycle_duration_seconds", "Duration in seconds of a MIC sync cycle",
        CYCLE_BUCKETS);
    cycleCount = registry.counter("mic_cycle_count", "Number of MIC sync cycles that did work");
    newLeaderElections = registry.counter("mic_new_leader_election_count", "Number of MIC leader elections started");
    cloudErrors = registry.counter("cloud_provider_operations_errors_count",
        "Number of failed cloud provider operations", "operation_type");
    cloudDuration = registry.histogram("cloud_provider_operations_duration_seconds",
        "Duration in seconds of successful cloud provider operations", CYCLE_BUCKETS, "operation_type");
    cloudThrottled = registry.counter("cloud_provider_operations_throttled_count",
        "Number of cloud provider operations throttled by ARM or held back by MIC", "operation_type");
    kubernetesErrors = registry.counter("kubernetes_api_operations_errors_count",
        "Number of failed Kubernetes API operations", "operation_type");
  }

  public void assignedIdentityAdded(Duration took) {
    additionDuration.observe(took);
    additionCount.inc();
  }

  public void assignedIdentityDeleted(Duration took) {
    deletionDuration.observe(took);
    deletionCount.inc();
  }

  public void assignedIdentityUpdated(Duration took) {
    updateDuration.observe(took);
    updateCount.inc();
  }

  public void cycle(Duration took) {
    cycleDuration.observe(took);
    cycleCount.inc();
  }

  public void newLeaderElection() {
    newLeaderElections.inc();
  }

  /** {@code operation}: {@code vm_get}, {@code vm_update}, {@code vmss_get} or {@code vmss_update}. */
  public void cloudOperation(String operation, Duration took) {
    cloudDuration.labels(operation).observe(took);
  }

  public void cloudOperationFailed(String operation) {
    cloudErrors.labels(operation).inc();
  }

  public void cloudOperationThrottled(String operation) {
    cloudThrottled.labels(operation).inc();
  }

  /**
   * {@code operation}: {@code assigned_identity_addition}, {@code assigned_identity_deletion}, {@code
   * assigned_identity_update} or {@code update_azure_assigned_identity_status}.
   */
  public void kubernetesOperationFailed(String operation) {
    kubernetesErrors.labels(operation).inc();
  }

  /** The whole registry in Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }
}
