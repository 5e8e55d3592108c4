namespace AuthorBot.BotFramework.Schema;

/// <summary>The body of a Connector error: <c>{"error":{"code","message","innerHttpError"}}</c>.</summary>
public class ErrorResponse
{
    /// <summary>The error.</summary>
    public Error? Error { get; set; }
}
