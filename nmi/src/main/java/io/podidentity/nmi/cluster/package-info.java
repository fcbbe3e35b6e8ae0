/**
 * The port through which NMI sees its node's part of the cluster (pods, assigned identities or bindings and
 * identities, exceptions, service principals' Secrets) and hears about changes; the informer-backed adapter lives
 * in {@code io.podidentity.nmi.kubernetes}, an in-memory one in the tests.
 */
package io.podidentity.nmi.cluster;
