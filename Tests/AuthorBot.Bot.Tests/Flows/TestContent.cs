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

    public static AuthorContent WithEvents(params AuthorEvent[] events) => new(
        "Test Author",
        null,
        [new Book("book", "Book", "A book.", ["fantasy"], new DateOnly(2020, 1, 1), null, null, [])],
        events);
}
