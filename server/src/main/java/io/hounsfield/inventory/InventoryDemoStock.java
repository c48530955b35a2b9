package io.hounsfield.inventory;

import io.hounsfield.audit.Actor;
import io.hounsfield.catalog.Procedure;
import io.hounsfield.catalog.ProcedureCatalog;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.ExamState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo mode's stock for the demo rooms, dated around the department clock's today: contrast media, IV catheters,
 * sterile trays, syringes and needles; one Omnipaque lot in CT1 expired yesterday, one Gadovist lot recalled, and
 * the 22G catheters in CT1 at their reorder level (the lead is notified). Made once: a database with items keeps
 * them. GTINs use the GS1 example company prefix 4012345 (GS1 General Specifications' examples).
 */
@Component
@ConditionalOnProperty(name = "hounsfield.demo", havingValue = "true")
class InventoryDemoStock {

    private static final Actor DEMO = new Actor("demo", "SYSTEM", null);

    private final StockKeeping keeping;
    private final InventoryRepository repository;
    private final ReorderAlerts reorder;
    private final Clock clock;

    private final InventoryService inventory;
    private final ExamService exams;
    private final ProcedureCatalog catalog;

    InventoryDemoStock(StockKeeping keeping, InventoryRepository repository, ReorderAlerts reorder, Clock clock,
            InventoryService inventory, ExamService exams, ProcedureCatalog catalog) {
        this.inventory = inventory;
        this.exams = exams;
        this.catalog = catalog;
        this.keeping = keeping;
        this.repository = repository;
        this.reorder = reorder;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        if (repository.itemByName("Omnipaque 350, 100 mL").isPresent()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        long omnipaque = item("Omnipaque 350, 100 mL", "CONTRAST", "mL", "0401234500001", "IOHEXOL_350");
        long visipaque = item("Visipaque 320, 100 mL", "CONTRAST", "mL", "0401234500002", "IODIXANOL_320");
        long dotarem = item("Dotarem, 15 mL", "CONTRAST", "mL", "0401234500003", "GADOTERATE");
        long gadovist = item("Gadovist 1.0, 7.5 mL", "CONTRAST", "mL", "0401234500004", "GADOBUTROL");
        long catheter20 = item("IV catheter 20G", "CATHETER", "piece", "0401234500005", null);
        long catheter22 = item("IV catheter 22G", "CATHETER", "piece", "0401234500006", null);
        long tray = item("Sterile tray, IV start", "STERILE_TRAY", "piece", "0401234500007", null);
        long injector = item("Power injector syringe 200 mL", "SYRINGE", "piece", "0401234500008", null);
        long syringe = item("Syringe 10 mL", "SYRINGE", "piece", "0401234500009", null);
        long needle = item("Needle 18G", "NEEDLE", "piece", "0401234500010", null);

        receive(omnipaque, "OM23A4", today.minusDays(1), "CT1", 300);
        receive(omnipaque, "OM24B1", today.plusDays(45), "CT1", 1500);
        receive(omnipaque, "OM24C7", today.plusDays(210), "CT1", 2000);
        receive(visipaque, "VP2407", today.plusDays(120), "CT1", 1000);
        receive(injector, "PI7731", today.plusDays(500), "CT1", 40);
        receive(catheter20, "C20-8812", today.plusDays(400), "CT1", 60);
        receive(catheter22, "C22-5510", today.plusDays(380), "CT1", 10);
        receive(tray, "ST-0934", today.plusDays(200), "CT1", 25);
        receive(syringe, "SY-4410", today.plusDays(600), "CT1", 100);
        receive(dotarem, "DT-K118", today.plusDays(90), "MR1", 450);
        long recalled = receive(gadovist, "GV-77R2", today.plusDays(150), "MR1", 150);
        receive(gadovist, "GV-80T5", today.plusDays(260), "MR1", 225);
        receive(catheter22, "C22-5510", today.plusDays(380), "MR1", 30);
        receive(tray, "ST-0934", today.plusDays(200), "MR1", 12);
        receive(needle, "N18-220", today.plusDays(700), "US1", 50);
        receive(syringe, "SY-4410", today.plusDays(600), "US1", 40);
        receive(tray, "ST-0934", today.plusDays(200), "US1", 15);
        receive(syringe, "SY-4410", today.plusDays(600), "DX1", 20);

        keeping.recall(recalled, "Manufacturer field safety notice FSN-2026-114: "
                + "particles in vials; return to supplier", DEMO);
        level(omnipaque, "CT1", 1000);
        level(catheter20, "CT1", 20);
        level(catheter22, "CT1", 10);
        level(dotarem, "MR1", 150);
        useInTodaysExams();
    }

    /** What the day's finished CT and MR exams used, for the usage chart: contrast when the procedure has it. */
    private void useInTodaysExams() {
        Instant now = clock.instant();
        for (Exam exam : exams.booked(EnumSet.of(ExamState.ACQUIRED, ExamState.QC_APPROVED, ExamState.RELEASED),
                now.minus(Duration.ofHours(12)), now, null)) {
            boolean contrast = catalog.find(exam.procedureCode()).map(Procedure::contrast).orElse(false);
            if ("CT1".equals(exam.stationAeTitle())) {
                use(exam, "IV catheter 20G", "C20-8812", 1);
                use(exam, "Sterile tray, IV start", "ST-0934", 1);
                if (contrast) {
                    use(exam, "Omnipaque 350, 100 mL", "OM24B1", 80 + (int) (exam.id() % 3) * 10);
                }
            } else if ("MR1".equals(exam.stationAeTitle()) && contrast) {
                use(exam, "IV catheter 22G", "C22-5510", 1);
                use(exam, "Dotarem, 15 mL", "DT-K118", 15);
            }
        }
    }

    private void use(Exam exam, String item, String lot, int amount) {
        try {
            repository.itemByName(item).flatMap(id -> repository.lotByGtin(repository.gtin(id), lot))
                    .ifPresent(found -> inventory.use(new StockUse(found.id(), exam.stationAeTitle(),
                            BigDecimal.valueOf(amount), exam.id(), DEMO.name())));
        } catch (StockRefused runOut) {
            // a long demo day empties a shelf: the rest of it used none
        }
    }

    private long item(String name, String category, String unit, String gtinWithoutCheckDigit, String agent) {
        return keeping.createItem(name, category, unit, gtinWithoutCheckDigit + Gs1.checkDigit(gtinWithoutCheckDigit),
                agent, DEMO);
    }

    private long receive(long item, String lot, LocalDate expiry, String room, int amount) {
        return keeping.receive(item, lot, expiry, room, BigDecimal.valueOf(amount), DEMO).id();
    }

    private void level(long item, String room, int level) {
        keeping.setReorderLevel(item, room, BigDecimal.valueOf(level), DEMO);
        reorder.check(item, name(item), room, DEMO);
    }

    private String name(long item) {
        return repository.itemName(item);
    }
}
