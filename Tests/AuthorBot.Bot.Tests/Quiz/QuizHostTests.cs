using System.Text;
using System.Text.Json;
using AuthorBot.Bot.Tests.Announcements;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Tests.Quiz;

/// <summary>The reader quiz through the running host: a round, typed answers, streaks, the opt-in leaderboard, privacy, the question of the week.</summary>
public sealed class QuizHostTests
{
    private static readonly string[] _ordinals = ["the first one", "the second one", "the third one", "the fourth one"];

    [Fact]
    public async Task A_round_scores_buttons_letters_positions_and_words_and_reprompts_nonsense()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory"]);
        var bank = host.Services.GetRequiredService<QuizBank>();
        var reader = new QuizConversation(host, "quiz-round", "quiz-reader-1");

        var menu = await reader.SayAsync("menu");
        Assert.Contains("Reader quiz", Encoding.UTF8.GetString(BotJson.SerializeToUtf8Bytes(menu[^1])), StringComparison.Ordinal);
        await reader.SayAsync("cancel");

        var replies = await reader.SayAsync("quiz");
        Assert.Contains("Quiz time!", QuizConversation.Texts(replies), StringComparison.Ordinal);
        var asked = new List<string>();

        // 1: the right button.
        var (question, buttons) = QuizConversation.QuestionIn(replies, bank);
        asked.Add(question.Id);
        replies = await reader.PressAsync(buttons[question.AnswerIndex]);
        Assert.Contains("Right", QuizConversation.Texts(replies), StringComparison.Ordinal);
        Assert.Contains("+10 points", QuizConversation.Texts(replies), StringComparison.Ordinal);

        // 2: the right letter, typed as "B".
        (question, _) = QuizConversation.QuestionIn(replies, bank);
        asked.Add(question.Id);
        replies = await reader.SayAsync(QuizQuestion.Letter(question.AnswerIndex).ToString());
        Assert.Contains("Right", QuizConversation.Texts(replies), StringComparison.Ordinal);

        // Nonsense: a reprompt saying how to answer, and the same question again.
        (question, _) = QuizConversation.QuestionIn(replies, bank);
        asked.Add(question.Id);
        replies = await reader.SayAsync("purple monkey dishwasher");
        Assert.Contains("couldn't tell which answer you meant", QuizConversation.Texts(replies), StringComparison.Ordinal);
        Assert.Equal(question.Id, QuizConversation.QuestionIn(replies, bank).Question.Id);

        // 3: "b)" style, lower case.
        replies = await reader.SayAsync(char.ToLowerInvariant(QuizQuestion.Letter(question.AnswerIndex)) + ")");
        Assert.Contains("Right", QuizConversation.Texts(replies), StringComparison.Ordinal);

        // 4: the position, "the second one".
        (question, _) = QuizConversation.QuestionIn(replies, bank);
        asked.Add(question.Id);
        replies = await reader.SayAsync(_ordinals[question.AnswerIndex]);
        Assert.Contains("Right", QuizConversation.Texts(replies), StringComparison.Ordinal);

        // 5: the answer's words, in lower case, but a wrong one.
        (question, _) = QuizConversation.QuestionIn(replies, bank);
        asked.Add(question.Id);
        var wrong = question.Choices[(question.AnswerIndex + 1) % question.Choices.Count];
        var summary = QuizConversation.Texts(await reader.SayAsync(wrong.ToLowerInvariant()));
        Assert.Contains($"Not quite: it's {QuizQuestion.Letter(question.AnswerIndex)}) {question.Answer}", summary, StringComparison.Ordinal);
        Assert.Contains("Round over: 4 of 5 right.", summary, StringComparison.Ordinal);
        Assert.Contains("You have 40 points; your streak is 1 day.", summary, StringComparison.Ordinal);
        Assert.Contains("New badge: First round!", summary, StringComparison.Ordinal);

        // The round was the one the bank draws for this reader's first round: stable across runs.
        Assert.Equal(bank.Round("emulator/quiz-reader-1/0").Select(q => q.Id), asked);

        var record = await reader.SayTextAsync("my score");
        Assert.Contains("40 points, 4 of 5 answers right over 1 round", record, StringComparison.Ordinal);

