package dev.sightline.exporter.store;

/**
 * A document a search returned, with its {@code position}: the highest record position merged into
 * the version the search saw.
 */
public record DocumentPosition(String index, String id, long position) {}
