import Type from 'typebox';
import { DATABASE_METRIC_TYPES } from '../../drivers/database-driver.js';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { LabelsSchema } from '../../labels/labels.js';
import { labelSelectorQueryProperties } from '../../labels/selector.js';
import { metricsQuerySchema, metricsSchema } from '../metrics/schema.js';
import { NAME_PATTERN } from '../vpcs/schema.js';
import { BACKUP_STATUSES, DATABASE_STATUSES, DATABASE_USER_STATUSES } from './lifecycle.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const Time = (description: string) => Type.String({ format: 'date-time', description });
const Id = (description: string) => Type.String({ minLength: 1, maxLength: 64, description });

export const ENGINES = ['postgres', 'mysql', 'redis'] as const;
/** Lower-case, a letter or underscore first: valid unquoted in PostgreSQL and MySQL, and in Redis ACLs. */
export const USER_NAME_PATTERN = '^[a-z_][a-z0-9_]{0,62}$';
export const MAX_NODES = 3;
export const MAX_RETENTION_DAYS = 35;

const Protection = Type.Object(
  { delete: Type.Boolean({ description: 'While true, DELETE answers 409' }) },
  { additionalProperties: false, description: 'Guards against accidental deletion' },
);

const BackupSettings = {
  enabled: Type.Boolean({ description: 'Take a backup every day' }),
  retention_days: Type.Integer({ minimum: 1, maximum: MAX_RETENTION_DAYS, description: 'Backups older than this many days are deleted' }),
  hour: Type.Integer({ minimum: 0, maximum: 23, description: 'UTC hour at which the daily backup starts' }),
};

export const DatabaseStatusSchema = literals(DATABASE_STATUSES, 'Lifecycle status');

export const DatabaseSchema = named(
  'Database',
  Type.Object({
    id: Type.String({ examples: ['db_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    region: Type.String(),
    engine: literals(ENGINES, 'The engine'),
    version: Type.String({ examples: ['17'] }),
    plan: Type.String({ description: 'A plan of the engine, from GET /v2/database_engines', examples: ['db-s-1vcpu-1gb'] }),
    node_count: Type.Integer({ minimum: 1, maximum: MAX_NODES, description: 'A primary, plus standbys' }),
    status: DatabaseStatusSchema,
    network_id: Type.String({ description: 'The private network it is reachable in; there is no public access' }),
    connection: Type.Object({
      host: Type.String({ description: 'Its private address in the network', examples: ['10.12.0.7'] }),
      port: Type.Integer(),
      user: Type.String({ description: 'The admin user' }),
      password: Type.Union([Type.String(), Type.Null()], { description: 'Shown only in the create response; null everywhere else' }),
      database: Type.String({ description: 'The database a client connects to' }),
      uri: Type.String({ description: 'A connection URI; it carries the password only where the password is shown' }),
    }),
    backups: Type.Object({ ...BackupSettings, next_backup_at: Time('When the next daily backup starts (if enabled)') }),
    protection: Protection,
    restored_from: Type.Union([Type.String(), Type.Null()], { description: 'The backup it was restored from' }),
    labels: LabelsSchema,
    created_at: Time('When the database was created'),
    updated_at: Time('When the database last changed'),
  }),
);

export const CreateDatabaseBody = named(
  'CreateDatabase',
  Type.Object(
    {
      name: Type.String({ pattern: NAME_PATTERN, minLength: 1, maxLength: 63, description: 'Unique per region' }),
      engine: Type.Optional(literals(ENGINES, "Required unless restoring; a restore keeps the backup's engine")),
      version: Type.Optional(Type.String({ minLength: 1, maxLength: 16, description: "Default: the engine's default_version (a restore: the backup's)" })),
      plan: Id('A plan of the engine, from GET /v2/database_engines'),
      region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Required unless restoring; a restore stays in the backup's region" })),
      network_id: Type.Optional(Id("A network in the region; default: the region's default network")),
      node_count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_NODES, default: 1 })),
      backups: Type.Optional(Type.Object(
        { enabled: Type.Optional(BackupSettings.enabled), retention_days: Type.Optional(BackupSettings.retention_days), hour: Type.Optional(BackupSettings.hour) },
        { additionalProperties: false, description: 'Default: enabled, 7 days, at 02:00 UTC' },
      )),
      protection: Type.Optional(Protection),
      restore_from: Type.Optional(Type.Object({ backup_id: Id('A backup of one of your databases') }, { additionalProperties: false, description: "Start from this backup's data" })),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false },
  ),
);

