package dev.sightline.probe.recordjson;

/**
 * A value type whose classes cannot be loaded. In practice: the identity value types
 * (AUTHORIZATION, ROLE, TENANT, GROUP, IDENTITY_SETUP, …) refer to enums that live in {@code
 * camunda-security-protocol}, which is excluded from the build because of its licence. Callers turn
 * this into a "skipped" result; it is an expected condition, so it carries no stack trace and one
 * instance per type is cached and rethrown.
 */
final class UnavailableTypeException extends RuntimeException {

  UnavailableTypeException(Class<?> type, LinkageError cause) {
    super(type.getSimpleName() + " needs " + describe(cause), cause, false, false);
  }

  private static String describe(LinkageError cause) {
    String missing = String.valueOf(cause.getMessage()).replace('/', '.');
    return missing.startsWith("io.camunda.zeebe.protocol.record.value.")
        ? missing + ", which is not on the class path (camunda-security-protocol is excluded)"
        : missing + ", which cannot be loaded (" + cause.getClass().getSimpleName() + ")";
  }
}
