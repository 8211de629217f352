// Generated from spec/openapi.json by scripts/generate-models.mjs; do not edit by hand.

import type * as models from '../models.js';

/** Each operation of spec/openapi.json: its HTTP method and its path template (relative to the base URL). */
export const operations = {
  listRegions: { method: 'GET', path: '/regions' },
  getRegion: { method: 'GET', path: '/regions/{id}' },
  listPlans: { method: 'GET', path: '/plans' },
  getPlan: { method: 'GET', path: '/plans/{id}' },
  listDatabaseEngines: { method: 'GET', path: '/database_engines' },
  getDatabaseEngine: { method: 'GET', path: '/database_engines/{id}' },
  listImages: { method: 'GET', path: '/images' },
  getImage: { method: 'GET', path: '/images/{id}' },
  deleteImage: { method: 'DELETE', path: '/images/{id}' },
  getAccount: { method: 'GET', path: '/account' },
  listApiKeys: { method: 'GET', path: '/api_keys' },
  createApiKey: { method: 'POST', path: '/api_keys' },
  getApiKey: { method: 'GET', path: '/api_keys/{id}' },
  patchApiKey: { method: 'PATCH', path: '/api_keys/{id}' },
  revokeApiKey: { method: 'DELETE', path: '/api_keys/{id}' },
  rotateApiKey: { method: 'POST', path: '/api_keys/{id}/rotate' },
  listSshKeys: { method: 'GET', path: '/ssh_keys' },
  createSshKey: { method: 'POST', path: '/ssh_keys' },
  getSshKey: { method: 'GET', path: '/ssh_keys/{id}' },
  patchSshKey: { method: 'PATCH', path: '/ssh_keys/{id}' },
  deleteSshKey: { method: 'DELETE', path: '/ssh_keys/{id}' },
  listInstances: { method: 'GET', path: '/instances' },
  createInstance: { method: 'POST', path: '/instances' },
  getInstance: { method: 'GET', path: '/instances/{id}' },
  patchInstance: { method: 'PATCH', path: '/instances/{id}' },
  deleteInstance: { method: 'DELETE', path: '/instances/{id}' },
  restartInstance: { method: 'PUT', path: '/instances/{id}/restart' },
  stopInstance: { method: 'PUT', path: '/instances/{id}/stop' },
  shutdownInstance: { method: 'PUT', path: '/instances/{id}/shutdown' },
  powerCycleInstance: { method: 'PUT', path: '/instances/{id}/power_cycle' },
  startInstance: { method: 'PUT', path: '/instances/{id}/start' },
  resizeInstance: { method: 'PUT', path: '/instances/{id}/resize' },
  snapshotInstance: { method: 'POST', path: '/instances/{id}/snapshot' },
  rebuildInstance: { method: 'PUT', path: '/instances/{id}/rebuild' },
  getInstanceMetrics: { method: 'GET', path: '/instances/{id}/metrics' },
  getInstanceConsole: { method: 'GET', path: '/instances/{id}/console' },
  listInstanceActions: { method: 'GET', path: '/instances/{id}/actions' },
  listVpcs: { method: 'GET', path: '/vpcs' },
  createVpc: { method: 'POST', path: '/vpcs' },
  getVpc: { method: 'GET', path: '/vpcs/{id}' },
  updateVpc: { method: 'PUT', path: '/vpcs/{id}' },
  patchVpc: { method: 'PATCH', path: '/vpcs/{id}' },
  deleteVpc: { method: 'DELETE', path: '/vpcs/{id}' },
  listNetworks: { method: 'GET', path: '/networks' },
  createNetwork: { method: 'POST', path: '/networks' },
  getNetwork: { method: 'GET', path: '/networks/{id}' },
  patchNetwork: { method: 'PATCH', path: '/networks/{id}' },
  deleteNetwork: { method: 'DELETE', path: '/networks/{id}' },
  listFirewalls: { method: 'GET', path: '/firewalls' },
  createFirewall: { method: 'POST', path: '/firewalls' },
  getFirewall: { method: 'GET', path: '/firewalls/{id}' },
  replaceFirewall: { method: 'PUT', path: '/firewalls/{id}' },
  patchFirewall: { method: 'PATCH', path: '/firewalls/{id}' },
  deleteFirewall: { method: 'DELETE', path: '/firewalls/{id}' },
  getInstanceFirewallRules: { method: 'GET', path: '/instances/{id}/firewall_rules' },
  listLoadBalancers: { method: 'GET', path: '/load_balancers' },
  createLoadBalancer: { method: 'POST', path: '/load_balancers' },
  getLoadBalancer: { method: 'GET', path: '/load_balancers/{id}' },
  updateLoadBalancer: { method: 'PUT', path: '/load_balancers/{id}' },
  patchLoadBalancer: { method: 'PATCH', path: '/load_balancers/{id}' },
  deleteLoadBalancer: { method: 'DELETE', path: '/load_balancers/{id}' },
  listReservedIps: { method: 'GET', path: '/reserved_ips' },
  createReservedIp: { method: 'POST', path: '/reserved_ips' },
  getReservedIp: { method: 'GET', path: '/reserved_ips/{id}' },
  patchReservedIp: { method: 'PATCH', path: '/reserved_ips/{id}' },
  deleteReservedIp: { method: 'DELETE', path: '/reserved_ips/{id}' },
  assignReservedIp: { method: 'PUT', path: '/reserved_ips/{id}/assign' },
  unassignReservedIp: { method: 'PUT', path: '/reserved_ips/{id}/unassign' },
  listVolumes: { method: 'GET', path: '/volumes' },
  createVolume: { method: 'POST', path: '/volumes' },
  getVolume: { method: 'GET', path: '/volumes/{id}' },
  patchVolume: { method: 'PATCH', path: '/volumes/{id}' },
  deleteVolume: { method: 'DELETE', path: '/volumes/{id}' },
  attachVolume: { method: 'PUT', path: '/volumes/{id}/attach' },
  detachVolume: { method: 'PUT', path: '/volumes/{id}/detach' },
  resizeVolume: { method: 'PUT', path: '/volumes/{id}/resize' },
  createSnapshot: { method: 'POST', path: '/volumes/{id}/snapshots' },
  listSnapshots: { method: 'GET', path: '/snapshots' },
  getSnapshot: { method: 'GET', path: '/snapshots/{id}' },
  patchSnapshot: { method: 'PATCH', path: '/snapshots/{id}' },
  deleteSnapshot: { method: 'DELETE', path: '/snapshots/{id}' },
  listBackupPolicies: { method: 'GET', path: '/backup_policies' },
  createBackupPolicy: { method: 'POST', path: '/backup_policies' },
  getBackupPolicy: { method: 'GET', path: '/backup_policies/{id}' },
  updateBackupPolicy: { method: 'PUT', path: '/backup_policies/{id}' },
  patchBackupPolicy: { method: 'PATCH', path: '/backup_policies/{id}' },
  deleteBackupPolicy: { method: 'DELETE', path: '/backup_policies/{id}' },
  listDatabases: { method: 'GET', path: '/databases' },
  createDatabase: { method: 'POST', path: '/databases' },
  getDatabase: { method: 'GET', path: '/databases/{id}' },
  updateDatabase: { method: 'PATCH', path: '/databases/{id}' },
  deleteDatabase: { method: 'DELETE', path: '/databases/{id}' },
  resizeDatabase: { method: 'PUT', path: '/databases/{id}/resize' },
  resetDatabasePassword: { method: 'PUT', path: '/databases/{id}/reset_password' },
  getDatabaseMetrics: { method: 'GET', path: '/databases/{id}/metrics' },
  listDatabaseUsers: { method: 'GET', path: '/databases/{id}/users' },
  createDatabaseUser: { method: 'POST', path: '/databases/{id}/users' },
  deleteDatabaseUser: { method: 'DELETE', path: '/databases/{id}/users/{name}' },
  listDatabaseBackups: { method: 'GET', path: '/databases/{id}/backups' },
  listFunctionRuntimes: { method: 'GET', path: '/function_runtimes' },
  listFunctions: { method: 'GET', path: '/functions' },
  createFunction: { method: 'POST', path: '/functions' },
  getFunction: { method: 'GET', path: '/functions/{id}' },
  updateFunction: { method: 'PUT', path: '/functions/{id}' },
  patchFunction: { method: 'PATCH', path: '/functions/{id}' },
  deleteFunction: { method: 'DELETE', path: '/functions/{id}' },
  invokeFunction: { method: 'POST', path: '/functions/{id}/invoke' },
  listFunctionInvocations: { method: 'GET', path: '/functions/{id}/invocations' },
  getFunctionInvocation: { method: 'GET', path: '/functions/{id}/invocations/{inv_id}' },
  listContainerImages: { method: 'GET', path: '/container_images' },
  uploadContainerImage: { method: 'POST', path: '/container_images' },
  getContainerImage: { method: 'GET', path: '/container_images/{id}' },
  deleteContainerImage: { method: 'DELETE', path: '/container_images/{id}' },
  listContainers: { method: 'GET', path: '/containers' },
  createContainer: { method: 'POST', path: '/containers' },
  getContainer: { method: 'GET', path: '/containers/{id}' },
  patchContainer: { method: 'PATCH', path: '/containers/{id}' },
  deleteContainer: { method: 'DELETE', path: '/containers/{id}' },
  restartContainer: { method: 'PUT', path: '/containers/{id}/restart' },
  stopContainer: { method: 'PUT', path: '/containers/{id}/stop' },
  startContainer: { method: 'PUT', path: '/containers/{id}/start' },
  getContainerLogs: { method: 'GET', path: '/containers/{id}/logs' },
  getContainerMetrics: { method: 'GET', path: '/containers/{id}/metrics' },
  listActions: { method: 'GET', path: '/actions' },
  getAction: { method: 'GET', path: '/actions/{id}' },
  listEvents: { method: 'GET', path: '/events' },
  getEvent: { method: 'GET', path: '/events/{id}' },
  listWebhooks: { method: 'GET', path: '/webhooks' },
  createWebhook: { method: 'POST', path: '/webhooks' },
  getWebhook: { method: 'GET', path: '/webhooks/{id}' },
  updateWebhook: { method: 'PUT', path: '/webhooks/{id}' },
  deleteWebhook: { method: 'DELETE', path: '/webhooks/{id}' },
  listWebhookDeliveries: { method: 'GET', path: '/webhooks/{id}/deliveries' },
  testWebhook: { method: 'POST', path: '/webhooks/{id}/test' },
} as const;

