package io.podidentity.azuresim.world;

import java.util.List;

/**
 * The built-in Azure roles that matter for pod identity, with their real role-definition GUIDs. Action lists are
 * those of the published definitions, trimmed to the resource providers the simulator serves (Compute, Managed
 * Identity, Authorization, Resources); the trimmed entries grant nothing the simulator could check.
 */
public final class BuiltInRoles {
  public static final RoleDefinition OWNER = new RoleDefinition("8e3af657-a8ff-443c-a75c-2fe8c4bcb635", "Owner",
      "Grants full access to manage all resources, including the ability to assign roles in Azure RBAC.",
      List.of("*"), List.of());

  public static final RoleDefinition CONTRIBUTOR = new RoleDefinition("b24988ac-6180-42a0-ab88-20f7382dd24c",
      "Contributor",
      "Grants full access to manage all resources, but does not allow you to assign roles in Azure RBAC.",
      List.of("*"),
      List.of("Microsoft.Authorization/*/Delete", "Microsoft.Authorization/*/Write",
          "Microsoft.Authorization/elevateAccess/Action", "Microsoft.Blueprint/blueprintAssignments/write",
          "Microsoft.Blueprint/blueprintAssignments/delete", "Microsoft.Compute/galleries/share/action",
          "Microsoft.Purview/consents/write", "Microsoft.Purview/consents/delete",
          "Microsoft.Resources/deploymentStacks/manageDenySetting/action", "Microsoft.Subscription/cancel/action",
          "Microsoft.Subscription/enable/action"));

  public static final RoleDefinition READER = new RoleDefinition("acdd72a7-3385-48ef-bd42-f606fba81ae7", "Reader",
      "View all resources, but does not allow you to make any changes.", List.of("*/read"), List.of());

  public static final RoleDefinition USER_ACCESS_ADMINISTRATOR = new RoleDefinition(
      "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", "User Access Administrator",
      "Lets you manage user access to Azure resources.",
      List.of("*/read", "Microsoft.Authorization/*", "Microsoft.Support/*"), List.of());

  public static final RoleDefinition VIRTUAL_MACHINE_CONTRIBUTOR = new RoleDefinition(
      "9980e02c-c2be-4d73-94e8-173b1dc7cf3c", "Virtual Machine Contributor",
      "Create and manage virtual machines, manage disks, install and run software, reset password of the root user "
          + "of the virtual machine using VM extensions, and manage local user accounts using VM extensions.",
      List.of("Microsoft.Authorization/*/read", "Microsoft.Compute/availabilitySets/*", "Microsoft.Compute/locations/*",
          "Microsoft.Compute/virtualMachines/*", "Microsoft.Compute/virtualMachineScaleSets/*",
          "Microsoft.Compute/cloudServices/*", "Microsoft.Compute/disks/write", "Microsoft.Compute/disks/read",
          "Microsoft.Compute/disks/delete", "Microsoft.Insights/alertRules/*", "Microsoft.Network/locations/*",
          "Microsoft.Network/networkInterfaces/*", "Microsoft.Network/virtualNetworks/read",
          "Microsoft.Network/virtualNetworks/subnets/join/action", "Microsoft.ResourceHealth/availabilityStatuses/read",
          "Microsoft.Resources/deployments/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
          "Microsoft.Storage/storageAccounts/listKeys/action", "Microsoft.Storage/storageAccounts/read",
          "Microsoft.Support/*"),
      List.of());

  public static final RoleDefinition MANAGED_IDENTITY_OPERATOR = new RoleDefinition(
      "f1a07417-d97a-45cb-824c-7a7467783830", "Managed Identity Operator", "Read and Assign User Assigned Identity",
      List.of("Microsoft.ManagedIdentity/userAssignedIdentities/*/read",
          "Microsoft.ManagedIdentity/userAssignedIdentities/*/assign/action", "Microsoft.Authorization/*/read",
          "Microsoft.Insights/alertRules/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
          "Microsoft.Resources/deployments/*", "Microsoft.Support/*"),
      List.of());

  public static final RoleDefinition MANAGED_IDENTITY_CONTRIBUTOR = new RoleDefinition(
      "e40ec5ca-96e0-45a2-b4ff-59039f2c2b59", "Managed Identity Contributor",
      "Create, Read, Update, and Delete User Assigned Identity",
      List.of("Microsoft.ManagedIdentity/userAssignedIdentities/*/read",
          "Microsoft.ManagedIdentity/userAssignedIdentities/*/write",
          "Microsoft.ManagedIdentity/userAssignedIdentities/*/delete", "Microsoft.Authorization/*/read",
          "Microsoft.Insights/alertRules/*", "Microsoft.Resources/subscriptions/resourceGroups/read",
          "Microsoft.Resources/deployments/*", "Microsoft.Support/*"),
      List.of());

  public static final List<RoleDefinition> ALL = List.of(OWNER, CONTRIBUTOR, READER, USER_ACCESS_ADMINISTRATOR,
      VIRTUAL_MACHINE_CONTRIBUTOR, MANAGED_IDENTITY_OPERATOR, MANAGED_IDENTITY_CONTRIBUTOR);

  private BuiltInRoles() {}
}
