-- Feature store, per-candidate recommendation features, NLU training data, training runs.

-- Feature snapshots per entity and feature version. The spec hash-partitioned this table on
-- entity_id, which MariaDB refuses for a VARCHAR (HASH needs an integer expression). Not
-- partitioned: on a single server it would buy nothing and would force entity_id into every
-- unique key. One row per (entity_type, entity_id, feature_version), updated in place.
CREATE TABLE feature_vectors
(
    id                        BIGINT NOT NULL AUTO_INCREMENT,

    -- user, shop, menu, interaction
    entity_type               VARCHAR(50) NOT NULL,
    entity_id                 VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,

    -- dense numeric features for Wide and Deep, sparse categorical features, learned embedding
    feature_vector_dense      JSON NULL,
    feature_vector_sparse     JSON NULL,
    embedding_vector          JSON NULL,

    -- rule_based, ml_derived, hybrid
    feature_extraction_method VARCHAR(100) NULL,
    feature_version           VARCHAR(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    confidence_score          DECIMAL(4, 3) NULL,

    created_at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at                DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    valid_until               DATETIME(6) NULL,

    feature_importance        JSON NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_feature_vectors_entity (entity_type, entity_id, feature_version),
    KEY idx_version (feature_version),
    KEY idx_created (created_at),
    KEY idx_valid_until (valid_until),

    CONSTRAINT ck_feature_vectors_type CHECK (entity_type IN ('user', 'shop', 'menu', 'interaction')),
    CONSTRAINT ck_feature_vectors_confidence CHECK (confidence_score IS NULL OR confidence_score BETWEEN 0 AND 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Features of one (user, shop) candidate at ranking time, with the model output and its explanation.
CREATE TABLE recommendation_features
(
    id                             BIGINT NOT NULL AUTO_INCREMENT,

    user_id                        VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    shop_id                        INT NOT NULL,
    session_id                     VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    turn_id                        VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    created_at                     DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    -- layer 1: funnel scores
    collaborative_score            DECIMAL(4, 3) NULL,
    content_score                  DECIMAL(4, 3) NULL,
    contextual_score               DECIMAL(4, 3) NULL,
    popularity_score               DECIMAL(4, 3) NULL,

    -- wide: engineered features
    category_preference_match      DECIMAL(4, 3) NULL,
    budget_compatibility           DECIMAL(4, 3) NULL,
    distance_penalty               DECIMAL(4, 3) NULL,
    time_preference_match          DECIMAL(4, 3) NULL,
    visited_before                 BOOLEAN NULL,
    similar_user_liked             DECIMAL(4, 3) NULL,

    -- deep: normalized numeric features
    user_avg_budget_normalized     DECIMAL(4, 3) NULL,
    user_favorite_count_normalized DECIMAL(4, 3) NULL,
    shop_rating_normalized         DECIMAL(4, 3) NULL,
    shop_review_count_normalized   DECIMAL(4, 3) NULL,
    distance_normalized            DECIMAL(4, 3) NULL,

    -- crosses
    user_category_interaction      DECIMAL(4, 3) NULL,
    budget_time_interaction        DECIMAL(4, 3) NULL,
    location_category_interaction  DECIMAL(4, 3) NULL,

    -- output
    predicted_score                DECIMAL(4, 3) NULL,
    ranking_position               INT NULL,
    feature_contributions          JSON NULL,

    PRIMARY KEY (id),
    KEY idx_user_time (user_id, created_at),
    KEY idx_rec_user_score (user_id, predicted_score DESC),
    KEY idx_shop_score (shop_id, predicted_score),
    KEY idx_session_turn (session_id, turn_id),
    KEY idx_ranking (ranking_position),

    CONSTRAINT fk_recommendation_features_shop FOREIGN KEY (shop_id) REFERENCES shops (id) ON DELETE CASCADE,
    CONSTRAINT ck_recommendation_features_rank CHECK (ranking_position IS NULL OR ranking_position >= 1)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- NLU inputs and outputs, with ground truth when known. Also the NLU cache: a lookup by
-- normalized text uses normalized_text_hash (a TEXT column itself cannot be indexed whole).
CREATE TABLE nlu_training_data
(
    id                   BIGINT NOT NULL AUTO_INCREMENT,

    input_text           TEXT NOT NULL,
    normalized_text      TEXT NULL,
    normalized_text_hash BINARY(32) AS (UNHEX(SHA2(normalized_text, 256))) STORED,

    -- NLU output
    predicted_intent     VARCHAR(50) NULL,
    intent_confidence    DECIMAL(4, 3) NULL,
    extracted_entities   JSON NULL,

    -- ground truth
    true_intent          VARCHAR(50) NULL,
    true_entities        JSON NULL,

    -- quality
    prediction_accuracy  DECIMAL(4, 3) NULL,
    entity_extraction_f1 DECIMAL(4, 3) NULL,

    -- context
    user_id              VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    feedback_provided    BOOLEAN NOT NULL DEFAULT FALSE,
    correction_applied   BOOLEAN NOT NULL DEFAULT FALSE,

    -- user_interaction, synthetic, corrected, augmented
    data_source          VARCHAR(50) NULL,
    quality_score        DECIMAL(3, 2) NULL,
    created_at           DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),

    -- training state
    used_for_training    BOOLEAN NOT NULL DEFAULT FALSE,
    training_batch_id    VARCHAR(100) NULL,
    model_version        VARCHAR(20) NULL,

    PRIMARY KEY (id),
    KEY idx_normalized_lookup (normalized_text_hash, quality_score),
    KEY idx_intent (predicted_intent),
    KEY idx_quality (quality_score),
    KEY idx_created (created_at),
    KEY idx_training_status (used_for_training),

    CONSTRAINT ck_nlu_scores CHECK (
        (intent_confidence IS NULL OR intent_confidence BETWEEN 0 AND 1)
        AND (quality_score IS NULL OR quality_score BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per training run (LoRA adapters, base models, embeddings), updated as it progresses.
CREATE TABLE model_training_logs
(
    id                       BIGINT NOT NULL AUTO_INCREMENT,

    training_session_id      VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- lora_adapter, base_model, embeddings
    model_type               VARCHAR(50) NULL,
    training_start_time      DATETIME(6) NULL,
    training_end_time        DATETIME(6) NULL,

    -- configuration
    model_name               VARCHAR(200) NULL,
    lora_rank                INT NULL,
    lora_alpha               INT NULL,
    lora_dropout             DECIMAL(3, 2) NULL,
    learning_rate            DECIMAL(10, 8) NULL,
    batch_size               INT NULL,
    epochs                   INT NULL,

    -- progress
    current_epoch            INT NULL,
    current_step             INT NULL,
    total_steps              INT NULL,
    training_loss            DECIMAL(10, 6) NULL,
    validation_loss          DECIMAL(10, 6) NULL,
    best_validation_loss     DECIMAL(10, 6) NULL,

    -- data
    training_samples_count   INT NULL,
    validation_samples_count INT NULL,
    data_quality_score       DECIMAL(3, 2) NULL,
    class_balance            JSON NULL,

    -- result
    final_model_path         VARCHAR(500) NULL,
    checkpoint_paths         JSON NULL,
    evaluation_metrics       JSON NULL,

    deployment_status        VARCHAR(50) NOT NULL DEFAULT 'training',
    deployment_timestamp     DATETIME(6) NULL,

    -- resources
    gpu_hours                DECIMAL(10, 2) NULL,
    peak_memory_gb           FLOAT NULL,

    created_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),

    PRIMARY KEY (id),
    UNIQUE KEY uq_training_session (training_session_id),
    KEY idx_status (deployment_status),
    KEY idx_model_type (model_type),

    CONSTRAINT ck_training_status CHECK (deployment_status IN ('training', 'completed', 'deployed', 'failed')),
    CONSTRAINT ck_training_times CHECK (
        training_start_time IS NULL OR training_end_time IS NULL OR training_end_time >= training_start_time)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
