package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesAnswerTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"status\": \"OK\", \"results\": []}|OK|false|true",
                "{\"status\": \"ZERO_RESULTS\", \"results\": []}|ZERO_RESULTS|false|true",
                "{\"places\": []}|OK|false|true",
                "{}|OK|false|true"
            })
    void aSuccessKeepsGooglesStatusOrIsOkWithoutOne(
            String json, String status, boolean transientFailure, boolean success) {
        PlacesAnswer answer = PlacesAnswer.success(PlacesFixtures.parse(json));

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.isTransient()).isEqualTo(transientFailure);
        assertThat(answer.isSuccess()).isEqualTo(success);
        assertThat(answer.problem()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"OVER_QUERY_LIMIT|true", "UNKNOWN_ERROR|true", "REQUEST_DENIED|false", "INVALID_REQUEST|false"})
    void anErrorIsWorthRetryingOnlyIfItMayPass(String status, boolean transientFailure) {
        PlacesAnswer answer = PlacesAnswer.error(status, "what went wrong");

        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.isTransient()).isEqualTo(transientFailure);
        assertThat(answer.isSuccess()).isFalse();
        assertThat(answer.problem()).hasValue(status + ": what went wrong");
    }

    @Test
    void anErrorPrintsInGooglesShape() {
        String text = PlacesAnswer.error("REQUEST_DENIED", "no key").text();

        assertThat(text)
                .isEqualTo(
                        "{\n   \"html_attributions\" : [],\n   \"results\" : [],\n   \"status\" : \"REQUEST_DENIED\",\n"
                                + "   \"error_message\" : \"no key\"\n}");
    }
}
