using AuthorBot.BotFramework.Schema;

namespace AuthorBot.Dialogs;

/// <summary>Builds the activities flows send.</summary>
internal static class Replies
{
    /// <summary>A question: tells speech channels to open the microphone.</summary>
    public static Activity Question(string text)
    {
        var activity = Activity.CreateMessageActivity();
        activity.Text = text;
        activity.InputHint = InputHints.ExpectingInput;
        return activity;
    }
}
