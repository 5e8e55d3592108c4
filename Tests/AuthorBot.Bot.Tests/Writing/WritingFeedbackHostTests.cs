using System.Net;
using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.Bot.Tests.Reliability;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Writing;
using AuthorBot.Understanding.Sentiment;
using AuthorBot.Understanding.Writing;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AuthorBot.Bot.Tests.Writing;

/// <summary>Writing feedback through the running host: who may use it, pasted passages, uploaded Word files, long manuscripts, drafts, privacy.</summary>
public sealed class WritingFeedbackHostTests
{
    private const string Author = "author-1";
    private const string ApiKey = "writing-tests-announcements-key-0123456789";

    /// <summary>Cards as text with their characters as written ("→", "I'd"), so the assertions read naturally.</summary>
    private static readonly JsonSerializerOptions _readableJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string[] _manuscript = ["05-melville-moby-dick.txt", "09-shelley-frankenstein.txt", "17-wells-war-of-the-worlds.txt"];

    private static string Passage(string name) => File.ReadAllText(Path.Combine(WritingHarness.PassagesDirectory, name));

    [Fact]
    public async Task An_author_gets_the_feedback_card_for_a_pasted_passage_and_compares_drafts_while_a_reader_cannot_reach_it()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--Authors:Ids:0={Author}"]);
        var passage = Passage("13-doyle-hound-of-the-baskervilles.txt");
        var expected = new ReadabilityCalculator(ReadabilityCalculator.LoadEasyWords()).Score(passage);

        var replies = await host.ExpectActivitiesAsync("writing-author", Author, passage);
        var card = CardOf(Assert.Single(replies));
        Assert.Contains("Writing feedback:", card, StringComparison.Ordinal);
        Assert.Contains("Flesch reading ease", card, StringComparison.Ordinal);
        Assert.True(card.Contains($"\"{expected.FleschKincaidGrade:0.#}\"", StringComparison.Ordinal), card);
        Assert.Contains("Passive voice", card, StringComparison.Ordinal);
        Assert.Contains("What I'd look at first", card, StringComparison.Ordinal);

        // Each suggestion quotes a sentence of the passage.
        var quotes = QuotedSentences(card);
        Assert.InRange(quotes.Count, 1, 5);
        Assert.All(quotes, q => Assert.Contains(q.TrimEnd('…'), passage, StringComparison.Ordinal));

        // The author's menu offers the tool; a second draft, then the comparison.
        Assert.Contains("Writing feedback", await MenuOfAsync(host, "writing-author", Author), StringComparison.Ordinal);
        var shorter = string.Join("\n\n", passage.Split("\n\n")[..2]);
        Assert.Contains("Writing feedback:", CardOf(Assert.Single(await host.ExpectActivitiesAsync("writing-author", Author, shorter))), StringComparison.Ordinal);
        var comparison = CardOf(Assert.Single(await host.ExpectActivitiesAsync("writing-author", Author, "compare with my last draft")));
        Assert.Contains("What moved since your previous draft", comparison, StringComparison.Ordinal);
        Assert.Contains("→", comparison, StringComparison.Ordinal);

        // A reader pastes the same passage, asks by name, and looks at the menu: no feedback, no tool.
        var readerReplies = await host.ExpectActivitiesAsync("writing-reader", "reader-1", passage);
        Assert.DoesNotContain(readerReplies, a => a.Attachments?.Any(x => x.ContentType == "application/vnd.microsoft.card.adaptive") == true && CardOf(a).Contains("Flesch", StringComparison.Ordinal));
        var refused = await host.ExpectRepliesAsync("writing-reader", "reader-1", "writing feedback");
        Assert.Contains("own tools", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Writing feedback", await MenuOfAsync(host, "writing-reader", "reader-1"), StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<WritingDraftStore>().ReadAsync(new("emulator", "reader-1"), CancellationToken.None));
    }

