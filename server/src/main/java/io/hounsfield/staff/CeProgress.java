package io.hounsfield.staff;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Credits earned in a biennium against the {@value Biennium#REQUIRED_CREDITS} required. */
public record CeProgress(Biennium biennium, BigDecimal earned) {

    public int required() {
        return Biennium.REQUIRED_CREDITS;
    }

    public BigDecimal remaining() {
        return BigDecimal.valueOf(required()).subtract(earned).max(BigDecimal.ZERO);
    }

    /** 0 to 100, for the progress bar. */
    public int percent() {
        return earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(required()), 0, RoundingMode.DOWN)
                .min(BigDecimal.valueOf(100)).intValue();
    }

    public boolean met() {
        return earned.compareTo(BigDecimal.valueOf(required())) >= 0;
    }
}
