using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Profile;
using AuthorBot.Dialogs.Recommendations;
using AuthorBot.Recommenders.Interactions;

namespace AuthorBot.Bot.Tests.EndToEnd;

/// <summary>
/// Issue 21 through the real host over HTTP: the first messages that used to get "Sorry, I didn't catch that", opt-out
/// wording, topic switches inside signup, recommendations and RSVP, "did you mean", misses the author can read, typed
/// feedback on a book list and a hand-off to the author's inbox. One host serves the class; each test has its own reader.
/// </summary>
public sealed partial class UnderstandingHostTests(UnderstandingHostTests.Host fixture) : IClassFixture<UnderstandingHostTests.Host>
{
    private const string ApiKey = "understanding-key-0123456789";

    [Theory]
    [InlineData("recomend a book", "Which genres do you like?")]
    [InlineData("something like Harry Potter please", "Which genres do you like?")]
    [InlineData("I loved your last book!", "Thank you, I'm so glad you loved")]
    [InlineData("who are you?", "a bot, not a person")]
    [InlineData("am I chatting with a human?", "a bot, not a person")]
    [InlineData("thanks!", "You're welcome!")]
    [InlineData("What's The Glass Cartographer about?", "The Glass Cartographer (")]
    [InlineData("is there an audiobook?", "audiobook (narrated by")]
    [InlineData("bye", "Goodbye, and happy reading!")]
    [InlineData("when is the next book out", "remind you on launch day?")]
    [InlineData("who is Maren Holloway?", "Maren Holloway's books: ")]
    [InlineData("what order should I read the books in", "The Shifting City")]
    [InlineData("can I get a signed copy?", "sign")]
    [InlineData("newsleter", "What's your name?")]
    [InlineData("menu", "What would you like to do?")]
    public async Task Natural_first_messages_start_the_right_flow_or_get_the_right_answer(string text, string expected)
    {
        var reply = Text(await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), text));

        Assert.Contains(expected, reply, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't catch that", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_book_question_answers_from_the_authors_content_and_an_unnamed_one_offers_the_titles()
    {
        var named = Text(await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), "whats the glass cartografer about"));
        var unnamed = await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), "what is your book about?");

        Assert.Contains("book 1 of The Shifting City", named, StringComparison.Ordinal);
        Assert.Contains("Which book?", Text(unnamed), StringComparison.Ordinal);
        Assert.Equal(3, unnamed.Single(a => a.SuggestedActions is not null).SuggestedActions!.Actions!.Count);
    }

    [Theory]
    [InlineData("please take me off the mailing list")]
    [InlineData("no more newsletters for me")]
    [InlineData("I no longer want your newsletter")]
    public async Task Opt_out_wording_unsubscribes_a_subscriber_and_never_starts_a_signup(string text)
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        await SubscribeAsync(conversation, reader);

        var reply = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, text));

        Assert.Contains($"{reader}@example.com is unsubscribed from the newsletter", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("What's your name?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Too_many_messages_leads_to_preferences_not_to_a_signup()
    {
        var reply = Json(await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), "I get too many messages from you"));

        Assert.DoesNotContain("What's your name?", reply, StringComparison.Ordinal);
        Assert.Contains("announcements", reply, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inside_a_signup_another_flow_asks_before_leaving_and_yes_switches()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        Assert.Contains("What's your name?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "sign me up for the newsletter")), StringComparison.Ordinal);

        var ask = await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "what events are coming up?");
        Assert.Contains("Leave the signup and look at events instead?", Text(ask), StringComparison.Ordinal);

        var switched = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "yes"));
        Assert.Contains("Here's what's coming up with Maren Holloway.", switched, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_a_signup_no_keeps_the_signup_and_menu_works_everywhere()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "sign me up for the newsletter");
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "recommend me a book");

        var stayed = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "no"));
        Assert.Contains("carry on with the signup", stayed, StringComparison.Ordinal);
        Assert.Contains("What's your name?", stayed, StringComparison.Ordinal);

        Assert.Contains("What would you like to do?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "menu")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_a_signup_a_question_is_answered_and_the_signup_goes_on()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "sign me up for the newsletter");

        var reply = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "who are you?"));
        Assert.Contains("a bot, not a person", reply, StringComparison.Ordinal);
        Assert.Contains("What's your name?", reply, StringComparison.Ordinal);
        Assert.Contains("What's your email address?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "Alice")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_recommendations_the_new_book_switches_at_once()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        await ShowBooksAsync(conversation, reader);

        var reply = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "the new book"));

        Assert.Contains("remind you on launch day?", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("didn't follow", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_an_rsvp_a_request_for_books_switches_at_once()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        Assert.Contains("Which event would you like?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "events")), StringComparison.Ordinal);

        var reply = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "can you recommend me a book"));

        Assert.Contains("Which genres do you like?", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_half_understood_message_asks_did_you_mean_with_two_buttons_that_work()
    {
        var (conversation, reader) = (NewConversation(), NewReader());

        // One taught word among unknown ones: the classifier may guess, but not act on so little.
        var ask = await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "newsletter zorblat quimfrey snargle");
        var question = ask.Single(a => a.SuggestedActions is not null);
        Assert.StartsWith("Sorry, I'm not sure what you meant. Did you mean", question.Text, StringComparison.Ordinal);
        var buttons = question.SuggestedActions!.Actions!.Select(a => a.Title).ToList();
        Assert.Equal(2, buttons.Count);
        Assert.Contains("Join the newsletter", buttons);

        Assert.Contains("What's your name?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "Join the newsletter")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_miss_offers_the_menu_and_the_author_reads_it_without_personal_data()
    {
        // Letters only: the scrubber replaces numbers, and the marker must survive it.
        var marker = "vrindle plonk " + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16)))]);
        var reply = await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), marker + " snorfax@example.com");

        Assert.Contains("Sorry, I didn't catch that. Here's what I can do:", Text(reply), StringComparison.Ordinal);
        Assert.Contains("Recommend me a book", Json(reply), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/understanding/misses", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await fixture.Bot.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var misses = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var miss = Assert.Single(misses.RootElement.EnumerateArray(), m => m.GetProperty("text").GetString()!.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain("snorfax@example.com", miss.GetProperty("text").GetString(), StringComparison.Ordinal);

        using var anonymous = await fixture.Bot.Client.GetAsync(new Uri("/api/understanding/misses", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_message_as_long_as_a_chapter_is_answered_at_once_and_its_miss_is_kept_short()
    {
        // One 150,000-letter "word" used to make the spelling corrector build every one-letter deletion of it, which
        // held the conversation for minutes; the channel gave up long before the answer.
        var marker = "vrindle " + new string([.. Guid.NewGuid().ToString("N")[..8].Select(c => (char)('g' + (c % 16)))]);
        var reply = await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), marker + " " + new string('x', 150_000));

        Assert.Contains("Sorry, I didn't catch that.", Text(reply), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/understanding/misses", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await fixture.Bot.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var misses = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var miss = Assert.Single(misses.RootElement.EnumerateArray(), m => m.GetProperty("text").GetString()!.StartsWith(marker, StringComparison.Ordinal));
        Assert.Equal(501, miss.GetProperty("text").GetString()!.Length);
    }

    [Fact]
    public async Task Typed_feedback_resolves_a_shown_book_by_title_or_ordinal_and_asks_when_in_doubt()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        var shown = await ShowBooksAsync(conversation, reader);
        var recommender = fixture.Bot.Services.GetRequiredService<ReaderRecommender>();
        var catalog = await recommender.CatalogAsync(CancellationToken.None);
        var second = BrowseReplyParser.ShortTitle(catalog.Find(shown[1])!.Title);

        // Nothing is in focus yet, so "it" is not a book (and never Stephen King's It): the bot asks which.
        var unsure = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "I've already read it"));
        Assert.Contains("Which book?", unsure, StringComparison.Ordinal);

        var notForMe = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "not for me: " + second));
        Assert.StartsWith($"Got it, I won't suggest {second} again.", notForMe, StringComparison.Ordinal);

        var readerId = ReaderRecommender.ReaderIdOf(new ReaderKey("emulator", reader));
        var history = await recommender.HistoryAsync(readerId, CancellationToken.None);
        Assert.Equal((shown[1], InteractionKind.NotInterested), history.Select(i => (i.ItemId, i.Kind)).Single());
    }

    [Fact]
    public async Task The_first_one_sounds_good_records_the_first_book_shown()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        var shown = await ShowBooksAsync(conversation, reader);
        var recommender = fixture.Bot.Services.GetRequiredService<ReaderRecommender>();

        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "the first one sounds good");

        var history = await recommender.HistoryAsync(ReaderRecommender.ReaderIdOf(new ReaderKey("emulator", reader)), CancellationToken.None);
        Assert.Equal(shown[0], history.Single().ItemId);
    }

    [Fact]
    public async Task A_hand_off_lands_in_the_authors_inbox_with_the_consented_contact()
    {
        var (conversation, reader) = (NewConversation(), NewReader());
        var message = "Will there be a sequel to The Salt Orchard? " + Guid.NewGuid().ToString("N")[..8];

        Assert.Contains("What would you like me to pass on to Maren Holloway?", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "I'd like to send a message to the author")), StringComparison.Ordinal);
        Assert.Contains("type the email address to reply to", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, message)), StringComparison.Ordinal);
        var done = Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "reader@example.com"));
        Assert.Contains("Thanks, I've passed your message on.", done, StringComparison.Ordinal);
        Assert.Contains("replies to reader@example.com", done, StringComparison.Ordinal);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/understanding/inbox", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        using var response = await fixture.Bot.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var inbox = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var item = Assert.Single(inbox.RootElement.EnumerateArray(), m => m.GetProperty("message").GetString() == message);
        Assert.Equal("reader@example.com", item.GetProperty("contact").GetString());
        Assert.Contains("reply", item.GetProperty("contactConsent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strongly_negative_message_gets_an_apology_a_simpler_path_and_the_author()
    {
        var reply = await fixture.Bot.ExpectActivitiesAsync(NewConversation(), NewReader(), "this bot is useless");

        var apology = reply.Single(a => a.SuggestedActions is not null);
        Assert.StartsWith("I'm sorry", apology.Text, StringComparison.Ordinal);
        Assert.Equal(3, apology.SuggestedActions!.Actions!.Count);
        Assert.Contains(apology.SuggestedActions.Actions, a => a.Title == "Message the author");
    }

    private static string NewConversation() => "c-" + Guid.NewGuid().ToString("N");

    private static string NewReader() => "r" + Guid.NewGuid().ToString("N")[..10];

    private static string Text(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(r => r.Text).Where(t => t is not null));

    private static string Json(IEnumerable<Activity> replies) => string.Join("\n", replies.Select(BotJson.Serialize));

    private async Task SubscribeAsync(string conversation, string reader)
    {
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "subscribe to the newsletter");
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "Alice");
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, reader + "@example.com");
        Assert.Contains("you're subscribed", Text(await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "yes")), StringComparison.Ordinal);
    }

    /// <summary>Asks for recommendations and returns the book ids on the list, in order.</summary>
    private async Task<List<string>> ShowBooksAsync(string conversation, string reader)
    {
        await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "recommend me a book");
        var list = await fixture.Bot.ExpectActivitiesAsync(conversation, reader, "surprise me");
        var carousel = list.Single(a => a.Attachments is { Count: > 1 });
        var ids = carousel.Attachments!
            .Select(a => BookIdPattern().Match(JsonSerializer.Serialize(a.Content)).Groups[1].Value)
            .ToList();
        Assert.All(ids, id => Assert.NotEmpty(id));
        return ids;
    }

    [GeneratedRegex("\"bookId\":\"([^\"]+)\"")]
    private static partial Regex BookIdPattern();

    /// <summary>One host for the class, with the author's API key set.</summary>
    public sealed class Host : IAsyncLifetime
    {
        internal RunningHost Bot { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Bot = await RunningHost.StartAsync(["--Storage:Provider=Memory", "--Announcements:ApiKey=" + ApiKey]);

        public async Task DisposeAsync() => await Bot.DisposeAsync();
    }
}
