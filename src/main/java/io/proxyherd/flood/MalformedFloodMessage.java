package io.proxyherd.flood;

/** A flood message body that is not in the wire format {@link FloodCodec} reads; the message says where. */
public final class MalformedFloodMessage extends Exception {

    public MalformedFloodMessage(String reason) {
        super(reason);
    }
}
