package org.mnemosyne.db.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.mnemosyne.db.catalog.CollectionStatus;

/** Stores a {@link CollectionStatus} as the lower-case word the schema's check allows. */
@Converter
public class CollectionStatusConverter implements AttributeConverter<CollectionStatus, String> {
  @Override
  public String convertToDatabaseColumn(CollectionStatus status) {
    return status == null ? null : status.dbValue();
  }

  @Override
  public CollectionStatus convertToEntityAttribute(String value) {
    return value == null ? null : CollectionStatus.fromDb(value);
  }
}
