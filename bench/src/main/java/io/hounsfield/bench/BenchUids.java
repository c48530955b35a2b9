package io.hounsfield.bench;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.UUID;

/** UIDs made from random UUIDs (PS3.5 §B.2, root 2.25), so every benchmark run stores new instances. */
final class BenchUids {
    private BenchUids() {
    }

    static String next() {
        UUID uuid = UUID.randomUUID();
        byte[] bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits()).array();
        return "2.25." + new BigInteger(1, bytes);
    }
}
