package ssgan.config;

/** A typed setting value (Integer, Double, Boolean, String, an enum, or null) and where it was written. */
public record Located(Object value, Origin origin) {}
