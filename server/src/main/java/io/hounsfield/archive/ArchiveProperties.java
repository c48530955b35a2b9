package io.hounsfield.archive;

import io.hounsfield.dicom.io.ReadOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code hounsfield.archive.*} settings.
 *
 * @param duplicates what a C-STORE of an instance already stored does: {@code KEEP} the stored file (the new copy is
 *     discarded, the store still succeeds) or {@code REPLACE} it with the new copy
 * @param maxQueryMatches a C-FIND with more matches is refused (A700, "narrow the query") rather than cut short
 * @param limits what one received data set (C-STORE, STOW-RS, file import) may hold; beyond them it is refused
 */
@ConfigurationProperties("hounsfield.archive")
public record ArchiveProperties(@DefaultValue("KEEP") DuplicatePolicy duplicates,
        @DefaultValue("5000") int maxQueryMatches, @DefaultValue Limits limits) {

    public enum DuplicatePolicy { KEEP, REPLACE }

    /**
     * Bounds on a received data set, so that a hostile one is refused instead of exhausting memory. Pixel data is
     * streamed to disk and not bound by the first three.
     *
     * @param maxElementLength the longest value of any element other than pixel data
     * @param maxElements the most elements and sequence items, at all nesting levels
     * @param maxDatasetMemory the most memory the elements other than pixel data may take (values plus overhead)
     * @param maxInflatedLength the most a Deflated Explicit VR data set may inflate to, pixel data included
     */
    public record Limits(@DefaultValue("64MB") DataSize maxElementLength, @DefaultValue("1000000") long maxElements,
            @DefaultValue("256MB") DataSize maxDatasetMemory, @DefaultValue("1GB") DataSize maxInflatedLength) {

        public static final Limits DEFAULT = new Limits(DataSize.ofMegabytes(64), 1_000_000, DataSize.ofMegabytes(256),
                DataSize.ofGigabytes(1));

        public ReadOptions readOptions() {
            return ReadOptions.DEFAULT.withMaxElementLength(maxElementLength.toBytes()).withMaxElements(maxElements)
                    .withMaxDatasetMemory(maxDatasetMemory.toBytes()).withMaxInflatedLength(maxInflatedLength.toBytes());
        }
    }
}
