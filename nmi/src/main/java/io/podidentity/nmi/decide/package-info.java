/**
 * NMI's pure decision core: which route a raw request target takes, what a token request asks for, which pod is
 * calling, and which identity (if any) it may have a token for, with the original's wait semantics expressed as an
 * attempt number. Records in, records out: no I/O, no clock, no logging, no exceptions for expected outcomes.
 */
package io.podidentity.nmi.decide;
