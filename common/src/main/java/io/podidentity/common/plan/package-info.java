/**
 * MIC's pure assignment planning: a {@link io.podidentity.common.plan.ClusterSnapshot} of records goes in, an
 * {@link io.podidentity.common.plan.AssignmentPlan} of records comes out. Also the pure parts of talking to ARM that
 * carry compatibility rules: the identity delta of a VM or scale set ({@link
 * io.podidentity.common.plan.IdentityPatches}), what a failed update still achieved ({@link
 * io.podidentity.common.plan.AssignmentVerification}) and drift repair ({@link
 * io.podidentity.common.plan.DriftRepair}). No I/O, no clock, no logging.
 */
package io.podidentity.common.plan;
