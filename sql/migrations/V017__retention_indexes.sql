-- Indexes for the retention job (src/Grains/Retention, src/Infrastructure.MySql/Retention). The job deletes expired rows
-- in small batches, DELETE ... WHERE <time> < cutoff ORDER BY <time> LIMIT n, which needs an index on the time column
-- so that each batch reads and locks only the rows it deletes instead of scanning the table.
--
-- conversations: the turns of a session are deleted only once its newest turn has expired, and the check for a newer turn
-- of the same session is a range on (session_id, created_at).
-- feature_vectors: a row is expired when no refresh has rewritten it, so its age is updated_at.
-- performance_logs and nlu_training_data already have idx_created, and the two caches have idx_last_accessed.
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE conversations
    ADD INDEX IF NOT EXISTS idx_session_created (session_id, created_at);

ALTER TABLE conversation_contexts
    ADD INDEX IF NOT EXISTS idx_created (created_at);

ALTER TABLE recommendations_log
    ADD INDEX IF NOT EXISTS idx_created (created_at);

ALTER TABLE recommendation_features
    ADD INDEX IF NOT EXISTS idx_created (created_at);

ALTER TABLE user_interactions
    ADD INDEX IF NOT EXISTS idx_created (created_at);

ALTER TABLE feature_vectors
    ADD INDEX IF NOT EXISTS idx_updated (updated_at);
