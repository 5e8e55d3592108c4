using AuthorBot.Tests.Shared;

namespace AuthorBot.BotFramework.Tests.State;

/// <summary>The tests that share this run's one PostgreSQL server (each with databases of its own).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresTests : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
