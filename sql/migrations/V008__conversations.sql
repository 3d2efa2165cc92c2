-- Chat turns, session contexts, user interactions and the recommendation log.
--
-- Chat-side user ids are the application user ids (users.user_id) but carry no foreign key:
-- a turn must be recorded even for a user the users table does not know (yet).
--
-- user_interactions and recommendations_log are partitioned by quarter on created_at so that
-- retention (365 days) is a cheap DROP PARTITION. MariaDB partitioned tables cannot take part
-- in foreign keys (neither side), so these two have none. Every unique key of a partitioned
-- table, the primary key included, contains the partition column created_at. p_future catches
-- rows beyond the last quarter until operations split it (see sql/README.md).

-- One row per answered turn. (session_id, turn_id) is unique: a client retry of a turn finds
-- the stored reply instead of producing a second row. Not partitioned, because that unique key
-- could not be enforced across time partitions without adding created_at to it.
CREATE TABLE conversations
(
    id                         BIGINT NOT NULL AUTO_INCREMENT,

    -- [CHATBOT_GENERATED] identity
    session_id                 VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    turn_id                    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id                    VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    conversation_id            VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    -- Ordinal of the turn within the session (1, 2, ...).
    conversation_turn          INT NULL,

    input_text                 TEXT NOT NULL,
    reply                      TEXT NOT NULL,
    -- The complete reply as the client got it (recommendations, timings), to replay a retried turn.
    reply_payload              JSON NULL,
    created_at                 DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    -- [CHATBOT_GENERATED] NLU result
    intent                     VARCHAR(50) NULL,
    intent_confidence          DECIMAL(4, 3) NULL,
    entities                   JSON NULL,
    -- Entities accumulated over the session up to this turn.
    slots                      JSON NULL,

    -- [CHATBOT_GENERATED] dialogue state
    user_strategy              VARCHAR(30) NULL,
    previous_intent            VARCHAR(50) NULL,

    -- Whole turn in microseconds. The per-stage split is in performance_logs (same session_id, turn_id).
    total_us                   BIGINT NULL,

    -- [AI_COMPUTED] quality
    response_quality_score     DECIMAL(4, 3) NULL,
    user_satisfaction_inferred DECIMAL(4, 3) NULL,
    conversation_coherence     DECIMAL(4, 3) NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_conversations_turn (session_id, turn_id),
    KEY idx_user_time_intent (user_id, created_at, intent),
    KEY idx_intent (intent),
    KEY idx_created (created_at),

    CONSTRAINT ck_conversations_ids CHECK (session_id <> '' AND turn_id <> '' AND user_id <> ''),
    CONSTRAINT ck_conversations_scores CHECK (
        (intent_confidence IS NULL OR intent_confidence BETWEEN 0 AND 1)
        AND (total_us IS NULL OR total_us >= 0))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Session context snapshots, one per turn. Short-lived (7 days, see expires_at).
CREATE TABLE conversation_contexts
(
    id                 BIGINT NOT NULL AUTO_INCREMENT,

    session_id         VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    user_id            VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    conversation_turn  INT NOT NULL,

    -- mentioned shops and categories, budget and time constraints, dietary restrictions, companions
    context_data       JSON NOT NULL,
    -- strategy, completeness, engagement, frustration
    user_state         JSON NULL,
    -- decision style, price sensitivity, brand loyalty
    extracted_patterns JSON NULL,

    context_type       VARCHAR(50) NULL,
    importance_score   DECIMAL(3, 2) NULL,

    created_at         DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    expires_at         DATETIME(6) NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_contexts_session_turn (session_id, conversation_turn),
    KEY idx_user_time (user_id, created_at),
    KEY idx_context_type (context_type),
    KEY idx_expires (expires_at),

    CONSTRAINT ck_contexts_importance CHECK (importance_score IS NULL OR importance_score BETWEEN 0 AND 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_interactions
(
    id                           BIGINT NOT NULL AUTO_INCREMENT,

    -- [CHATBOT_GENERATED] identity
    user_id                      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_id                   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    turn_id                      VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at                   DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    -- text_input, selection, feedback, coupon_use, detail_view, scroll, hover, copy_info, share, bookmark
    interaction_type             VARCHAR(30) NOT NULL,
    intent                       VARCHAR(50) NULL,
    entities                     JSON NULL,
    -- chosen shop and menus, coupon, final price, decision time, alternatives viewed
    user_selection               JSON NULL,

    -- [CHATBOT_GENERATED] learning signals
    food_preference_extracted    VARCHAR(100) NULL,
    budget_pattern_extracted     INT NULL,
    companion_pattern_extracted  VARCHAR(50) NULL,
    coupon_usage                 JSON NULL,
    satisfaction_score           TINYINT NULL,

    -- [AI_COMPUTED] behaviour
    interaction_sequence_pattern VARCHAR(100) NULL,
    decision_confidence          DECIMAL(4, 3) NULL,
    exploration_score            DECIMAL(4, 3) NULL,

    PRIMARY KEY (id, created_at),
    KEY idx_user_time (user_id, created_at),
    KEY idx_session_turn (session_id, turn_id),
    KEY idx_interaction_type (interaction_type),
    KEY idx_decision_confidence (decision_confidence),

    CONSTRAINT ck_interactions_satisfaction CHECK (satisfaction_score IS NULL OR satisfaction_score BETWEEN 1 AND 5)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
PARTITION BY RANGE COLUMNS (created_at)
(
    PARTITION p_history VALUES LESS THAN ('2026-01-01'),
    PARTITION p2026q1 VALUES LESS THAN ('2026-04-01'),
    PARTITION p2026q2 VALUES LESS THAN ('2026-07-01'),
    PARTITION p2026q3 VALUES LESS THAN ('2026-10-01'),
    PARTITION p2026q4 VALUES LESS THAN ('2027-01-01'),
    PARTITION p2027q1 VALUES LESS THAN ('2027-04-01'),
    PARTITION p2027q2 VALUES LESS THAN ('2027-07-01'),
    PARTITION p2027q3 VALUES LESS THAN ('2027-10-01'),
    PARTITION p2027q4 VALUES LESS THAN ('2028-01-01'),
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);

CREATE TABLE recommendations_log
(
    id                       BIGINT NOT NULL AUTO_INCREMENT,

    -- [CHATBOT_GENERATED] identity
    user_id                  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    session_id               VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    turn_id                  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    -- request
    request_intent           VARCHAR(50) NULL,
    request_entities         JSON NULL,

    -- [DERIVED] result: shop, score, rank, reasons with breakdown, coupons, final price per item
    recommendations          JSON NOT NULL,
    recommendation_count     INT NOT NULL,
    -- wide_deep, rag, hybrid, emergency, coupon_based
    recommendation_method    VARCHAR(50) NULL,
    confidence_score         DECIMAL(4, 3) NULL,
    total_discount_available INT NULL,

    -- [AI_COMPUTED] quality
    diversity_score          DECIMAL(4, 3) NULL,
    personalization_score    DECIMAL(4, 3) NULL,
    relevance_score          DECIMAL(4, 3) NULL,
    novelty_score            DECIMAL(4, 3) NULL,

    -- user reaction. user_final_selection is a shops.id (no foreign key: partitioned table).
    user_viewed_details      JSON NULL,
    user_final_selection     INT NULL,
    time_to_decision_ms      INT NULL,

    PRIMARY KEY (id, created_at),
    KEY idx_user_time (user_id, created_at),
    KEY idx_session_turn (session_id, turn_id),
    KEY idx_method (recommendation_method),
    KEY idx_personalization (personalization_score),

    CONSTRAINT ck_recommendations_count CHECK (recommendation_count >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
PARTITION BY RANGE COLUMNS (created_at)
(
    PARTITION p_history VALUES LESS THAN ('2026-01-01'),
    PARTITION p2026q1 VALUES LESS THAN ('2026-04-01'),
    PARTITION p2026q2 VALUES LESS THAN ('2026-07-01'),
    PARTITION p2026q3 VALUES LESS THAN ('2026-10-01'),
    PARTITION p2026q4 VALUES LESS THAN ('2027-01-01'),
    PARTITION p2027q1 VALUES LESS THAN ('2027-04-01'),
    PARTITION p2027q2 VALUES LESS THAN ('2027-07-01'),
    PARTITION p2027q3 VALUES LESS THAN ('2027-10-01'),
    PARTITION p2027q4 VALUES LESS THAN ('2028-01-01'),
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);
