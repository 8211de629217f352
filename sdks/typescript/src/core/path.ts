/**
 * Fills a path template from the operations table (`/volumes/{id}/attach`) with each value
 * percent-encoded, so an id can never change the route.
 */
export function fillPath(template: string, values: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TypeError(`${template}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}
