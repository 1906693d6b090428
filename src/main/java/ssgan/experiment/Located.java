package ssgan.experiment;

/** A typed setting value (Integer, Double, Boolean, String, an enum, or null) and where it was written. */
record Located(Object value, Origin origin) {}
