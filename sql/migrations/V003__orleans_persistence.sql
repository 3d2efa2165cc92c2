-- Orleans ADO.NET grain storage for Microsoft.Orleans.Persistence.AdoNet 10.4.2.
--
-- One row per (service, grain type, grain id). Orleans hashes the grain id and the grain type
-- into two INT values (GrainIdHash, GrainTypeHash) so that lookups use a narrow index, and sends
-- the clear values along (GrainIdN0, GrainIdN1, GrainTypeString, GrainIdExtensionString,
-- ServiceId) to tell apart grains whose hashes collide.
--
-- Concurrency contract (what AdoNetGrainStorage checks):
--   * Version is the ETag. A write or clear names the version the grain last saw
--     (@GrainStateVersion, NULL for a grain that never saw a row).
--   * Success returns the new version. Failure returns the version that was passed in (or NULL),
--     which Orleans turns into an InconsistentStateException. So a stale write changes nothing
--     and never reports a new version.
--   * A clear keeps the row, sets the payload to NULL and bumps the version. A delete (used with
--     DeleteStateOnClear = true) removes the row and reports old version + 1.

CREATE TABLE OrleansStorage
(
    StorageId              BIGINT NOT NULL AUTO_INCREMENT,
    GrainIdHash            INT NOT NULL,
    GrainIdN0              BIGINT NOT NULL,
    GrainIdN1              BIGINT NOT NULL,
    GrainTypeHash          INT NOT NULL,
    GrainTypeString        VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    GrainIdExtensionString VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    ServiceId              VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    -- Serialized grain state. LONGBLOB: BLOB stops at 64 KB, which a busy profile could exceed.
    PayloadBinary          LONGBLOB NULL,
    ModifiedOn             DATETIME(6) NOT NULL,
    Version                INT NOT NULL,
    -- The full identity of a grain state as one value. Its unique key guarantees a single row per
    -- grain even when two activations race to insert the first state (the loser gets a conflict).
    -- Length prefixes keep the encoding unambiguous, and NULL and empty extensions distinct.
    GrainIdentity          BINARY(32) AS (UNHEX(SHA2(CONCAT_WS('|',
                               CHAR_LENGTH(ServiceId), ServiceId,
                               CHAR_LENGTH(GrainTypeString), GrainTypeString,
                               GrainIdN0, GrainIdN1,
                               IF(GrainIdExtensionString IS NULL, '-',
                                  CONCAT(CHAR_LENGTH(GrainIdExtensionString), '+', GrainIdExtensionString))),
                               256))) STORED,

    PRIMARY KEY (StorageId),
    UNIQUE KEY UX_OrleansStorage_Identity (GrainIdentity),
    KEY IX_OrleansStorage_Hashes (GrainIdHash, GrainTypeHash)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

-- Writes a grain state. Returns one row with one column, NewGrainStateVersion.
CREATE PROCEDURE orleans_storage_write(
    IN p_grain_id_hash    INT,
    IN p_grain_id_n0      BIGINT,
    IN p_grain_id_n1      BIGINT,
    IN p_grain_type_hash  INT,
    IN p_grain_type       VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_grain_id_ext     VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_service_id       VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_expected_version INT,
    IN p_payload          LONGBLOB
)
BEGIN
    DECLARE v_result INT DEFAULT p_expected_version;
    DECLARE v_duplicate TINYINT DEFAULT 0;

    IF p_expected_version IS NOT NULL THEN
        -- The grain saw version N: replace the state only if the row still has version N.
        -- Version always changes, so ROW_COUNT() does not depend on the found-rows flag.
        UPDATE OrleansStorage
        SET PayloadBinary = p_payload,
            ModifiedOn = UTC_TIMESTAMP(6),
            Version = Version + 1
        WHERE GrainIdHash = p_grain_id_hash
          AND GrainTypeHash = p_grain_type_hash
          AND GrainIdN0 = p_grain_id_n0
          AND GrainIdN1 = p_grain_id_n1
          AND GrainTypeString = p_grain_type
          AND GrainIdExtensionString <=> p_grain_id_ext
          AND ServiceId = p_service_id
          AND Version = p_expected_version;
        IF ROW_COUNT() = 1 THEN
            SET v_result = p_expected_version + 1;
        END IF;
    ELSE
        -- The grain never saw a row: only the first insert wins. If a row exists already (or a
        -- concurrent activation inserts it first), the unique identity key rejects this insert
        -- and the result stays NULL.
        BEGIN
            DECLARE CONTINUE HANDLER FOR 1062 SET v_duplicate = 1;
            INSERT INTO OrleansStorage
                (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
                 GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
            VALUES
                (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type,
                 p_grain_id_ext, p_service_id, p_payload, UTC_TIMESTAMP(6), 1);
        END;
        IF v_duplicate = 0 THEN
            SET v_result = 1;
        END IF;
    END IF;

    SELECT v_result AS NewGrainStateVersion;
END$$

-- Clears a grain state (keeps the row and its version history). Returns NewGrainStateVersion.
CREATE PROCEDURE orleans_storage_clear(
    IN p_grain_id_hash    INT,
    IN p_grain_id_n0      BIGINT,
    IN p_grain_id_n1      BIGINT,
    IN p_grain_type_hash  INT,
    IN p_grain_type       VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_grain_id_ext     VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_service_id       VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_expected_version INT
)
BEGIN
    DECLARE v_result INT DEFAULT p_expected_version;

    UPDATE OrleansStorage
    SET PayloadBinary = NULL,
        ModifiedOn = UTC_TIMESTAMP(6),
        Version = Version + 1
    WHERE GrainIdHash = p_grain_id_hash
      AND GrainTypeHash = p_grain_type_hash
      AND GrainIdN0 = p_grain_id_n0
      AND GrainIdN1 = p_grain_id_n1
      AND GrainTypeString = p_grain_type
      AND GrainIdExtensionString <=> p_grain_id_ext
      AND ServiceId = p_service_id
      AND Version = p_expected_version;
    IF ROW_COUNT() = 1 THEN
        SET v_result = p_expected_version + 1;
    END IF;

    SELECT v_result AS NewGrainStateVersion;
END$$

-- Deletes a grain state row. Returns NewGrainStateVersion = deleted version + 1 on success.
CREATE PROCEDURE orleans_storage_delete(
    IN p_grain_id_hash    INT,
    IN p_grain_id_n0      BIGINT,
    IN p_grain_id_n1      BIGINT,
    IN p_grain_type_hash  INT,
    IN p_grain_type       VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_grain_id_ext     VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_service_id       VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_expected_version INT
)
BEGIN
    DECLARE v_result INT DEFAULT p_expected_version;

    DELETE FROM OrleansStorage
    WHERE GrainIdHash = p_grain_id_hash
      AND GrainTypeHash = p_grain_type_hash
      AND GrainIdN0 = p_grain_id_n0
      AND GrainIdN1 = p_grain_id_n1
      AND GrainTypeString = p_grain_type
      AND GrainIdExtensionString <=> p_grain_id_ext
      AND ServiceId = p_service_id
      AND Version = p_expected_version;
    IF ROW_COUNT() = 1 THEN
        SET v_result = p_expected_version + 1;
    END IF;

    SELECT v_result AS NewGrainStateVersion;
END$$

DELIMITER ;

-- The provider loads exactly these four keys (DeleteStorageKey is needed only with
-- DeleteStateOnClear = true). Reads return PayloadBinary and Version by name, zero or one row.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'ReadFromStorageKey',
    'SELECT PayloadBinary, Version
    FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash
      AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0
      AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString <=> @GrainIdExtensionString
      AND ServiceId = @ServiceId
    LIMIT 1'
),
(
    'WriteToStorageKey',
    'CALL orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)'
),
(
    'ClearStorageKey',
    'CALL orleans_storage_clear(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion)'
),
(
    'DeleteStorageKey',
    'CALL orleans_storage_delete(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion)'
);
