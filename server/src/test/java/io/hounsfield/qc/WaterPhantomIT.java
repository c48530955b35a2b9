package io.hounsfield.qc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.archive.events.DeliveredEvents;
import io.hounsfield.audit.Actor;
import io.hounsfield.dicom.image.Raster;
import io.hounsfield.equipment.EquipmentService;
import io.hounsfield.equipment.EquipmentStatus;
import io.hounsfield.equipment.QcResultRecorded;
import io.hounsfield.scp.DicomListener;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 19: a water-phantom image stored from CT1 is analysed; the result is in the API and announced. */
@HounsfieldIntegrationTest
class WaterPhantomIT {

    static final List<QcResultRecorded> EVENTS = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class Listener {
        @Bean
        Object qcEventCapture() {
            return new Object() {
                @EventListener
                void on(QcResultRecorded event) {
                    EVENTS.add(event);
                }
            };
        }
    }

    @Autowired
    DicomListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    EquipmentService equipment;

    @TempDir
    Path work;

    /** The failing image takes CT1 out of service (its rule is on); the context is shared with other tests. */
    @AfterEach
    void backInService() {
        equipment.forAeTitle("CT1").ifPresent(ct1 -> equipment.setStatus(ct1.id(), EquipmentStatus.IN_SERVICE,
                "test over", new Actor("lead", "LEAD", "127.0.0.1")));
    }

    @Test
    void aStoredPhantomImageIsAnalysedAndAPlusTenHuImageFails() throws Exception {
        String passing = store(0, "QC daily water");
        String failing = store(10, "QC daily water");
        String head = storeHead();

        JsonNode results = new ObjectMapper().readTree(mvc.perform(get("/api/equipment/qc-results")
                .param("aeTitle", "CT1").with(httpBasic("tech", "demo"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8));
        JsonNode pass = find(results, passing);
        assertThat(pass.get("test").asText()).isEqualTo("CT_WATER_DAILY");
        assertThat(pass.get("outcome").asText()).isEqualTo("PASS");
        assertThat(pass.get("meanHu").asDouble()).isBetween(-0.5, 0.5);
        assertThat(pass.get("noiseSdHu").asDouble()).isBetween(4.5, 5.5);
        assertThat(pass.get("phantomDiameterMm").asDouble()).isBetween(198.0, 202.0);
        assertThat(pass.get("roiMeans").has("12h")).isTrue();
        JsonNode fail = find(results, failing);
        assertThat(fail.get("outcome").asText()).isEqualTo("FAIL");
        assertThat(fail.get("meanHu").asDouble()).isBetween(9.5, 10.5);
        assertThat(fail.get("reasons").get(0).asText()).startsWith("Water CT number ").endsWith("outside -5 to 5 HU");
        JsonNode none = find(results, head);
        assertThat(none.get("outcome").asText()).isEqualTo("NOT_ANALYSABLE");
        assertThat(none.get("reasons").get(0).asText()).startsWith("No water phantom found");

        assertThat(EVENTS).filteredOn(event -> event.aeTitle().equals("CT1"))
                .extracting(QcResultRecorded::passed).contains(true, false);
        assertThat(EVENTS).anySatisfy(event -> {
            assertThat(event.passed()).isFalse();
            assertThat(event.summary()).startsWith("Water CT number");
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'QC_RESULTS_VIEWED'").query(Long.class)
                .single()).isPositive();
        mvc.perform(get("/api/equipment/qc-results")).andExpect(status().isUnauthorized());
    }

    private static JsonNode find(JsonNode results, String sop) {
        for (JsonNode result : results) {
            if (result.get("sopInstanceUid").asText().equals(sop)) {
                return result;
            }
        }
        throw new AssertionError("no result for " + sop + " in " + results);
    }

    private String store(double waterHu, String description) throws Exception {
        return send(PhantomImages.water(waterHu), description);
    }

    private String storeHead() throws Exception {
        int[] signed = PhantomImages.head(3).samples();
        int[] unsigned = new int[signed.length];
        for (int i = 0; i < signed.length; i++) {
            unsigned[i] = signed[i] + 1024;
        }
        return send(Raster.of(512, 512, 1, 16, false, "MONOCHROME2", unsigned), "QC daily water");
    }

    private String send(Raster raster, String description) throws Exception {
        Path file = PhantomImages.writeCtImage(work, raster, description);
        Dcmtk.Run run = Dcmtk.run(work, "storescu", "-aet", "CT1", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port()), file.toString());
        assertThat(run.exitCode()).as(run.output()).isZero();
        DeliveredEvents.await(jdbc, "qc-water-phantom");
        return PhantomImages.sopInstanceUid(file);
    }
}
