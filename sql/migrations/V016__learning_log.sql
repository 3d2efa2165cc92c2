-- The learning log (issue 13). Each turn that shows picks writes its recommendations_log row with the ranking arm in
-- recommendation_method (wide_deep or heuristic, the A/B test's arms) and, new here, the exact model that scored it:
--
-- model_version   the scoring model's version (widedeep-<sha256 prefix> for the ONNX file, heuristic-1), so rows of
--                 one arm scored by different model files are told apart.
--
-- user_interactions rows name the pick they are about in user_selection (shop, position); the A/B report and the
-- training log reader join them to the turn by (session_id, turn_id), which idx_session_turn already serves.
-- recommendation_features rows are looked up the same way; this index serves the feature refresh reading shops.
--
-- IF NOT EXISTS keeps the file harmless when it is applied again by hand.

ALTER TABLE recommendations_log
    ADD COLUMN IF NOT EXISTS model_version VARCHAR(64) NULL AFTER recommendation_method;

ALTER TABLE user_interactions
    ADD INDEX IF NOT EXISTS idx_type_time (interaction_type, created_at);
