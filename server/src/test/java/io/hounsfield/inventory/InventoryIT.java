package io.hounsfield.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.hounsfield.HounsfieldIntegrationTest;
import io.hounsfield.audit.Actor;
import io.hounsfield.exam.Exam;
import io.hounsfield.exam.ExamService;
import io.hounsfield.exam.NewExam;
import io.hounsfield.exam.Priority;
import io.hounsfield.notification.Notification;
import io.hounsfield.notification.NotificationService;
import io.hounsfield.patient.PatientService;
import io.hounsfield.patient.Sex;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Issue 20: stock is taken by exactly what was used, never below zero, and never from a blocked lot. */
@HounsfieldIntegrationTest
class InventoryIT {

    private static final Actor LEAD = new Actor("lead", "LEAD", "127.0.0.1");

    @Autowired
    MockMvc mvc;

    @Autowired
    InventoryService inventory;

    @Autowired
    StockKeeping keeping;

    @Autowired
    ExamService exams;

    @Autowired
    PatientService patients;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void useDecrementsByExactlyTheAmountAndRecordsAndAuditsIt() {
        String room = room();
        InventoryService.Lot lot = received("Omnipaque 350 100 mL", "CONTRAST", "mL", room, "500", 400);
        Exam exam = exam(room);

        InventoryService.Lot used = inventory.use(new StockUse(lot.id(), room, new BigDecimal("87.5"), exam.id(),
                "tech"));

        assertThat(used.id()).isEqualTo(lot.id());
        assertThat(quantity(lot.id(), room)).isEqualByComparingTo("412.5");
        assertThat(jdbc.sql("SELECT amount FROM inventory_movement WHERE kind = 'USE' AND exam_id = ?")
                .param(exam.id()).query(BigDecimal.class).single()).isEqualByComparingTo("-87.5");
        assertThat(audit("STOCK_USED", exam.accessionNumber(), "SUCCESS")).isEqualTo(1);
        assertThat(inventory.usableLots(room, "CONTRAST")).extracting(InventoryService.Lot::id).containsExactly(lot.id());
        assertThat(inventory.usableLots(room, "CATHETER")).isEmpty();
    }

    @Test
    void anExpiredLotIsRefusedWithItsDateAndTheStockIsUntouched() {
        String room = room();
        InventoryService.Lot lot = received("Visipaque 320 50 mL", "CONTRAST", "mL", room, "200", -1);
        Exam exam = exam(room);

        assertThatThrownBy(() -> inventory.use(new StockUse(lot.id(), room, BigDecimal.TEN, exam.id(), "tech")))
                .isInstanceOf(StockRefused.class)
                .hasMessage("Lot " + lot.lotNumber() + " expired on " + InventoryWords.date(lot.expiry())
                        + " — it cannot be used");
        assertThat(quantity(lot.id(), room)).isEqualByComparingTo("200");
        assertThat(audit("STOCK_USE_REFUSED", exam.accessionNumber(), "FAILURE")).isEqualTo(1);
        assertThat(inventory.usableLots(room, null)).isEmpty();
    }

    @Test
    void aRecalledLotIsBlockedInEveryRoom() {
        String room = room();
        String other = room();
        InventoryService.Lot lot = received("Dotarem 15 mL", "CONTRAST", "mL", room, "150", 200);
        keeping.receive(lot.itemId(), lot.lotNumber(), lot.expiry(), other, new BigDecimal("45"), LEAD);
        keeping.recall(lot.id(), "Manufacturer recall notice: particles in vials", LEAD);

        for (String anywhere : List.of(room, other)) {
            Exam exam = exam(anywhere);
            assertThatThrownBy(() -> inventory.use(new StockUse(lot.id(), anywhere, BigDecimal.ONE, exam.id(), "tech")))
                    .isInstanceOf(StockRefused.class)
                    .hasMessageContaining("Lot " + lot.lotNumber() + " of Dotarem 15 mL")
                    .hasMessageContaining("is recalled — it cannot be used");
            assertThat(inventory.usableLots(anywhere, "CONTRAST")).isEmpty();
        }
        assertThat(inventory.lot(lot.id()).orElseThrow().recalled()).isTrue();
    }

    @Test
    void moreThanIsLeftIsRefusedSayingHowMuchIsLeft() {
        String room = room();
        InventoryService.Lot lot = received("Gadovist 7.5 mL", "CONTRAST", "mL", room, "20", 100);
        Exam exam = exam(room);

        assertThatThrownBy(() -> inventory.use(new StockUse(lot.id(), room, new BigDecimal("25"), exam.id(), "tech")))
                .isInstanceOf(StockRefused.class)
                .hasMessage("Only 20 mL of " + lot.itemName() + " lot " + lot.lotNumber() + " left in " + room);
        assertThat(quantity(lot.id(), room)).isEqualByComparingTo("20");
    }