/** The operationId of an operation in spec/openapi.json. */
export type OperationId = keyof typeof operations;

/** What each operation answers with when it succeeds (`void` for an empty 204). */
export interface OperationResponses {
  listRegions: models.RegionList;
  getRegion: models.Region;
  listPlans: models.PlanList;
  getPlan: models.Plan;
  listDatabaseEngines: models.DatabaseEngineList;
  getDatabaseEngine: models.DatabaseEngine;
  listImages: models.ImageList;
  getImage: models.Image;
  deleteImage: models.ImageDeleteAccepted;
  getAccount: models.Account;
  listApiKeys: models.ApiKeyList;
  createApiKey: models.CreatedApiKey;
  getApiKey: models.ApiKey;
  patchApiKey: models.ApiKey;
  revokeApiKey: models.ApiKey;
  rotateApiKey: models.CreatedApiKey;
  listSshKeys: models.SshKeyList;
  createSshKey: models.SshKey;
  getSshKey: models.SshKey;
  patchSshKey: models.SshKey;
  deleteSshKey: void;
  listInstances: models.InstanceList;
  createInstance: models.Instance;
  getInstance: models.Instance;
  patchInstance: models.Instance;
  deleteInstance: models.InstanceActionAccepted;
  restartInstance: models.InstanceActionAccepted;
  stopInstance: models.InstanceActionAccepted;
  shutdownInstance: models.InstanceActionAccepted;
  powerCycleInstance: models.InstanceActionAccepted;
  startInstance: models.InstanceActionAccepted;
  resizeInstance: models.InstanceActionAccepted;
  snapshotInstance: models.InstanceSnapshotAccepted;
  rebuildInstance: models.InstanceActionAccepted;
  getInstanceMetrics: models.InstanceMetrics;
  getInstanceConsole: models.InstanceConsole;
  listInstanceActions: models.ActionList;
  listVpcs: models.VpcList;
  createVpc: models.Vpc;
  getVpc: models.Vpc;
  updateVpc: models.Vpc;
  patchVpc: models.Vpc;
  deleteVpc: void;
  listNetworks: models.NetworkList;
  createNetwork: models.Network;
  getNetwork: models.Network;
  patchNetwork: models.Network;
  deleteNetwork: void;
  listFirewalls: models.FirewallList;
  createFirewall: models.Firewall;
  getFirewall: models.Firewall;
  replaceFirewall: models.Firewall;
  patchFirewall: models.Firewall;
  deleteFirewall: void;
  getInstanceFirewallRules: models.InstanceFirewallRules;
  listLoadBalancers: models.LoadBalancerList;
  createLoadBalancer: models.LoadBalancer;
  getLoadBalancer: models.LoadBalancer;
  updateLoadBalancer: models.LoadBalancerAccepted;
  patchLoadBalancer: models.LoadBalancer;
  deleteLoadBalancer: models.LoadBalancerAccepted;
  listReservedIps: models.ReservedIpList;
  createReservedIp: models.ReservedIp;
  getReservedIp: models.ReservedIp;
  patchReservedIp: models.ReservedIp;
  deleteReservedIp: void;
  assignReservedIp: models.ReservedIpActionAccepted;
  unassignReservedIp: models.ReservedIpActionAccepted;
  listVolumes: models.VolumeList;
  createVolume: models.Volume;
  getVolume: models.Volume;
  patchVolume: models.Volume;
  deleteVolume: models.VolumeActionAccepted;
  attachVolume: models.VolumeActionAccepted;
  detachVolume: models.VolumeActionAccepted;
  resizeVolume: models.VolumeActionAccepted;
  createSnapshot: models.Snapshot;
  listSnapshots: models.SnapshotList;
  getSnapshot: models.Snapshot;
  patchSnapshot: models.Snapshot;
  deleteSnapshot: models.SnapshotDeleteAccepted;
  listBackupPolicies: models.BackupPolicyList;
  createBackupPolicy: models.BackupPolicy;
  getBackupPolicy: models.BackupPolicy;
  updateBackupPolicy: models.BackupPolicy;
  patchBackupPolicy: models.BackupPolicy;
  deleteBackupPolicy: void;
  listDatabases: models.DatabaseList;
  createDatabase: models.Database;
  getDatabase: models.Database;
  updateDatabase: models.Database;
  deleteDatabase: models.DatabaseActionAccepted;
  resizeDatabase: models.DatabaseActionAccepted;
  resetDatabasePassword: models.DatabasePasswordReset;
  getDatabaseMetrics: models.DatabaseMetrics;
  listDatabaseUsers: models.DatabaseUserList;
  createDatabaseUser: models.DatabaseUserCreated;
  deleteDatabaseUser: models.DatabaseActionAccepted;
  listDatabaseBackups: models.DatabaseBackupList;
  listFunctionRuntimes: models.FunctionRuntimeList;
  listFunctions: models.FunctionList;
  createFunction: models.Function;
  getFunction: models.Function;
  updateFunction: models.FunctionAccepted;
  patchFunction: models.Function;
  deleteFunction: models.FunctionAccepted;
  invokeFunction: models.FunctionInvocation | models.FunctionInvocationAccepted;
  listFunctionInvocations: models.FunctionInvocationList;
  getFunctionInvocation: models.FunctionInvocation;
  listContainerImages: models.ContainerImageList;
  uploadContainerImage: models.ContainerImage;
  getContainerImage: models.ContainerImage;
  deleteContainerImage: void;
  listContainers: models.ContainerList;
  createContainer: models.Container;
  getContainer: models.Container;
  patchContainer: models.Container;
  deleteContainer: models.ContainerActionAccepted;
  restartContainer: models.ContainerActionAccepted;
  stopContainer: models.ContainerActionAccepted;
  startContainer: models.ContainerActionAccepted;
  getContainerLogs: models.ContainerLogs;
  getContainerMetrics: models.ContainerMetrics;
  listActions: models.ActionList;
  getAction: models.Action;
  listEvents: models.EventList;
  getEvent: models.Event;
  listWebhooks: models.WebhookList;
  createWebhook: models.CreatedWebhook;
  getWebhook: models.Webhook;
  updateWebhook: models.Webhook;
  deleteWebhook: void;
  listWebhookDeliveries: models.WebhookDeliveryList;
  testWebhook: models.WebhookTestAccepted;
}
