using System.Text;
using AuthorBot.Dialogs.Content;

namespace AuthorBot.Bot.Tests.Flows;

public class AuthorContentLoaderTests
{
    // Line numbers matter in these tests: keep the layout of this document as it is.
    private const string Valid = """
        {
          "author": { "name": "Test Author" },
          "books": [
            {
              "id": "old-book",
              "title": "Old Book",
              "blurb": "Published already.",
              "publishedOn": "2020-01-02"
            },
            {
              "id": "new-book",
              "title": "New Book",
              "blurb": "Coming soon.",
              "launch": { "at": "2027-03-02T09:00", "timeZone": "America/New_York" },
              "preOrderLinks": [ { "store": "Shop", "url": "https://shop.example.com/new-book" } ]
            }
          ],
          "events": [
            {
              "id": "webinar",
              "kind": "webinar",
              "title": "A webinar",
              "startsAt": "2027-01-14T18:00",
              "timeZone": "Europe/London",
              "link": "https://example.com/webinar",
              "capacity": 10
            },
            {
              "id": "signing",
              "kind": "signing",
              "title": "A signing",
              "startsAt": "2027-07-01T14:00",
              "timeZone": "Europe/London",
              "link": "https://example.com/signing",
              "capacity": 5
            }
          ]
        }
        """;

