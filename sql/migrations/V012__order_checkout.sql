-- Checkout: an order, its card debit and the coupon it used are written in one transaction by the
-- application (MySqlOrderStore). These columns make an order its own receipt and make placing it idempotent.
--
-- order_key       the idempotency key the client sent with the order, unique per user: a retried request finds
--                 the first order instead of paying twice. NULL for orders written by other means.
-- shop_key        a copy of the shop id the application uses, like menu_name: the receipt keeps it
--                 even when the shops row is re-imported or gone (shop_id then becomes NULL).
-- order_amount    the price before the discount (price stays the amount paid, as in the spec).
-- discount_amount what the coupon took off (0 without a coupon).
-- balance_after   the card balance right after the debit, for the receipt of a replayed request.
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE product_orders
    ADD COLUMN IF NOT EXISTS order_key VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER user_id,
    ADD COLUMN IF NOT EXISTS shop_key VARCHAR(133) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL AFTER shop_id,
    ADD COLUMN IF NOT EXISTS order_amount INT NULL AFTER price,
    ADD COLUMN IF NOT EXISTS discount_amount INT NOT NULL DEFAULT 0 AFTER order_amount,
    ADD COLUMN IF NOT EXISTS balance_after INT NULL AFTER discount_amount;

ALTER TABLE product_orders
    ADD UNIQUE KEY IF NOT EXISTS uq_product_orders_user_key (user_id, order_key);

ALTER TABLE product_orders
    ADD CONSTRAINT IF NOT EXISTS ck_product_orders_checkout CHECK (
        (order_key IS NULL OR order_key <> '')
        AND discount_amount >= 0
        AND (order_amount IS NULL OR (order_amount >= discount_amount AND price = order_amount - discount_amount))
        AND (balance_after IS NULL OR balance_after >= 0));
