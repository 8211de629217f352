import Type from 'typebox';
import { listQueryProperties } from '../../http/pagination.js';
import { named, pageOf } from '../../http/schemas.js';

const Strings = (description: string) => Type.Array(Type.String(), { description });

/** A repository-style name: `web`, `team/web:1.2`. */
export const ContainerImageName = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._:/-]*$', minLength: 1, maxLength: 128, description: 'Letters, digits and . _ : / -, 1-128 characters; unique per region' });

export const ContainerImageSchema = named(
  'ContainerImage',
  Type.Object({
    id: Type.String({ examples: ['cimg_8f9a2b3c4d5e6f70'] }),
    name: Type.String({ examples: ['web:1.0'] }),
    region: Type.String({ examples: ['us-east-1'] }),
    digest: Type.String({ description: "`sha256:` digest of the image's config (the id `docker images` shows)" }),
    size_bytes: Type.Integer({ description: 'Size of the uploaded archive' }),
    layers: Type.Integer({ description: 'How many layers were applied' }),
    entrypoint: Strings("The image config's Entrypoint"),
    cmd: Strings("The image config's Cmd"),
    env: Strings("The image config's Env (`NAME=value`)"),
    exposed_ports: Strings("The image config's ExposedPorts (`8080/tcp`)"),
    working_dir: Type.String({ description: "The image config's WorkingDir; empty for /" }),
    created_at: Type.String({ format: 'date-time' }),
  }),
);

export const ContainerImageList = pageOf('ContainerImageList', ContainerImageSchema);

export const UploadContainerImageQuery = Type.Object(
  {
    name: ContainerImageName,
    region: Type.String({ minLength: 1, maxLength: 64, description: 'A region id from GET /v2/regions; the image is used there only' }),
  },
  { additionalProperties: false },
);

export const ListContainerImagesQuery = Type.Object(
  { region: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Filter by region id' })), ...listQueryProperties },
  { additionalProperties: false },
);
