-- Users, child meal cards and the append-only card ledger.
--
-- user_id (VARCHAR) is the user id of the application: the key of the user grains and the
-- user_id of every chat, log and analytics table. users.id stays as a numeric surrogate.

CREATE TABLE users
(
    id                           INT NOT NULL AUTO_INCREMENT,
    user_id                      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    synthetic                    BOOLEAN NOT NULL DEFAULT FALSE,

    -- [SAMPLE_DATA] basic fields
    name                         VARCHAR(100) NULL,
    nickname                     VARCHAR(100) NULL,
    birthday                     DATE NULL,
    current_address              TEXT NULL,

    -- [DERIVED]
    age_group                    VARCHAR(20) NULL,
    region_code                  VARCHAR(20) NULL,

    -- [AI_COMPUTED] learned behaviour
    interaction_patterns         JSON NULL,
    preference_evolution         JSON NULL,
    context_preferences          JSON NULL,
    session_frequency            DECIMAL(4, 2) NOT NULL DEFAULT 0.0,
    avg_session_duration         INT NOT NULL DEFAULT 0,
    churn_probability            DECIMAL(4, 3) NOT NULL DEFAULT 0.0,
    lifetime_value_score         DECIMAL(6, 2) NOT NULL DEFAULT 0.0,
    personalization_completeness DECIMAL(3, 2) NOT NULL DEFAULT 0.0,
    model_confidence             DECIMAL(4, 3) NOT NULL DEFAULT 0.0,

    created_at                   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    UNIQUE KEY uq_users_user_id (user_id),
    KEY idx_age_group (age_group),
    KEY idx_churn_prob (churn_probability),

    CONSTRAINT ck_users_user_id CHECK (user_id <> ''),
    CONSTRAINT ck_users_scores CHECK (
        churn_probability BETWEEN 0 AND 1 AND model_confidence BETWEEN 0 AND 1
        AND personalization_completeness BETWEEN 0 AND 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One card per user (the card grain is keyed by user id). balance is the current balance in won
-- and only ever changes together with a foodcard_ledger row (see foodcard_apply below).
CREATE TABLE foodcard_users
(
    id                        INT NOT NULL AUTO_INCREMENT,
    user_id                   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- Sensitive: never log it, show only the last four digits.
    card_number               VARCHAR(50) NOT NULL,
    balance                   INT NOT NULL DEFAULT 0,
    status                    VARCHAR(20) NOT NULL DEFAULT 'ACTIVE',
    -- As the card programme names its target group (어린이, 청소년, 청년).
    target_age_group          VARCHAR(20) NULL,
    synthetic                 BOOLEAN NOT NULL DEFAULT FALSE,
    -- Optimistic concurrency token for writers that update the row directly.
    version                   BIGINT NOT NULL DEFAULT 0,

    -- [AI_COMPUTED] usage pattern per week of the month
    monthly_usage_pattern     JSON NULL,
    balance_alert_sent        BOOLEAN NOT NULL DEFAULT FALSE,
    emergency_coupon_eligible BOOLEAN NOT NULL DEFAULT TRUE,

    created_at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    UNIQUE KEY uq_foodcard_users_user (user_id),
    KEY idx_status (status),

    CONSTRAINT fk_foodcard_users_user FOREIGN KEY (user_id) REFERENCES users (user_id),
    CONSTRAINT ck_foodcard_users_balance CHECK (balance >= 0),
    CONSTRAINT ck_foodcard_users_status CHECK (status IN ('ACTIVE', 'INACTIVE', 'SUSPENDED', 'EXPIRED'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Every balance change, append-only (triggers below refuse UPDATE and DELETE). amount is signed:
-- positive = credit (top-up, refund), negative = debit (payment). idempotency_key makes a retried
-- operation apply once: it is unique per card.
CREATE TABLE foodcard_ledger
(
    id              BIGINT NOT NULL AUTO_INCREMENT,
    user_id         VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    amount          INT NOT NULL,
    balance_after   INT NOT NULL,
    reason          VARCHAR(100) NOT NULL,
    idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at      DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    UNIQUE KEY uq_foodcard_ledger_key (user_id, idempotency_key),
    KEY idx_foodcard_ledger_user_time (user_id, created_at),

    CONSTRAINT fk_foodcard_ledger_card FOREIGN KEY (user_id) REFERENCES foodcard_users (user_id),
    CONSTRAINT ck_foodcard_ledger_amount CHECK (amount <> 0),
    CONSTRAINT ck_foodcard_ledger_balance CHECK (balance_after >= 0),
    CONSTRAINT ck_foodcard_ledger_key CHECK (idempotency_key <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

CREATE TRIGGER trg_foodcard_ledger_no_update
BEFORE UPDATE ON foodcard_ledger
FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foodcard_ledger is append-only: add a correcting entry instead';
END$$

CREATE TRIGGER trg_foodcard_ledger_no_delete
BEFORE DELETE ON foodcard_ledger
FOR EACH ROW
BEGIN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'foodcard_ledger is append-only: rows are never deleted';
END$$

-- Applies one balance change atomically and idempotently. Returns one row:
--   applied    1 when the change is applied now or was applied before, 0 when refused
--   balance    the card balance after the call (0 when there is no card)
--   error      NULL, NO_CARD, CARD_NOT_ACTIVE, ZERO_AMOUNT, INSUFFICIENT_BALANCE or KEY_REUSED
--   replayed   1 when the idempotency key had been applied before (nothing changes now)
--   ledger_id  the ledger row of this change (of the earlier one for a replay or KEY_REUSED)
CREATE PROCEDURE foodcard_apply(
    IN p_user_id         VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_amount          INT,
    IN p_idempotency_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_reason          VARCHAR(100)
)
BEGIN
    DECLARE v_balance INT DEFAULT NULL;
    DECLARE v_status VARCHAR(20) DEFAULT NULL;
    DECLARE v_prior_id BIGINT DEFAULT NULL;
    DECLARE v_prior_amount INT DEFAULT NULL;
    DECLARE v_ledger_id BIGINT DEFAULT NULL;
    DECLARE v_replayed TINYINT DEFAULT 0;
    DECLARE v_error VARCHAR(30) DEFAULT NULL;
    -- A lookup that finds no row leaves its variables NULL.
    DECLARE CONTINUE HANDLER FOR NOT FOUND BEGIN END;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    -- The card row lock serialises all changes of one card, retries included.
    SELECT balance, status INTO v_balance, v_status
    FROM foodcard_users
    WHERE user_id = p_user_id
    FOR UPDATE;

    SELECT id, amount INTO v_prior_id, v_prior_amount
    FROM foodcard_ledger
    WHERE user_id = p_user_id
      AND idempotency_key = p_idempotency_key
    FOR UPDATE;

    IF v_balance IS NULL THEN
        SET v_error = 'NO_CARD';
    ELSEIF v_prior_id IS NOT NULL THEN
        SET v_ledger_id = v_prior_id;
        IF v_prior_amount = p_amount THEN
            SET v_replayed = 1;
        ELSE
            SET v_error = 'KEY_REUSED';
        END IF;
    ELSEIF v_status <> 'ACTIVE' THEN
        SET v_error = 'CARD_NOT_ACTIVE';
    ELSEIF p_amount = 0 THEN
        SET v_error = 'ZERO_AMOUNT';
    ELSEIF v_balance + p_amount < 0 THEN
        SET v_error = 'INSUFFICIENT_BALANCE';
    ELSE
        SET v_balance = v_balance + p_amount;

        UPDATE foodcard_users
        SET balance = v_balance,
            version = version + 1
        WHERE user_id = p_user_id;

        INSERT INTO foodcard_ledger (user_id, amount, balance_after, reason, idempotency_key)
        VALUES (p_user_id, p_amount, v_balance, p_reason, p_idempotency_key);
        SET v_ledger_id = LAST_INSERT_ID();
    END IF;

    IF v_error IS NULL THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT IF(v_error IS NULL, 1, 0) AS applied,
           COALESCE(v_balance, 0) AS balance,
           v_error AS error,
           v_replayed AS replayed,
           v_ledger_id AS ledger_id;
END$$

DELIMITER ;
