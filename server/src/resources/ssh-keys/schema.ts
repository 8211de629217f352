import Type from 'typebox';
import { named, pageOf } from '../../http/schemas.js';
import { KEY_TYPES, MAX_PUBLIC_KEY_BYTES, MIN_RSA_BITS } from './public-key.js';
import { patchBody } from '../patch.js';

const SshKeyName = Type.String({ minLength: 1, maxLength: 100, description: 'Trimmed; must not be blank' });

export const SshKeySchema = named(
  'SshKey',
  Type.Object({
    id: Type.String({ examples: ['ssh_8f9a2b3c4d5e6f70'] }),
    name: Type.String({ examples: ['alice laptop'] }),
    public_key: Type.String({
      description: 'The key as one OpenSSH line: type, base64 key data and the comment if any',
      examples: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOWCtQ4+9Cp4yNxMReev6D0eGSSiaMsLYSCGsmY5bBK+ alice@laptop'],
    }),
    fingerprint: Type.String({
      description: 'SHA-256 of the key, as `ssh-keygen -lf` prints it',
      examples: ['SHA256:rmGexZx1drZOeKYgFGiBzmmhGJk4BXv6pTf/njTwR4M'],
    }),
    type: Type.Union(KEY_TYPES.map((type) => Type.Literal(type))),
    bits: Type.Integer({ description: '256 for Ed25519, the curve size for ECDSA, the modulus size for RSA' }),
    created_at: Type.String({ format: 'date-time', description: 'When the key was added' }),
  }),
);

export const CreateSshKeyBody = named(
  'CreateSshKey',
  Type.Object(
    {
      name: SshKeyName,
      public_key: Type.String({
        description:
          `An OpenSSH public key line (the contents of a .pub file), at most ${MAX_PUBLIC_KEY_BYTES / 1024} KiB. ` +
          `Accepted: ${KEY_TYPES.join(', ')} (RSA of at least ${MIN_RSA_BITS} bits).`,
      }),
    },
    { additionalProperties: false },
  ),
);

export const SshKeyList = pageOf('SshKeyList', SshKeySchema);

export const PatchSshKeyBody = patchBody('PatchSshKey', { name: SshKeyName });
