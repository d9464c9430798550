using Kencana.Warehouse.SqlApi;

namespace Kencana.Warehouse.Tests.SqlApi;

/// <summary>Describe, parameters, the types and values clients get, and DuckDB's errors as SQLSTATEs.</summary>
[Collection(SqlSnapshotGroup.Name)]
public class StatementsTests(SqlSnapshotFixture fixture)
{
    [Fact]
    public void Describe_gives_parameter_and_column_types_without_running_and_execute_binds_them_in_order()
    {
        using var session = fixture.Source.OpenSession();
        const string sql = "SELECT region_code, year, value, is_default FROM observations WHERE indicator = $1 AND region_code = $2 AND year >= $3 ORDER BY year";
        var shape = session.Describe(sql);
        Assert.Equal([SqlType.Text, SqlType.Text, SqlType.Int2], shape.Parameters);
        Assert.Equal(
            [new SqlColumn("region_code", SqlType.Text), new SqlColumn("year", SqlType.Int2), new SqlColumn("value", SqlType.Float8), new SqlColumn("is_default", SqlType.Bool)],
            shape.Columns);

        var rows = SqlRows.All(session, sql, "UNMET_NEED", "64.74", (short)2000);
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.IsType<short>(r[1]));
        Assert.Contains(rows, r => (double)r[2]! == 15.6);

