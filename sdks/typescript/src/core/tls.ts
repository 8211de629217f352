// Node's fetch has no `ca` option; trusting a private CA takes an undici dispatcher.
// undici is imported only when a CA is configured, so ordinary use loads nothing extra.
// It is undici 6, the major version inside Node 20's own fetch, so the two speak the same dispatcher protocol.

export type Dispatcher = NonNullable<RequestInit['dispatcher']>;

export async function dispatcherTrusting(ca: string): Promise<Dispatcher> {
  const { Agent } = await import('undici');
  return new Agent({ connect: { ca } });
}
