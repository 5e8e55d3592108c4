namespace AuthorBot.BotFramework.Dialogs.Prompts;

/// <summary>
/// The result a prompt ends with when the user gave no acceptable answer within its attempts; the calling step
/// checks <c>stepContext.Result is NoAnswer</c> and decides what to do (offer help, move on, end).
/// </summary>
/// <param name="PromptId">The prompt that gave up.</param>
/// <param name="Attempts">How many answers were tried.</param>
public sealed record NoAnswer(string PromptId, int Attempts);
