/**
 * A broker-like host for exporter jars: {@link dev.sightline.probe.host.BrokerHost} loads exporters
 * as a Zeebe 8.8 broker does and runs them per partition ({@link
 * dev.sightline.probe.host.HostedPartition}). Sub-packages: {@code config} (broker YAML and
 * environment variables), {@code loading} (the jar class loader), {@code actor} (actor threads,
 * real and virtual time), {@code source} (records per partition). See docs/broker-host.md.
 */
package dev.sightline.probe.host;
