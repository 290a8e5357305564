package dev.sightline.probe.workload.engine;

/** A job as a worker sees it. */
public record JobRef(long key, String type) {}
