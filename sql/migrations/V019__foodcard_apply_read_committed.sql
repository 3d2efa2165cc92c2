-- foodcard_apply again, with its transaction at READ COMMITTED. Under REPEATABLE READ, concurrent changes of different
-- cards deadlocked: each looked up its idempotency key FOR UPDATE, which for a key not yet in the ledger locks the gap
-- around it in the unique (user_id, idempotency_key) index, and then each insert waited for the other's gap lock.
-- Everything else in the procedure is as V006 defined it.

DROP PROCEDURE IF EXISTS foodcard_apply;

DELIMITER $$
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

    -- READ COMMITTED (for this transaction only): the ledger lookup of a key that is not there yet must not lock the
    -- gap around it in the (user_id, idempotency_key) index, or two users' top-ups or debits at once block each
    -- other's ledger inserts into that gap and deadlock. The card row lock below serialises one card's changes.
    SET TRANSACTION ISOLATION LEVEL READ COMMITTED;
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
