package io.proxyherd.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code WHATSAT client radiusKm maxResults}: a client asks for places near another client's last position. */
public record WhatsAt(String clientId, BigDecimal radiusKm, int maxResults) implements Request {

    static final String COMMAND = "WHATSAT";
    static final BigDecimal MAX_RADIUS_KM = BigDecimal.valueOf(50);
    static final int MAX_RESULTS = 20;

    private static final Pattern UNSIGNED_DECIMAL = Pattern.compile("[0-9]+(?:\\.[0-9]+)?");
    private static final Pattern UNSIGNED_INTEGER = Pattern.compile("[0-9]+");
    private static final BigDecimal METRES_PER_KM = BigDecimal.valueOf(1000);

    public WhatsAt {
        Fields.requireField(clientId, "client id");
        Objects.requireNonNull(radiusKm, "radiusKm");
        if (!isValidRadius(radiusKm)) {
            throw new IllegalArgumentException("radius must be in (0, 50] km: " + radiusKm);
        }
        if (maxResults < 1 || maxResults > MAX_RESULTS) {
            throw new IllegalArgumentException("max results must be in [1, 20]: " + maxResults);
        }
    }

    /** The radius in metres, exactly. */
    public BigDecimal radiusMetres() {
        return radiusKm.multiply(METRES_PER_KM);
    }

    static Optional<WhatsAt> fromFields(List<String> fields) {
        if (fields.size() != 4 || !fields.get(0).equals(COMMAND)) {
            return Optional.empty();
        }
        String radiusText = fields.get(2);
        String maxResultsText = fields.get(3);
        if (!UNSIGNED_DECIMAL.matcher(radiusText).matches()
                || !UNSIGNED_INTEGER.matcher(maxResultsText).matches()) {
            return Optional.empty();
        }
        BigDecimal radiusKm = new BigDecimal(radiusText);
        // BigInteger first: a long run of digits must be rejected, not overflow into range.
        BigInteger maxResults = new BigInteger(maxResultsText);
        if (!isValidRadius(radiusKm)
                || maxResults.signum() <= 0
                || maxResults.compareTo(BigInteger.valueOf(MAX_RESULTS)) > 0) {
            return Optional.empty();
        }
        return Optional.of(new WhatsAt(fields.get(1), radiusKm, maxResults.intValueExact()));
    }

    private static boolean isValidRadius(BigDecimal radiusKm) {
        return radiusKm.signum() > 0 && radiusKm.compareTo(MAX_RADIUS_KM) <= 0;
    }
}
