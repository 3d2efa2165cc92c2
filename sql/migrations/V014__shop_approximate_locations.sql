-- Approximate shop positions. An importer checks the coordinates of every shop against the 시군구 its address
-- names (the shipped gazetteer): coordinates that fall outside it (a Jeju shop at a Seoul point) are replaced by the
-- point of the area the address names, and a list without coordinates (the Seoul export) gets that point too. Such
-- a position is the point of an area, not the door of the shop, and a reply must say so.
--
-- location_approximate  TRUE when latitude and longitude are the point of an area the address names.
-- approximate_area      the area that point stands for, as a reply names it (서울특별시 은평구 불광동), NULL when
--                       the position is the exact one of the shop or missing.
-- An approximate flag needs coordinates, and only an approximate position names an area (ck_shops_approximate_location).
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE shops
    ADD COLUMN IF NOT EXISTS location_approximate BOOLEAN NOT NULL DEFAULT FALSE AFTER longitude,
    ADD COLUMN IF NOT EXISTS approximate_area VARCHAR(100) NULL AFTER location_approximate;

ALTER TABLE shops
    ADD CONSTRAINT IF NOT EXISTS ck_shops_approximate_location CHECK (
        (location_approximate = FALSE AND approximate_area IS NULL)
        OR (location_approximate = TRUE AND latitude IS NOT NULL AND (approximate_area IS NULL OR approximate_area <> '')));
