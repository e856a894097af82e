package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class GoogleJsonFormatTest {

    @Test
    void printsNestedObjectsAndArraysWithThreeSpaceIndents() {
        JsonObject answer = PlacesFixtures.parse("""
                {"html_attributions":[],"results":[{"name":"Royce Hall",\
                "geometry":{"location":{"lat":34.0729,"lng":-118.4422}}}],"status":"OK"}""");

        assertThat(GoogleJsonFormat.print(answer)).isEqualTo("""
                {
                   "html_attributions" : [],
                   "results" : [
                      {
                         "name" : "Royce Hall",
                         "geometry" : {
                            "location" : {
                               "lat" : 34.0729,
                               "lng" : -118.4422
                            }
                         }
                      }
                   ],
                   "status" : "OK"
                }""");
    }

    @Test
    void printsArraysOfScalarsAndArraysOneElementPerLine() {
        JsonValue nested = PlacesFixtures.parse("""
                {"types":["cafe","food"],"grid":[[1,2],[],[{}]]}""");

        assertThat(GoogleJsonFormat.print(nested)).isEqualTo("""
                {
                   "types" : [
                      "cafe",
                      "food"
                   ],
                   "grid" : [
                      [
                         1,
                         2
                      ],
                      [],
                      [
                         {}
                      ]
                   ]
                }""");
    }

    @Test
    void printsEmptyContainersCompactly() {
        assertThat(GoogleJsonFormat.print(JsonValue.EMPTY_JSON_OBJECT)).isEqualTo("{}");
        assertThat(GoogleJsonFormat.print(JsonValue.EMPTY_JSON_ARRAY)).isEqualTo("[]");
        assertThat(GoogleJsonFormat.print(PlacesFixtures.parse("{\"a\":{},\"b\":[]}")))
                .isEqualTo("{\n   \"a\" : {},\n   \"b\" : []\n}");
    }

    @Test
    void printsScalarsAndLiterals() {
        JsonObject scalars = Json.createObjectBuilder()
                .add("open_now", true)
                .add("permanently_closed", false)
                .addNull("price_level")
                .add("vicinity", "Westwood")
                .build();

        assertThat(GoogleJsonFormat.print(scalars)).isEqualTo("""
                {
                   "open_now" : true,
                   "permanently_closed" : false,
                   "price_level" : null,
                   "vicinity" : "Westwood"
                }""");
        assertThat(GoogleJsonFormat.print(JsonValue.TRUE)).isEqualTo("true");
        assertThat(GoogleJsonFormat.print(Json.createValue("top"))).isEqualTo("\"top\"");
    }

    @Test
    void escapesStringsAndKeysAsJson() {
        JsonObject tricky = Json.createObjectBuilder()
                .add("say \"hi\"", "He said \"hi\"\n\tC:\\temp\u0001")
                .add("html", "<a href=\"https://maps.google.com\">A Google User</a>")
                .add("unicode", "Café Ü")
                .build();

        String printed = GoogleJsonFormat.print(tricky);

        assertThat(printed)
                .isEqualTo("{\n"
                        + "   \"say \\\"hi\\\"\" : \"He said \\\"hi\\\"\\n\\tC:\\\\temp\\u0001\",\n"
                        + "   \"html\" : \"<a href=\\\"https://maps.google.com\\\">A Google User</a>\",\n"
                        + "   \"unicode\" : \"Café Ü\"\n"
                        + "}");
        assertThat(PlacesFixtures.parse(printed)).isEqualTo(tricky);
    }

    @Test
    void printsNumbersAsJsonPGivesThem() {
        JsonObject numbers = PlacesFixtures.parse("""
                {"int":42,"negative":-118.445127,"scale":1.50,"big":12345678901234567890,"exponent":1E3,"zero":0}""");

        assertThat(GoogleJsonFormat.print(numbers)).isEqualTo("""
                {
                   "int" : 42,
                   "negative" : -118.445127,
                   "scale" : 1.50,
                   "big" : 12345678901234567890,
                   "exponent" : 1E+3,
                   "zero" : 0
                }""");
        assertThat(GoogleJsonFormat.print(Json.createValue(new BigDecimal("34.06893"))))
                .isEqualTo("34.06893");
    }

    @Test
    void keepsMemberOrderAndRoundTripsARealAnswer() {
        JsonObject answer = PlacesFixtures.parse(PlacesFixtures.read("nearby-ok-ucla.json"));

        String printed = GoogleJsonFormat.print(answer);

        assertThat(PlacesFixtures.parse(printed)).isEqualTo(answer);
        assertThat(PlacesFixtures.parse(printed).keySet())
                .containsExactly("html_attributions", "next_page_token", "results", "status");
        assertThat(printed)
                .startsWith("{\n   \"html_attributions\" : [],\n   \"next_page_token\" : \"")
                .endsWith("\n   ],\n   \"status\" : \"OK\"\n}")
                .doesNotContain("\t");
    }
}
