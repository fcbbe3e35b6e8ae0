/** MIC's HTTP endpoints besides MicroProfile Health: the original's {@code /healthz} and {@code /metrics}. */
package io.podidentity.mic.http;
