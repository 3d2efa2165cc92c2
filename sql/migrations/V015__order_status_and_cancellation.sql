-- Order status and cancellation. An order is PLACED when paid, ACCEPTED once the shop has it (no shop app exists yet:
-- an operator accepts it, or the application counts it accepted when its cancel window has passed and then writes
-- ACCEPTED here), or CANCELLED when the user took it back before that. Cancelling is one application transaction
-- (MySqlOrderStore) under the card row lock, like checkout: the order is marked, what it paid is credited back with a
-- ledger row (idempotency key cancel:<order_key>, so an order is refunded at most once) and its coupon returns to the
-- wallet.
--
-- status               PLACED, ACCEPTED or CANCELLED. Existing orders are PLACED and long past any window.
-- accepted_at          when it became ACCEPTED.
-- cancelled_at         when it became CANCELLED.
-- refund_ledger_id     the ledger row that gave the money back (NULL when nothing was paid).
-- balance_after_cancel the card balance right after the refund, for the receipt of a repeated cancel.
-- wallet_coupon_id     the wallet row the order used. The used_order_id of the wallet points the other way but is cleared
--                      when a cancelled order gives its coupon back, so the order keeps its own link.
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE product_orders
    ADD COLUMN IF NOT EXISTS status VARCHAR(20) NOT NULL DEFAULT 'PLACED' AFTER order_key,
    ADD COLUMN IF NOT EXISTS accepted_at DATETIME(6) NULL AFTER status,
    ADD COLUMN IF NOT EXISTS cancelled_at DATETIME(6) NULL AFTER accepted_at,
    ADD COLUMN IF NOT EXISTS refund_ledger_id BIGINT NULL AFTER foodcard_ledger_id,
    ADD COLUMN IF NOT EXISTS balance_after_cancel INT NULL AFTER balance_after,
    ADD COLUMN IF NOT EXISTS wallet_coupon_id BIGINT NULL AFTER refund_ledger_id;

UPDATE product_orders o
JOIN user_coupon_wallet w ON w.used_order_id = o.id
SET o.wallet_coupon_id = w.id
WHERE o.wallet_coupon_id IS NULL;

ALTER TABLE product_orders
    ADD UNIQUE KEY IF NOT EXISTS uq_product_orders_refund (refund_ledger_id),
    ADD KEY IF NOT EXISTS idx_product_orders_wallet (wallet_coupon_id);

ALTER TABLE product_orders
    ADD CONSTRAINT fk_product_orders_refund FOREIGN KEY IF NOT EXISTS (refund_ledger_id) REFERENCES foodcard_ledger (id);

ALTER TABLE product_orders
    ADD CONSTRAINT fk_product_orders_wallet FOREIGN KEY IF NOT EXISTS (wallet_coupon_id) REFERENCES user_coupon_wallet (id) ON DELETE SET NULL;

ALTER TABLE product_orders
    ADD CONSTRAINT IF NOT EXISTS ck_product_orders_status CHECK (
        status IN ('PLACED', 'ACCEPTED', 'CANCELLED')
        AND (status = 'ACCEPTED') = (accepted_at IS NOT NULL)
        AND (status = 'CANCELLED') = (cancelled_at IS NOT NULL)
        AND (refund_ledger_id IS NULL OR status = 'CANCELLED')
        AND (balance_after_cancel IS NULL OR (status = 'CANCELLED' AND balance_after_cancel >= 0)));
