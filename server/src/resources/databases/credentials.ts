// Database passwords: generated here, shown once, and kept only as SCRAM-SHA-256 verifiers (RFC
// 5802/7677, in PostgreSQL's text form), so a leaked control-plane database leaks no password.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import { randomBase62 } from '../../ids.js';

/** 32 base62 characters: about 190 bits. */
const PASSWORD_LENGTH = 32;
/** PostgreSQL's own default iteration count. */
const ITERATIONS = 4096;

export function generatePassword(): string {
  return randomBase62(PASSWORD_LENGTH);
}

export function scramVerifier(password: string, salt = randomBytes(16)): string {
  const salted = pbkdf2Sync(password, salt, ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}
