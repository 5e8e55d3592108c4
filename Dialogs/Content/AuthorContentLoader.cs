using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NodaTime;
using NodaTime.Text;

namespace AuthorBot.Dialogs.Content;

/// <summary>
/// Reads the author's content file and checks every field, reporting all problems at once, each with the file, the
/// line and the field ("author.json line 23: events[1].startsAt is missing").
/// </summary>
public static partial class AuthorContentLoader
{
    private static readonly JsonSerializerOptions _options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = false,
    };

    private static readonly LocalDateTimePattern[] _localPatterns =
    [
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm"),
        LocalDateTimePattern.ExtendedIso,
    ];

    /// <summary>Reads and validates a content file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated content.</returns>
    /// <exception cref="AuthorContentException">The file is missing, malformed or invalid.</exception>
    public static async Task<AuthorContent> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuthorContentException($"The author's content file '{path}' could not be read: {ex.Message}", ex);
        }

        return Parse(bytes, Path.GetFileName(path));
    }

    /// <summary>Reads and validates a content file synchronously (start-up only).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The validated content.</returns>
    /// <exception cref="AuthorContentException">The file is missing, malformed or invalid.</exception>
    public static AuthorContent Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllBytes(path), Path.GetFileName(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuthorContentException($"The author's content file '{path}' could not be read: {ex.Message}", ex);
        }
    }

    /// <summary>Parses and validates content.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="fileName">The name used in error messages.</param>
    /// <returns>The validated content.</returns>
    /// <exception cref="AuthorContentException">The JSON is malformed or invalid.</exception>
    public static AuthorContent Parse(ReadOnlySpan<byte> utf8Json, string fileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }

        AuthorContentDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<AuthorContentDocument>(utf8Json, _options);
        }
        catch (JsonException ex)
        {
            throw new AuthorContentException(Describe(ex, fileName), ex);
        }

        var check = new Checker(fileName, JsonLineMap.Build(utf8Json));
        if (document is null)
        {
            check.Error(string.Empty, "the file holds null; it needs an object with \"author\", \"books\" and \"events\"");
            throw check.Failure();
        }

        return check.Content(document);
    }

    private static string Describe(JsonException ex, string fileName)
    {
        var path = ex.Path is { Length: > 1 } p ? p.TrimStart('$').TrimStart('.') + " " : string.Empty;
        var line = ex.LineNumber is { } n ? $" line {n + 1}" : string.Empty;
        var message = ex.Message;
        var what = message.StartsWith("The JSON property", StringComparison.Ordinal)
            ? "is not a known field (check its spelling)"
            : message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
                ? "has a value of the wrong type"
                : "is not valid JSON: " + TrimLocation(message);
        return $"{fileName}{line}: {path}{what}";
    }

    private static string TrimLocation(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        cut = path >= 0 && (cut < 0 || path < cut) ? path : cut;
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ', '|');
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex AccentColorPattern();

    // A relative path of plain segments: letters, digits, dots, dashes and underscores, no "..", no scheme.
    [GeneratedRegex("^(?!.*\\.\\.)[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$")]
    private static partial Regex PhotoPathPattern();

    private sealed partial class Checker(string fileName, JsonLineMap lines)
    {
        private readonly List<string> _errors = [];

        public void Error(string path, string problem)
        {
            var field = path.Length == 0 ? string.Empty : path + " ";
            _errors.Add($"{fileName} line {lines.LineOf(path)}: {field}{problem}");
        }

        public AuthorContentException Failure() => new(_errors);

        public AuthorContent Content(AuthorContentDocument document)
        {
            string? name = null;
            if (document.Author is null)
            {
                Error("author", "is missing");
            }
            else
            {
                name = Text(document.Author.Name, "author.name");
            }

            var website = document.Author?.Website is null ? null : Url(document.Author.Website, "author.website");
            var branding = Branding(document.Author);
            var authorZone = document.Author?.TimeZone is null ? null : Zone(document.Author.TimeZone, "author.timeZone");
            var books = new List<Book>();
            if (document.Books is null)
            {
                Error("books", "is missing");
            }
            else
            {
                for (var i = 0; i < document.Books.Count; i++)
                {
                    if (ToBook(document.Books[i], $"books[{i}]") is { } book)
                    {
                        books.Add(book);
                    }
                }

                Unique(document.Books.Select(b => b?.Id), "books");
            }

            var events = new List<AuthorEvent>();
            if (document.Events is null)
            {
                Error("events", "is missing");
            }
            else
            {
                for (var i = 0; i < document.Events.Count; i++)
                {
                    if (ToEvent(document.Events[i], $"events[{i}]", document.Books) is { } e)
                    {
                        events.Add(e);
                    }
                }

                Unique(document.Events.Select(e => e?.Id), "events");
            }

            var bio = document.Author?.Bio is null ? null : Text(document.Author.Bio, "author.bio");
            var faq = Faq(document.Faq);
            var intentExamples = IntentExamples(document.IntentExamples);
            var quiz = Quiz(document.Quiz);
            if (_errors.Count > 0)
            {
                throw Failure();
            }

            return new AuthorContent(name!, website, books, events)
            {
                Bio = bio,
                Faq = faq,
                IntentExamples = intentExamples,
                Quiz = quiz,
                Branding = branding,
                TimeZone = authorZone?.Id ?? UsualZone(books, events),
            };
        }

        // An author who names no zone of their own most likely lives where most of their dates are given.
        private static string UsualZone(List<Book> books, List<AuthorEvent> events) =>
            books.Where(b => b.Launch is not null).Select(b => b.Launch!.TimeZone).Concat(events.Select(e => e.TimeZone))
                .GroupBy(z => z, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "Etc/UTC";

        private AuthorBranding Branding(AuthorDocument? author)
        {
            var accent = AuthorBranding.Default.AccentColor;
            if (author?.AccentColor is { } color)
            {
                if (AccentColorPattern().IsMatch(color))
                {
                    accent = color.ToLowerInvariant();
                }
                else
                {
                    Error("author.accentColor", $"\"{color}\" is not a colour like \"#1f5f7a\"");
                }
            }

            string? photo = null;
            if (author?.Photo is { } value)
            {
                // A path on the bot's own site (shipped in wwwroot) or an absolute http(s) URL; nothing that could
                // run script or leave the page (javascript:, data:, protocol-relative //host).
                if (PhotoPathPattern().IsMatch(value))
                {
                    photo = value;
                }
                else if (Url(value, "author.photo") is { } url)
                {
                    photo = url.AbsoluteUri;
                }
            }

            var tagline = author?.Tagline is null ? null : Text(author.Tagline, "author.tagline");
            return new AuthorBranding(photo, accent, tagline);
        }

        private Book? ToBook(BookDocument? book, string path)
        {
            if (book is null)
            {
                Error(path, "is null; it needs to be a book object");
                return null;
            }

            var errorsBefore = _errors.Count;
            var id = Id(book.Id, path + ".id");
            var title = Text(book.Title, path + ".title");
            var blurb = Text(book.Blurb, path + ".blurb");
            var tags = new List<string>();
            for (var i = 0; i < (book.Tags?.Count ?? 0); i++)
            {
                if (Text(book.Tags![i], $"{path}.tags[{i}]") is { } tag)
                {
                    tags.Add(tag.ToLowerInvariant());
                }
            }

            DateOnly? publishedOn = null;
            if (book.PublishedOn is not null)
            {
                if (DateOnly.TryParseExact(book.PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    publishedOn = date;
                }
                else
                {
                    Error(path + ".publishedOn", $"\"{book.PublishedOn}\" is not a date like 2024-09-03");
                }
            }

            BookLaunch? launch = null;
            if (book.Launch is { } l)
            {
                var zone = Zone(l.TimeZone, path + ".launch.timeZone");
                var at = Instant(l.At, zone, path + ".launch.at");
                launch = at is { } instant && zone is not null ? new BookLaunch(instant, zone.Id) : null;
            }

            if (book.PublishedOn is null && book.Launch is null)
            {
                Error(path, "needs either \"publishedOn\" (a published book) or \"launch\" (an upcoming one)");
            }

            var sample = book.SampleChapterUrl is null ? null : Url(book.SampleChapterUrl, path + ".sampleChapterUrl");
            var links = new List<PreOrderLink>();
            for (var i = 0; i < (book.PreOrderLinks?.Count ?? 0); i++)
            {
                var linkPath = $"{path}.preOrderLinks[{i}]";
                if (book.PreOrderLinks![i] is not { } link)
                {
                    Error(linkPath, "is null; it needs \"store\" and \"url\"");
                    continue;
                }

                var store = Text(link.Store, linkPath + ".store");
                var url = Url(link.Url, linkPath + ".url");
                if (store is not null && url is not null)
                {
                    links.Add(new PreOrderLink(store, url));
                }
            }

            var series = Series(book.Series, path + ".series");
            var formats = Formats(book.Formats, path + ".formats");
            var setting = book.Setting is null ? null : Text(book.Setting, path + ".setting");
            var characters = Characters(book.Characters, path + ".characters");
            return _errors.Count > errorsBefore
                ? null
                : new Book(id!, title!, blurb!, tags, publishedOn, launch, sample, links)
                {
                    Series = series,
                    Formats = formats,
                    Setting = setting,
                    Characters = characters,
                };
        }

        private AuthorEvent? ToEvent(EventDocument? e, string path, List<BookDocument?>? books)
        {
            if (e is null)
            {
                Error(path, "is null; it needs to be an event object");
                return null;
            }

            var errorsBefore = _errors.Count;
            var id = Id(e.Id, path + ".id");
            var title = Text(e.Title, path + ".title");
            EventKind kind = default;
            if (e.Kind is null)
            {
                Error(path + ".kind", "is missing (launch, webinar or signing)");
            }
            else if (!Enum.TryParse(e.Kind, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || !e.Kind.All(char.IsLetter))
            {
                Error(path + ".kind", $"\"{e.Kind}\" is not one of launch, webinar, signing");
            }

            if (e.BookId is not null && books?.Any(b => b?.Id == e.BookId) != true)
            {
                Error(path + ".bookId", $"\"{e.BookId}\" is not the id of any book in \"books\"");
            }

            var zone = Zone(e.TimeZone, path + ".timeZone");
            var startsAt = Instant(e.StartsAt, zone, path + ".startsAt");
            var minutes = e.DurationMinutes ?? 60;
            if (minutes is <= 0 or > 24 * 60)
            {
                Error(path + ".durationMinutes", $"{minutes} is not between 1 and 1440");
            }

            var link = Url(e.Link, path + ".link");
            if (e.Capacity is null)
            {
                Error(path + ".capacity", "is missing (how many seats there are)");
            }
            else if (e.Capacity is <= 0 or > 1_000_000)
            {
                Error(path + ".capacity", $"{e.Capacity} is not between 1 and 1000000");
            }

            var venue = e.Venue is null ? null : Text(e.Venue, path + ".venue");
            return _errors.Count > errorsBefore
                ? null
                : new AuthorEvent(id!, kind, title!, e.BookId, startsAt!.Value, zone!.Id, TimeSpan.FromMinutes(minutes), link!, venue, e.Capacity!.Value);
        }

        private string? Text(string? value, string path)
        {
            if (value is null)
            {
                Error(path, "is missing");
                return null;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                Error(path, "is empty");
                return null;
            }

            return value.Trim();
        }

        private string? Id(string? value, string path)
        {
            var id = Text(value, path);
            if (id is not null && !IdPattern().IsMatch(id))
            {
                Error(path, $"\"{id}\" must be lower-case letters, digits and single hyphens, like \"edinburgh-signing\"");
                return null;
            }

            return id;
        }

        private Uri? Url(string? value, string path)
        {
            var text = Text(value, path);
            if (text is null)
            {
                return null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                Error(path, $"\"{text}\" is not an absolute http(s) URL");
                return null;
            }

            return uri;
        }

        private DateTimeZone? Zone(string? value, string path)
        {
            var id = Text(value, path);
            if (id is null)
            {
                return null;
            }

            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
            if (zone is null)
            {
                Error(path, $"\"{id}\" is not an IANA time zone id like \"Europe/London\"");
            }

            return zone;
        }

        private DateTimeOffset? Instant(string? value, DateTimeZone? zone, string path)
        {
            var text = Text(value, path);
            if (text is null)
            {
                return null;
            }

            var parsed = _localPatterns.Select(p => p.Parse(text)).FirstOrDefault(r => r.Success);
            if (parsed is null)
            {
                Error(path, $"\"{text}\" is not a local date and time like 2027-03-02T19:00 (the zone goes in \"timeZone\")");
                return null;
            }

            if (zone is null)
            {
                return null;
            }

            var mapping = zone.MapLocal(parsed.Value);
            if (mapping.Count == 0)
            {
                Error(path, $"{text} does not exist in {zone.Id} (the clocks skip it)");
                return null;
            }

            // Ambiguous local times (clocks going back) mean the first occurrence, as a reader would assume.
            return mapping.First().ToDateTimeOffset();
        }

        private void Unique(IEnumerable<string?> ids, string path)
        {
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = 0;
            foreach (var id in ids)
            {
                if (id is not null && !first.TryAdd(id, index))
                {
                    Error($"{path}[{index}].id", $"\"{id}\" is already the id of {path}[{first[id]}]");
                }

                index++;
            }
        }
    }
}
