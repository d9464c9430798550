using DuckDB.NET.Data;

namespace Kencana.Warehouse.Storage;

/// <summary>The star schema: dimensions for regions, indicators, sources and data versions; facts for observations and targets.</summary>
/// <remarks>
/// Observations carry no primary key: a key index over a hundred million rows costs more than it protects, and the
/// importer already refuses duplicate keys. <c>is_default</c> is materialised on load so that queries never rank
/// conflicting values at read time.
/// </remarks>
public static class WarehouseSchema
{
    /// <summary>
    /// The schema version written to <c>warehouse_info</c>. An older file is migrated in place
    /// (<see cref="Migrations.SchemaMigrations"/>), or rebuilt when it holds nothing but the seed; a newer one is refused.
    /// </summary>
    public const int Version = 4;

    /// <summary>
    /// The observations table: its columns, in the order every insert and export lists them. <c>region_key</c> repeats
    /// <c>region_code</c> as an integer (<see cref="RegionKeyColumn"/>), which DuckDB filters on faster
    /// than on text; it is never shown.
    /// </summary>
    internal const string ObservationsTable = """
        CREATE TABLE observations (
            indicator_code VARCHAR NOT NULL,
            region_code VARCHAR NOT NULL,
            year SMALLINT NOT NULL,
            period sub_period NOT NULL,
            value DOUBLE NOT NULL,
            numerator DOUBLE,
            denominator DOUBLE,
            source_id VARCHAR NOT NULL,
            survey VARCHAR,
            note VARCHAR,
            ci_lower DOUBLE,
            ci_upper DOUBLE,
            is_preferred BOOLEAN NOT NULL,
            is_default BOOLEAN NOT NULL,
            is_synthetic BOOLEAN NOT NULL,
            data_version INTEGER NOT NULL,
            region_key BIGINT NOT NULL
        );
        """;

    /// <summary>Splits, merges and renames of regions (schema 2), shared by the full schema and the migration from 1.</summary>
    internal const string RegionLineageTable = """
        CREATE TABLE region_lineage (
            predecessor_code VARCHAR NOT NULL,
            successor_code VARCHAR NOT NULL,
            year SMALLINT NOT NULL,
            kind VARCHAR NOT NULL,
            source_id VARCHAR NOT NULL,
            note VARCHAR
        );
        """;

    /// <summary>Who wrote what and when (schema 3), shared by the full schema and the migration from 2.</summary>
    internal const string AuditLogTable = """
        CREATE TABLE audit_log (
            id BIGINT PRIMARY KEY,
            written_at TIMESTAMP NOT NULL,
            actor VARCHAR NOT NULL,
            role VARCHAR NOT NULL,
            action VARCHAR NOT NULL,
            subject VARCHAR,
            data_version INTEGER,
            before_value VARCHAR,
            after_value VARCHAR,
            file_name VARCHAR,
            file_sha256 VARCHAR,
            row_count BIGINT
        );
        """;

    internal const string Ddl = $"""
        CREATE TYPE region_level AS ENUM ('nation', 'province', 'regency', 'city', 'district', 'village');
        CREATE TYPE sub_period AS ENUM ('YEAR', 'S1', 'S2', 'Q1', 'Q2', 'Q3', 'Q4',
            'M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08', 'M09', 'M10', 'M11', 'M12');
        CREATE TYPE direction AS ENUM ('higher', 'lower');
        CREATE TYPE rollup_rule AS ENUM ('weighted_mean', 'sum', 'not_additive');

        CREATE TABLE warehouse_info (
            schema_version INTEGER NOT NULL,
            created_at TIMESTAMP NOT NULL,
            seed_sha256 VARCHAR,
            is_synthetic BOOLEAN NOT NULL
        );

        CREATE TABLE data_versions (
            version INTEGER PRIMARY KEY,
            loaded_at TIMESTAMP NOT NULL,
            kind VARCHAR NOT NULL,
            description VARCHAR NOT NULL,
            file_name VARCHAR,
            file_sha256 VARCHAR,
            observation_rows BIGINT NOT NULL,
            target_rows BIGINT NOT NULL,
            source_rows BIGINT NOT NULL
        );

        CREATE TABLE sources (
            id VARCHAR PRIMARY KEY,
            title VARCHAR NOT NULL,
            publisher VARCHAR NOT NULL,
            url VARCHAR,
            published_on DATE,
            priority INTEGER NOT NULL,
            note VARCHAR,
            is_synthetic BOOLEAN NOT NULL DEFAULT false,
            data_version INTEGER NOT NULL
        );

        CREATE TABLE regions (
            code VARCHAR PRIMARY KEY,
            name VARCHAR NOT NULL,
            level region_level NOT NULL,
            parent_code VARCHAR,
            bps_code VARCHAR,
            population_total BIGINT,
            population_male BIGINT,
            population_female BIGINT,
            population_year INTEGER,
            population_source_id VARCHAR,
            area_km2 DOUBLE,
            source_id VARCHAR NOT NULL
        );

        CREATE TABLE indicators (
            code VARCHAR PRIMARY KEY,
            name_id VARCHAR NOT NULL,
            name_en VARCHAR NOT NULL,
            definition VARCHAR NOT NULL,
            unit VARCHAR NOT NULL,
            direction direction NOT NULL,
            min_value DOUBLE,
            max_value DOUBLE,
            rollup rollup_rule NOT NULL,
            denominator VARCHAR,
            source_id VARCHAR NOT NULL
        );

        {ObservationsTable}

        CREATE TABLE targets (
            indicator_code VARCHAR NOT NULL,
            region_code VARCHAR NOT NULL,
            year SMALLINT NOT NULL,
            period sub_period NOT NULL,
            value DOUBLE NOT NULL,
            plan VARCHAR NOT NULL,
            source_id VARCHAR NOT NULL,
            note VARCHAR,
            data_version INTEGER NOT NULL
        );

        {RegionLineageTable}

        {AuditLogTable}
        """;

    /// <summary>
    /// The rule that picks the default among several values for one indicator, region and period: an explicit
    /// preferred flag first, then the source's priority (1 is highest), then the newest data version, then the
    /// source id, so the choice is total and repeatable.
    /// </summary>
    internal const string DefaultOrder = "o.is_preferred DESC, s.priority ASC, o.data_version DESC, o.source_id ASC";

    /// <summary>Creates every table and type in an empty database.</summary>
    internal static void Create(DuckDBConnection connection, string? seedSha256, bool isSynthetic)
    {
        connection.Execute(Ddl);
        connection.Execute(
            "INSERT INTO warehouse_info VALUES ($version, now()::TIMESTAMP, $seed, $synthetic)",
            ("version", Version), ("seed", seedSha256), ("synthetic", isSynthetic));
    }
}
