using Npgsql;

namespace Officina.Service.Tests.Postgres;

/// <summary>
/// A fresh database on the test cluster that <c>scripts/test.sh</c> starts (connection string in
/// <c>OFFICINA_TEST_POSTGRES</c>), dropped afterwards. Fails, never skips, when there is none.
/// </summary>
public sealed class PostgresDatabase : IDisposable
{
    private readonly string _admin;

    public PostgresDatabase()
    {
        _admin = Environment.GetEnvironmentVariable("OFFICINA_TEST_POSTGRES") is { Length: > 0 } admin
            ? admin
            : throw new InvalidOperationException(
                "OFFICINA_TEST_POSTGRES is not set: the PostgreSQL tests need a real server. Run 'bash scripts/test.sh' (it installs Debian's postgresql and starts a throwaway cluster), "
                + "or start one yourself with: eval \"$(bash scripts/test-postgres.sh start)\"");
        Name = "officina_t_" + Guid.NewGuid().ToString("N")[..12];
        Execute($"CREATE DATABASE {Name}");
        ConnectionString = new NpgsqlConnectionStringBuilder(_admin) { Database = Name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    public NpgsqlDataSource CreateDataSource() => NpgsqlDataSource.Create(ConnectionString);

    public long Scalar(string sql, params object[] parameters)
    {
        using var source = CreateDataSource();
        using var command = source.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.AddWithValue(parameter);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)");
    }

    private void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(_admin);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
