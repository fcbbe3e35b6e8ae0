/** Plain-Java model and decision cores shared by MIC and NMI. */
package io.podidentity.common;
