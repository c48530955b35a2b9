-- Issue 20 (inventory): items, lots with expiry, stock per room (station AE title), receipts and adjustments,
-- use in exams, reorder levels with one alert per crossing, recalls.

CREATE TABLE inventory_item (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        VARCHAR(120) NOT NULL UNIQUE,
    category    VARCHAR(20)  NOT NULL CHECK (category IN ('CONTRAST', 'CATHETER', 'STERILE_TRAY', 'NEEDLE',
                                                          'SYRINGE', 'OTHER')),
    unit        VARCHAR(10)  NOT NULL CHECK (unit IN ('mL', 'piece')),
    gtin        CHAR(14)     UNIQUE,      -- GS1 GTIN-14 of the trade item, as scanned
    agent_code  VARCHAR(40),              -- the contrast feature's agent, for contrast media only
    CHECK (agent_code IS NULL OR category = 'CONTRAST')
);

CREATE TABLE inventory_lot (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    item_id       BIGINT       NOT NULL REFERENCES inventory_item (id),
    lot_number    VARCHAR(20)  NOT NULL,  -- GS1 AI (10): at most 20 characters
    expiry        DATE         NOT NULL,
    recalled_at   TIMESTAMPTZ,
    recalled_by   VARCHAR(64),
    recall_reason VARCHAR(300),
    UNIQUE (item_id, lot_number)
);

-- What is on the shelf: one row per lot and room; never negative (use decrements conditionally).
CREATE TABLE inventory_stock (
    lot_id    BIGINT        NOT NULL REFERENCES inventory_lot (id),
    room      VARCHAR(16)   NOT NULL,
    quantity  NUMERIC(10,1) NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (lot_id, room)
);

-- Receipts, adjustments (signed, with a reason) and uses, in one ledger.
CREATE TABLE inventory_movement (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id      BIGINT        NOT NULL REFERENCES inventory_lot (id),
    room        VARCHAR(16)   NOT NULL,
    kind        VARCHAR(10)   NOT NULL CHECK (kind IN ('RECEIPT', 'ADJUSTMENT', 'USE')),
    amount      NUMERIC(10,1) NOT NULL,  -- positive in, negative out
    exam_id     BIGINT        REFERENCES exam (id),
    reason      VARCHAR(300),
    actor       VARCHAR(64)   NOT NULL,
    recorded_at TIMESTAMPTZ   NOT NULL,
    CHECK (kind <> 'USE' OR (exam_id IS NOT NULL AND amount < 0)),
    CHECK (kind <> 'ADJUSTMENT' OR reason IS NOT NULL)
);
CREATE INDEX inventory_movement_exam ON inventory_movement (exam_id);
CREATE INDEX inventory_movement_time ON inventory_movement (kind, recorded_at);

-- alerted: the stock is at or below the level and the lead has been told; cleared when it rises above again.
CREATE TABLE inventory_reorder_level (
    item_id  BIGINT        NOT NULL REFERENCES inventory_item (id),
    room     VARCHAR(16)   NOT NULL,
    level    NUMERIC(10,1) NOT NULL CHECK (level >= 0),
    alerted  BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (item_id, room)
);
