package io.hounsfield.equipment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.Dcmtk;
import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.AuditQuery;
import io.hounsfield.audit.AuditService;
import io.hounsfield.dicom.net.ApplicationEntity;
import io.hounsfield.dicom.net.DicomServer;
import io.hounsfield.dicom.net.service.EchoService;
import io.hounsfield.dicom.net.service.ServiceRegistry;
import io.hounsfield.scp.DicomListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** An administrator adds a DICOM peer, which may then associate, and tests its address with C-ECHO. */
@HounsfieldIntegrationTest
class PeerAdminIT {
    @Autowired
    MockMvc mvc;

    @Autowired
    DicomPeerRegistry peers;

    @Autowired
    DicomListener listener;

    @Autowired
    AuditService audit;

    @TempDir
    Path work;

    @Test
    void anAddedPeerMayEchoAndIsEchoedAndTheChangeIsAudited() throws Exception {
        assertThat(Dcmtk.run(work, "echoscu", "-aet", "NEWCT", "-aec", "HOUNSFIELD", "127.0.0.1",
                String.valueOf(listener.port())).exitCode()).as("unknown before").isNotZero();
        try (DicomServer newCt = DicomServer.start(ApplicationEntity.of("NEWCT",
                new ServiceRegistry().echo(new EchoService() {})), "127.0.0.1", 0)) {
            mvc.perform(post("/admin/peers").with(csrf()).with(user("admin").roles("ADMIN"))
                            .param("aeTitle", "NEWCT").param("description", "CT in room 5")
                            .param("host", "127.0.0.1").param("port", String.valueOf(newCt.port()))
                            .param("modality", "CT").param("permissions", "STORE", "WORKLIST")
                            .param("enabled", "true"))
                    .andExpect(flash().attribute("message", "DICOM peer NEWCT added."));

            assertThat(peers.find("NEWCT")).hasValueSatisfying(peer -> {
                assertThat(peer.permissions()).containsExactlyInAnyOrder(PeerPermission.STORE, PeerPermission.WORKLIST);
                assertThat(peer.port()).isEqualTo(newCt.port());
            });
            Dcmtk.Run echo = Dcmtk.run(work, "echoscu", "-aet", "NEWCT", "-aec", "HOUNSFIELD", "127.0.0.1",
                    String.valueOf(listener.port()));
            assertThat(echo.exitCode()).as(echo.output()).isZero();

            String message = (String) mvc.perform(post("/admin/peers/NEWCT/echo").with(csrf())
                    .with(user("admin").roles("ADMIN"))).andReturn().getFlashMap().get("message");
            assertThat(message).startsWith("C-ECHO to NEWCT at 127.0.0.1:" + newCt.port() + ": Success");
        }
        assertThat(audit.search(new AuditQuery("admin", null, "DICOM_PEER_ADDED", null, null, 0)))
                .anySatisfy(event -> assertThat(event.objectId()).isEqualTo("NEWCT"));
        String page = mvc.perform(get("/admin/peers").with(user("admin").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("NEWCT", "CT in room 5", "Store, Worklist");
    }

    @Test
    void badInputIsRefusedWithTheReasonAndOthersMayNotChangePeers() throws Exception {
        String page = mvc.perform(post("/admin/peers").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("aeTitle", "WAY_TOO_LONG_AE_TITLE").param("description", "x")
                        .param("permissions", "MOVE_DESTINATION"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("size must be between 0 and 16");
        assertThat(peers.find("WAY_TOO_LONG_AE_TITLE")).isEmpty();
        page = mvc.perform(post("/admin/peers").with(csrf()).with(user("admin").roles("ADMIN"))
                        .param("aeTitle", "NOWHERE").param("description", "x").param("permissions", "MOVE_DESTINATION"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("a move destination needs host and port");
        assertThat(peers.find("NOWHERE")).isEmpty();

        mvc.perform(post("/admin/peers").with(csrf()).with(user("lead").roles("LEAD"))
                .param("aeTitle", "SNEAKY").param("description", "x")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/peers").with(user("tech").roles("TECHNOLOGIST"))).andExpect(status().isForbidden());
        assertThat(peers.find("SNEAKY")).isEmpty();
    }
}
