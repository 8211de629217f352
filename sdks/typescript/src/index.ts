import { CloudNexus } from './client.js';

export { CloudNexus };
export default CloudNexus;
export type { ClientOptions, RequestOptions } from './core/config.js';
export {
  CloudNexusError,
  APIError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  UnprocessableEntityError,
  RateLimitError,
  InternalServerError,
  APIConnectionError,
  APITimeoutError,
  ActionFailedError,
  type ErrorReason,
} from './core/errors.js';
export { Page, PagePromise, type PageParams } from './core/pagination.js';
export type { WaitOptions, WaitableOptions } from './core/wait.js';
export type { ActionListParams } from './resources/actions.js';
export type { DatabaseListParams, DatabaseMetricsParams, DatabaseOperationResult } from './resources/databases.js';
export type { EventListParams } from './resources/events.js';
/** `webhooks.verify(payload, header, secret, { tolerance })`: checks a delivery's signature. */
export * as webhooks from './webhooks/verify.js';
export { WebhookVerificationError, type VerifyOptions } from './webhooks/verify.js';
export type { InstanceListParams, InstanceMetricsParams, OperationResult } from './resources/instances.js';
export type { ContainerImageListParams, ContainerImageUpload } from './resources/container-images.js';
export type { ContainerListParams, ContainerMetricsParams, ContainerOperationResult } from './resources/containers.js';
export type { VpcListParams } from './resources/vpcs.js';
export type { NetworkListParams } from './resources/networks.js';
export type { FirewallListParams } from './resources/firewalls.js';
export type { LoadBalancerListParams, LoadBalancerOperationResult } from './resources/load-balancers.js';
export type { FunctionListParams, FunctionOperationResult, InvokeOptions } from './resources/functions.js';
export type { ReservedIpListParams, ReservedIpOperationResult } from './resources/reserved-ips.js';
export type { VolumeListParams, VolumeOperationResult } from './resources/volumes.js';
export type { SnapshotListParams } from './resources/snapshots.js';
export type { ImageListParams } from './resources/images.js';
export type * from './models.js';
export { VERSION } from './version.js';
