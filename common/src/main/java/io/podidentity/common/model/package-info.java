/**
 * Domain records for identities, bindings, assignments and exceptions, plus the values they are made of (client
 * IDs, ARM IDs, node compute references). Plain Java: nothing here knows Kubernetes, Gson or Azure SDK types, so
 * the decision cores can be tested with records alone. Parsing outside text never throws; it returns {@link
 * io.podidentity.common.model.Mapped}.
 */
package io.podidentity.common.model;
