package dev.sightline.exporter.definition;

import java.util.List;

/**
 * What other records need to know of a deployed process: its identity and its call activities sorted by id
 * (the engine's {@code callingElementPath} indexes into that order).
 */
public record DeployedProcess(long processDefinitionKey, String bpmnProcessId, int version, List<String> callActivityIds) {

  public DeployedProcess {
    callActivityIds = List.copyOf(callActivityIds);
  }
}
