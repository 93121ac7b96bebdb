package io.baton.api.fn;

import java.io.Serializable;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Reads what a serializable lambda or method reference says about itself: the method it names
 * ({@code Reading::getSensorId} → {@code sensorId}) and the class it returns. Used once, when a
 * pipeline is defined; never per record.
 */
public final class Lambdas {
  private Lambdas() {}

  /** The lambda's serialized form, or empty for a plain class implementing the interface. */
  public static Optional<SerializedLambda> serialized(Serializable fn) {
    try {
      Method writeReplace = fn.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      Object replaced = writeReplace.invoke(fn);
      return replaced instanceof SerializedLambda s ? Optional.of(s) : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** A readable name: {@code getSensorId} → {@code sensorId}; a lambda body → {@code fallback}. */
  public static String describe(Serializable fn, String fallback) {
    return serialized(fn)
        .map(SerializedLambda::getImplMethodName)
        .filter(name -> !name.startsWith("lambda$"))
        .map(Lambdas::propertyName)
        .orElse(fallback);
  }

  /** The class the function returns, if its signature names a concrete one (not Object, not Iterable). */
  public static Optional<Class<?>> returnType(Serializable fn) {
    Optional<SerializedLambda> lambda = serialized(fn);
    if (lambda.isEmpty()) {
      return Optional.empty();
    }
    SerializedLambda s = lambda.get();
    String descriptor = s.getInstantiatedMethodType();
    String ret = descriptor.substring(descriptor.indexOf(')') + 1);
    if (!ret.startsWith("L")) {
      return Optional.empty();
    }
    String className = ret.substring(1, ret.length() - 1).replace('/', '.');
    try {
      ClassLoader loader = fn.getClass().getClassLoader();
      Class<?> type = Class.forName(className, false, loader);
      if (type == Object.class || Iterable.class.isAssignableFrom(type)) {
        return Optional.empty();
      }
      return Optional.of(type);
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
  }

  static String propertyName(String method) {
    for (String prefix : new String[] {"get", "is"}) {
      if (method.length() > prefix.length() && method.startsWith(prefix)
          && Character.isUpperCase(method.charAt(prefix.length()))) {
        String rest = method.substring(prefix.length());
        return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
      }
    }
    return method;
  }
}
