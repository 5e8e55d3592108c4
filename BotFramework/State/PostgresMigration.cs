namespace AuthorBot.BotFramework.State;

/// <summary>One step of a PostgreSQL schema: applied once, in version order, and recorded so it never runs again.</summary>
/// <param name="Version">Its place in the component's history; versions of one component are unique and only grow.</param>
/// <param name="Description">What it changes, recorded with it.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
public sealed record PostgresMigration(int Version, string Description, string Sql);
