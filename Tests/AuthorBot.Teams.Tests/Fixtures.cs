using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Teams.Tests;

/// <summary>The activities under Fixtures/: playground/ (captured from Agents Playground) and teams/ (Teams SDK samples).</summary>
internal static class Fixtures
{
    private static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>Reads an activity fixture (a leading BOM is fine: the Teams samples have one).</summary>
    public static Activity Activity(string relativePath) =>
        BotJson.DeserializeActivity(File.ReadAllBytes(Path.Combine(Root, relativePath)))
            ?? throw new InvalidOperationException(relativePath + " holds no activity.");
}
