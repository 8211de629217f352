import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';
import { IMAGE_STATUSES, IMAGE_TYPES } from './lifecycle.js';

const literals = <T extends readonly string[]>(values: T, description: string) => Type.Union(values.map((v) => Type.Literal(v)), { description });
const nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(schema: T, description: string) =>
  Type.Union([schema, Type.Null()], { description });

const ImageStatusSchema = literals(IMAGE_STATUSES, 'Lifecycle status; OS images are always `available`');
const ImageTypeSchema = literals(IMAGE_TYPES, '`os`: a distribution from the catalog, in every region; `custom`: a snapshot of one of your instances');

export const ImageSchema = named(
  'Image',
  Type.Object({
    id: Type.String({ description: 'The slug of an OS image, or `img_…` for a custom one', examples: ['ubuntu-24-04', 'img_8f9a2b3c4d5e6f70'] }),
    type: ImageTypeSchema,
    name: Type.String(),
    distribution: Type.String({ description: "A custom image's is its source's" }),
    version: Type.String(),
    architecture: Type.Literal('x86_64'),
    status: ImageStatusSchema,
    region: nullable(Type.String(), 'The one region a custom image can be used in; null for OS images (every region)'),
    source_instance_id: nullable(Type.String(), 'The instance a custom image was taken from (which may since have been deleted)'),
    size_gb: nullable(Type.Integer(), "A custom image's size once taken; null for OS images and while creating"),
    created_at: nullable(Type.String({ format: 'date-time' }), 'When a custom image was taken; null for OS images'),
  }),
);

export const ImageList = pageOf('ImageList', ImageSchema);

export const ListImagesQuery = Type.Object(
  { type: Type.Optional(ImageTypeSchema), ...listQueryProperties },
  { additionalProperties: false },
);

export const ImageDeleteAccepted = named(
  'ImageDeleteAccepted',
  Type.Object({ id: Type.String(), status: ImageStatusSchema, message: Type.String(), action_id: Type.String() }),
);
