import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

/**
 * Convene's own metrics, written in CloudWatch's embedded metric format on stdout (CloudWatch Logs turns
 * them into metrics: no API call, no permission). Namespace from POWERTOOLS_METRICS_NAMESPACE (`Convene`),
 * one dimension `service` from POWERTOOLS_SERVICE_NAME (`convene`); alarms must ask for exactly that.
 * Only functions that count something import this, so the others' bundles stay without it.
 */
const metrics = new Metrics({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'convene' });

/** Publishes one count now, as its own EMF document (synchronously, so concurrent callers never mix). */
export const publishCount = (name: string, count: number): void => {
  if (count <= 0) return;
  metrics.addMetric(name, MetricUnit.Count, count);
  metrics.publishStoredMetrics();
};
