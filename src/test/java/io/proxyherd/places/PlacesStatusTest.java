package io.proxyherd.places;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlacesStatusTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"status\": \"OK\", \"results\": []}|OK|false|true",
                "{\"status\": \"ZERO_RESULTS\"}|ZERO_RESULTS|false|true",
                "{\"places\": []}|OK|false|true",
                "{}|OK|false|true",
                "{\"status\": \"OVER_QUERY_LIMIT\"}|OVER_QUERY_LIMIT|true|false",
                "{\"status\": \"UNKNOWN_ERROR\"}|UNKNOWN_ERROR|true|false",
                "{\"status\": \"REQUEST_DENIED\"}|REQUEST_DENIED|false|false",
                "{\"status\": \"INVALID_REQUEST\"}|INVALID_REQUEST|false|false",
                "{\"error\": {\"code\": 500}}|UNKNOWN_ERROR|true|false",
                "{\"status\": 3}|UNKNOWN_ERROR|true|false",
                "[]|UNKNOWN_ERROR|true|false",
                "{\"status\": |UNKNOWN_ERROR|true|false"
            })
    void readsTheStatusAndWhatFollowsFromIt(String json, String status, boolean transientFailure, boolean success) {
        assertThat(PlacesStatus.of(json)).isEqualTo(status);
        assertThat(PlacesStatus.isTransient(json)).isEqualTo(transientFailure);
        assertThat(PlacesStatus.isSuccess(json)).isEqualTo(success);
    }
}
