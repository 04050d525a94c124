package org.mnemosyne.web.view;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/**
 * Lets pages read Java records ({@code #{status.database.product}}): Jakarta EL 5 only knows
 * JavaBean getters, and our DTOs are records. Read-only; resolves only record components.
 */
public class RecordElResolver extends ELResolver {

  /** Record components by class and name: reflection once per class, not per expression. */
  private static final ClassValue<java.util.Map<String, RecordComponent>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected java.util.Map<String, RecordComponent> computeValue(Class<?> type) {
          java.util.Map<String, RecordComponent> byName = new java.util.HashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            byName.put(c.getName(), c);
          }
          return java.util.Map.copyOf(byName);
        }
      };

  private static RecordComponent component(Object base, Object property) {
    if (base == null || property == null || !base.getClass().isRecord()) {
      return null;
    }
    return COMPONENTS.get(base.getClass()).get(property.toString());
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    RecordComponent c = component(base, property);
    if (c == null) {
      return null;
    }
    try {
      Object value = c.getAccessor().invoke(base);
      context.setPropertyResolved(base, property);
      return value;
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new jakarta.el.ELException("cannot read " + property + " of " + base.getClass(), e);
    }
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    RecordComponent c = component(base, property);
    if (c != null) {
      context.setPropertyResolved(base, property);
    }
    return null; // read-only
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    if (component(base, property) != null) {
      throw new PropertyNotWritableException("records are read-only: " + property);
    }
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    if (component(base, property) != null) {
      context.setPropertyResolved(base, property);
      return true;
    }
    return false;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return base != null && base.getClass().isRecord() ? String.class : null;
  }
}
