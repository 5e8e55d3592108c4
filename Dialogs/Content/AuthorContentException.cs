namespace AuthorBot.Dialogs.Content;

/// <summary>The author's content file is missing, malformed or fails validation; each error names the line and field.</summary>
public sealed class AuthorContentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AuthorContentException()
        : this("The author's content is not valid.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public AuthorContentException(string message)
        : this(message, null)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public AuthorContentException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception for a list of errors.</summary>
    /// <param name="errors">Each error, e.g. "author.json line 23: events[1].startsAt is missing".</param>
    public AuthorContentException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Every error found, one per problem.</summary>
    public IReadOnlyList<string> Errors { get; }

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? errors[0]
            : $"The author's content has {errors.Count} errors:{Environment.NewLine}" + string.Join(Environment.NewLine, errors);
    }
}
