// The API playground: Swagger UI over this server's own OpenAPI document, sending "Try it out"
// requests to this server. The key the user types stays in this page's memory only.
interface SwaggerUiGlobal {
  (options: Record<string, unknown>): unknown;
  presets: { apis: unknown };
}
declare const SwaggerUIBundle: SwaggerUiGlobal;

async function start(): Promise<void> {
  const response = await fetch('/v2/openapi.json', { headers: { accept: 'application/json' } });
  const spec = (await response.json()) as { servers?: { url: string; description?: string }[] };
  // The document names the public endpoint; the playground talks to the server it came from.
  spec.servers = [{ url: window.location.origin, description: 'This server' }];
  SwaggerUIBundle({
    spec,
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: false,
    // No calls to validator.swagger.io: nothing leaves our origin.
    validatorUrl: null,
    // Never write the key to localStorage.
    persistAuthorization: false,
    displayRequestDuration: true,
    tryItOutEnabled: true,
  });
}

void start();
