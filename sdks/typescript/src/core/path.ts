/** A URL path with each interpolated id percent-encoded, so an id can never change the route. */
export function path(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce((built, part, i) => built + part + (i < ids.length ? encodeURIComponent(ids[i] as string) : ''), '');
}
