package io.podidentity.mic.kubernetes;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import java.util.function.BiPredicate;

/** An informer handler that only marks the sync loop dirty: adds and deletes always, updates when they matter. */
final class TriggeringHandler<T extends KubernetesObject> implements ResourceEventHandler<T> {
  private final Runnable onChange;
  private final BiPredicate<T, T> updateMatters;

  TriggeringHandler(Runnable onChange, BiPredicate<T, T> updateMatters) {
    this.onChange = onChange;
    this.updateMatters = updateMatters;
  }

  @Override
  public void onAdd(T obj) {
    onChange.run();
  }

  @Override
  public void onUpdate(T oldObj, T newObj) {
    if (updateMatters.test(oldObj, newObj)) {
      onChange.run();
    }
  }

  @Override
  public void onDelete(T obj, boolean deletedFinalStateUnknown) {
    onChange.run();
  }
}
