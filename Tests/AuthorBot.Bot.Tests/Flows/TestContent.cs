using System.Globalization;
using System.Text.RegularExpressions;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Bot.Tests.Flows;

/// <summary>Small author content built in code, for capacities and dates a test needs.</summary>
internal static class TestContent
{
    public static readonly DateTimeOffset SigningStart = new(2027, 3, 20, 14, 0, 0, TimeSpan.Zero);

    public static AuthorEvent Signing(int capacity, string id = "small-signing") => new(
        id,
        EventKind.Signing,
        "Small signing",
        null,
        SigningStart,
        "Europe/London",
        TimeSpan.FromHours(2),
        new Uri("https://example.com/events/" + id),
        "Lantern Books, Edinburgh",
        capacity);

    /// <summary>
    /// Writes the shipped author.json into <paramref name="folder"/> with every event moved to 30, 31, 32... days from
    /// now and every launch to 60 days from now, so a host test can list and book them whatever today's date is (the
    /// shipped dates pass one day); returns the file's path.
    /// </summary>
    public static async Task<string> WriteShippedWithFutureEventsAsync(string folder)
    {
        var shipped = await File.ReadAllTextAsync(ContentServiceCollectionExtensions.ResolvePath(null));
        var next = 30;
        var moved = Regex.Replace(
            shipped,
            "\"startsAt\": \"[^\"]*\"",
            _ => $"\"startsAt\": \"{LocalDate(next++)}\"",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        Assert.True(next > 30, "the shipped author.json has no events to move");
        var launches = 0;
        moved = Regex.Replace(
            moved,
            "(\"launch\": \\{\\s*\"at\": )\"[^\"]*\"",
            m => $"{m.Groups[1].Value}\"{LocalDate(60 + launches++)}\"",
            RegexOptions.None,
            TimeSpan.FromSeconds(1));
        Assert.True(launches > 0, "the shipped author.json has no launch to move");
        var path = Path.Combine(folder, "author.json");
        await File.WriteAllTextAsync(path, moved);
        return path;
    }

    private static string LocalDate(int daysFromNow) =>
        DateTime.UtcNow.Date.AddDays(daysFromNow).AddHours(18).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static AuthorContent WithEvents(params AuthorEvent[] events) => new(
        "Test Author",
        null,
        [new Book("book", "Book", "A book.", ["fantasy"], new DateOnly(2020, 1, 1), null, null, [])],
        events);
}
