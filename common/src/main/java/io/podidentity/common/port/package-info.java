/**
 * What MIC's executor needs from the world, as capabilities: attach identities to VMs and scale sets ({@link
 * io.podidentity.common.port.IdentityAssigner}), keep assigned identities ({@link
 * io.podidentity.common.port.AssignedIdentityStore}) and tell people what happened ({@link
 * io.podidentity.common.port.EventSink}). Adapters live in {@code mic}; in-memory fakes in this module's test-jar.
 */
package io.podidentity.common.port;
