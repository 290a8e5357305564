package dev.sightline.probe.workload;

import java.time.Duration;

/**
 * How far a {@link RealTimeDriver} got.
 *
 * @param appended records appended so far, over all partitions
 * @param behind how late the driver is now: the clock minus the intended time of the next record
 *     due, zero when it is waiting for that time
 * @param maxBehind the most any record was appended after its intended time
 * @param finished whether every record was appended
 */
public record DriverProgress(
    long appended, Duration behind, Duration maxBehind, boolean finished) {}
