package io.hounsfield.equipment;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The AE titles Hounsfield knows and what each may do; the DICOM listener asks it about every association, and the
 * services about every request. Answers are kept for a few seconds (a store would otherwise spend a database round
 * trip on it); a change made here is seen at once, one made by another node within that time.
 */
@Service
public class DicomPeerRegistry {
    private static final Duration KEPT = Duration.ofSeconds(10);

    private static final RowMapper<DicomPeer> PEER = (row, number) -> new DicomPeer(
            row.getString("ae_title"), row.getString("description"), row.getString("host"),
            (Integer) row.getObject("port"), row.getString("modality"), row.getString("station_name"),
            parse(row.getString("permissions")), row.getBoolean("enabled"));

    private record Answer(Optional<DicomPeer> peer, long readAt) {
    }

    private final JdbcClient jdbc;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    DicomPeerRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The peer with this AE title; AE titles compare without their trailing spaces (PS3.5 §6.2). */
    public Optional<DicomPeer> find(String aeTitle) {
        String key = aeTitle.strip();
        long now = System.nanoTime();
        Answer answer = answers.get(key);
        if (answer == null || now - answer.readAt() > KEPT.toNanos()) {
            answer = new Answer(jdbc.sql("SELECT * FROM dicom_peer WHERE ae_title = ?").param(key).query(PEER)
                    .optional(), now);
            if (answer.peer().isPresent()) {
                // Strangers are not kept: their AE titles are theirs to choose, and would fill the map.
                answers.put(key, answer);
            }
        }
        return answer.peer();
    }

    public List<DicomPeer> all() {
        return jdbc.sql("SELECT * FROM dicom_peer ORDER BY ae_title").query(PEER).list();
    }

    /** Adds the peer, or replaces the one with its AE title. */
    public void save(DicomPeer peer) {
        jdbc.sql("""
                INSERT INTO dicom_peer (ae_title, description, host, port, modality, station_name, permissions, enabled)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (ae_title) DO UPDATE SET description = EXCLUDED.description, host = EXCLUDED.host,
                    port = EXCLUDED.port, modality = EXCLUDED.modality, station_name = EXCLUDED.station_name,
                    permissions = EXCLUDED.permissions, enabled = EXCLUDED.enabled""")
                .params(peer.aeTitle().strip(), peer.description(), peer.host(), peer.port(), peer.modality(),
                        peer.stationName(), format(peer.permissions()), peer.enabled())
                .update();
        answers.remove(peer.aeTitle().strip());
    }

    private static Set<PeerPermission> parse(String permissions) {
        if (permissions.isBlank()) {
            return EnumSet.noneOf(PeerPermission.class);
        }
        return Arrays.stream(permissions.split(",")).map(PeerPermission::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PeerPermission.class)));
    }

    private static String format(Set<PeerPermission> permissions) {
        return permissions.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }
}
