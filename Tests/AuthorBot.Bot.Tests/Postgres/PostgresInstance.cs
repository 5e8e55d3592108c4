namespace AuthorBot.Bot.Tests.Postgres;

/// <summary>The settings of one AuthorBot instance on a shared PostgreSQL database.</summary>
internal static class PostgresInstance
{
    /// <summary>
    /// Postgres state, proactive database and Direct Line on <paramref name="connectionString"/>; what is not on
    /// PostgreSQL yet (the recommender's files) in a folder of the instance's own, as on separate machines. The proactive
    /// and Direct Line folders are set only to show they are not used: with the Postgres provider those are shared.
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
