namespace AuthorBot.Bot.Deployment;

/// <summary>The Teams app package cannot be built as asked; the message says what to change.</summary>
internal sealed class TeamsPackageException : Exception
{
    public TeamsPackageException()
    {
    }

    public TeamsPackageException(string message)
        : base(message)
    {
    }

    public TeamsPackageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
