using System.Data;
using System.Data.Common;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// The two parameter calls the proactive stores make, on the provider-neutral collection, so one store body runs on
/// SQLite and on PostgreSQL.
/// </summary>
internal static class DbParameterExtensions
{
    /// <summary>Adds <paramref name="name"/> bound to <paramref name="value"/> (null is SQL NULL).</summary>
    public static DbParameter AddWithValue(this DbParameterCollection parameters, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parameter = NewParameter(parameters, name);
        parameter.Value = value ?? DBNull.Value;
        return parameter;
    }

    /// <summary>Adds <paramref name="name"/> of <paramref name="type"/>, its value set per row by the caller.</summary>
    public static DbParameter Add(this DbParameterCollection parameters, string name, DbType type)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var parameter = NewParameter(parameters, name);
        parameter.DbType = type;
        return parameter;
    }

    private static DbParameter NewParameter(DbParameterCollection parameters, string name)
    {
        DbParameter parameter = parameters switch
        {
            Npgsql.NpgsqlParameterCollection => new Npgsql.NpgsqlParameter(),
            _ => new Microsoft.Data.Sqlite.SqliteParameter(),
        };
        parameter.ParameterName = name;
        parameters.Add(parameter);
        return parameter;
    }
}
