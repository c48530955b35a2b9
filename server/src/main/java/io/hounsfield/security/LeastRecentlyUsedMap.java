package io.hounsfield.security;

import java.util.LinkedHashMap;
import java.util.Map;

/** At most {@code capacity} entries; the one used longest ago makes room, so that a flood of keys stays bounded. */
final class LeastRecentlyUsedMap<K, V> extends LinkedHashMap<K, V> {

    private final int capacity;

    LeastRecentlyUsedMap(int capacity) {
        super(64, 0.75f, true);
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
