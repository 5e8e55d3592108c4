namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>Decides whether a recognized answer is acceptable; may send its own explanation before returning false.</summary>
/// <typeparam name="T">The answer's type.</typeparam>
/// <param name="promptContext">The recognized answer and prompt details.</param>
/// <param name="cancellationToken">Cancels the turn.</param>
/// <returns>True to accept the answer.</returns>
public delegate Task<bool> PromptValidator<T>(PromptValidatorContext<T> promptContext, CancellationToken cancellationToken);
