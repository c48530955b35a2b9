package io.hounsfield.contrast;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A contrast administration as the form sends it: a lot picked from the room's stock, or a scanned GS1 string
 * (GTIN, lot, expiry), and what was given how (PS3.16 CID 60 context; ACR Manual, injection of contrast media).
 */
public record AdministrationForm(Long lotId, String gs1, BigDecimal volumeMl, String route, String site,
        BigDecimal rateMlPerS, String injector, LocalDateTime administeredAt) {}
