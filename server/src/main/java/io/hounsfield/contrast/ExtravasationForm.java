package io.hounsfield.contrast;

import java.math.BigDecimal;

/** An extravasation: estimated volume, site, treatment and follow-up (ACR Manual on Contrast Media). */
public record ExtravasationForm(BigDecimal volumeMl, String site, String treatment, String followUp) {}
