package dev.sightline.probe.host.config;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Maps an exporter's args into its config class like the 8.8 broker's {@code
 * Configuration#instantiate}: Jackson {@code convertValue} with case-insensitive properties, enums
 * and values, unknown keys ignored, java.time types, and Spring's indexed lists ({@code hosts[0]},
 * arriving as a map with keys "0", "1", …) accepted where the target is a collection or array.
 * Fields not given keep their initial values. Without args the class is created through its
 * no-argument constructor.
 *
 * <p>Thread-safety: thread-safe.
 */
public final class ArgsMapper {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("indexed-lists").setDeserializerModifier(new IndexedListsModifier()))
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_VALUES)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private ArgsMapper() {}

  /**
   * @throws IllegalArgumentException when the args do not fit the class (Jackson's message)
   */
  public static <T> T instantiate(Map<String, Object> args, Class<T> configClass) {
    if (args != null) {
      return MAPPER.convertValue(args, configClass);
    }
    try {
      return configClass.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      Throwable cause = e instanceof InvocationTargetException target ? target.getCause() : e;
      throw new IllegalArgumentException("Cannot create " + configClass.getName(), cause);
    }
  }

  private static final class IndexedListsModifier extends BeanDeserializerModifier {

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(
        DeserializationConfig config,
        CollectionType type,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      return new IndexedMapAsListDeserializer(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyArrayDeserializer(
        DeserializationConfig config,
        ArrayType type,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      return new IndexedMapAsListDeserializer(deserializer);
    }
  }
}
