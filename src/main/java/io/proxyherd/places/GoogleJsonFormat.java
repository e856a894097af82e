package io.proxyherd.places;

import static io.proxyherd.json.SharedJson.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Iterator;
import java.util.Map;

/** Prints JSON the way Google's legacy web APIs do: three-space indents and {@code "key" : value}. */
public final class GoogleJsonFormat {

    private static final String INDENT = "   ";

    private GoogleJsonFormat() {}

    /** Prints {@code value} without a trailing newline. */
    public static String print(JsonValue value) {
        StringBuilder out = new StringBuilder();
        write(value, 0, out);
        return out.toString();
    }

    private static void write(JsonValue value, int depth, StringBuilder out) {
        switch (value.getValueType()) {
            case OBJECT -> writeObject(value.asJsonObject(), depth, out);
            case ARRAY -> writeArray(value.asJsonArray(), depth, out);
            // Strings, numbers and literals: JSON-P's own rendering, escaping included.
            default -> out.append(value);
        }
    }

    private static void writeObject(JsonObject object, int depth, StringBuilder out) {
        if (object.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, JsonValue>> members = object.entrySet().iterator();
        while (members.hasNext()) {
            Map.Entry<String, JsonValue> member = members.next();
            indent(depth + 1, out);
            out.append(JSON.createValue(member.getKey())).append(" : ");
            write(member.getValue(), depth + 1, out);
            out.append(members.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append('}');
    }

    private static void writeArray(JsonArray array, int depth, StringBuilder out) {
        if (array.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        Iterator<JsonValue> elements = array.iterator();
        while (elements.hasNext()) {
            indent(depth + 1, out);
            write(elements.next(), depth + 1, out);
            out.append(elements.hasNext() ? ",\n" : "\n");
        }
        indent(depth, out);
        out.append(']');
    }

    private static void indent(int depth, StringBuilder out) {
        out.append(INDENT.repeat(depth));
    }
}
