-- Coupons, orders and the per-user coupon wallet.

CREATE TABLE coupons
(
    id                       VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,

    coupon_name              VARCHAR(200) NOT NULL,
    description              TEXT NULL,

    -- A fixed discount in won, a rate (0..1), or both (the larger applies by product rule).
    discount_amount          INT NULL,
    discount_rate            DECIMAL(3, 2) NULL,
    min_order_amount         INT NULL,

    usage_type               VARCHAR(30) NOT NULL DEFAULT 'ALL',
    target_categories        JSON NULL,
    applicable_shops         JSON NULL,

    valid_from               DATE NULL,
    valid_until              DATE NULL,

    -- [DERIVED]
    is_active                BOOLEAN NOT NULL DEFAULT TRUE,
    priority_score           DECIMAL(3, 2) NULL,

    -- [AI_COMPUTED] usage analysis
    total_issued             INT NOT NULL DEFAULT 0,
    total_used               INT NOT NULL DEFAULT 0,
    avg_order_increase       DECIMAL(8, 2) NULL,
    user_satisfaction_impact DECIMAL(3, 2) NULL,

    created_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    KEY idx_usage_type (usage_type),
    KEY idx_active (is_active),
    KEY idx_valid_dates (valid_from, valid_until),

    CONSTRAINT ck_coupons_usage_type CHECK (usage_type IN ('ALL', 'SHOP', 'CATEGORY', 'FOODCARD')),
    CONSTRAINT ck_coupons_discount CHECK (
        (discount_amount IS NOT NULL OR discount_rate IS NOT NULL)
        AND (discount_amount IS NULL OR discount_amount > 0)
        AND (discount_rate IS NULL OR (discount_rate > 0 AND discount_rate <= 1))
        AND (min_order_amount IS NULL OR min_order_amount >= 0)),
    CONSTRAINT ck_coupons_validity CHECK (valid_from IS NULL OR valid_until IS NULL OR valid_from <= valid_until),
    CONSTRAINT ck_coupons_priority CHECK (priority_score IS NULL OR priority_score BETWEEN 0 AND 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE product_orders
(
    id                    BIGINT NOT NULL AUTO_INCREMENT,
    user_id               VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,

    -- [SAMPLE_DATA] order: product_id is the menu id. Menus can be re-imported, so the order
    -- keeps the shop and a copy of the menu name, and the links become NULL if the menu goes.
    product_id            INT NULL,
    shop_id               INT NULL,
    menu_name             VARCHAR(200) NULL,
    created_at            DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    quantity              INT NOT NULL DEFAULT 1,
    -- Amount paid in won.
    price                 INT NOT NULL,
    -- The card debit that paid for the order, when paid with the meal card.
    foodcard_ledger_id    BIGINT NULL,

    -- [DERIVED] preference learning
    order_pattern_score   DECIMAL(3, 2) NULL,
    preference_weight     DECIMAL(3, 2) NULL,

    -- [AI_COMPUTED]
    time_since_last_order INT NULL,
    is_reorder            BOOLEAN NOT NULL DEFAULT FALSE,
    order_context         VARCHAR(50) NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_product_orders_ledger (foodcard_ledger_id),
    KEY idx_user_time (user_id, created_at),
    KEY idx_product (product_id),
    KEY idx_shop (shop_id),
    KEY idx_pattern_score (order_pattern_score),

    CONSTRAINT fk_product_orders_user FOREIGN KEY (user_id) REFERENCES users (user_id),
    CONSTRAINT fk_product_orders_menu FOREIGN KEY (product_id) REFERENCES menus (id) ON DELETE SET NULL,
    CONSTRAINT fk_product_orders_shop FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE SET NULL,
    CONSTRAINT fk_product_orders_ledger FOREIGN KEY (foodcard_ledger_id) REFERENCES foodcard_ledger (id),
    CONSTRAINT ck_product_orders_amounts CHECK (quantity > 0 AND price >= 0),
    CONSTRAINT ck_product_orders_context CHECK (
        order_context IS NULL OR order_context IN ('regular', 'exploration', 'emergency')),
    CONSTRAINT ck_product_orders_scores CHECK (
        (order_pattern_score IS NULL OR order_pattern_score BETWEEN 0 AND 1)
        AND (preference_weight IS NULL OR preference_weight BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per coupon a user holds: the same coupon can be held and used any number of times,
-- each copy in its own row. issue_key (optional) makes issuing idempotent.
CREATE TABLE user_coupon_wallet
(
    id                     BIGINT NOT NULL AUTO_INCREMENT,

    user_id                VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    coupon_id              VARCHAR(50) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    issue_key              VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,

    -- wallet management
    acquired_date          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expiry_date            DATETIME(6) NULL,
    usage_date             DATETIME(6) NULL,
    status                 VARCHAR(20) NOT NULL DEFAULT 'ACTIVE',

    -- usage context
    used_shop_id           INT NULL,
    used_menu_id           INT NULL,
    used_order_id          BIGINT NULL,
    used_order_amount      INT NULL,
    discount_applied       INT NULL,

    -- how it was acquired: welcome_bonus, loyalty_reward, emergency_assist, ...
    acquisition_source     VARCHAR(50) NULL,
    acquisition_context    JSON NULL,

    -- [AI_COMPUTED] usage prediction
    usage_probability      DECIMAL(4, 3) NULL,
    recommended_usage_date DATE NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_wallet_issue_key (issue_key),
    -- Replaces the partial index of the spec: the active coupons of a user, soonest expiry first.
    KEY idx_user_status_expiry (user_id, status, expiry_date),
    KEY idx_coupon (coupon_id),
    KEY idx_expiry (expiry_date),
    KEY idx_usage_prob (usage_probability),

    CONSTRAINT fk_wallet_user FOREIGN KEY (user_id) REFERENCES users (user_id),
    CONSTRAINT fk_wallet_coupon FOREIGN KEY (coupon_id) REFERENCES coupons (id),
    CONSTRAINT fk_wallet_shop FOREIGN KEY (used_shop_id) REFERENCES shops (id) ON DELETE SET NULL,
    CONSTRAINT fk_wallet_menu FOREIGN KEY (used_menu_id) REFERENCES menus (id) ON DELETE SET NULL,
    CONSTRAINT fk_wallet_order FOREIGN KEY (used_order_id) REFERENCES product_orders (id) ON DELETE SET NULL,
    CONSTRAINT ck_wallet_status CHECK (status IN ('ACTIVE', 'USED', 'EXPIRED')),
    -- A used coupon has a usage date, an unused one has none.
    CONSTRAINT ck_wallet_usage CHECK ((status = 'USED') = (usage_date IS NOT NULL)),
    CONSTRAINT ck_wallet_amounts CHECK (
        (used_order_amount IS NULL OR used_order_amount >= 0)
        AND (discount_applied IS NULL OR discount_applied >= 0)
        AND (usage_probability IS NULL OR usage_probability BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
