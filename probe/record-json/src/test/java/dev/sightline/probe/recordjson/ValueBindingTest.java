package dev.sightline.probe.recordjson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.ValueTypeMapping;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reflective mapping covers every value type of the protocol that can be loaded. */
class ValueBindingTest {

  /** Their classes refer to enums of the excluded camunda-security-protocol. */
  private static final List<ValueType> UNAVAILABLE =
      List.of(
          ValueType.AUTHORIZATION,
          ValueType.TENANT,
          ValueType.GROUP,
          ValueType.IDENTITY_SETUP,
          ValueType.ROLE);

  static Stream<ValueType> availableValueTypes() {
    return ValueTypeMapping.getAcceptedValueTypes().stream().filter(t -> !UNAVAILABLE.contains(t));
  }

  @Test
  void shouldFindExactlyTheIdentityTypesUnavailable() {
    // given
    List<ValueType> unavailable =
        ValueTypeMapping.getAcceptedValueTypes().stream()
            .filter(
                t -> {
                  try {
                    ValueBinding.of(ValueTypeMapping.get(t).getValueClass());
                    return false;
                  } catch (UnavailableTypeException e) {
                    return true;
                  }
                })
            .toList();

    // when / then
    assertThat(unavailable).containsExactlyInAnyOrderElementsOf(UNAVAILABLE);
    assertThat(availableValueTypes()).hasSize(51).contains(ValueType.USER, ValueType.MAPPING_RULE);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("availableValueTypes")
  void shouldBindASetterForEveryGetterOfTheValueInterface(ValueType valueType) {
    // given
    Class<?> valueClass = ValueTypeMapping.get(valueType).getValueClass();

    // when
    ValueBinding binding = ValueBinding.of(valueClass);

    // then
    assertThat(binding.propertyNames())
        .containsAll(
            ValueSchema.of(valueClass).properties().stream().map(ValueProperty::name).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("availableValueTypes")
  void shouldReadBackAWrittenRecordWithADefaultValueOfEveryType(ValueType valueType) {
    // given
    Record<?> record =
        ImmutableRecord.<RecordValue>builder()
            .withValueType(valueType)
            .withIntent(ValueTypeMapping.get(valueType).getIntentClass().getEnumConstants()[0])
            .withRecordType(RecordType.EVENT)
            .withRejectionType(RejectionType.NULL_VAL)
            .withRejectionReason("")
            .withBrokerVersion("8.8.9")
            .withValue(emptyValue(valueType))
            .build();

    // when
    ReadResult readBack = new RecordJsonReader().read(new RecordJsonWriter().write(record));

    // then
    assertThat(readBack).isEqualTo(new ReadResult.Mapped(record, List.of()));
  }

  @Test
  void shouldRefuseToBindAnIdentityType() {
    // when / then
    assertThatThrownBy(
            () -> ValueBinding.of(ValueTypeMapping.get(ValueType.TENANT).getValueClass()))
        .isInstanceOf(UnavailableTypeException.class)
        .hasMessageContaining(
            "TenantRecordValue needs io.camunda.zeebe.protocol.record.value.EntityType");
  }

  /** {@code Immutable<X>.builder().build()}: every property at the builder's default. */
  private static RecordValue emptyValue(ValueType valueType) {
    Class<?> valueClass = ValueTypeMapping.get(valueType).getValueClass();
    try {
      Class<?> immutable =
          Class.forName(valueClass.getPackageName() + ".Immutable" + valueClass.getSimpleName());
      Object builder = immutable.getMethod("builder").invoke(null);
      return (RecordValue) builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
