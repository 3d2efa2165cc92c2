-- Orleans ADO.NET clustering (membership) for Microsoft.Orleans.Clustering.AdoNet 10.4.2.
--
-- The provider keeps one "table version" row per cluster (DeploymentId = ClusterOptions.ClusterId)
-- and one row per silo incarnation (address, port, generation). Every membership change is an
-- optimistic write against the table version: the caller passes the version it read (@Version),
-- and the write succeeds only when that is still the stored version, bumping it by one.
-- Heartbeats (UpdateIAmAlivetimeKey) are not membership changes and leave the version alone.
--
-- SiloStatus values used below: 3 = Active, 6 = Dead.
-- All times are UTC (Orleans passes DateTime values in UTC and reads them back as UTC).

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Timestamp    DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    Version      INT NOT NULL DEFAULT 0,

    PRIMARY KEY (DeploymentId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE OrleansMembershipTable
(
    DeploymentId VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    Address      VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    Port         INT NOT NULL,
    Generation   INT NOT NULL,
    SiloName     VARCHAR(150) NOT NULL,
    HostName     VARCHAR(150) NOT NULL,
    Status       INT NOT NULL,
    ProxyPort    INT NULL,
    -- "silo,date|silo,date": who suspects this silo and since when (formatted by Orleans).
    SuspectTimes TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NULL,
    StartTime    DATETIME(6) NOT NULL,
    IAmAliveTime DATETIME(6) NOT NULL,

    PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT FK_OrleansMembershipTable_Version FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER $$

-- Creates the version row of a cluster once. Returns one column: 1 when this call created it,
-- 0 when it already existed (also when a concurrent silo created it a moment earlier).
CREATE PROCEDURE orleans_membership_version_init(
    IN p_deployment_id VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
)
BEGIN
    DECLARE v_already_there TINYINT DEFAULT 0;
    DECLARE CONTINUE HANDLER FOR 1062 SET v_already_there = 1;

    INSERT INTO OrleansMembershipVersionTable (DeploymentId, Version)
    VALUES (p_deployment_id, 0);

    SELECT 1 - v_already_there AS Created;
END$$

-- Adds a silo row and bumps the table version in one transaction. Returns one column:
-- 1 on success, 0 when @Version is stale or the silo row already exists (nothing changes then).
CREATE PROCEDURE orleans_membership_insert(
    IN p_deployment_id    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_address          VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin,
    IN p_port             INT,
    IN p_generation       INT,
    IN p_silo_name        VARCHAR(150),
    IN p_host_name        VARCHAR(150),
    IN p_status           INT,
    IN p_proxy_port       INT,
    IN p_start_time       DATETIME(6),
    IN p_i_am_alive_time  DATETIME(6),
    IN p_expected_version INT
)
BEGIN
    DECLARE v_done TINYINT DEFAULT 0;
    DECLARE v_duplicate TINYINT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    -- Version first (the same lock order as orleans_membership_update). Version always changes,
    -- so ROW_COUNT() is 1 exactly when the expected version matched, with or without the
    -- "found rows" flag of the client.
    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1
    WHERE DeploymentId = p_deployment_id
      AND Version = p_expected_version;

    IF ROW_COUNT() = 1 THEN
        BEGIN
            DECLARE CONTINUE HANDLER FOR 1062 SET v_duplicate = 1;
            INSERT INTO OrleansMembershipTable
                (DeploymentId, Address, Port, Generation, SiloName, HostName,
                 Status, ProxyPort, StartTime, IAmAliveTime)
            VALUES
                (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name,
                 p_status, p_proxy_port, p_start_time, p_i_am_alive_time);
        END;
        IF v_duplicate = 0 THEN
            SET v_done = 1;
        END IF;
    END IF;

    IF v_done = 1 THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT v_done AS Inserted;
END$$

-- Changes the status and suspicions of a silo and bumps the table version in one transaction.
-- Returns one column: 1 on success, 0 when @Version is stale or the silo row does not exist
-- (the version is not bumped then). A heartbeat newer than @IAmAliveTime is kept.
CREATE PROCEDURE orleans_membership_update(
    IN p_deployment_id    VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_address          VARCHAR(45) CHARACTER SET ascii COLLATE ascii_bin,
    IN p_port             INT,
    IN p_generation       INT,
    IN p_status           INT,
    IN p_suspect_times    TEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    IN p_i_am_alive_time  DATETIME(6),
    IN p_expected_version INT
)
BEGIN
    DECLARE v_done TINYINT DEFAULT 0;
    DECLARE v_silo_rows INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;

    UPDATE OrleansMembershipVersionTable
    SET Version = Version + 1
    WHERE DeploymentId = p_deployment_id
      AND Version = p_expected_version;

    IF ROW_COUNT() = 1 THEN
        -- Counted with a lock instead of trusting ROW_COUNT() of the UPDATE below: an update that
        -- writes identical values reports 0 changed rows unless the client asked for found rows
        SELECT COUNT(*) INTO v_silo_rows
        FROM OrleansMembershipTable
        WHERE DeploymentId = p_deployment_id
          AND Address = p_address
          AND Port = p_port
          AND Generation = p_generation
        FOR UPDATE;

        IF v_silo_rows = 1 THEN
            UPDATE OrleansMembershipTable
            SET Status = p_status,
                SuspectTimes = p_suspect_times,
                IAmAliveTime = GREATEST(IAmAliveTime, p_i_am_alive_time)
            WHERE DeploymentId = p_deployment_id
              AND Address = p_address
              AND Port = p_port
              AND Generation = p_generation;
            SET v_done = 1;
        END IF;
    END IF;

    IF v_done = 1 THEN
        COMMIT;
    ELSE
        ROLLBACK;
    END IF;

    SELECT v_done AS Updated;
END$$

-- Removes a whole cluster: silo rows first, then the version row they reference.
CREATE PROCEDURE orleans_membership_delete_cluster(
    IN p_deployment_id VARCHAR(150) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin
)
BEGIN
    DECLARE EXIT HANDLER FOR SQLEXCEPTION
    BEGIN
        ROLLBACK;
        RESIGNAL;
    END;

    START TRANSACTION;
    DELETE FROM OrleansMembershipTable WHERE DeploymentId = p_deployment_id;
    DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = p_deployment_id;
    COMMIT;
END$$

DELIMITER ;

-- Query texts hold no semicolons: each is one statement, so any migration runner can split
-- this file on semicolons at line ends without cutting a text in two.
--
-- Columns the provider reads by name: membership reads return Address, Port, Generation,
-- SiloName, HostName, Status, ProxyPort, SuspectTimes, StartTime, IAmAliveTime and Version, one
-- row per silo or a single row with NULL silo columns when the cluster has no silo yet (a NULL
-- StartTime means no silo). Gateways return Address, ProxyPort and Generation. The procedures
-- return a single 0/1 column.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES
(
    'InsertMembershipVersionKey',
    'CALL orleans_membership_version_init(@DeploymentId)'
),
(
    'InsertMembershipKey',
    'CALL orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
        @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version)'
),
(
    'UpdateMembershipKey',
    'CALL orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,
        @SuspectTimes, @IAmAliveTime, @Version)'
),
(
    'UpdateIAmAlivetimeKey',
    'UPDATE OrleansMembershipTable
    SET IAmAliveTime = @IAmAliveTime
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address
      AND Port = @Port
      AND Generation = @Generation'
),
(
    'GatewaysQueryKey',
    'SELECT Address, ProxyPort, Generation
    FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = @Status
      AND ProxyPort > 0'
),
(
    'MembershipReadRowKey',
    'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
           ON m.DeploymentId = v.DeploymentId
          AND m.Address = @Address
          AND m.Port = @Port
          AND m.Generation = @Generation
    WHERE v.DeploymentId = @DeploymentId'
),
(
    'MembershipReadAllKey',
    'SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
           m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
    FROM OrleansMembershipVersionTable AS v
    LEFT JOIN OrleansMembershipTable AS m
           ON m.DeploymentId = v.DeploymentId
    WHERE v.DeploymentId = @DeploymentId'
),
(
    'DeleteMembershipTableEntriesKey',
    'CALL orleans_membership_delete_cluster(@DeploymentId)'
),
(
    -- Set-based pruning, used by providers when CleanupDefunctSiloEntryKey is absent:
    -- Dead silos that neither started nor sent a heartbeat since the cut-off (@IAmAliveTime).
    'CleanupDefunctSiloEntriesKey',
    'DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Status = 6
      AND IAmAliveTime < @IAmAliveTime
      AND StartTime < @IAmAliveTime'
),
(
    -- Optional key read by 10.4.2: the provider reads all rows, picks Dead rows older than the
    -- cut-off itself and deletes each one only if it is still exactly the row it saw.
    'CleanupDefunctSiloEntryKey',
    'DELETE FROM OrleansMembershipTable
    WHERE DeploymentId = @DeploymentId
      AND Address = @Address
      AND Port = @Port
      AND Generation = @Generation
      AND Status = 6
      AND StartTime = @StartTime
      AND IAmAliveTime = @IAmAliveTime
      AND COALESCE(SuspectTimes, '''') = COALESCE(@SuspectTimes, '''')'
);
