-- Per-turn performance log and the retrieval caches.

-- One row per measured operation (normally one chat turn). Stage times are microseconds, as the
-- turn pipeline measures them. They replace the millisecond columns of the spec:
--   nlu_time_ms -> nlu_us, rag_time_ms -> rag_us, recommendation_time_ms -> features_us +
--   ranking_us, response_generation_time_ms -> response_us, total_time_ms -> total_us (and the
--   generated total_ms), processing_time_ms -> dropped (it had no defined meaning).
-- Partitioned by month on created_at for the 90-day retention, so no foreign keys, and the
-- primary key includes created_at.
CREATE TABLE performance_logs
(
    id                       BIGINT NOT NULL AUTO_INCREMENT,
    created_at               DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    -- chat_turn, nlu_processing, rag_search, recommendation, response_generation, ...
    operation_type           VARCHAR(50) NOT NULL,

    -- context
    user_id                  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    session_id               VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    turn_id                  VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    request_complexity       VARCHAR(20) NULL,

    -- stage wall times in microseconds (NULL = stage not run)
    preprocess_us            BIGINT NULL,
    context_us               BIGINT NULL,
    nlu_us                   BIGINT NULL,
    rag_us                   BIGINT NULL,
    features_us              BIGINT NULL,
    ranking_us               BIGINT NULL,
    coupons_us               BIGINT NULL,
    response_us              BIGINT NULL,
    logging_us               BIGINT NULL,
    total_us                 BIGINT NULL,
    -- Whole milliseconds, for dashboards written against the spec column total_time_ms.
    total_ms                 BIGINT AS (total_us DIV 1000) VIRTUAL,

    -- resources
    memory_usage_mb          FLOAT NULL,
    cpu_usage_percent        FLOAT NULL,
    gpu_usage_percent        FLOAT NULL,
    cache_hit_rate           DECIMAL(4, 3) NULL,

    -- quality
    confidence_score         DECIMAL(4, 3) NULL,
    success                  BOOLEAN NOT NULL DEFAULT TRUE,
    error_type               VARCHAR(100) NULL,
    error_message            TEXT NULL,

    -- bottleneck analysis
    bottleneck_component     VARCHAR(50) NULL,
    optimization_suggestions JSON NULL,

    PRIMARY KEY (id, created_at),
    KEY idx_created (created_at),
    KEY idx_operation_time (operation_type, created_at),
    KEY idx_user_session (user_id, session_id),
    KEY idx_session_turn (session_id, turn_id),
    KEY idx_total_us (total_us),

    CONSTRAINT ck_performance_logs_us CHECK (
        COALESCE(preprocess_us, 0) >= 0 AND COALESCE(context_us, 0) >= 0
        AND COALESCE(nlu_us, 0) >= 0 AND COALESCE(rag_us, 0) >= 0
        AND COALESCE(features_us, 0) >= 0 AND COALESCE(ranking_us, 0) >= 0
        AND COALESCE(coupons_us, 0) >= 0 AND COALESCE(response_us, 0) >= 0
        AND COALESCE(logging_us, 0) >= 0 AND COALESCE(total_us, 0) >= 0),
    CONSTRAINT ck_performance_logs_rates CHECK (
        (cache_hit_rate IS NULL OR cache_hit_rate BETWEEN 0 AND 1)
        AND (confidence_score IS NULL OR confidence_score BETWEEN 0 AND 1))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
PARTITION BY RANGE COLUMNS (created_at)
(
    PARTITION p_history VALUES LESS THAN ('2026-01-01'),
    PARTITION p202601 VALUES LESS THAN ('2026-02-01'),
    PARTITION p202602 VALUES LESS THAN ('2026-03-01'),
    PARTITION p202603 VALUES LESS THAN ('2026-04-01'),
    PARTITION p202604 VALUES LESS THAN ('2026-05-01'),
    PARTITION p202605 VALUES LESS THAN ('2026-06-01'),
    PARTITION p202606 VALUES LESS THAN ('2026-07-01'),
    PARTITION p202607 VALUES LESS THAN ('2026-08-01'),
    PARTITION p202608 VALUES LESS THAN ('2026-09-01'),
    PARTITION p202609 VALUES LESS THAN ('2026-10-01'),
    PARTITION p202610 VALUES LESS THAN ('2026-11-01'),
    PARTITION p202611 VALUES LESS THAN ('2026-12-01'),
    PARTITION p202612 VALUES LESS THAN ('2027-01-01'),
    PARTITION p202701 VALUES LESS THAN ('2027-02-01'),
    PARTITION p202702 VALUES LESS THAN ('2027-03-01'),
    PARTITION p202703 VALUES LESS THAN ('2027-04-01'),
    PARTITION p202704 VALUES LESS THAN ('2027-05-01'),
    PARTITION p202705 VALUES LESS THAN ('2027-06-01'),
    PARTITION p202706 VALUES LESS THAN ('2027-07-01'),
    PARTITION p202707 VALUES LESS THAN ('2027-08-01'),
    PARTITION p202708 VALUES LESS THAN ('2027-09-01'),
    PARTITION p202709 VALUES LESS THAN ('2027-10-01'),
    PARTITION p202710 VALUES LESS THAN ('2027-11-01'),
    PARTITION p202711 VALUES LESS THAN ('2027-12-01'),
    PARTITION p202712 VALUES LESS THAN ('2028-01-01'),
    PARTITION p_future VALUES LESS THAN (MAXVALUE)
);

-- Retrieval results by normalized query. query_hash is the lowercase hex SHA-256 of the
-- normalized query. An entry is stale after created_at + ttl_seconds (expires_at).
CREATE TABLE rag_query_cache
(
    id                         BIGINT NOT NULL AUTO_INCREMENT,

    query_hash                 CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    original_query             TEXT NOT NULL,
    normalized_query           TEXT NOT NULL,

    -- document ids with score and type, vector hits, similarity scores
    retrieved_documents        JSON NULL,
    vector_search_results      JSON NULL,
    semantic_similarity_scores JSON NULL,

    search_time_ms             INT NULL,
    total_documents_searched   INT NULL,
    cache_hit_count            INT NOT NULL DEFAULT 0,
    avg_response_time_ms       INT NULL,

    created_at                 DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_accessed              DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    access_count               INT NOT NULL DEFAULT 1,
    ttl_seconds                INT NOT NULL DEFAULT 3600,
    expires_at                 DATETIME(6) AS (created_at + INTERVAL ttl_seconds SECOND) STORED,

    result_quality_score       DECIMAL(4, 3) NULL,
    user_satisfaction_rate     DECIMAL(4, 3) NULL,

    PRIMARY KEY (id),
    UNIQUE KEY uq_rag_query_hash (query_hash),
    KEY idx_created (created_at),
    KEY idx_last_accessed (last_accessed),
    KEY idx_access_count (access_count),
    KEY idx_expires (expires_at),

    CONSTRAINT ck_rag_query_hash CHECK (query_hash REGEXP '^[0-9a-f]{64}$'),
    CONSTRAINT ck_rag_ttl CHECK (ttl_seconds > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Embedding vectors by content and model. The same text embedded by two models is two rows.
CREATE TABLE embedding_cache
(
    id                  BIGINT NOT NULL AUTO_INCREMENT,

    -- lowercase hex SHA-256 of the content
    content_hash        CHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- query, shop_description, menu_description, user_review
    content_type        VARCHAR(50) NOT NULL,
    original_content    TEXT NOT NULL,

    embedding_vector    JSON NOT NULL,
    embedding_model     VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    embedding_dimension INT NULL,

    created_at          DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    last_accessed       DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    access_count        INT NOT NULL DEFAULT 1,
    computation_time_ms INT NULL,

    vector_norm         FLOAT NULL,
    is_valid            BOOLEAN NOT NULL DEFAULT TRUE,

    PRIMARY KEY (id),
    UNIQUE KEY uq_embedding_content_model (content_hash, embedding_model),
    KEY idx_content_type (content_type),
    KEY idx_last_accessed (last_accessed),
    KEY idx_model (embedding_model),

    CONSTRAINT ck_embedding_hash CHECK (content_hash REGEXP '^[0-9a-f]{64}$'),
    CONSTRAINT ck_embedding_dimension CHECK (embedding_dimension IS NULL OR embedding_dimension > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
