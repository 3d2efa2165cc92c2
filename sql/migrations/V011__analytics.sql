-- User journey analytics and the consolidated user profile.

CREATE TABLE user_journey_analytics
(
    id                              BIGINT NOT NULL AUTO_INCREMENT,

    user_id                         VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    journey_session_id              VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    journey_start                   DATETIME(6) NULL,
    journey_end                     DATETIME(6) NULL,

    -- milestones
    onboarding_completed            BOOLEAN NOT NULL DEFAULT FALSE,
    first_recommendation_received   BOOLEAN NOT NULL DEFAULT FALSE,
    first_selection_made            BOOLEAN NOT NULL DEFAULT FALSE,
    personalization_achieved        BOOLEAN NOT NULL DEFAULT FALSE,

    -- metrics
    total_interactions              INT NOT NULL DEFAULT 0,
    successful_recommendations      INT NOT NULL DEFAULT 0,
    recommendation_acceptance_rate  DECIMAL(4, 3) NULL,
    -- seconds
    average_session_duration        INT NULL,

    -- funnel
    funnel_stage                    VARCHAR(50) NULL,
    conversion_probability          DECIMAL(4, 3) NULL,
    drop_off_point                  VARCHAR(100) NULL,

    -- feedback counts, response time, re-engagement rate
    satisfaction_signals            JSON NULL,
    -- preferences identified, budget pattern learned, time preference and companion patterns found
    personalization_milestones      JSON NULL,

    PRIMARY KEY (id),
    KEY idx_user_journey (user_id, journey_session_id),
    KEY idx_funnel_stage (funnel_stage),
    KEY idx_journey_start (journey_start),

    CONSTRAINT ck_journey_funnel CHECK (
        funnel_stage IS NULL
        OR funnel_stage IN ('awareness', 'interest', 'consideration', 'conversion', 'retention')),
    CONSTRAINT ck_journey_times CHECK (journey_start IS NULL OR journey_end IS NULL OR journey_end >= journey_start),
    CONSTRAINT ck_journey_rates CHECK (
        (recommendation_acceptance_rate IS NULL OR recommendation_acceptance_rate BETWEEN 0 AND 1)
        AND (conversion_probability IS NULL OR conversion_probability BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One profile per user: user_id is the primary key (the spec declared a second one, id, too).
-- Built from chat turns, so it has no foreign key to users (a profile can precede the user row).
-- The columns of the profile grain map as: AgeGroup -> age_group, LikedFoods -> liked_foods,
-- TastePreference -> taste_preference, UsualBudget -> average_budget,
-- DietaryRestrictions -> dietary_restrictions, TurnCount -> interaction_count.
CREATE TABLE user_profiles
(
    user_id                   VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    created_at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_updated              DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    -- child, teen, adult. NULL = unknown, which the product treats as a minor.
    age_group                 VARCHAR(10) NULL,

    -- [CHATBOT_GENERATED] personalization
    preferred_categories      JSON NULL,
    -- food name -> times mentioned
    liked_foods               JSON NULL,
    taste_preference          VARCHAR(50) NULL,
    average_budget            INT NULL,
    dietary_restrictions      JSON NULL,
    good_influence_preference DECIMAL(3, 2) NULL,
    interaction_count         INT NOT NULL DEFAULT 0,

    -- [DERIVED]
    favorite_shops            JSON NULL,
    recent_orders             JSON NULL,
    coupon_preference         JSON NULL,
    monthly_stats             JSON NULL,

    -- [AI_COMPUTED] profile: explorer, loyalist, deal_seeker, convenience_first
    personality_type          VARCHAR(50) NULL,
    -- quick, moderate, deliberate
    decision_making_speed     VARCHAR(20) NULL,
    price_elasticity          DECIMAL(4, 3) NULL,
    brand_loyalty_score       DECIMAL(4, 3) NULL,

    -- [AI_COMPUTED] predictions
    next_order_prediction     JSON NULL,
    churn_risk_factors        JSON NULL,

    PRIMARY KEY (user_id),
    KEY idx_updated (last_updated),
    KEY idx_personality (personality_type),

    CONSTRAINT ck_profiles_age_group CHECK (age_group IS NULL OR age_group IN ('child', 'teen', 'adult')),
    CONSTRAINT ck_profiles_numbers CHECK (
        (average_budget IS NULL OR average_budget >= 0) AND interaction_count >= 0
        AND (good_influence_preference IS NULL OR good_influence_preference BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
