// Wire schemas of the dashboard's own endpoints (not part of the v2 API or its OpenAPI document).
import Type from 'typebox';

export const SignInBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);

export const SessionSchema = Type.Object({
  user: Type.Object({ id: Type.String(), email: Type.String(), account_id: Type.String() }),
  /** Send back in the X-CSRF-Token header on every mutation. */
  csrf_token: Type.String(),
  expires_at: Type.String({ format: 'date-time' }),
});

export const CatalogSchema = Type.Object({
  scopes: Type.Array(Type.String()),
  regions: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const PageQuery = Type.Object({ cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })) }, { additionalProperties: false });
