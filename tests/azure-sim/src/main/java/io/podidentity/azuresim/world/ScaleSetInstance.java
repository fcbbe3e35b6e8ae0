package io.podidentity.azuresim.world;

/** One VM of a scale set; it shares the scale set's identity block and has its own IMDS. */
public record ScaleSetInstance(String instanceId, String vmId, String computerName, String privateIp,
    String macAddress, ImdsBinding imds) {}
