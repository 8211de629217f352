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

export const ImageSchema = named(
  'Image',
  Type.Object({
    id: Type.String({ description: 'The image slug', examples: ['ubuntu-24-04'] }),
    name: Type.String(),
    distribution: Type.String(),
    version: Type.String(),
    architecture: Type.Literal('x86_64'),
  }),
);

export const RegionList = pageOf('RegionList', RegionSchema);
export const PlanList = pageOf('PlanList', PlanSchema);
export const ImageList = pageOf('ImageList', ImageSchema);
