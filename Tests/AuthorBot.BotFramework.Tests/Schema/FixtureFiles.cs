namespace AuthorBot.BotFramework.Tests.Schema;

/// <summary>The fixtures in Tests/AuthorBot.BotFramework.Tests/Fixtures, copied next to the test binaries by the project file.</summary>
internal static class FixtureFiles
{
    public static string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IEnumerable<string> All() =>
        Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static byte[] Read(string relativePath) => File.ReadAllBytes(Path.Combine(Root, relativePath));
}
