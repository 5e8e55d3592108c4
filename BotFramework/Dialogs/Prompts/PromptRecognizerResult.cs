namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt recognized in the user's answer.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
public class PromptRecognizerResult<T>
{
    /// <summary>Whether an answer was recognized.</summary>
    public bool Succeeded { get; set; }

    /// <summary>The recognized answer.</summary>
    public T? Value { get; set; }
}
