package io.hounsfield.order;

public enum OrderStatus {
    ACTIVE, CANCELLED, COMPLETED
}