    [Fact]
    public void Shipped_demo_content_loads_with_an_upcoming_book_and_events()
    {
        var content = AuthorContentLoader.Load(ContentServiceCollectionExtensions.ResolvePath(null));

        Assert.False(string.IsNullOrWhiteSpace(content.AuthorName));
        var upcoming = content.NextLaunch(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero));
        Assert.NotNull(upcoming);
        Assert.NotEmpty(upcoming.PreOrderLinks);
        Assert.NotNull(upcoming.SampleChapterUrl);
        Assert.Contains(content.Events, e => e.Kind == EventKind.Launch);
        Assert.Contains(content.Events, e => e.Kind == EventKind.Webinar);
        Assert.Contains(content.Events, e => e.Kind == EventKind.Signing);
    }

    [Fact]
    public void Local_times_become_instants_in_their_own_zone()
    {
        var content = Parse(Valid);

        // New York is UTC-5 in March before DST starts; London is UTC+0 in January and UTC+1 in July.
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 14, 0, 0, TimeSpan.Zero), content.FindBook("new-book")!.Launch!.At);
        Assert.Equal(new DateTimeOffset(2027, 1, 14, 18, 0, 0, TimeSpan.Zero), content.FindEvent("webinar")!.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 7, 1, 13, 0, 0, TimeSpan.Zero), content.FindEvent("signing")!.StartsAt);
        Assert.Equal(TimeSpan.FromHours(1), content.FindEvent("signing")!.Duration);
    }

    [Fact]
    public void The_authors_time_zone_is_the_one_named_else_the_one_most_dates_use()
    {
        Assert.Equal("Europe/London", Parse(Valid).TimeZone); // two London events, one New York launch
        var named = Valid.Replace("{ \"name\": \"Test Author\" }", "{ \"name\": \"Test Author\", \"timeZone\": \"America/Chicago\" }", StringComparison.Ordinal);
        Assert.Equal("America/Chicago", Parse(named).TimeZone);
        Assert.Equal("Europe/London", AuthorContentLoader.Load(ContentServiceCollectionExtensions.ResolvePath(null)).TimeZone);

        var wrong = Valid.Replace("{ \"name\": \"Test Author\" }", "{ \"name\": \"Test Author\", \"timeZone\": \"Edinburgh\" }", StringComparison.Ordinal);
        var error = Assert.Throws<AuthorContentException>(() => Parse(wrong));
        Assert.Equal(["author.json line 2: author.timeZone \"Edinburgh\" is not an IANA time zone id like \"Europe/London\""], error.Errors);
    }

    [Fact]
    public void A_missing_field_names_the_field_and_the_line_of_its_object()
    {
        var json = Valid.Replace("      \"startsAt\": \"2027-07-01T14:00\",\n", string.Empty, StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Equal(["author.json line 28: events[1].startsAt is missing"], error.Errors);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_its_own_line()
    {
        var json = Valid
            .Replace("\"America/New_York\"", "\"America/Nowhere\"", StringComparison.Ordinal)
            .Replace("\"capacity\": 10", "\"capacity\": 0", StringComparison.Ordinal)
            .Replace("https://example.com/signing", "not a url", StringComparison.Ordinal)
            .Replace("\"kind\": \"signing\"", "\"kind\": \"party\"", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Equal(
            [
                "author.json line 14: books[1].launch.timeZone \"America/Nowhere\" is not an IANA time zone id like \"Europe/London\"",
                "author.json line 26: events[0].capacity 0 is not between 1 and 1000000",
                "author.json line 30: events[1].kind \"party\" is not one of launch, webinar, signing",
                "author.json line 34: events[1].link \"not a url\" is not an absolute http(s) URL",
            ],
            error.Errors);
        Assert.Contains("4 errors", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_reports_the_line()
    {
        var json = Valid.Replace("\"title\": \"A webinar\",", "\"title\": \"A webinar\"", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.StartsWith("author.json line 23: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("is not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_field_is_named_with_its_line()
    {
        var json = Valid.Replace("\"startsAt\": \"2027-01-14T18:00\"", "\"startAt\": \"2027-01-14T18:00\"", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Equal("author.json line 23: events[0].startAt is not a known field (check its spelling)", error.Message);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_named_with_its_line()
    {
        var json = Valid.Replace("\"capacity\": 5", "\"capacity\": \"five\"", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Equal("author.json line 35: events[1].capacity has a value of the wrong type", error.Message);
    }

    [Theory]
    [InlineData("2027-03-28T01:30", "does not exist in Europe/London")]
    [InlineData("2027-02-30T10:00", "is not a local date and time")]
    [InlineData("2027-01-14T18:00Z", "is not a local date and time")]
    public void Impossible_start_times_are_rejected(string startsAt, string why)
    {
        var json = Valid.Replace("2027-01-14T18:00", startsAt, StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.StartsWith("author.json line 23: events[0].startsAt ", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_ids_and_unknown_book_references_are_errors()
    {
        var json = Valid
            .Replace("\"id\": \"signing\"", "\"id\": \"webinar\"", StringComparison.Ordinal)
            .Replace("\"kind\": \"signing\",", "\"kind\": \"signing\", \"bookId\": \"no-such-book\",", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Contains("author.json line 30: events[1].bookId \"no-such-book\" is not the id of any book in \"books\"", error.Errors);
        Assert.Contains("author.json line 29: events[1].id \"webinar\" is already the id of events[0]", error.Errors);
    }

    [Fact]
    public void An_unreadable_file_is_a_clear_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"authorbot-{Guid.NewGuid():N}", "author.json");

        var error = Assert.Throws<AuthorContentException>(() => AuthorContentLoader.Load(missing));

        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Branding_defaults_when_absent_and_is_read_when_given()
    {
        Assert.Equal(AuthorBranding.Default, Parse(Valid).Branding);

        var content = Parse(Valid.Replace("{ \"name\": \"Test Author\" }", "{ \"name\": \"Test Author\", \"photo\": \"author/me.png\", \"accentColor\": \"#7A2E4D\", \"tagline\": \"Books\" }", StringComparison.Ordinal));

        Assert.Equal(new AuthorBranding("author/me.png", "#7a2e4d", "Books"), content.Branding);
    }

    [Theory]
    [InlineData("\"accentColor\": \"red\"", "author.accentColor \"red\" is not a colour like \"#1f5f7a\"")]
    [InlineData("\"photo\": \"javascript:alert(1)\"", "author.photo \"javascript:alert(1)\" is not an absolute http(s) URL")]
    [InlineData("\"photo\": \"../secrets.png\"", "author.photo \"../secrets.png\" is not an absolute http(s) URL")]
    [InlineData("\"tagline\": \" \"", "author.tagline is empty")]
    public void Bad_branding_is_reported_with_its_field(string field, string expected)
    {
        var json = Valid.Replace("{ \"name\": \"Test Author\" }", "{ \"name\": \"Test Author\", " + field + " }", StringComparison.Ordinal);

        var error = Assert.Throws<AuthorContentException>(() => Parse(json));

        Assert.Equal(["author.json line 2: " + expected], error.Errors);
    }

    [Fact]
    public void The_shipped_content_brands_the_chat_page()
    {
        var branding = AuthorContentLoader.Load(ContentServiceCollectionExtensions.ResolvePath(null)).Branding;

        Assert.NotNull(branding.Photo);
        Assert.NotNull(branding.Tagline);
        Assert.NotEqual(AuthorBranding.Default.AccentColor, branding.AccentColor);
    }

    private static AuthorContent Parse(string json) => AuthorContentLoader.Parse(Encoding.UTF8.GetBytes(json), "author.json");
}
