import Type from 'typebox';
import { named, pageOf } from '../../http/schemas.js';
import { patchBody } from '../patch.js';

const Time = (description: string) => Type.String({ format: 'date-time', description });

export const ApiKeySchema = named(
  'ApiKey',
  Type.Object({
    id: Type.String({ examples: ['key_8f9a2b3c4d5e6f70'] }),
    name: Type.String(),
    display: Type.String({ description: 'The first and last characters of the key, to recognise it', examples: ['cnx_live_AbCd…wxyz'] }),
    status: Type.Union([Type.Literal('active'), Type.Literal('revoked'), Type.Literal('expired')]),
    scopes: Type.Array(Type.String(), { description: '`<resource>:read`, `<resource>:write` or `*`' }),
    regions: Type.Union([Type.Array(Type.String()), Type.Null()], { description: 'Region allowlist; null means every region' }),
    expires_at: Type.Union([Time('When the key stops working'), Type.Null()]),
    revoked_at: Type.Union([Time('When the key was revoked'), Type.Null()]),
    created_at: Time('When the key was created'),
    last_used_at: Type.Union([Time('When the key last authenticated a request (to the minute)'), Type.Null()]),
    replaced_by: Type.Union([Type.String(), Type.Null()], { description: 'The key that replaced this one when it was rotated' }),
  }),
);

export const CreatedApiKeySchema = named(
  'CreatedApiKey',
  Type.Object({
    key: ApiKeySchema,
    secret: Type.Union([Type.String(), Type.Null()], {
      description: 'The API key itself, shown only in this response; null when an Idempotency-Key replays it',
    }),
  }),
);

const KeyName = Type.String({ minLength: 1, maxLength: 100 });

export const PatchApiKeyBody = patchBody('PatchApiKey', { name: KeyName });

export const CreateApiKeyBody = named(
  'CreateApiKey',
  Type.Object(
    {
      name: KeyName,
      scopes: Type.Optional(
        Type.Array(Type.String({ maxLength: 64 }), {
          minItems: 1,
          maxItems: 50,
          description: 'Defaults to the calling key\'s scopes; a key can only grant scopes it has itself',
        }),
      ),
      regions: Type.Optional(
        Type.Union([Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 100 }), Type.Null()], {
          description: 'Region allowlist; defaults to the calling key\'s',
        }),
      ),
      expires_at: Type.Optional(Type.Union([Time('When the key stops working'), Type.Null()])),
    },
    { additionalProperties: false },
  ),
);

export const RotateApiKeyBody = named(
  'RotateApiKey',
  Type.Object(
    {
      grace_period: Type.Union([Type.Literal('none'), Type.Literal('1h'), Type.Literal('24h'), Type.Literal('7d')], {
        description: 'How long the old secret keeps working: `none` (it stops at once), `1h`, `24h` or `7d`',
      }),
    },
    { additionalProperties: false },
  ),
);

export const ApiKeyList = pageOf('ApiKeyList', ApiKeySchema);
