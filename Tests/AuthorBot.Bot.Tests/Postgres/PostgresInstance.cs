namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>The settings of one AuthorBot instance on a shared PostgreSQL database.</summary>
internal static class PostgresInstance
{
    /// <summary>
    /// Postgres state, proactive database and Direct Line logs and keys on <paramref name="connectionString"/>; what is
    /// not on PostgreSQL (the recommender's files, Web Chat uploads) in a folder of the instance's own, as on separate
    /// machines. The proactive path is set only to show it is not used: with the Postgres provider those tables are shared.
    /// </summary>
    public static string[] Settings(string connectionString, string folder, string instance) =>
    [
        "--Storage:Provider=Postgres",
        $"--ConnectionStrings:Postgres={connectionString}",
        $"--Proactive:DatabasePath={Path.Combine(folder, instance, "proactive.db")}",
        $"--Recommendations:DataDirectory={Path.Combine(folder, instance, "recommender")}",
        $"--DirectLine:DataDirectory={Path.Combine(folder, instance, "directline")}",
    ];
}
