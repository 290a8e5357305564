package dev.sightline.exporter.schema;

/** One mapped field of a read-model index. */
public record Field(String name, FieldType type) {

  public static Field keyword(String name) {
    return new Field(name, FieldType.KEYWORD);
  }

  /** A keyword the exporter bounds itself (see {@link FieldType#BOUNDED_KEYWORD}). */
  public static Field boundedKeyword(String name) {
    return new Field(name, FieldType.BOUNDED_KEYWORD);
  }

  public static Field longField(String name) {
    return new Field(name, FieldType.LONG);
  }

  public static Field integer(String name) {
    return new Field(name, FieldType.INTEGER);
  }

  public static Field bool(String name) {
    return new Field(name, FieldType.BOOLEAN);
  }

  public static Field date(String name) {
    return new Field(name, FieldType.DATE);
  }

  public static Field text(String name) {
    return new Field(name, FieldType.TEXT);
  }

  public static Field storedOnly(String name) {
    return new Field(name, FieldType.STORED_ONLY);
  }

  public static Field storedObject(String name) {
    return new Field(name, FieldType.STORED_OBJECT);
  }
}
