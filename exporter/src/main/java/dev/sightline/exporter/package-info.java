/**
 * Sightline's Zeebe exporter. The path of one record follows the packages: {@code config} → {@code
 * filter} → {@code handler} → {@code batch} → {@code store} (Elasticsearch) → acknowledgement.
 */
package dev.sightline.exporter;
