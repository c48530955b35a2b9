package io.hounsfield.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** GS1 element strings as scanners send them (GS1 General Specifications, AIs 01, 10, 17, 21). */
class Gs1Test {

    private static final String GS = "\u001D";

    @Test
    void readsTheBracketedHumanReadableForm() {
        Gs1Element element = InventoryService.parseGs1("(01)09506000134352(17)270331(10)23A4(21)S-991");

        assertThat(element).isEqualTo(new Gs1Element("09506000134352", "23A4", LocalDate.of(2027, 3, 31), "S-991"));
    }

    @Test
    void readsTheRawFormWithGroupSeparatorsAndASymbologyIdentifier() {
        Gs1Element element = Gs1.parse("]d2" + "0109506000134352" + "10LOT77" + GS + "17280115" + "21X1");

        assertThat(element).isEqualTo(new Gs1Element("09506000134352", "LOT77", LocalDate.of(2028, 1, 15), "X1"));
    }

    @Test
    void aLotAtTheEndNeedsNoSeparator() {
        Gs1Element element = Gs1.parse("]C1" + "010950600013435217270600" + "10B12-X");

        assertThat(element.lot()).isEqualTo("B12-X");
        assertThat(element.serial()).isNull();
    }

    @Test
    void expiryDayZeroMeansTheLastDayOfTheMonth() {
        assertThat(Gs1.parse("(17)280200").expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Gs1.parse("(17)270400(10)A").expiry()).isEqualTo(LocalDate.of(2027, 4, 30));
    }

    @Test
    void aWrongCheckDigitIsRefusedWithAPlainReason() {
        assertThatThrownBy(() -> Gs1.parse("(01)09506000134353(10)23A4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GTIN 09506000134353 has a wrong check digit (expected 2)");
    }

    @Test
    void checkDigitsOfKnownGtins() {
        assertThat(Gs1.checkDigit("0950600013435")).isEqualTo(2);
        assertThat(Gs1.checkDigit("0401234500001")).isEqualTo(6);
    }

    @Test
    void unreadableScansAreRefusedNotCrashed() {
        assertThatThrownBy(() -> Gs1.parse("")).hasMessage("The scan is empty.");
        assertThatThrownBy(() -> Gs1.parse("(17)271332")).hasMessageContaining("is not a date");
        assertThatThrownBy(() -> Gs1.parse("01095060001343")).hasMessageContaining("ends inside AI (01)");
        assertThatThrownBy(() -> Gs1.parse("hello")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Gs1.parse("(99)ABC")).hasMessageContaining("does not read");
        assertThatThrownBy(() -> Gs1.parse("(10)" + "X".repeat(21))).hasMessageContaining("wrong length");
    }
}