        // Typed answers to a new round's question work by the answer's words too; "cancel" leaves the quiz.
        replies = await reader.SayAsync("another round");
        (question, _) = QuizConversation.QuestionIn(replies, bank);
        Assert.Contains("Right", await reader.SayTextAsync(question.Answer.ToUpperInvariant()), StringComparison.Ordinal);
        Assert.Contains("cancelled", await reader.SayTextAsync("cancel"), StringComparison.Ordinal);
        Assert.Contains("50 points", await reader.SayTextAsync("my score"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_streak_runs_across_consecutive_days_on_the_apps_clock_and_resets_after_a_gap()
    {
        var clock = new ShiftingClock(new DateTimeOffset(2027, 1, 10, 12, 0, 0, TimeSpan.Zero));
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory"], b => b.Services.AddSingleton<TimeProvider>(clock));
        var bank = host.Services.GetRequiredService<QuizBank>();
        var reader = new QuizConversation(host, "quiz-streak", "quiz-streak-1");

        var first = await reader.PlayRoundAsync(bank);
        Assert.Contains("Perfect round: +20 bonus points.", first, StringComparison.Ordinal);
        Assert.Contains("You have 70 points; your streak is 1 day.", first, StringComparison.Ordinal);

        // The same day again: no streak bonus, the streak stays at one day.
        var again = await reader.PlayRoundAsync(bank, wrong: i => i == 0);
        Assert.DoesNotContain("in a row", again, StringComparison.Ordinal);
        Assert.Contains("You have 110 points; your streak is 1 day.", again, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await reader.PlayRoundAsync(bank, wrong: i => i == 0);
        Assert.Contains("2 days in a row: +5 streak points.", nextDay, StringComparison.Ordinal);
        Assert.Contains("You have 155 points; your streak is 2 days.", nextDay, StringComparison.Ordinal);
        Assert.Contains("Century (100 points)", await reader.SayTextAsync("my badges"), StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(2));
        var afterGap = await reader.PlayRoundAsync(bank, wrong: i => i == 0);
        Assert.Contains("your streak is 1 day.", afterGap, StringComparison.Ordinal);
        Assert.Contains("best 2 days", await reader.SayTextAsync("my streak"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leaderboard_shows_only_readers_who_opted_in_under_the_names_they_chose()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory"]);
        var bank = host.Services.GetRequiredService<QuizBank>();
        var fox = new QuizConversation(host, "quiz-board-a", "quiz-board-fox");
        var shy = new QuizConversation(host, "quiz-board-b", "quiz-board-shy");
        var owl = new QuizConversation(host, "quiz-board-c", "quiz-board-owl");

        await fox.PlayRoundAsync(bank);
        await shy.PlayRoundAsync(bank);
        await owl.PlayRoundAsync(bank, wrong: i => i < 2);
        Assert.Contains("Nobody is on the quiz leaderboard yet.", await shy.SayTextAsync("leaderboard"), StringComparison.Ordinal);

        Assert.Contains("You're on the leaderboard as Quiz Fox, with 70 points", await fox.SayTextAsync("join the leaderboard as Quiz Fox"), StringComparison.Ordinal);
        Assert.Contains("What name should the leaderboard show?", await owl.SayTextAsync("join the leaderboard"), StringComparison.Ordinal);
        Assert.Contains("2 to 24", await owl.SayTextAsync("owl@example.com"), StringComparison.Ordinal);
        Assert.Contains("as Night Owl", await owl.SayTextAsync("Night Owl"), StringComparison.Ordinal);
        Assert.Contains("already goes by quiz fox", await shy.SayTextAsync("join the leaderboard as quiz fox"), StringComparison.Ordinal);

        var board = await shy.SayTextAsync("show the leaderboard");
        Assert.Contains("1. Quiz Fox: 70 points", board, StringComparison.Ordinal);
        Assert.Contains("2. Night Owl: 30 points", board, StringComparison.Ordinal);
        Assert.Contains("You're not on it.", board, StringComparison.Ordinal);
        foreach (var hidden in new[] { "quiz-board-shy", "quiz-board-fox", "quiz-board-owl", "Reader quiz-board" })
        {
            Assert.DoesNotContain(hidden, board, StringComparison.Ordinal);
        }

        // Points won later reach the board; the stored board holds only those who opted in.
        await fox.PlayRoundAsync(bank, wrong: i => i > 0);
        Assert.Contains("1. Quiz Fox: 80 points", await owl.SayTextAsync("leaderboard"), StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<QuizLeaderboardStore>().ReadAsync(CancellationToken.None);
        Assert.Equal(["emulator/quiz-board-fox", "emulator/quiz-board-owl"], stored.Entries.Keys.Order(StringComparer.Ordinal));

        // Opting out removes the entry.
        Assert.Contains("Quiz Fox is off the leaderboard", await fox.SayTextAsync("leave the leaderboard"), StringComparison.Ordinal);
        board = await owl.SayTextAsync("leaderboard");
        Assert.DoesNotContain("Quiz Fox", board, StringComparison.Ordinal);
        Assert.Contains("1. Night Owl: 30 points", board, StringComparison.Ordinal);
        Assert.Contains("You appear as Night Owl", board, StringComparison.Ordinal);
        stored = await host.Services.GetRequiredService<QuizLeaderboardStore>().ReadAsync(CancellationToken.None);
        Assert.Equal(["emulator/quiz-board-owl"], stored.Entries.Keys);
    }

    [Fact]
    public async Task Quiz_data_is_in_export_my_data_and_goes_with_delete_my_data()
    {
        await using var host = await RunningHost.StartAsync(["--Storage:Provider=Memory"]);
        var bank = host.Services.GetRequiredService<QuizBank>();
        var reader = new QuizConversation(host, "quiz-privacy", "quiz-privacy-1");
        await reader.PlayRoundAsync(bank);
        await reader.SayAsync("join the leaderboard as Page Turner");

        var export = Assert.Single(await reader.SayAsync("export my data"), a => a.Attachments?.Count > 0);
        var url = export.Attachments![0].ContentUrl!;
        using var document = JsonDocument.Parse(Convert.FromBase64String(url[(url.IndexOf(',', StringComparison.Ordinal) + 1)..]));
        var data = document.RootElement.GetProperty("data");
        var progress = data.GetProperty("profile and preferences").GetProperty("QuizProgress");
        Assert.Equal(70, progress.GetProperty("points").GetInt32());
        Assert.Equal(1, progress.GetProperty("streak").GetInt32());
        Assert.Contains("perfect-round", progress.GetProperty("badges").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal("Page Turner", data.GetProperty("your quiz leaderboard entry").GetProperty("displayName").GetString());

        await reader.SayAsync("delete my data");
        Assert.Contains("deleted everything", await reader.SayTextAsync("yes"), StringComparison.Ordinal);
        var stored = await host.Services.GetRequiredService<QuizLeaderboardStore>().ReadAsync(CancellationToken.None);
        Assert.Empty(stored.Entries);
        var storage = host.Services.GetRequiredService<IStorage>();
        Assert.Empty(await storage.ReadAsync(["emulator/users/quiz-privacy-1"], CancellationToken.None));
        Assert.Contains("0 points", await reader.SayTextAsync("my score"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_question_of_the_week_goes_out_as_an_announcement_and_its_answer_scores_once()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var announcements = await AnnouncementHost.StartAsync();
        var host = announcements.Host;
        var bank = host.Services.GetRequiredService<QuizBank>();

        var listed = await announcements.GetJsonAsync("/api/quiz/questions");
        Assert.Contains("orchard-fruit", listed.EnumerateArray().Select(q => q.GetProperty("id").GetString()));
        using (var unknown = await announcements.PostAsync("""{"quizQuestionId":"no-such-question","audience":{"kind":"all"}}"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, unknown.StatusCode);
            Assert.Contains("quizQuestionId", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var readers = await announcements.SeedReadersAsync(1, channel.ServiceUrl, prefix: "weekly");
        var id = await announcements.CreateAsync("""{"name":"Quiz question of the week","text":"Hi {name}, here's this week's question!","quizQuestionId":"orchard-fruit","audience":{"kind":"all"}}""");
        await announcements.WaitCompletedAsync(id, TimeSpan.FromSeconds(20));
        var sent = await channel.WaitForProactiveAsync(a => a.Attachments?.Any(x => x.ContentType == HeroCard.ContentType) == true, TimeSpan.FromSeconds(10));
        Assert.StartsWith("Hi ", sent.Text, StringComparison.Ordinal);
        var (question, buttons) = QuizConversation.QuestionIn([sent], bank);
        Assert.Equal("orchard-fruit", question.Id);
        Assert.Equal("Only in storms", question.Answer);
        Assert.Equal("Quiz question of the week", sent.Attachments![0].Content!.Value.GetProperty("title").GetString());

        // The reader presses the right answer days later, outside any quiz: it scores, with the day for the streak.
        var reader = new QuizConversation(host, "conv-" + readers[0].UserId, readers[0].UserId);
        var answer = QuizConversation.Texts(await reader.PressAsync(buttons[question.AnswerIndex]));
        Assert.Contains("Right, it's Only in storms! +10 points.", answer, StringComparison.Ordinal);
        Assert.Contains("You have 10 points; your streak is 1 day.", answer, StringComparison.Ordinal);
        Assert.Contains("New badge: Question of the week!", answer, StringComparison.Ordinal);

        // Pressing again, or another button, scores nothing more.
        var repeat = QuizConversation.Texts(await reader.PressAsync(buttons[(question.AnswerIndex + 1) % buttons.Count]));
        Assert.Contains("already answered this week's question", repeat, StringComparison.Ordinal);
        Assert.Contains("10 points", await reader.SayTextAsync("my score"), StringComparison.Ordinal);

        // Pressed in the middle of a round, it is answered and the round's question comes back.
        var other = await AnnouncementHost.SeedReadersAsync(host.Services.GetRequiredService<AuthorBot.Bot.Proactive.ConversationReferenceStore>(), 1, channel.ServiceUrl, prefix: "weekly-mid");
        var midRound = new QuizConversation(host, "conv-" + other[0].UserId, other[0].UserId);
        var round = await midRound.SayAsync("quiz");
        var current = QuizConversation.QuestionIn(round, bank).Question;
        var replies = await midRound.PressAsync(buttons[question.AnswerIndex]);
        Assert.Contains("Right, it's Only in storms!", QuizConversation.Texts(replies), StringComparison.Ordinal);
        Assert.NotEqual(question.Id, current.Id);
        Assert.Equal(current.Id, QuizConversation.QuestionIn(replies, bank).Question.Id);
    }

    [Fact]
    public async Task The_dashboard_offers_the_quiz_questions_and_sends_one_as_the_question_of_the_week()
    {
        await using var channel = await FakeChannel.StartAsync();
        await using var announcements = await AnnouncementHost.StartAsync();
        var host = announcements.Host;
        await announcements.SeedReadersAsync(1, channel.ServiceUrl, prefix: "dashboard-quiz");

        using var dashboard = new HttpClient(new SocketsHttpHandler { CookieContainer = new System.Net.CookieContainer() }) { BaseAddress = host.BaseAddress };
        using (var signIn = await dashboard.PostAsync(new Uri("/dashboard/signin", UriKind.Relative), new FormUrlEncodedContent([new("key", AnnouncementHost.ApiKey)])))
        {
            Assert.True(signIn.IsSuccessStatusCode, signIn.StatusCode.ToString());
        }

        using var overview = JsonDocument.Parse(await dashboard.GetStringAsync(new Uri("/dashboard/api/overview", UriKind.Relative)));
        Assert.Contains("maren-cat", overview.RootElement.GetProperty("quizQuestions").EnumerateArray().Select(q => q.GetProperty("id").GetString()));

        using var created = await dashboard.PostAsync(
            new Uri("/dashboard/api/announcements", UriKind.Relative),
            new StringContent("""{"name":"Week 2","variants":[{"text":"This week's question"}],"quizQuestionId":"maren-cat","audience":{"kind":"all"}}""", Encoding.UTF8, "application/json"));
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var sent = await channel.WaitForProactiveAsync(a => a.Attachments?.Any(x => x.ContentType == HeroCard.ContentType) == true, TimeSpan.FromSeconds(20));
        Assert.Equal("This week's question", sent.Text);
        Assert.Equal("maren-cat", QuizConversation.QuestionIn([sent], host.Services.GetRequiredService<QuizBank>()).Question.Id);
    }
}
