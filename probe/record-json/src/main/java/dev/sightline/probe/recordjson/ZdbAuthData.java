package dev.sightline.probe.recordjson;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * zdb prints a command's authorization as the broker stored it: an unsigned JWT ({@code alg: none})
 * whose claims carry {@code authorized_tenants} beside the usual {@code iss}, {@code aud}, {@code
 * sub}, {@code iat}. The exporter form shows only {@code {"authorized_tenants": [...]}} under
 * {@code authorizations} (8.4–8.7 records in the corpus), so this decodes the payload (there is no
 * signature to check) and keeps that claim.
 */
final class ZdbAuthData {

  private ZdbAuthData() {}

  static final String AUTHORIZED_TENANTS = "authorized_tenants";

  /**
   * The authorizations an exported record would carry: the {@code authorized_tenants} claim, or an
   * empty map if the token has none; empty optional if the text is not a JWT with a JSON object
   * payload.
   */
  static Optional<Map<String, Object>> authorizations(String jwt) {
    return claims(jwt)
        .map(
            claims ->
                claims.get(AUTHORIZED_TENANTS) != null
                    ? Map.of(AUTHORIZED_TENANTS, claims.get(AUTHORIZED_TENANTS))
                    : Map.of());
  }

  /** All of the JWT's claims, or empty if the text is not a JWT with a JSON object payload. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> claims(String jwt) {
    String[] parts = jwt.split("\\.", -1);
    if (parts.length < 2) {
      return Optional.empty();
    }
    try {
      JsonNode payload = Json.MAPPER.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return payload != null && payload.isObject()
          ? Optional.of((Map<String, Object>) PlainValues.toJava(payload))
          : Optional.empty();
    } catch (IllegalArgumentException | IOException e) {
      return Optional.empty();
    }
  }
}
