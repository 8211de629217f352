// Prometheus metrics for one process, in a registry of its own so several apps can share a process (tests).
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface QueueStats {
  /** Actions waiting or running. */
  depth: number;
  /** Age in seconds of the oldest of them (0 when none). */
  oldestAgeSeconds: number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'cloudnexus_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'cloudnexus_http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly rateLimitRejections = new Counter({
    name: 'cloudnexus_rate_limit_rejections_total',
    help: 'Requests refused with 429',
    registers: [this.registry],
  });
  readonly responseCacheHits = new Counter({
    name: 'cloudnexus_response_cache_hits_total',
    help: 'Reads answered from the response cache (the database had not changed since)',
    registers: [this.registry],
  });
  readonly responseCacheMisses = new Counter({
    name: 'cloudnexus_response_cache_misses_total',
    help: 'Cacheable reads answered by their handler (first time, database changed, or Cache-Control: no-cache)',
    registers: [this.registry],
  });
  readonly redisErrors = new Counter({
    name: 'cloudnexus_redis_errors_total',
    help: 'Redis failures, by operation; while Redis is down rate limits fall back to per-node counters',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  /** Gauges read on scrape from `stats`, so they cost nothing between scrapes. */
  watchQueue(stats: () => Promise<QueueStats>): void {
    let last: Promise<QueueStats> | null = null;
    // Both gauges are collected in one scrape; they share one query.
    const read = () => (last ??= stats().finally(() => setImmediate(() => (last = null))));
    new Gauge({
      name: 'cloudnexus_action_queue_depth',
      help: 'Actions waiting or running',
      registers: [this.registry],
      async collect() {
        this.set((await read()).depth);
      },
    });
    new Gauge({
      name: 'cloudnexus_action_queue_oldest_age_seconds',
      help: 'Age of the oldest action waiting or running',
      registers: [this.registry],
      async collect() {
        this.set((await read()).oldestAgeSeconds);
      },
    });
  }

  /** Counts and times every response. Routes are labelled by template, so ids do not explode the series. */
  observe(app: FastifyInstance): void {
    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const status = String(reply.statusCode);
      this.requests.inc({ method: request.method, route, status });
      this.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
      if (reply.statusCode === 429) this.rateLimitRejections.inc();
    });
  }
}
