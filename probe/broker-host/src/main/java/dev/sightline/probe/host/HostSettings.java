package dev.sightline.probe.host;

import dev.sightline.probe.host.actor.HostScheduler;
import dev.sightline.probe.host.loading.ContextClassLoaderPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.InstantSource;

/**
 * What every partition of a host shares.
 *
 * @param hostLoader the context class loader of actor threads outside exporter calls
 */
record HostSettings(
    HostScheduler scheduler,
    InstantSource clock,
    BrokerRetry exportBackoff,
    BrokerRetry openBackoff,
    ContextClassLoaderPolicy contextClassLoaderPolicy,
    MeterRegistry meterRegistry,
    ExportersState state,
    ClassLoader hostLoader) {}
