package io.hounsfield.archive.index;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The study and series rows one ingest session (an association, a web request, an import run) has written, with the
 * values it wrote: its next instance of the same study and series, with the same values, writes no study or series
 * row again. That saves two statements per instance and, above all, the row locks that made concurrent associations
 * storing one study wait for each other. Bounded: a session of very many studies starts over.
 */
public final class IndexedRows {
    private static final int REMEMBERED = 1024;

    private final Map<IndexEntry.Study, Long> studies = new ConcurrentHashMap<>();
    private final Map<SeriesRow, Long> series = new ConcurrentHashMap<>();

    private record SeriesRow(long studyId, IndexEntry.Series series) {
    }

    /** The study and series rows an entry was indexed under. */
    public record Written(IndexEntry entry, long studyId, long seriesId) {
    }

    Long study(IndexEntry.Study study) {
        return studies.get(study);
    }

    Long series(long studyId, IndexEntry.Series row) {
        return series.get(new SeriesRow(studyId, row));
    }

    /** Remembers the rows of {@code written}, once their transaction committed. */
    public void wrote(Written written) {
        if (studies.size() >= REMEMBERED || series.size() >= REMEMBERED) {
            forget();
        }
        studies.put(written.entry().study(), written.studyId());
        series.put(new SeriesRow(written.studyId(), written.entry().series()), written.seriesId());
    }

    /** Forgets every row, as one may have been deleted since (a replace, a purge, a quarantine decision); true if any was known. */
    public boolean forget() {
        boolean any = !studies.isEmpty() || !series.isEmpty();
        studies.clear();
        series.clear();
        return any;
    }
}
