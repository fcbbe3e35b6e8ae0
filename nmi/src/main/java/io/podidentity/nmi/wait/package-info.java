/**
 * Waiting without holding a thread per request: a request that must wait (its pod not cached yet, its identity not
 * yet assigned) registers a re-check that runs on cache changes and at the original's interval, and ends when it
 * decides or when the client hangs up.
 */
package io.podidentity.nmi.wait;
