/**
 * The {@code aadpodidentity.k8s.io/v1} wire classes (client-java model style, usable with {@code
 * GenericKubernetesApi} and informers), the mappers between them and the domain records of {@code
 * io.podidentity.common.model}, and the reader for objects stored with pre-v1.6.0 field names. The only package of
 * this module that sees Kubernetes and Gson types.
 */
package io.podidentity.common.crd;
