package io.podidentity.azuresim.arm;

import io.podidentity.azuresim.http.Router;
import io.podidentity.azuresim.http.SimRequest;
import io.podidentity.azuresim.http.SimResponse;
import io.podidentity.azuresim.world.ScaleSet;
import io.podidentity.azuresim.world.VirtualMachine;

/**
 * The routes of the simulated Resource Manager and the operation names they count under ({@code vm_get},
 * {@code vmss_patch}, {@code identity_get}, {@code compute_operation}, ...).
 */
public final class ArmService {
  private static final String RG = "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/";
  private static final String SUB = "/subscriptions/{subscriptionId}/providers/";

  private ArmService() {}

  public static Router router(ArmContext ctx) {
    ComputeApi<VirtualMachine> vms = new ComputeApi<>(new VirtualMachineKind(), ctx);
    ComputeApi<ScaleSet> scaleSets = new ComputeApi<>(new ScaleSetKind(), ctx);
    ComputeLists<VirtualMachine> vmLists = new ComputeLists<>(vms.kind(), ctx);
    ComputeLists<ScaleSet> ssLists = new ComputeLists<>(scaleSets.kind(), ctx);
    ScaleSetVmApi instances = new ScaleSetVmApi(ctx);
    UserAssignedIdentityApi identities = new UserAssignedIdentityApi(ctx);
    OperationStatusApi operations = new OperationStatusApi(ctx);
    RoleAssignmentApi roles = new RoleAssignmentApi(ctx);
    String authorization = "/{scope*}/providers/Microsoft.Authorization/";
    String vm = RG + "Microsoft.Compute/virtualMachines";
    String ss = RG + "Microsoft.Compute/virtualMachineScaleSets";
    String uami = RG + "Microsoft.ManagedIdentity/userAssignedIdentities";
    return new Router()
        .add("GET", vm + "/{name}", "vm_get", vms::get)
        .add("PUT", vm + "/{name}", "vm_put", vms::put)
        .add("PATCH", vm + "/{name}", "vm_patch", vms::patch)
        .add("GET", vm, "vm_list", vmLists::byResourceGroup)
        .add("GET", SUB + "Microsoft.Compute/virtualMachines", "vm_list_all", vmLists::bySubscription)
        .add("GET", ss + "/{name}/virtualMachines/{instanceId}", "vmss_vm_get", instances::get)
        .add("GET", ss + "/{name}/virtualMachines", "vmss_vm_list", instances::list)
        .add("GET", ss + "/{name}", "vmss_get", scaleSets::get)
        .add("PUT", ss + "/{name}", "vmss_put", scaleSets::put)
        .add("PATCH", ss + "/{name}", "vmss_patch", scaleSets::patch)
        .add("GET", ss, "vmss_list", ssLists::byResourceGroup)
        .add("GET", SUB + "Microsoft.Compute/virtualMachineScaleSets", "vmss_list_all", ssLists::bySubscription)
        .add("GET", SUB + "Microsoft.Compute/locations/{location}/operations/{operationId}", "compute_operation",
            operations::status)
        .add("GET", SUB + "Microsoft.Compute/locations/{location}/operationResults/{operationId}",
            "compute_operation_result", operations::result)
        .add("GET", uami + "/{name}", "identity_get", identities::get)
        .add("PUT", uami + "/{name}", "identity_put", identities::put)
        .add("DELETE", uami + "/{name}", "identity_delete", identities::delete)
        .add("GET", uami, "identity_list", identities::listByResourceGroup)
        .add("GET", SUB + "Microsoft.ManagedIdentity/userAssignedIdentities", "identity_list_all",
            identities::listBySubscription)
        .add("GET", authorization + "roleAssignments/{name}", "role_assignment_get", roles::get)
        .add("PUT", authorization + "roleAssignments/{name}", "role_assignment_put", roles::put)
        .add("DELETE", authorization + "roleAssignments/{name}", "role_assignment_delete", roles::delete)
        .add("GET", authorization + "roleAssignments", "role_assignment_list", roles::list)
        .add("GET", authorization + "roleDefinitions/{name}", "role_definition_get", roles::getDefinition)
        .add("GET", authorization + "roleDefinitions", "role_definition_list", roles::listDefinitions);
  }

  /** What ARM answers for a path no provider serves here. */
  public static SimResponse notFound(SimRequest request) {
    return ArmError.of(404, "NotFound", "The requested resource '" + request.path() + "' was not found.");
  }
}
