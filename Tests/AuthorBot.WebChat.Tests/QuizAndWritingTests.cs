using System.Text.Json;
using System.Text.RegularExpressions;
using AuthorBot.Dialogs.Quiz;
using Microsoft.Extensions.DependencyInjection;

namespace AuthorBot.WebChat.Tests;

/// <summary>
/// The reader quiz and the author's writing feedback as the real Web Chat bundle shows them in Chromium: a round played
/// with a card button and typed answers up to its score, and a pasted passage coming back as the feedback card.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class QuizAndWritingTests(ChromiumFixture chromium)
{
    private const string ApiKey = "webchat-writing-test-key-0123456789abcdef";

    private static readonly string[] _ordinals = ["the first one", "the second one", "the third one", "the fourth one"];

    // About ninety words of plain prose in four sentences: long enough to be read as a passage without asking.
    private const string Passage =
        "The orchard was quiet when Ellen walked down to the river for the last time that summer. "
        + "She had carried the basket of apples all the way from the house, and her arms ached, but she did not stop to rest. "
        + "Somewhere behind her a door was slammed by the wind, and the dog barked once and then fell silent again. "
        + "When she reached the water she sat on the flat stone where her father used to sit, and she watched the light go slowly out of the sky.";

    [Fact]
    public async Task A_reader_plays_a_round_with_a_card_button_and_typed_answers_and_sees_the_score()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path);
        var bank = host.Services.GetRequiredService<QuizBank>();
        await using var context = await NewContextAsync();
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync("^Hi! I'm AuthorBot");

        await chat.SendAsync("quiz");
        await chat.ExpectBotAsync("^Quiz time! 5 questions");

        // 1: the right answer's button on the card; the card shows one button per choice.
        var question = await QuestionAsync(chat, bank, 1);
        var card = chat.BotBubbles.Filter(new LocatorFilterOptions { Has = chat.Page.Locator(".ac-adaptiveCard") }).Filter(new LocatorFilterOptions { HasText = "Question 1 of 5" }).Last;
        var buttons = card.GetByRole(AriaRole.Button);
        await Expect(buttons).ToHaveCountAsync(question.Choices.Count);
        for (var i = 0; i < question.Choices.Count; i++)
        {
            await Expect(buttons.Nth(i)).ToHaveTextAsync(Label(question, i));
            await Expect(buttons.Nth(i)).ToBeEnabledAsync();
        }

        await Screenshots.TakeAsync(chat.Page, "quiz-question-card");
        await chat.ClickButtonAsync(Label(question, question.AnswerIndex));
        await chat.ExpectBotAsync("^Right: " + Regex.Escape(question.Answer) + @"! \+10 points\.");

        // 2: the right letter, typed.
        question = await QuestionAsync(chat, bank, 2);
        await chat.SendAsync(QuizQuestion.Letter(question.AnswerIndex).ToString());
        await chat.ExpectBotAsync("^Right: " + Regex.Escape(question.Answer) + @"! \+10 points\.");

        // 3 to 5: a wrong choice by its position, "the first one" or "the second one".
        for (var number = 3; number <= 5; number++)
        {
            question = await QuestionAsync(chat, bank, number);
            await chat.SendAsync(_ordinals[question.AnswerIndex == 0 ? 1 : 0]);
            await chat.ExpectBotAsync("^Not quite: it's " + Regex.Escape(Label(question, question.AnswerIndex)) + @"\.");
        }

        var result = await chat.ExpectBotAsync(@"Round over: 2 of 5 right\.");
        await Expect(result).ToContainTextAsync(new Regex("You have 20 points; your streak is 1 day\\."));
        await Expect(result).ToContainTextAsync("New badge: First round!");
        await Screenshots.TakeAsync(chat.Page, "quiz-result");
    }

    [Fact]
    public async Task The_author_pastes_a_passage_and_sees_the_writing_feedback_card()
    {
        using var data = new TempFolder();
        await using var host = await BotHost.StartAsync(data.Path, $"--Announcements:ApiKey={ApiKey}");
        await using var context = await NewContextAsync();

        // The author signs in to the dashboard and asks it for an author chat token.
        var dashboard = await context.NewPageAsync();
        await dashboard.GotoAsync(new Uri(host.BaseAddress, "/dashboard").ToString());
        await dashboard.GetByLabel("API key").FillAsync(ApiKey);
        await dashboard.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Sign in" }).ClickAsync();
        await Expect(dashboard.Locator("body[data-loaded=true]")).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = ChatPage.StepTimeoutMs });
        var grant = await dashboard.EvaluateAsync<string>(
            "async () => { const r = await fetch('/dashboard/api/author-chat', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }); if (!r.ok) throw new Error('author-chat answered ' + r.status); return await r.text(); }");
        using (var token = JsonDocument.Parse(grant))
        {
            Assert.StartsWith("dl_author_", token.RootElement.GetProperty("userId").GetString(), StringComparison.Ordinal);
        }

        // The dashboard has no chat of its own: the chat page is handed the author's token where it would fetch a reader's.
        await context.RouteAsync("**/api/directline/token", route => route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = grant }));
        var chat = await ChatPage.OpenAsync(context, host.BaseAddress, ChatTransport.WebSocket);
        await chat.ExpectBotAsync("^Hi! I'm AuthorBot");
        await chat.SendAsync(Passage);

        var feedback = chat.Page.Locator("#webchat .ac-adaptiveCard").Filter(new LocatorFilterOptions { HasText = "Writing feedback:" }).Last;
        await Expect(feedback).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = ChatPage.StepTimeoutMs });
        await Expect(feedback).ToContainTextAsync(new Regex(@"Writing feedback: \d+ words, 4 sentences, 1 paragraph"));
        var titles = (await feedback.Locator(".ac-fact-title").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        Assert.Contains("Flesch reading ease", titles);
        Assert.Contains("Passive voice", titles);
        await Expect(feedback.Locator(".ac-fact-value").First).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? \((easy|plain English|fairly difficult|difficult)\)\s*$"));
        await Expect(feedback.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Compare with my last draft" })).ToBeEnabledAsync();
        await Screenshots.TakeAsync(chat.Page, "writing-feedback-card");
    }

    private static string Label(QuizQuestion question, int index) => $"{QuizQuestion.Letter(index)}) {question.Choices[index]}";

    /// <summary>Waits for the round's question with this number and finds it in the bank by the text the reader sees.</summary>
    private static async Task<QuizQuestion> QuestionAsync(ChatPage chat, QuizBank bank, int number)
    {
        var bubble = await chat.ExpectBotAsync($"^Question {number} of 5: ");
        var raw = await bubble.InnerTextAsync();
        var shown = Plain(raw);
        var question = Assert.Single(bank.Questions, q => shown.Contains(Plain(q.Text), StringComparison.Ordinal) && q.Choices.All(c => shown.Contains(Plain(c), StringComparison.Ordinal)));

        // Each choice on a line of its own, not run into the question.
        for (var i = 0; i < question.Choices.Count; i++)
        {
            Assert.Contains("\n" + QuizQuestion.Letter(i) + ") ", raw, StringComparison.Ordinal);
        }

        return question;
    }

    // Web Chat shows bot text as Markdown with typographic quotes and its own line breaks.
    private static string Plain(string text) => Regex.Replace(text.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"'), @"\s+", " ");

    private Task<IBrowserContext> NewContextAsync() => chromium.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        ViewportSize = new ViewportSize { Width = 480, Height = 800 },
        Locale = "en-US",
    });
}
