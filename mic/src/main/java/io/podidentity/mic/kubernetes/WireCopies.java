package io.podidentity.mic.kubernetes;

import com.google.gson.Gson;
import io.kubernetes.client.openapi.JSON;

/** Deep copies of cached objects through client-java's JSON mapping: the informer cache must never be changed. */
final class WireCopies {
  private WireCopies() {}

  static <T> T copy(T object, Class<T> type) {
    Gson gson = JSON.getGson();
    return gson.fromJson(gson.toJsonTree(object), type);
  }
}