    [Fact]
    public async Task An_author_signed_in_to_the_dashboard_uploads_a_docx_and_sees_progress_then_the_card_while_a_readers_upload_is_not_read()
    {
        using var folder = new TempFolder();
        await using var host = await RunningHost.StartAsync(
        [
            "--Storage:Provider=Memory",
            $"--DirectLine:DataDirectory={folder.Path}",
            $"--Announcements:ApiKey={ApiKey}",
            // Low enough that this manuscript goes to the background reader, as a 100,000-word one would.
            "--Writing:BackgroundWords=200",
        ]);
        var passages = _manuscript.Select(Passage).ToArray();
        var docx = WordDocument(passages);

        var (token, userId) = await AuthorChatTokenAsync(host);
        Assert.StartsWith(AuthorDirectory.DashboardIdPrefix, userId, StringComparison.Ordinal);
        using var author = await DirectLineSession.StartWithTokenAsync(host, token, userId);
        using (var upload = await author.UploadAsync(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "chapter-one.docx"))
        {
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }

        var activities = await WaitForAsync(author, list => list.Any(IsFeedbackCard));
        var texts = BotTexts(activities);
        Assert.Contains(texts, t => t.Contains("read it in the background", StringComparison.Ordinal));
        var progress = texts.Where(t => t.StartsWith("Reading your manuscript:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["25 %", "50 %", "75 %"], progress.Select(t => t.Split(' ')[3] + " %"));
        var card = activities.Last(IsFeedbackCard).GetProperty("attachments")[0].GetProperty("content").GetRawText();
        var expectedWords = new WritingAnalyzer(VaderSentiment.LoadShipped()).Analyze(string.Join("\n\n", passages)).Words;
        Assert.Contains($"Writing feedback: {expectedWords:N0} words", card, StringComparison.Ordinal);

        // The card came after the progress.
        var order = activities.Select((a, i) => (a, i)).ToList();
        Assert.True(order.Last(x => IsFeedbackCard(x.a)).i > order.Last(x => BotText(x.a).StartsWith("Reading your manuscript:", StringComparison.Ordinal)).i);

        // A Web Chat reader from the page's own token endpoint uploads the same file: it is not read.
        using var reader = await DirectLineSession.StartAsync(host);
        using (var upload = await reader.UploadAsync(docx, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "chapter-one.docx"))
        {
            Assert.True(upload.IsSuccessStatusCode);
        }

        var readerActivities = await WaitForAsync(reader, list => BotTexts(list).Count > 0);
        await Task.Delay(500);
        Assert.DoesNotContain(await reader.ActivitiesAsync(), IsFeedbackCard);
    }

    [Fact]
    public async Task The_drafts_figures_are_in_export_my_data_and_go_with_delete_my_data()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory", $"--Authors:Ids:0={Author}"]);
        await host.ExpectActivitiesAsync("writing-privacy", Author, Passage("04-doyle-scandal-in-bohemia.txt"));
        var store = host.Services.GetRequiredService<WritingDraftStore>();
        Assert.NotNull((await store.ReadAsync(new("emulator", Author), CancellationToken.None))?.Last);

        var export = Assert.Single(await host.ExpectActivitiesAsync("writing-privacy", Author, "export my data"), a => a.Attachments?.Count > 0);
        var url = export.Attachments![0].ContentUrl!;
        var json = Encoding.UTF8.GetString(Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        using var document = JsonDocument.Parse(json);
        var drafts = document.RootElement.GetProperty("data").GetProperty("your drafts' writing figures");
        Assert.True(drafts.GetProperty("last").GetProperty("words").GetInt32() > 100);

        await host.ExpectRepliesAsync("writing-privacy", Author, "delete my data");
        Assert.Contains("deleted everything", await host.ExpectRepliesAsync("writing-privacy", Author, "yes"), StringComparison.Ordinal);
        Assert.Null(await store.ReadAsync(new("emulator", Author), CancellationToken.None));
    }

    private static async Task<string> MenuOfAsync(RunningHost host, string conversation, string user)
    {
        var replies = await host.ExpectActivitiesAsync(conversation, user, "menu");
        await host.ExpectRepliesAsync(conversation, user, "cancel");
        return string.Join('\n', replies.Select(a => BotJsonText(a)));
    }

    private static string BotJsonText(Activity activity) => Encoding.UTF8.GetString(BotFramework.Schema.BotJson.SerializeToUtf8Bytes(activity));

    private static string CardOf(Activity activity)
    {
        var attachment = Assert.Single(activity.Attachments!);
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.ContentType);
        return JsonSerializer.Serialize(attachment.Content, _readableJson);
    }

    private static List<string> QuotedSentences(string cardJson)
    {
        using var card = JsonDocument.Parse(cardJson);
        return [.. card.RootElement.GetProperty("body").EnumerateArray()
            .Select(b => b.TryGetProperty("text", out var t) ? t.GetString() ?? string.Empty : string.Empty)
            .Where(t => t.StartsWith('“'))
            .Select(t => t.Trim('“', '”'))];
    }

    private static bool IsFeedbackCard(JsonElement activity) =>
        activity.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() > 0
        && attachments[0].GetProperty("contentType").GetString() == "application/vnd.microsoft.card.adaptive"
        && attachments[0].GetProperty("content").GetRawText().Contains("Writing feedback:", StringComparison.Ordinal);

    private static string BotText(JsonElement activity) =>
        activity.TryGetProperty("from", out var from) && from.TryGetProperty("role", out var role) && role.GetString() == "bot"
        && activity.TryGetProperty("text", out var text) ? text.GetString() ?? string.Empty : string.Empty;

    private static List<string> BotTexts(List<JsonElement> activities) => [.. activities.Select(BotText).Where(t => t.Length > 0)];

    private static async Task<List<JsonElement>> WaitForAsync(DirectLineSession session, Func<List<JsonElement>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var activities = await session.ActivitiesAsync();
            if (done(activities))
            {
                return activities;
            }

            Assert.True(DateTime.UtcNow < deadline, "Timed out; the bot said: " + string.Join(" | ", BotTexts(activities)));
            await Task.Delay(100);
        }
    }

    private static async Task<(string Token, string UserId)> AuthorChatTokenAsync(RunningHost host)
    {
        using var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress };
        using (var signIn = await client.PostAsync(new Uri("/dashboard/signin", UriKind.Relative), new FormUrlEncodedContent([new("key", ApiKey)])))
        {
            Assert.True(signIn.IsSuccessStatusCode || signIn.StatusCode == HttpStatusCode.Redirect || signIn.StatusCode == HttpStatusCode.SeeOther, signIn.StatusCode.ToString());
        }

        using var refused = await new HttpClient { BaseAddress = host.BaseAddress }.PostAsync(new Uri("/dashboard/api/author-chat", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var response = await client.PostAsync(new Uri("/dashboard/api/author-chat", UriKind.Relative), new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (body.RootElement.GetProperty("token").GetString()!, body.RootElement.GetProperty("userId").GetString()!);
    }

    /// <summary>A real .docx: one Word paragraph per paragraph of the passages.</summary>
    private static byte[] WordDocument(IEnumerable<string> passages)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var paragraph in passages.SelectMany(p => p.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            {
                body.AppendChild(new Paragraph(new Run(new Text(paragraph.ReplaceLineEndings(" ")) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new Document(body);
        }

        return stream.ToArray();
    }
}
