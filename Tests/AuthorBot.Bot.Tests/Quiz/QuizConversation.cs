using System.Text.Json;
using AuthorBot.Bot.Tests.EndToEnd;
using AuthorBot.BotFramework.Schema;
using AuthorBot.Dialogs.Quiz;

namespace AuthorBot.Bot.Tests.Quiz;

/// <summary>One reader talking to the running host about the quiz: typing, pressing answer buttons, reading the question on screen.</summary>
internal sealed class QuizConversation(RunningHost host, string conversationId, string userId)
{
    public string UserId => userId;

    public Task<List<Activity>> SayAsync(string text) => host.ExpectActivitiesAsync(conversationId, userId, text);

    public async Task<string> SayTextAsync(string text) => Texts(await SayAsync(text));

    /// <summary>Presses a quiz button as a channel sends it: messageBack with the button's text and value.</summary>
    public async Task<List<Activity>> PressAsync(JsonElement button)
    {
        var activity = RunningHost.NewMessage(conversationId, userId, button.GetProperty("text").GetString()!, "http://127.0.0.1:1");
        activity.Value = button.GetProperty("value").Clone();
        activity.DeliveryMode = DeliveryModes.ExpectReplies;
        using var response = await host.PostActivityAsync(activity);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. body.RootElement.GetProperty("activities").EnumerateArray()
            .Select(a => BotJson.DeserializeActivity(System.Text.Encoding.UTF8.GetBytes(a.GetRawText()))!)
            .Where(a => a.Type == ActivityTypes.Message)];
    }

    public static string Texts(IEnumerable<Activity> activities) => string.Join('\n', activities.Select(a => a.Text ?? string.Empty));

    /// <summary>The question whose card is among the replies, with its buttons in letter order.</summary>
    public static (QuizQuestion Question, List<JsonElement> Buttons) QuestionIn(IEnumerable<Activity> activities, QuizBank bank)
    {
        var card = activities.SelectMany(a => a.Attachments ?? []).Last(a => a.ContentType == HeroCard.ContentType).Content!.Value;
        var buttons = card.GetProperty("buttons").EnumerateArray().Select(b => b.Clone()).ToList();
        var id = buttons[0].GetProperty("value").GetProperty("questionId").GetString();
        var question = bank.Find(id) ?? throw new InvalidOperationException($"The card names an unknown question \"{id}\".");
        Assert.Equal(question.Choices.Count, buttons.Count);
        return (question, buttons);
    }

    /// <summary>Plays a whole round by buttons from the opening "quiz", answering right unless <paramref name="wrong"/> says otherwise.</summary>
    public async Task<string> PlayRoundAsync(QuizBank bank, Func<int, bool>? wrong = null)
    {
        var replies = await SayAsync("quiz");
        for (var i = 0; ; i++)
        {
            var (question, buttons) = QuestionIn(replies, bank);
            var pick = wrong?.Invoke(i) == true ? (question.AnswerIndex + 1) % question.Choices.Count : question.AnswerIndex;
            replies = await PressAsync(buttons[pick]);
            var text = Texts(replies);
            if (text.Contains("Round over", StringComparison.Ordinal))
            {
                return text;
            }

            Assert.True(i < QuizBank.RoundLength, "The round did not end: " + text);
        }
    }
}
