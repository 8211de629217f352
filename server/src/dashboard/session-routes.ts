// /dashboard/api/session: sign in (POST), who is signed in and the CSRF token (GET), sign out (DELETE).
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { apiTime, storedTime } from '../clock.js';
import type { RateLimiter } from '../http/rate-limit.js';
import type { DashboardUsersService } from '../resources/dashboard-users/service.js';
import { clearedSessionCookie, sessionCookie } from './cookies.js';
import { SessionSchema, SignInBody } from './schema.js';
import { assertSameOrigin, sessionOf } from './session-auth.js';
import type { Session, SessionsService } from './sessions.js';
import { apiError } from '../errors/catalog.js';

/** Sign-in attempts one client address may make per minute, whichever emails it tries. */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 20;

const present = (session: Pick<Session, 'userId' | 'email' | 'accountId' | 'csrfToken' | 'expiresAt'>) => ({
  user: { id: session.userId, email: session.email, account_id: session.accountId },
  csrf_token: session.csrfToken,
  expires_at: apiTime(storedTime(session.expiresAt)),
});

export function registerSessionRoutes(untyped: FastifyInstance, users: DashboardUsersService, sessions: SessionsService, limiter: RateLimiter): void {
  const app = untyped.withTypeProvider<TypeBoxTypeProvider>();
  const hide = true;

  app.post('/dashboard/api/session', { schema: { hide, body: SignInBody, response: { 201: SessionSchema } } }, async (request, reply) => {
    // A sign-in from another site would log the victim in to the attacker's account (login CSRF).
    assertSameOrigin(request);
    limiter.apply(reply, await limiter.spend(`sign-in:${request.ip}`, SIGN_IN_ATTEMPTS_PER_MINUTE, 'write'));
    const { email, password } = request.body;
    const result = await users.signIn(email, password);
    if (!result.ok) {
      if (result.lockedForSeconds === null) throw apiError('invalid_credentials', 'Invalid email or password');
      reply.header('Retry-After', result.lockedForSeconds);
      throw apiError('sign_in_locked', 'Too many failed sign-ins for this email; try again later');
    }
    const started = await sessions.start(result.user);
    reply.header('Set-Cookie', sessionCookie(started.token, Math.floor(sessions.lifetime.absoluteMs / 1000)));
    return reply.status(201).send(present({ userId: result.user.id, email: result.user.email, accountId: result.user.account_id, ...started }));
  });

  app.get('/dashboard/api/session', { config: { session: true }, schema: { hide, response: { 200: SessionSchema } } }, async (request) =>
    present(sessionOf(request)),
  );

  app.delete('/dashboard/api/session', { config: { session: true }, schema: { hide } }, async (request, reply) => {
    await sessions.end(sessionOf(request));
    return reply.header('Set-Cookie', clearedSessionCookie()).status(204).send();
  });
}
