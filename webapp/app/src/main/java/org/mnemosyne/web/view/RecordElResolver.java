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

  private static RecordComponent component(Object base, Object property) {
    if (base == null || property == null || !base.getClass().isRecord()) {
      return null;
    }
    String name = property.toString();
    for (RecordComponent c : base.getClass().getRecordComponents()) {
      if (c.getName().equals(name)) {
        return c;
      }
    }
    return null;
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
