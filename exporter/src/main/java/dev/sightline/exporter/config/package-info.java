/**
 * The exporter's configuration: {@link dev.sightline.exporter.config.ConfigParser} turns the
 * broker's {@code args} map into an immutable {@link dev.sightline.exporter.config.ExporterConfig},
 * or fails with every problem at once. Settings are declared in one catalog ({@code Settings}); see
 * {@code docs/configuration.md}.
 */
package dev.sightline.exporter.config;