    @Test
    void twoTechnologistsAtOnceTakeExactlyTheSumAndNeverMoreThanIsThere() throws Exception {
        String room = room();
        InventoryService.Lot lot = received("IV catheter 20G", "CATHETER", "piece", room, "30", 300);
        Exam first = exam(room);
        Exam second = exam(room);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Exam exam = i % 2 == 0 ? first : second;
                String actor = i % 2 == 0 ? "tech" : "lead";
                Callable<Boolean> one = () -> {
                    start.await();
                    try {
                        inventory.use(new StockUse(lot.id(), room, BigDecimal.ONE, exam.id(), actor));
                        return true;
                    } catch (StockRefused refused) {
                        return false;
                    }
                };
                results.add(threads.submit(one));
            }
            start.countDown();
            long taken = 0;
            for (Future<Boolean> result : results) {
                taken += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(taken).isEqualTo(30);
        } finally {
            threads.shutdownNow();
        }
        assertThat(quantity(lot.id(), room)).isEqualByComparingTo("0");
        assertThat(jdbc.sql("SELECT -SUM(amount) FROM inventory_movement WHERE kind = 'USE' AND lot_id = ?")
                .param(lot.id()).query(BigDecimal.class).single()).isEqualByComparingTo("30");
    }

    @Test
    void theLeadIsToldOncePerCrossingOfTheReorderLevel() {
        String room = room();
        InventoryService.Lot lot = received("Sterile tray, IV start", "STERILE_TRAY", "piece", room, "6", 200);
        keeping.setReorderLevel(lot.itemId(), room, new BigDecimal("4"), LEAD);
        Exam exam = exam(room);
        String subject = "Stock: " + lot.itemName() + " in " + room;

        use(lot, room, exam, 1);
        assertThat(notifications.about(subject)).isEmpty();
        use(lot, room, exam, 1);
        use(lot, room, exam, 1);
        use(lot, room, exam, 1);
        assertThat(notifications.about(subject)).extracting(Notification::message).containsExactly(
                "Reorder " + lot.itemName() + " for " + room + ": 4 pieces left, reorder level 4 pieces.");

        keeping.receive(lot.itemId(), lot.lotNumber(), lot.expiry(), room, new BigDecimal("10"), LEAD);
        use(lot, room, exam, 9);
        assertThat(notifications.about(subject)).hasSize(2);
        keeping.adjust(lot.id(), room, new BigDecimal("-1"), "Dropped, packaging torn", LEAD);
        assertThat(notifications.about(subject)).hasSize(2);
        assertThat(audit("STOCK_ADJUSTED", lot.lotNumber(), "SUCCESS")).isEqualTo(1);
    }

    @Test
    void aScannedLotIsFoundByGtinAndLot() {
        String room = room();
        String gtin = "04012345" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000));
        gtin = gtin + Gs1.checkDigit(gtin);
        long item = keeping.createItem("Omnipaque 300 " + UUID.randomUUID(), "CONTRAST", "mL", gtin, "IOHEXOL_300",
                LEAD);
        InventoryService.Lot lot = keeping.receive(item, "SC4N", LocalDate.now(clock).plusDays(90), room,
                new BigDecimal("100"), LEAD);
        Gs1Element scanned = InventoryService.parseGs1("(01)" + gtin + "(17)"
                + lot.expiry().format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd")) + "(10)SC4N");

        assertThat(inventory.lotByGtin(scanned.gtin(), scanned.lot())).contains(lot);
        assertThat(scanned.expiry()).isEqualTo(lot.expiry());
        assertThat(lot.agentCode()).isEqualTo("IOHEXOL_300");
    }

    @Test
    void aLeadAddsAContrastItemWithItsAgentAndReceivesItByScanning() throws Exception {
        String name = "Ultravist 370, 100 mL " + UUID.randomUUID().toString().substring(0, 8);
        String gtin = "04012345" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000));
        gtin = gtin + Gs1.checkDigit(gtin);
        mvc.perform(post("/inventory/items").with(user("lead").roles("LEAD")).with(csrf()).param("name", name)
                        .param("category", "CONTRAST").param("unit", "mL").param("gtin", gtin).param("agent", ""))
                .andExpect(flash().attribute("error", "Choose the contrast agent, so that its rules apply when it is given."));
        mvc.perform(post("/inventory/items").with(user("lead").roles("LEAD")).with(csrf()).param("name", name)
                        .param("category", "CONTRAST").param("unit", "mL").param("gtin", gtin.substring(0, 13) + (gtin.charAt(13) - '0' + 1) % 10)
                        .param("agent", "IOPAMIDOL_370"))
                .andExpect(flash().attribute("error", containsString("check digit")));
        mvc.perform(post("/inventory/items").with(user("tech").roles("TECHNOLOGIST")).with(csrf()).param("name", name)
                        .param("category", "CONTRAST").param("unit", "mL").param("gtin", gtin)
                        .param("agent", "IOPAMIDOL_370"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inventory/items").with(user("lead").roles("LEAD")).with(csrf()).param("name", name)
                        .param("category", "CONTRAST").param("unit", "mL").param("gtin", gtin)
                        .param("agent", "IOPAMIDOL_370"))
                .andExpect(flash().attribute("message", name + " added: receive its stock below."));
        mvc.perform(post("/inventory/items").with(user("lead").roles("LEAD")).with(csrf()).param("name", name)
                        .param("category", "CONTRAST").param("unit", "mL").param("agent", "IOPAMIDOL_370"))
                .andExpect(flash().attribute("error", "An item named " + name + " exists already."));

        String room = room();
        String expiry = LocalDate.now(clock).plusDays(200).format(java.time.format.DateTimeFormatter.ofPattern("yyMMdd"));
        mvc.perform(post("/inventory/receipts").with(user("lead").roles("LEAD")).with(csrf())
                        .param("scan", "(01)" + gtin + "(17)" + expiry + "(10)UV370A").param("room", room)
                        .param("amount", "1000"))
                .andExpect(flash().attribute("message", containsString("lot UV370A into " + room)));
        InventoryService.Lot lot = inventory.lotByGtin(gtin, "UV370A").orElseThrow();
        assertThat(lot.agentCode()).isEqualTo("IOPAMIDOL_370");
        assertThat(quantity(lot.id(), room)).isEqualByComparingTo("1000");
    }

    @Test
    void aTechnologistRecordsSuppliesInAnExamButOnlyALeadReceivesStock() throws Exception {
        InventoryService.Lot lot = received("IV catheter 18G", "CATHETER", "piece", "CT1", "5", 100);
        Exam exam = exam("CT1");

        mvc.perform(get("/inventory/exams/" + exam.id() + "/use").with(user("tech").roles("TECHNOLOGIST")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(lot.itemName())));
        mvc.perform(post("/inventory/exams/" + exam.id() + "/use").with(user("tech").roles("TECHNOLOGIST"))
                        .with(csrf()).param("lotId", String.valueOf(lot.id())).param("amount", "2"))
                .andExpect(flash().attribute("message", "Recorded: 2 pieces of " + lot.itemName() + " lot "
                        + lot.lotNumber() + "."));
        assertThat(quantity(lot.id(), "CT1")).isEqualByComparingTo("3");
        mvc.perform(post("/inventory/exams/" + exam.id() + "/use").with(user("tech").roles("TECHNOLOGIST"))
                        .with(csrf()).param("lotId", String.valueOf(lot.id())).param("amount", "4"))
                .andExpect(flash().attribute("error", "Only 3 pieces of " + lot.itemName() + " lot "
                        + lot.lotNumber() + " left in CT1"));

        mvc.perform(post("/inventory/receipts").with(user("tech").roles("TECHNOLOGIST")).with(csrf())
                        .param("itemId", String.valueOf(lot.itemId())).param("lotNumber", lot.lotNumber())
                        .param("expiry", lot.expiry().toString()).param("room", "CT1").param("amount", "10"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/inventory/receipts").with(user("lead").roles("LEAD")).with(csrf())
                        .param("itemId", String.valueOf(lot.itemId())).param("lotNumber", lot.lotNumber())
                        .param("expiry", lot.expiry().plusDays(1).toString()).param("room", "CT1").param("amount", "10"))
                .andExpect(flash().attribute("error", containsString("check the label")));
        assertThat(quantity(lot.id(), "CT1")).isEqualByComparingTo("3");

        mvc.perform(get("/inventory/usage").param("itemId", String.valueOf(lot.itemId()))
                        .with(user("lead").roles("LEAD")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2 pieces in 1 exam")))
                .andExpect(content().string(containsString("class=\"bar\"")));
        mvc.perform(get("/inventory").with(user("student").roles("STUDENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(lot.lotNumber())));
    }

    private void use(InventoryService.Lot lot, String room, Exam exam, int pieces) {
        inventory.use(new StockUse(lot.id(), room, BigDecimal.valueOf(pieces), exam.id(), "tech"));
    }

    private InventoryService.Lot received(String name, String category, String unit, String room, String amount,
            int expiresInDays) {
        long item = keeping.createItem(name + " " + UUID.randomUUID().toString().substring(0, 8), category, unit,
                null, agentOf(name), LEAD);
        return keeping.receive(item, "L" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(),
                LocalDate.now(clock).plusDays(expiresInDays), room, new BigDecimal(amount), LEAD);
    }

    private static String agentOf(String name) {
        return name.startsWith("Omnipaque") ? "IOHEXOL_350" : name.startsWith("Visipaque") ? "IODIXANOL_320"
                : name.startsWith("Dotarem") ? "GADOTERATE" : name.startsWith("Gadovist") ? "GADOBUTROL" : null;
    }

    private Exam exam(String room) {
        long patient = patients.registerTemporary(Sex.F, LEAD).id();
        return exams.schedule(new NewExam(null, patient, "CTHEAD", null, Priority.ROUTINE, "CT1", clock.instant(), null,
                null), LEAD);
    }

    private static String room() {
        return "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private BigDecimal quantity(long lot, String room) {
        return jdbc.sql("SELECT quantity FROM inventory_stock WHERE lot_id = ? AND room = ?").params(lot, room)
                .query(BigDecimal.class).single();
    }

    private long audit(String action, String objectId, String outcome) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ? AND outcome = ?")
                .params(action, objectId, outcome).query(Long.class).single();
    }
}
