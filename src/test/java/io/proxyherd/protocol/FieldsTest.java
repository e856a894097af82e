package io.proxyherd.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldsTest {

    static Stream<Arguments> eachWhitespaceKind() {
        return Stream.of(
                Arguments.of("space", " "),
                Arguments.of("tab", "\t"),
                Arguments.of("carriage return", "\r"),
                Arguments.of("line feed", "\n"),
                Arguments.of("form feed", "\f"),
                Arguments.of("vertical tab", "\u000B"));
    }

    @ParameterizedTest(name = "{0} separates fields")
    @MethodSource("eachWhitespaceKind")
    void eachWhitespaceKindSeparatesFields(String name, String separator) {
        assertThat(Fields.split("IAMAT" + separator + "kiwi" + separator + "+1+2"))
                .containsExactly("IAMAT", "kiwi", "+1+2");
    }

    @ParameterizedTest(name = "{0} is whitespace")
    @MethodSource("eachWhitespaceKind")
    void eachWhitespaceKindIsWhitespace(String name, String separator) {
        assertThat(Fields.isWhitespace(separator.charAt(0))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(chars = {'a', '+', '.', '?', '\u0000', '\u00A0', '\u2003', '\u001C', '\u0085'})
    void otherCharactersAreNotWhitespace(char c) {
        assertThat(Fields.isWhitespace(c)).isFalse();
    }

    @Test
    void nonBreakingSpaceIsPartOfAField() {
        assertThat(Fields.split("a\u00A0b c")).containsExactly("a\u00A0b", "c");
    }

    @Test
    void runsOfMixedWhitespaceAreOneSeparator() {
        assertThat(Fields.split("a \t\r\n\f\u000B  b")).containsExactly("a", "b");
    }

    @Test
    void leadingAndTrailingWhitespaceIsIgnored() {
        assertThat(Fields.split(" \t\u000Ba b\f\r\n ")).containsExactly("a", "b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\r\n\f\u000B"})
    void blankLineHasNoFields(String line) {
        assertThat(Fields.split(line)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT a b", "a", ""})
    void fieldsJoinedBySingleSpacesAreSingleSpaced(String line) {
        assertThat(Fields.isSingleSpaced(line)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"AT  a", " AT a", "AT a ", "AT\ta", "AT a\r", " "})
    void otherWhitespaceOrSpacingIsNotSingleSpaced(String line) {
        assertThat(Fields.isSingleSpaced(line)).isFalse();
    }
}
