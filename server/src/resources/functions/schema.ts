import Type from 'typebox';
import { INVOCATION_ERROR_TYPES } from '../../drivers/function-driver.js';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { LabelsPatchSchema } from '../../labels/merge-patch.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { patchBody } from '../patch.js';
import { NAME_PATTERN } from '../vpcs/schema.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });

export const FUNCTION_STATUSES = ['deploying', 'active', 'errored', 'deleting'] as const;
export const INVOCATION_STATUSES = ['running', 'success', 'error', 'timeout'] as const;
/** The decoded source's cap, whether a zip or `files`. */
export const SOURCE_LIMIT_BYTES = 10 * 1024 * 1024;
/** Room for the base64 of a 10 MiB zip and the rest of the body. */
export const DEPLOY_BODY_LIMIT_BYTES = 15 * 1024 * 1024;
export const ENV_NAME_PATTERN = '^[A-Za-z_][A-Za-z0-9_]*$';

export const FunctionRuntimeSchema = named(
  'FunctionRuntime',
  Type.Object({
    id: Type.String({ examples: ['nodejs20', 'python3.11'] }),
    language: literals(['nodejs', 'python'] as const, 'The language family'),
    version: Type.String({ description: 'The interpreter version installed on the host', examples: ['20.20.2'] }),
    handler_example: Type.String({ examples: ['index.handler'] }),
  }),
);
export const FunctionRuntimeList = pageOf('FunctionRuntimeList', FunctionRuntimeSchema);

export const FunctionSchema = named(
  'Function',
  Type.Object({
    id: Type.String({ examples: ['fn_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    region: Type.String(),
    runtime: Type.String(),
    handler: Type.String(),
    memory_mb: Type.Integer(),
    timeout_s: Type.Integer(),
    max_concurrency: Type.Integer({ description: 'Invocations of this function running at once, at most' }),
    environment: Type.Array(Type.String(), { description: 'The names of its environment variables; values are write-only' }),
    network_id: Type.Union([Type.String(), Type.Null()]),
    version: Type.Integer({ description: 'The version deployed, or being deployed: 1, then one more per PUT' }),
    source_sha256: Type.String(),
    source_bytes: Type.Integer({ description: 'Size of the unpacked source' }),
    status: literals(FUNCTION_STATUSES, 'deploying → active; errored when the handler did not load'),
    error: Type.Union([Type.String(), Type.Null()], { description: "While errored: the loader's message" }),
    labels: LabelsSchema,
    created_at: Type.String({ format: 'date-time' }),
    updated_at: Type.String({ format: 'date-time' }),
  }),
);

const Name = Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63, description: 'Unique per region' });

/** What a deploy takes: the create's and the PUT's body alike (a PUT cannot move or rename). */
const Deployment = {
  runtime: Type.String({ minLength: 1, maxLength: 32, description: 'See GET /v2/function_runtimes' }),
  source: Type.Optional(Type.String({ minLength: 1, maxLength: DEPLOY_BODY_LIMIT_BYTES, contentEncoding: 'base64', description: 'A zip archive, base64; at most 10 MiB unpacked' })),
  files: Type.Optional(
    Type.Record(Type.String({ minLength: 1, maxLength: 255 }), Type.String(), { maxProperties: 100, description: 'Instead of `source`, for small functions: file path → UTF-8 content' }),
  ),
  handler: Type.String({ pattern: '^[A-Za-z0-9_][A-Za-z0-9_/-]*\\.[A-Za-z_$][A-Za-z0-9_$]*$', maxLength: 128, description: '`<module>.<function>`: index.handler (index.js) or main.handler (main.py)' }),
  memory_mb: Type.Optional(Type.Integer({ minimum: 128, maximum: 2048, default: 256 })),
  timeout_s: Type.Optional(Type.Integer({ minimum: 1, maximum: 300, default: 30 })),
  max_concurrency: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  environment: Type.Optional(
    Type.Record(Type.String({ pattern: ENV_NAME_PATTERN, maxLength: 128 }), Type.String({ maxLength: 4096 }), { maxProperties: 64, description: 'Write-only: GET shows the names only' }),
  ),
  network_id: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()], { description: 'A VPC network it may reach; without one, no network' })),
};

export const CreateFunctionBody = named(
  'CreateFunction',
  Type.Object({ name: Name, region: Type.String({ minLength: 1, maxLength: 64 }), ...Deployment, labels: Type.Optional(LabelsSchema) }, { additionalProperties: false }),
);
export const UpdateFunctionBody = named('UpdateFunction', Type.Object(Deployment, { additionalProperties: false, description: 'Deploys a new version: the source and every setting' }));

/** A PATCH changes what names and sorts a function, never what runs: that is a PUT's new version. */
export const PatchFunctionBody = patchBody('PatchFunction', { name: Name, labels: LabelsPatchSchema });

export const FunctionAccepted = named(
  'FunctionAccepted',
  Type.Object({ id: Type.String(), status: literals(FUNCTION_STATUSES, 'Lifecycle status'), message: Type.String(), action_id: Type.String(), version: Type.Integer() }),
);

export const FunctionList = pageOf('FunctionList', FunctionSchema);
export const ListFunctionsQuery = Type.Object(
  { region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), ...labelSelectorQueryProperties, ...listQueryProperties },
  { additionalProperties: false },
);

export const InvocationSchema = named(
  'FunctionInvocation',
  Type.Object({
    id: Type.String({ examples: ['inv_8f9a2b3c4d5e6f70'] }),
    function_id: Type.String(),
    version: Type.Integer(),
    status: literals(INVOCATION_STATUSES, 'running (async only), then success, error or timeout'),
    result: Type.Unknown({ description: 'What the handler returned; null unless success' }),
    error: Type.Union([Type.Object({ type: literals(INVOCATION_ERROR_TYPES, 'What went wrong'), message: Type.String() }), Type.Null()]),
    duration_ms: Type.Union([Type.Number(), Type.Null()]),
    billed_ms: Type.Union([Type.Integer(), Type.Null()], { description: 'The duration rounded up to the millisecond, at least 1' }),
    logs: Type.String({ description: "The function's stdout and stderr, at most 64 KiB" }),
    created_at: Type.String({ format: 'date-time' }),
    finished_at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  }),
);
export const InvocationAccepted = named('FunctionInvocationAccepted', Type.Object({ invocation: Type.String({ description: 'The invocation id: GET …/invocations/{inv_id}' }), status: Type.Literal('running') }));
export const InvocationList = pageOf('FunctionInvocationList', InvocationSchema);
export const InvokeQuery = Type.Object({ async: Type.Optional(Type.Boolean({ default: false, description: 'Answer 202 at once with the invocation id' })) }, { additionalProperties: false });
export const InvokeBody = Type.Unknown({ description: 'Any JSON: the event handed to the handler' });
export const ListInvocationsQuery = Type.Object(listQueryProperties, { additionalProperties: false });
export const InvocationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), inv_id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });
