import Type from 'typebox';
import { named, pageOf } from '../../http/schemas.js';

export const RegionSchema = named(
  'Region',
  Type.Object({
    id: Type.String({ examples: ['us-east-1'] }),
    name: Type.String({ examples: ['US East (N. Virginia)'] }),
    country: Type.String({ description: 'ISO 3166-1 alpha-2 country code' }),
    available: Type.Boolean({ description: 'False when the region takes no new resources' }),
  }),
);

export const PlanSchema = named(
  'Plan',
  Type.Object({
    id: Type.String({ examples: ['standard-4'] }),
    description: Type.String(),
    cpu: Type.Integer({ description: 'vCPUs' }),
    memory_gb: Type.Number(),
    disk_gb: Type.Integer(),
    price_hourly: Type.Number({ description: 'USD per hour' }),
    price_monthly: Type.Number({ description: 'USD per month (730 hours)' }),
  }),
);

export const DatabasePlanSchema = named(
  'DatabasePlan',
  Type.Object({
    id: Type.String({ examples: ['db-s-1vcpu-1gb'] }),
    description: Type.String(),
    cpu: Type.Integer({ description: 'vCPUs per node' }),
    memory_gb: Type.Number({ description: 'Memory per node' }),
    storage_gb: Type.Integer({ description: 'Storage per node' }),
    price_hourly: Type.Number({ description: 'USD per hour, per node' }),
    price_monthly: Type.Number({ description: 'USD per month (730 hours), per node' }),
  }),
);

export const DatabaseEngineSchema = named(
  'DatabaseEngine',
  Type.Object({
    id: Type.Union([Type.Literal('postgres'), Type.Literal('mysql'), Type.Literal('redis')], { description: 'The engine slug' }),
    name: Type.String({ examples: ['PostgreSQL'] }),
    versions: Type.Array(Type.String(), { description: 'Versions a new database may run' }),
    default_version: Type.String({ description: 'Used when a create names no version' }),
    port: Type.Integer({ description: 'The port clients connect to' }),
    admin_user: Type.String({ description: 'The admin user a new database starts with' }),
    database_name: Type.String({ description: 'The database a new database starts with' }),
    plans: Type.Array(DatabasePlanSchema),
  }),
);

export const RegionList = pageOf('RegionList', RegionSchema);
export const PlanList = pageOf('PlanList', PlanSchema);
export const DatabaseEngineList = pageOf('DatabaseEngineList', DatabaseEngineSchema);
