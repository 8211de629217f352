// CI names what a run must have (CLOUDNEXUS_TEST_REQUIRE=postgres,redis,chromium,linux): a suite
// that would skip for want of one of them fails instead. Elsewhere missing ones skip loudly.
const required = new Set((process.env.CLOUDNEXUS_TEST_REQUIRE ?? '').split(',').filter(Boolean));

export function isRequired(name: 'postgres' | 'redis' | 'chromium' | 'linux'): boolean {
  return required.has(name);
}