        Assert.Equal(SqlStates.InsufficientPrivilege, Assert.Throws<SqlApiException>(() => session.Describe("DELETE FROM observations")).SqlState);
        Assert.Equal(SqlStates.UndefinedTable, Assert.Throws<SqlApiException>(() => session.Describe("SELECT * FROM nowhere")).SqlState);
        Assert.Equal([SqlType.Text], session.Describe("SELECT $1").Parameters);
    }

    [Fact]
    public void Relations_use_the_types_their_columns_mean()
    {
        using var session = fixture.Source.OpenSession();
        Assert.Equal(
            [SqlType.Text, SqlType.Int2, SqlType.Text, SqlType.Date, SqlType.Float8, SqlType.Float8, SqlType.Bool, SqlType.Int4],
            session.Describe("SELECT region_code, year, period, period_start, value, denominator, is_synthetic, data_version FROM observations").Columns.Select(c => c.Type));
        Assert.Equal(
            [SqlType.Int4, SqlType.Timestamp, SqlType.Int8],
            session.Describe("SELECT version, loaded_at, observation_rows FROM data_versions").Columns.Select(c => c.Type));
        Assert.Equal([SqlType.Date, SqlType.Int4], session.Describe("SELECT published_on, priority FROM sources").Columns.Select(c => c.Type));
        Assert.Equal([SqlType.Int8, SqlType.Float8], session.Describe("SELECT population_total, area_km2 FROM regions").Columns.Select(c => c.Type));

        var row = SqlRows.All(session, "SELECT period_start, loaded_at, observation_rows FROM observations, data_versions WHERE period_start IS NOT NULL LIMIT 1")[0];
        Assert.IsType<DateOnly>(row[0]);
        Assert.IsType<DateTime>(row[1]);
        Assert.Equal(DateTimeKind.Unspecified, ((DateTime)row[1]!).Kind);
        Assert.IsType<long>(row[2]);
    }

    [Fact]
    public void Each_engine_type_is_served_as_its_sql_type_with_the_clr_type_it_names()
    {
        using var session = fixture.Source.OpenSession();
        using var result = session.Execute("""
            SELECT true AS b, 7::TINYINT AS i1, 7::SMALLINT AS i2, 7 AS i4, 7::BIGINT AS i8, 170141183460469231731687303715884105727::HUGEINT // 10000000000 AS huge,
                   18446744073709551615::UBIGINT AS ubig, 1.5::FLOAT AS f4, 1.25::DOUBLE AS f8, 123.45::DECIMAL(10,2) AS num, 'tekst' AS t,
                   DATE '2024-02-29' AS d, TIMESTAMP '2024-02-29 13:14:15.123456' AS ts, TIMESTAMPTZ '2024-02-29 13:14:15+07' AS tstz,
                   TIME '13:14:15' AS tm, INTERVAL '1 month 2 days 3 hours' AS iv, '6b4ea7b6-6f3b-4d2b-a5ff-0f32a2b9c8b1'::UUID AS u,
                   '\xAA\xBB'::BLOB AS bin, [1, 2, 3] AS list, ['a', 'b c'] AS texts, {'x': 1, 'y': 'z'} AS struct, MAP {'k': 1} AS map,
                   'nation'::ENUM('nation', 'province') AS level, NULL::INTEGER AS nothing
            """, [], CancellationToken.None);
        var expected = new (SqlType Type, object? Value)[]
        {
            (SqlType.Bool, true), (SqlType.Int2, (short)7), (SqlType.Int2, (short)7), (SqlType.Int4, 7), (SqlType.Int8, 7L),
            (SqlType.Numeric, 17014118346046923173168730371m), (SqlType.Numeric, 18446744073709551615m),
            (SqlType.Float4, 1.5f), (SqlType.Float8, 1.25), (SqlType.Numeric, 123.45m), (SqlType.Text, "tekst"),
            (SqlType.Date, new DateOnly(2024, 2, 29)), (SqlType.Timestamp, new DateTime(2024, 2, 29, 13, 14, 15, DateTimeKind.Unspecified).AddTicks(1234560)),
            (SqlType.TimestampTz, new DateTimeOffset(2024, 2, 29, 6, 14, 15, TimeSpan.Zero)), (SqlType.Time, new TimeOnly(13, 14, 15)),
            (SqlType.Interval, TimeSpan.FromDays(32) + TimeSpan.FromHours(3)), (SqlType.Uuid, Guid.Parse("6b4ea7b6-6f3b-4d2b-a5ff-0f32a2b9c8b1")),
            (SqlType.Bytea, new byte[] { 0xAA, 0xBB }), (SqlType.Text, "[1, 2, 3]"), (SqlType.Text, "[a, b c]"), (SqlType.Text, "{'x': 1, 'y': z}"),
            (SqlType.Text, "{k=1}"), (SqlType.Text, "nation"), (SqlType.Int4, null),
        };
        Assert.Equal(expected.Select(e => e.Type), result.Columns.Select(c => c.Type));
        Assert.True(result.Read());
        for (var i = 0; i < expected.Length; i++)
        {
            var value = result.GetValue(i);
            Assert.True(Equals(expected[i].Value, value) || (value is byte[] bytes && bytes.SequenceEqual((byte[])expected[i].Value!)),
                $"{result.Columns[i].Name}: expected {expected[i].Value} ({expected[i].Value?.GetType().Name}), got {value} ({value?.GetType().Name})");
        }
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)result.GetValue(13)!).Offset);
        Assert.False(result.Read());
    }

    public static TheoryData<string, string> Errors() =>
        new()
        {
            { "SELEC * FROM observations", SqlStates.SyntaxError },
            { "SELECT * FROM nowhere", SqlStates.UndefinedTable },
            { "SELECT nothing FROM observations", SqlStates.UndefinedColumn },
            { "SELECT no_such_function(value) FROM observations", SqlStates.UndefinedFunction },
            { "SELECT 'abc'::INTEGER", SqlStates.InvalidTextRepresentation },
            { "SELECT 100::TINYINT * 100::TINYINT", SqlStates.DataException },
            { "", SqlStates.SyntaxError },
        };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Engine_errors_arrive_as_their_sqlstate_with_a_readable_message(string sql, string state)
    {
        using var session = fixture.Source.OpenSession();
        var error = Assert.Throws<SqlApiException>(() => SqlRows.All(session, sql));
        Assert.Equal(state, error.SqlState);
        Assert.DoesNotContain("\n\n", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, SqlRows.All(session, "SELECT 1")[0][0]);
    }

    [Fact]
    public void A_syntax_error_carries_its_position()
    {
        using var session = fixture.Source.OpenSession();
        var error = Assert.Throws<SqlApiException>(() => session.Execute("SELECT value FRM observations", [], CancellationToken.None));
        Assert.Equal(SqlStates.SyntaxError, error.SqlState);
        Assert.NotNull(error.Position);
    }
}
