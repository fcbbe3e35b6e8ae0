package io.podidentity.system.demo;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.management.AzureEnvironment;
import com.azure.core.management.exception.ManagementException;
import com.azure.core.management.profile.AzureProfile;
import com.azure.identity.ManagedIdentityCredential;
import com.azure.resourcemanager.compute.ComputeManager;
import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tutorial's demo workload, an application that knows nothing of Pod Identity: it asks the managed identity
 * endpoint for an Azure Resource Manager token with azure-identity's {@code ManagedIdentityCredential}, then lists the
 * virtual machines of a resource group with it. Exit status 0 when the list worked, 3 when ARM refused it (403), 4
 * when no token could be had.
 *
 * <pre>
 * java -cp podidentity-system-tests.jar io.podidentity.system.demo.DemoMain --subscription-id ID
 *     --resource-group RG --identity-client-id ID [--arm-url URL] [--bind POD_IP] [--repeat N --interval-seconds S]
 * </pre>
 */
public final class DemoMain {
  private DemoMain() {}

  public static void main(String[] args) {
    WorkloadArgs a = WorkloadArgs.parse(args);
    ManagedIdentityCredential credential = a.credential();
    String armUrl = a.value("arm-url", "https://management.azure.com/");
    int repeat = Integer.parseInt(a.value("repeat", "1"));
    int status = 0;
    for (int i = 0; i < repeat; i++) {
      status = once(a, credential, armUrl);
      if (i + 1 < repeat) {
        WorkloadArgs.sleep(Duration.ofSeconds(Long.parseLong(a.value("interval-seconds", "10"))));
      }
    }
    System.exit(status);
  }

  private static int once(WorkloadArgs a, ManagedIdentityCredential credential, String armUrl) {
    String scope = "https://management.azure.com/.default";
    AccessToken token;
    try {
      token = credential.getTokenSync(new TokenRequestContext().addScopes(scope));
    } catch (RuntimeException e) {
      System.out.println("failed to acquire a token using the managed identity: " + e.getMessage());
      return 4;
    }
    System.out.println("successfully acquired a token using the managed identity, expires "
        + token.getExpiresAt() + ", claims " + WorkloadArgs.claimsSummary(token.getToken()));
    String rg = a.value("resource-group", "");
    try {
      // The service client's list, as the original demo's Go SDK call: the plain ARM objects, no fluent wrappers.
      List<VirtualMachineInner> vms = compute(a, credential, armUrl).serviceClient().getVirtualMachines()
          .listByResourceGroup(rg).stream().toList();
      System.out.println("vm count " + vms.size() + " in resource group " + rg);
      vms.forEach(vm -> System.out.println("  vm " + vm.name()));
      return 0;
    } catch (ManagementException e) {
      System.out.println("failed to list vms in resource group " + rg + ": status " + e.getResponse().getStatusCode()
          + " " + e.getValue().getCode() + ": " + e.getValue().getMessage());
      return e.getResponse().getStatusCode() == 403 ? 3 : 5;
    }
  }

  private static ComputeManager compute(WorkloadArgs a, ManagedIdentityCredential credential, String armUrl) {
    Map<String, String> endpoints = new HashMap<>(AzureEnvironment.AZURE.getEndpoints());
    endpoints.put("resourceManagerEndpointUrl", armUrl);
    AzureProfile profile = new AzureProfile(null, a.value("subscription-id", ""), new AzureEnvironment(endpoints));
    return ComputeManager.configure().withHttpClient(a.httpClient()).authenticate(credential, profile);
  }
}
