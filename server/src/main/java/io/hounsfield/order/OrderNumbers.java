package io.hounsfield.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Placer order numbers for orders entered in Hounsfield itself. */
@Component
class OrderNumbers {

    private final JdbcClient jdbc;

    OrderNumbers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next() {
        return String.format("HO%08d", jdbc.sql("SELECT nextval('placer_order_number_sequence')").query(Long.class).single());
    }
}
