package ssgan.config;

import java.util.List;
import java.util.Map;

/**
 * A parsed YAML/JSON document that remembers where every key and value was written, so validation errors can
 * point at a line and column (Jackson's tree model drops locations).
 */
public sealed interface ConfigNode {

    /** 1-based position of the node's first character. */
    record Loc(int line, int column) {}

    Loc loc();

    /** A mapping; fields keep the order in which they were written. */
    record MapNode(Loc loc, Map<String, Field> fields) implements ConfigNode {}

    /** One key of a mapping, with the position of the key itself. */
    record Field(String name, Loc keyLoc, ConfigNode value) {}

    record ListNode(Loc loc, List<ConfigNode> items) implements ConfigNode {}

    /**
     * A scalar as the parser typed it: Integer, Long, BigInteger, Double, Boolean, String, or null.
     */
    record ScalarNode(Loc loc, Object value) implements ConfigNode {}

    /** Short description of a node for "got ..." messages. */
    static String describe(ConfigNode node) {
        if (node instanceof MapNode) {
            return "a map";
        }
        if (node instanceof ListNode) {
            return "a list";
        }
        return describeScalar(((ScalarNode) node).value());
    }

    static String describeScalar(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string '" + s + "'";
        }
        return value.toString();
    }
}
