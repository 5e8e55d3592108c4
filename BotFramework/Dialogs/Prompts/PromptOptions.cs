using AuthorBot.BotFramework.Dialogs.Choices;
using AuthorBot.BotFramework.Schema;

namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>What a prompt asks, how it asks again, and (for choice prompts) what it offers. Stored with the dialog stack.</summary>
public class PromptOptions
{
    /// <summary>The question.</summary>
    public Activity? Prompt { get; set; }

    /// <summary>Sent instead of the prompt's built-in retry wording after an answer is not recognized or not valid.</summary>
    public Activity? RetryPrompt { get; set; }

    /// <summary>The choices offered (choice prompts).</summary>
    public IList<Choice>? Choices { get; set; }

    /// <summary>How to show the choices; null uses the prompt's own style.</summary>
    public ListStyle? Style { get; set; }

    /// <summary>Extra data for validators (for example a minimum value); stored as JSON.</summary>
    public object? Validations { get; set; }
}
