using System.Net.Mail;
using System.Text.RegularExpressions;

namespace AuthorBot.Dialogs.Newsletter;

/// <summary>
/// Finds an email address in what a reader typed ("my email is jo@example.org") and says why when there is none,
/// so the reprompt can tell the reader what to fix.
/// </summary>
public static partial class EmailAddressParser
{
    /// <summary>Tries to find one plausible email address in the text.</summary>
    /// <param name="text">The reader's message.</param>
    /// <param name="email">The address, lower-cased in its domain part, when found.</param>
    /// <param name="problem">A short reason for the reader when not found.</param>
    /// <returns>True when an address was found.</returns>
    public static bool TryParse(string? text, out string email, out string problem)
    {
        email = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "I didn't get any text";
            return false;
        }

        var match = Candidate().Match(text);
        if (!match.Success)
        {
            problem = text.Contains('@', StringComparison.Ordinal)
                ? "it needs a name before the '@' and a domain after it, like jo@example.org"
                : "it needs an '@', like jo@example.org";
            return false;
        }

        var candidate = match.Value.TrimEnd('.');
        if (!MailAddress.TryCreate(candidate, out var address) || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            problem = "the part after the '@' should be a domain like example.org";
            return false;
        }

        email = $"{address.User}@{address.Host.ToLowerInvariant()}";
        problem = string.Empty;
        return true;
    }

    [GeneratedRegex(@"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")]
    private static partial Regex Candidate();
}
