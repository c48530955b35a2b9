package io.hounsfield.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 12 point 11: every page asked for {@code /favicon.ico} and got a 404. */
@HounsfieldIntegrationTest
class FaviconIT {

    @Autowired
    MockMvc mvc;

    @Test
    void theFaviconIsServedWithoutALogin() throws Exception {
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(icon).startsWith(0, 0, 1, 0);
    }
}