export const UpdateDatabaseBody = named(
  'UpdateDatabase',
  Type.Object(
    {
      backups: Type.Optional(Type.Object(
        { enabled: Type.Optional(BackupSettings.enabled), retention_days: Type.Optional(BackupSettings.retention_days), hour: Type.Optional(BackupSettings.hour) },
        { additionalProperties: false, minProperties: 1 },
      )),
      protection: Type.Optional(Protection),
      labels: Type.Optional(LabelsSchema),
    },
    { additionalProperties: false, minProperties: 1, description: 'Changes settings at once (no action); labels are replaced whole' },
  ),
);

export const ResizeDatabaseBody = named(
  'ResizeDatabase',
  Type.Object(
    {
      plan: Type.Optional(Id('The new plan; storage only grows')),
      node_count: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_NODES })),
    },
    { additionalProperties: false, minProperties: 1 },
  ),
);

export const DatabaseActionAccepted = named(
  'DatabaseActionAccepted',
  Type.Object({ id: Type.String(), status: DatabaseStatusSchema, message: Type.String(), action_id: Type.String() }),
);

export const PasswordReset = named(
  'DatabasePasswordReset',
  Type.Object({
    id: Type.String(),
    status: DatabaseStatusSchema,
    message: Type.String(),
    action_id: Type.String({ description: 'The new password works once this action completes' }),
    user: Type.String(),
    password: Type.String({ description: 'The new password, shown only here' }),
    uri: Type.String({ description: 'The connection URI with the new password' }),
  }),
);

export const DatabaseUserSchema = named(
  'DatabaseUser',
  Type.Object({
    name: Type.String(),
    role: literals(['admin', 'normal'] as const, 'The admin user comes with the database and cannot be deleted'),
    status: literals(DATABASE_USER_STATUSES, 'Lifecycle status'),
    password: Type.Union([Type.String(), Type.Null()], { description: 'Shown only in the create response; null everywhere else' }),
    created_at: Time('When the user was created'),
  }),
);

export const CreateDatabaseUserBody = named(
  'CreateDatabaseUser',
  Type.Object({ name: Type.String({ pattern: USER_NAME_PATTERN, description: 'Lower-case letters, digits and underscores; a letter or underscore first' }) }, { additionalProperties: false }),
);

export const DatabaseUserCreated = named(
  'DatabaseUserCreated',
  Type.Object({ user: DatabaseUserSchema, action_id: Type.String({ description: 'The user can log in once this action completes' }) }),
);

export const DatabaseBackupSchema = named(
  'DatabaseBackup',
  Type.Object({
    id: Type.String({ examples: ['dbb_8f9a2b3c4d5e6f70'] }),
    database_id: Type.String(),
    region: Type.String(),
    engine: literals(ENGINES, 'The engine'),
    version: Type.String(),
    plan: Type.String({ description: 'The plan of the database when the backup was taken' }),
    size_mb: Type.Union([Type.Integer(), Type.Null()], { description: 'What it holds; null until taken' }),
    status: literals(BACKUP_STATUSES, 'Lifecycle status'),
    created_at: Time('When the backup started'),
  }),
);

export const DatabaseList = pageOf('DatabaseList', DatabaseSchema);
export const DatabaseUserList = pageOf('DatabaseUserList', DatabaseUserSchema);
export const DatabaseBackupList = pageOf('DatabaseBackupList', DatabaseBackupSchema);

export const ListDatabasesQuery = Type.Object(
  {
    region: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    engine: Type.Optional(literals(ENGINES, 'Filter by engine')),
    network_id: Type.Optional(Id('Filter by network')),
    ...labelSelectorQueryProperties,
    ...listQueryProperties,
  },
  { additionalProperties: false },
);
export const ListQuery = Type.Object(listQueryProperties, { additionalProperties: false });

export const UserParams = Type.Object({ id: Id('The database id'), name: Type.String({ minLength: 1, maxLength: 63 }) }, { additionalProperties: false });

export const DatabaseMetricsQuery = metricsQuerySchema(DATABASE_METRIC_TYPES);
export const DatabaseMetricsSchema = named('DatabaseMetrics', metricsSchema('database_id', DATABASE_METRIC_TYPES));
