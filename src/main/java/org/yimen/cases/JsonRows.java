package org.yimen.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the child rows a case load aggregates as JSON arrays of arrays ({@code json_build_array} in column order),
 * value by value, the way a result set is read. Binding records by property name cost more than the rest of a
 * transition's work on this side of the database.
 */
final class JsonRows {

    /** Reads one row's values in the order the query builds them. */
    @FunctionalInterface
    interface Row<T> {
        T read(JsonRows values);
    }

    private final JsonParser parser;

    private JsonRows(JsonParser parser) {
        this.parser = parser;
    }

    static <T> List<T> read(JsonMapper json, String text, Row<T> row) {
        try (JsonParser parser = json.createParser(text)) {
            return new JsonRows(parser).list(row);
        }
    }

    /** The next value, an array of rows. */
    <T> List<T> list(Row<T> row) {
        expect(parser.nextToken(), JsonToken.START_ARRAY);
        List<T> rows = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            expect(parser.currentToken(), JsonToken.START_ARRAY);
            rows.add(row.read(this));
            expect(parser.nextToken(), JsonToken.END_ARRAY);
        }
        return rows;
    }

    @Nullable String textOrNull() {
        return parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getString();
    }

    String text() {
        return required(textOrNull());
    }

    @Nullable Long longOrNull() {
        return parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getLongValue();
    }

    long longValue() {
        return required(longOrNull());
    }

    @Nullable Integer integerOrNull() {
        return parser.nextToken() == JsonToken.VALUE_NULL ? null : parser.getIntValue();
    }

    int integer() {
        return required(integerOrNull());
    }

    boolean bool() {
        return parser.nextToken() == JsonToken.VALUE_TRUE;
    }

    /** A date as PostgreSQL writes it in JSON ({@code 2026-11-30}), read by hand: a formatter costs more. */
    @Nullable LocalDate dateOrNull() {
        String text = textOrNull();
        if (text == null) {
            return null;
        }
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return LocalDate.parse(text); // a year beyond 9999 or before 1: let the formatter say what is wrong
        }
        return LocalDate.of(Integer.parseInt(text, 0, 4, 10), Integer.parseInt(text, 5, 7, 10),
                Integer.parseInt(text, 8, 10, 10));
    }

    LocalDate date() {
        return required(dateOrNull());
    }

    /** An instant the query gives as microseconds since the epoch. */
    Instant instant() {
        long micros = longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static <T> T required(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a required column of a case's child row is null");
        }
        return value;
    }

    private static void expect(@Nullable JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " in a case's child rows, not " + actual);
        }
    }
}
