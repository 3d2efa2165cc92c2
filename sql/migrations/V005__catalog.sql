-- Catalog: food categories, shops, per-weekday opening hours, menus.
--
-- Conventions for every application table (see sql/README.md):
--   * times are DATETIME(6) in UTC (the server runs with time_zone +00:00),
--   * identifier columns (ids from other systems, user ids, keys) use utf8mb4_bin: exact,
--     case-sensitive matching, and equal collations on both sides of every foreign key,
--   * JSON columns are MariaDB JSON (LONGTEXT plus an automatic CHECK (JSON_VALID(...))).

-- The team categories, one row per member of the C# enum Naviyam.Shops.FoodCategory: the code is
-- the member name, enum_value its number, name_ko the Korean name shown to users. Other is the
-- fallback for a source category that maps to none of the 13 food categories.
CREATE TABLE food_categories
(
    code       VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    enum_value TINYINT UNSIGNED NOT NULL,
    name_ko    VARCHAR(50) NOT NULL,

    PRIMARY KEY (code),
    UNIQUE KEY uq_food_categories_enum (enum_value),
    UNIQUE KEY uq_food_categories_name (name_ko)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO food_categories (code, enum_value, name_ko) VALUES
    ('Other', 0, '기타'),
    ('Korean', 1, '한식'),
    ('Bunsik', 2, '분식'),
    ('Chinese', 3, '중식'),
    ('Japanese', 4, '일식'),
    ('Western', 5, '양식'),
    ('Chicken', 6, '치킨'),
    ('Pizza', 7, '피자'),
    ('Burger', 8, '버거'),
    ('CafeDessert', 9, '카페·디저트'),
    ('Bakery', 10, '베이커리'),
    ('Asian', 11, '아시안'),
    ('LunchboxPorridge', 12, '도시락·죽'),
    ('ConvenienceStore', 13, '편의점');

CREATE TABLE shops
(
    id                     INT NOT NULL AUTO_INCREMENT,

    -- Where the row comes from. Re-importing a list updates the same row (unique pair).
    source                 VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    source_id              VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- The shop id used by the application and its grains: source:source_id.
    shop_key               VARCHAR(133) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
                               AS (CONCAT(source, ':', source_id)) STORED,
    synthetic              BOOLEAN NOT NULL DEFAULT FALSE,

    -- [SAMPLE_DATA] basic fields
    shop_name              VARCHAR(200) NOT NULL,
    category               VARCHAR(32) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL DEFAULT 'Other',
    source_category        VARCHAR(100) NULL,
    address_name           TEXT NULL,
    phone                  VARCHAR(40) NULL,
    owner_message          TEXT NULL,
    is_good_influence_shop BOOLEAN NOT NULL DEFAULT FALSE,
    -- Y = accepts the child meal card, N = does not, P = partly (some menus or branches), U = unknown.
    meal_card_acceptance   ENUM('Y', 'N', 'P', 'U') NOT NULL DEFAULT 'U',
    -- Bars, pubs and the like: never recommended to a minor. Imports only ever set it.
    not_for_children       BOOLEAN NOT NULL DEFAULT FALSE,
    delivery_available     BOOLEAN NOT NULL DEFAULT FALSE,

    -- WGS84 degrees. Both or neither.
    latitude               DECIMAL(10, 8) NULL,
    longitude              DECIMAL(11, 8) NULL,

    -- [AI_COMPUTED] performance figures
    recommendation_count   INT NOT NULL DEFAULT 0,
    click_through_rate     DECIMAL(5, 4) NOT NULL DEFAULT 0.0,
    conversion_rate        DECIMAL(5, 4) NOT NULL DEFAULT 0.0,

    -- [AI_COMPUTED] derived features, 0..1 unless noted
    popularity_score       DECIMAL(4, 3) NOT NULL DEFAULT 0.0,
    quality_score          DECIMAL(4, 3) NOT NULL DEFAULT 0.0,
    user_satisfaction_avg  DECIMAL(3, 2) NOT NULL DEFAULT 0.0,

    -- [AI_COMPUTED] operations
    last_recommended       DATETIME(6) NULL,
    total_orders_served    INT NOT NULL DEFAULT 0,
    avg_order_value        DECIMAL(8, 2) NOT NULL DEFAULT 0.0,

    -- [AI_COMPUTED] vectors for retrieval
    description_embedding  JSON NULL,
    menu_summary_embedding JSON NULL,

    created_at             DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at             DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    UNIQUE KEY uq_shops_source (source, source_id),
    UNIQUE KEY uq_shops_shop_key (shop_key),
    -- Bounding-box search: a range on latitude, longitude filtered inside the index.
    KEY idx_shops_lat_lng (latitude, longitude),
    KEY idx_category (category, meal_card_acceptance),
    KEY idx_good_influence (is_good_influence_shop),
    KEY idx_meal_card (meal_card_acceptance),
    KEY idx_popularity (popularity_score),
    KEY idx_quality (quality_score),
    KEY idx_last_recommended (last_recommended),

    CONSTRAINT fk_shops_category FOREIGN KEY (category) REFERENCES food_categories (code)
        ON UPDATE CASCADE,
    CONSTRAINT ck_shops_source CHECK (source <> '' AND source_id <> ''),
    CONSTRAINT ck_shops_location CHECK (
        (latitude IS NULL AND longitude IS NULL)
        OR (latitude IS NOT NULL AND longitude IS NOT NULL
            AND latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180)),
    CONSTRAINT ck_shops_rates CHECK (
        click_through_rate BETWEEN 0 AND 1 AND conversion_rate BETWEEN 0 AND 1
        AND popularity_score BETWEEN 0 AND 1 AND quality_score BETWEEN 0 AND 1
        AND user_satisfaction_avg BETWEEN 0 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Opening hours, one row per shop and weekday. weekday follows .NET DayOfWeek: 0 = Sunday ..
-- 6 = Saturday. Times are minutes after that midnight. A close after 1440 runs into the next
-- day (17:00 to 05:00 is 1020 to 1740), and a break lies inside the open interval, in the same
-- frame. A closed day has no times. No row for a weekday means the hours are not known.
CREATE TABLE shop_hours
(
    shop_id            INT NOT NULL,
    weekday            TINYINT UNSIGNED NOT NULL,
    is_closed          BOOLEAN NOT NULL DEFAULT FALSE,
    open_minute        SMALLINT UNSIGNED NULL,
    close_minute       SMALLINT UNSIGNED NULL,
    break_start_minute SMALLINT UNSIGNED NULL,
    break_end_minute   SMALLINT UNSIGNED NULL,

    PRIMARY KEY (shop_id, weekday),

    CONSTRAINT fk_shop_hours_shop FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE CASCADE,
    CONSTRAINT ck_shop_hours_weekday CHECK (weekday BETWEEN 0 AND 6),
    CONSTRAINT ck_shop_hours_shape CHECK (
        (is_closed AND open_minute IS NULL AND close_minute IS NULL
             AND break_start_minute IS NULL AND break_end_minute IS NULL)
        OR (NOT is_closed AND open_minute IS NOT NULL AND close_minute IS NOT NULL)),
    CONSTRAINT ck_shop_hours_open CHECK (
        open_minute IS NULL
        OR (open_minute < 1440 AND close_minute > open_minute AND close_minute <= open_minute + 1440)),
    CONSTRAINT ck_shop_hours_break CHECK (
        (break_start_minute IS NULL AND break_end_minute IS NULL)
        OR (break_start_minute IS NOT NULL AND break_end_minute IS NOT NULL AND open_minute IS NOT NULL
            AND break_start_minute > open_minute AND break_end_minute > break_start_minute
            AND break_end_minute < close_minute))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE menus
(
    id                       INT NOT NULL AUTO_INCREMENT,
    shop_id                  INT NOT NULL,

    -- [SAMPLE_DATA] basic fields
    menu_name                VARCHAR(200) NOT NULL,
    -- meal = something a child can eat as a meal. Only priced meals ever count as fitting a budget.
    kind                     ENUM('meal', 'drink', 'side', 'addon', 'dessert') NOT NULL DEFAULT 'meal',
    -- NULL when the source gives no number (for example 변동가격). price_text keeps what it gave.
    price                    INT NULL,
    price_text               VARCHAR(50) NULL,
    description              TEXT NULL,
    -- Menu group as the source names it (메인메뉴, 세트메뉴, 사이드메뉴, 음료, 디저트).
    category                 VARCHAR(100) NULL,

    -- [AI_COMPUTED] features
    recommendation_frequency INT NOT NULL DEFAULT 0,
    user_preference_score    DECIMAL(4, 3) NOT NULL DEFAULT 0.0,
    seasonal_popularity      JSON NULL,
    estimated_calories       INT NULL,
    healthiness_score        DECIMAL(3, 2) NULL,
    dietary_tags             JSON NULL,
    description_embedding    JSON NULL,
    ingredient_embedding     JSON NULL,

    created_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    -- Cheapest meals of a shop: filter shop_id and kind = meal, order by price.
    KEY idx_shop_kind_price (shop_id, kind, price),
    KEY idx_price (price),
    KEY idx_preference_score (user_preference_score),
    KEY idx_calories (estimated_calories),

    CONSTRAINT fk_menus_shop FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE CASCADE,
    CONSTRAINT ck_menus_price CHECK (price IS NULL OR price >= 0),
    CONSTRAINT ck_menus_scores CHECK (
        user_preference_score BETWEEN 0 AND 1
        AND (healthiness_score IS NULL OR healthiness_score BETWEEN 0 AND 5)
        AND (estimated_calories IS NULL OR estimated_calories >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
